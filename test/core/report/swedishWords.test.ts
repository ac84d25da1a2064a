import {
  capitalize,
  countPhrase,
  joinSwedish,
  numberWord,
} from "../../../src/core/text/swedishWords";

describe("numberWord", () => {
  it.each([
    [1, "common", "en"],
    [1, "neuter", "ett"],
    [2, "common", "två"],
    [5, "common", "fem"],
    [8, "neuter", "åtta"],
    [12, "common", "tolv"],
    [13, "common", "13"],
    [1500, "common", "1\u00a0500"],
  ] as const)("%d (%s) → %s", (n, gender, word) => expect(numberWord(n, gender)).toBe(word));
});

describe("countPhrase", () => {
  it("agrees in number and handles zero", () => {
    expect(countPhrase(1, "risk", "risker")).toBe("en risk");
    expect(countPhrase(5, "risk", "risker")).toBe("fem risker");
    expect(countPhrase(0, "risk", "risker")).toBe("inga risker");
    expect(countPhrase(1, "ärende", "ärenden", "neuter")).toBe("ett ärende");
  });
});

describe("joinSwedish and capitalize", () => {
  it("joins with commas and a final och", () => {
    expect(joinSwedish([])).toBe("");
    expect(joinSwedish(["a"])).toBe("a");
    expect(joinSwedish(["a", "b"])).toBe("a och b");
    expect(joinSwedish(["a", "b", "c"])).toBe("a, b och c");
  });

  it("capitalizes Swedish letters", () =>
    expect(capitalize("åtta åtgärder")).toBe("Åtta åtgärder"));
});
