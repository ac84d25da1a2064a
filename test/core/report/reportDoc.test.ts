/**
 * The ReportDoc is content: each table declares its own columns, each cell what its value is and
 * how it stands out. No Excel number format, merged span or shared column grid (layout.ts decides
 * those), so a document renderer can map the same doc to its own tables.
 */
import { analyse, generateReport } from "../../../src/core/pipeline";
import type { Block, Cell, Column, ReportDoc, TableRow } from "../../../src/core/report/reportDoc";
import { LEDGER_AMOUNTS } from "../../../src/core/template/columns";
import { makeSnapshot } from "../../helpers/snapshot";

const TODAY = new Date(Date.UTC(2024, 8, 15));

const doc: ReportDoc = generateReport(
  analyse(
    makeSnapshot({
      incomeStatement: [
        {
          Post: "Personalkostnader",
          Typ: "Kostnad",
          "Utfall period": -544.3,
          Periodbudget: -512.5,
          "Budget helår": -763.5,
          "Prognos helår": -829.9,
        },
      ],
      operatingStatement: [
        { Verksamhet: "Hemtjänst", "Budget helår": -763.5, "Prognos helår": -829.9 },
      ],
      volumes: [
        { Verksamhet: "Hemtjänst", "Volym budget": 100, "Volym prognos": 90 },
        { Verksamhet: "Boende", "Volym budget": 50, "Volym prognos": 55 },
      ],
      controls: [
        {
          "Kontroll-ID": "K1",
          Kontrollaktivitet: "Prognoskontroll",
          Tidpunkt: "T2",
          Resultat: "Kontroll genomförd med stor avvikelse",
        },
      ],
    }),
    { today: TODAY }
  )
).doc;

type Table = Extract<Block, { kind: "table" }>;
const tables = (sheet: number): Table[] =>
  doc.sheets[sheet].blocks.filter((b): b is Table => b.kind === "table");
const cellsOf = (rows: readonly TableRow[]): Cell[] =>
  rows.flatMap((r) => (r.kind === "group" ? [] : r.cells));

describe("the ReportDoc", () => {
  it("holds no worksheet layout: cells carry a value, a format, an emphasis or a link, nothing else", () => {
    const cells = doc.sheets.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.kind === "table" ? cellsOf(b.rows) : b.kind === "grid" ? b.rows.flat() : []
      )
    );
    expect(cells.length).toBeGreaterThan(50);
    for (const cell of cells) {
      for (const key of Object.keys(cell))
        expect(["value", "format", "emphasis", "link"]).toContain(key);
    }
    // Nor anywhere else: no Excel code, span, grid width or worksheet style.
    expect(JSON.stringify(doc)).not.toMatch(
      /#,##0|0\.0[%;]|numFmt|"span"|columnWidths|"table\.|"matrix\./
    );
  });

  it("declares the ledger columns with their header and format, each row as wide as its table", () => {
    const [income] = tables(0);
    expect(income.columns.map((c: Column) => [c.header, c.format ?? "text"])).toEqual([
      ["Intäkter / Kostnader (mnkr)", "text"],
      ["Bokslut 2023", "amount"],
      ["Utfall jan–aug 2023", "amount"],
      ["Utfall jan–aug 2024", "amount"],
      ["Periodbudget jan–aug 2024", "amount"],
      ["Avvikelse utfall mot periodbudget", "amount"],
      ["Budget 2024", "amount"],
      ["Prognos helår 2024", "amount"],
      ["Avvikelse prognos helår mot budget", "amount"],
    ]);
    for (const table of doc.sheets.flatMap((_, i) => tables(i))) {
      for (const row of table.rows) {
        if (row.kind !== "group") expect(row.cells).toHaveLength(table.columns.length);
      }
    }
  });

  it("shows every ledger amount of the template, and the two deviations derived from them", () => {
    // A ledger column added to the definition needs its line in economySheet's LEDGER_COLUMNS.
    for (const table of tables(0).slice(0, 2)) {
      expect(table.columns).toHaveLength(1 + LEDGER_AMOUNTS.length + 2);
    }
  });

  it("marks sums as sum rows and deviations below budget as negative", () => {
    const [income] = tables(0);
    const total = income.rows.at(-1)!;
    expect(total.kind).toBe("sum");
    expect(total.kind !== "group" && total.cells.map((c) => [c.value, c.emphasis])).toEqual([
      ["Summa totalt (mnkr)", undefined],
      [null, undefined],
      [null, undefined],
      [-544.3, undefined],
      [-512.5, undefined],
      [expect.closeTo(-31.8, 10), "negative"],
      [-763.5, undefined],
      [-829.9, undefined],
      [expect.closeTo(-66.4, 10), "negative"],
    ]);
  });

  it("gives volumes as integers, the share of budget as a share, and markers as a status", () => {
    const [, , volumes, deviations] = tables(0);
    expect(volumes.columns.map((c) => c.format ?? "text")).toEqual([
      "text",
      "text",
      "integer",
      "integer",
      "integer",
      "amount",
      "text",
    ]);
    expect(deviations.columns.find((c) => c.header === "Andel av budget")?.format).toBe("share");
    expect(cellsOf(deviations.rows)).toContainEqual({
      value: "Kommentar saknas",
      emphasis: "status.saknas",
    });
    const [, controls] = tables(2);
    expect(cellsOf(controls.rows)).toContainEqual({
      value: "■ Kontroll genomförd med stor avvikelse",
      emphasis: "status.stor-avvikelse",
    });
  });
});
