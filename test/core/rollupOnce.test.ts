/**
 * The roll-up is computed once, in `analyse`: the rules about figures and the report's Väsentliga
 * avvikelser and avstämning are built from the very same objects.
 */
import { analyse, generateReport } from "../../src/core/pipeline";
import type { Block, Cell, ReportSheet, TableRow } from "../../src/core/report/reportDoc";
import { cellOf, makeSnapshot } from "../helpers/snapshot";

const TODAY = new Date(Date.UTC(2024, 8, 20));

const analysis = analyse(
  makeSnapshot({
    incomeStatement: [
      // Material and commented: listed in the report, no finding.
      {
        Post: "Taxor och avgifter",
        Typ: "Intäkt",
        "Budget helår": 44.0,
        "Prognos helår": 48.7,
        Kommentar: "Fler kunder.",
      },
      // Material, no comment: a finding, and "Kommentar saknas" in the report.
      {
        Post: "Personalkostnader",
        Typ: "Kostnad",
        "Budget helår": -763.5,
        "Prognos helår": -829.9,
      },
      // Material, neither label nor comment: the finding names the row.
      { Typ: "Kostnad", "Budget helår": -20, "Prognos helår": -25 },
      // Not material.
      { Post: "Övrigt", Typ: "Kostnad", "Budget helår": -10, "Prognos helår": -10.1 },
    ],
    // Totals differ from the resultaträkning's in Budget helår and Prognos helår: the cross-check fails.
    operatingStatement: [{ Verksamhet: "Hemtjänst", "Budget helår": -700, "Prognos helår": -790 }],
    investments: [{ Investering: "Larm", "Budget helår": -4.2, "Prognos helår": -3.2 }],
  }),
  { today: TODAY }
);
const report = generateReport(analysis);
const { materialDeviations, crossCheck } = analysis.rollup;

const economy = report.doc.sheets[0] as ReportSheet;
const tables = economy.blocks.filter(
  (b): b is Extract<Block, { kind: "table" }> => b.kind === "table"
);
const deviationTable = tables.find((t) => t.columns.some((c) => c.header === "Andel av budget"))!;
const cellsOf = (row: TableRow): readonly Cell[] => (row.kind === "group" ? [] : row.cells);
const paragraphs = economy.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));

const withCode = (code: string) => analysis.findings.filter((f) => f.code === code);

describe("the roll-up computed once in analyse", () => {
  it("is the report's roll-up, the same object", () => {
    expect(report.rollup).toBe(analysis.rollup);
  });

  it("gives the material-deviation rule and Väsentliga avvikelser the same rows", () => {
    expect(materialDeviations.map((d) => d.label)).toEqual([
      "Hemtjänst",
      "Personalkostnader",
      "",
      "Taxor och avgifter",
      "Larm",
    ]);
    expect(deviationTable.rows.map((row) => cellsOf(row)[0].value)).toEqual(
      materialDeviations.map((d) => d.label)
    );

    const uncommented = materialDeviations.filter((d) => !d.commented);
    const found = withCode("vasentlig-avvikelse-utan-kommentar");
    expect(found.map((f) => [f.sheet, f.cell]).sort()).toEqual(
      uncommented.map((d) => [d.sheet, d.commentCell]).sort()
    );
    expect(found.map((f) => f.cell).sort()).toEqual(
      [
        cellOf("incomeStatement", "Kommentar", 1),
        cellOf("incomeStatement", "Kommentar", 2),
        cellOf("operatingStatement", "Kommentar", 0),
        cellOf("investments", "Kommentar", 0),
      ].sort()
    );
    const missing = deviationTable.rows.filter((row) =>
      cellsOf(row).some((c) => c.value === "Kommentar saknas")
    );
    expect(missing).toHaveLength(found.length);
    // The row without a Post is named by its row number in the finding.
    const unnamed = materialDeviations.find((d) => d.label === "")!;
    expect(found.some((f) => f.message.startsWith(`Rad ${unnamed.row}: `))).toBe(true);
  });

  it("gives the cross-check rule and the avstämning the same results", () => {
    const failing = crossCheck.filter((r) => !r.agrees);
    expect(failing.map((r) => r.header)).toEqual(["Budget helår", "Prognos helår"]);
    const found = withCode("avstamning-differens");
    expect(found.map((f) => f.cell)).toEqual(failing.map((r) => r.cell));
    const reconciliation = paragraphs.find((p) => p.includes("stämmer tabellerna inte överens"))!;
    for (const r of failing) {
      expect(found.some((f) => f.message.includes(r.header))).toBe(true);
      expect(reconciliation).toContain(`I kolumnen ${r.header} stämmer tabellerna inte överens`);
    }
  });
});
