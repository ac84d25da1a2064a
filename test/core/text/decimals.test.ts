import { enteredDecimals } from "../../../src/core/text/decimals";

describe("enteredDecimals", () => {
  it.each([
    [44.5, 1],
    [12, 0],
    [-0.05, 2],
    [1e-7, 7],
    [0.1 + 0.2, 17],
    ["1 234,50", 2],
    ["−51,2", 1],
    ["12.25", 2],
    ["12", 0],
    [null, 0],
  ])("reads %j as entered with %d decimals", (raw, decimals) => {
    expect(enteredDecimals(raw)).toBe(decimals);
  });
});
