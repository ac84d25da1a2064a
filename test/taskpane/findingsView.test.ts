import type { Finding } from "../../src/core/findings";
import {
  describeCounts,
  findingLabel,
  FINDINGS_SHOWN_AT_FIRST,
  groupBySheet,
  SHOW_ALL,
  toggleSeverity,
  visibleFindings,
} from "../../src/taskpane/state/findingsView";

const finding = (sheet: string, cell: string, severity: Finding["severity"]): Finding => ({
  file: "test.xlsx",
  sheet,
  cell,
  severity,
  code: "test",
  message: `${severity} i ${cell}`,
});

const FINDINGS: Finding[] = [
  finding("Inställningar", "C5", "fel"),
  finding("Åtgärder", "D7", "varning"),
  finding("Åtgärder", "E9", "fel"),
  finding("Åtgärder", "F9", "varning"),
  finding("Internkontroll", "I4", "varning"),
];

describe("groupBySheet", () => {
  it("groups by sheet in the findings' order and counts each severity", () => {
    const groups = groupBySheet(FINDINGS, SHOW_ALL);
    expect(groups.map((g) => g.sheet)).toEqual(["Inställningar", "Åtgärder", "Internkontroll"]);
    expect(groups[1].counts).toEqual({ fel: 1, varning: 2 });
    expect(groups[1].findings.map((f) => f.cell)).toEqual(["D7", "E9", "F9"]);
  });

  it("filters by severity without changing the counts, and drops sheets left empty", () => {
    const onlyErrors = toggleSeverity(SHOW_ALL, "varning");
    expect(onlyErrors).toEqual({ fel: true, varning: false });
    const groups = groupBySheet(FINDINGS, onlyErrors);
    expect(groups.map((g) => g.sheet)).toEqual(["Inställningar", "Åtgärder"]);
    expect(groups[1].findings.map((f) => f.cell)).toEqual(["E9"]);
    expect(groups[1].counts).toEqual({ fel: 1, varning: 2 });
    expect(groupBySheet(FINDINGS, { fel: false, varning: false })).toEqual([]);
  });
});

describe("describeCounts", () => {
  it.each([
    [{ fel: 0, varning: 0 }, "inga fynd"],
    [{ fel: 3, varning: 0 }, "3 fel"],
    [{ fel: 0, varning: 1 }, "1 varning"],
    [{ fel: 2, varning: 5 }, "2 fel och 5 varningar"],
  ])("%j → %s", (counts, text) => expect(describeCounts(counts)).toBe(text));
});

describe("findingLabel", () => {
  it("reads as one sentence per finding, ending in what the button does", () => {
    expect(findingLabel(FINDINGS[1])).toBe(
      "Varning i Åtgärder, cell D7: varning i D7. Gå till cellen."
    );
    expect(findingLabel({ ...FINDINGS[0], message: "Fyll i Period." })).toBe(
      "Fel i Inställningar, cell C5: Fyll i Period. Gå till cellen."
    );
  });
});

describe("visibleFindings", () => {
  it("lists the first findings of a long sheet until all are asked for", () => {
    const many = Array.from({ length: FINDINGS_SHOWN_AT_FIRST + 5 }, (_, i) =>
      finding("Åtgärder", `D${i + 4}`, "fel")
    );
    const [group] = groupBySheet(many, SHOW_ALL);
    expect(visibleFindings(group, false)).toHaveLength(FINDINGS_SHOWN_AT_FIRST);
    expect(visibleFindings(group, true)).toHaveLength(many.length);
  });
});
