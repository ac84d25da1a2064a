import { splitFooter, splitHeader } from "../../src/excel/report/footer";

describe("splitFooter", () => {
  it.each([
    ["&CSida &P (&N)", { leftFooter: "", centerFooter: "Sida &P (&N)", rightFooter: "" }],
    ["Sida &P", { leftFooter: "", centerFooter: "Sida &P", rightFooter: "" }],
    [
      "&LTertial&C&P&R2024-08-31",
      { leftFooter: "Tertial", centerFooter: "&P", rightFooter: "2024-08-31" },
    ],
    ["&LVård && omsorg", { leftFooter: "Vård && omsorg", centerFooter: "", rightFooter: "" }],
  ])("%s", (code, sections) => expect(splitFooter(code)).toEqual(sections));
});

describe("splitHeader", () => {
  it.each([
    ["&C&BUTKAST&B", { leftHeader: "", centerHeader: "&BUTKAST&B", rightHeader: "" }],
    ["", { leftHeader: "", centerHeader: "", rightHeader: "" }],
  ])("%s", (code, sections) => expect(splitHeader(code)).toEqual(sections));
});
