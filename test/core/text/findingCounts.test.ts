import {
  findingCounts,
  findingCountsInWords,
  severityCount,
  severityCountInWords,
} from "../../../src/core/text/findingCounts";
import { formatAmountWithUnit, withUnit } from "../../../src/core/format";

describe("findingCounts", () => {
  it("counts fel (the same in the plural) and varning(ar) in digits", () => {
    expect(severityCount("fel", 1)).toBe("1 fel");
    expect(severityCount("fel", 3)).toBe("3 fel");
    expect(severityCount("varning", 1)).toBe("1 varning");
    expect(severityCount("varning", 0)).toBe("0 varningar");
    expect(findingCounts({ fel: 3, varning: 12 })).toBe("3 fel och 12 varningar");
    expect(findingCounts({ fel: 0, varning: 1 })).toBe("0 fel och 1 varning");
  });

  it("counts in words as the report's prose does: fel is neuter", () => {
    expect(severityCountInWords("fel", 1)).toBe("ett fel");
    expect(severityCountInWords("varning", 1)).toBe("en varning");
    expect(severityCountInWords("fel", 0)).toBe("inga fel");
    expect(findingCountsInWords({ fel: 8, varning: 0 })).toBe("åtta fel och inga varningar");
  });
});

describe("amounts with the workbook's unit", () => {
  it("adds the unit after a no-break space, and nothing when the workbook names none", () => {
    expect(formatAmountWithUnit(-1092.24, "mnkr")).toBe("\u22121\u00a0092,2\u00a0mnkr");
    expect(formatAmountWithUnit(-1092.24, null)).toBe("\u22121\u00a0092,2");
    expect(withUnit("0,35", "tkr")).toBe("0,35\u00a0tkr");
    expect(withUnit("0,35", null)).toBe("0,35");
  });
});
