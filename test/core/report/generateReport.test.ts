import { analyse, generateReport } from "../../../src/core/pipeline";
import { AMOUNT_FORMAT } from "../../../src/core/layout/formats";
import { reportSheets } from "../../../src/core/layout/layout";
import type { GridCell, SheetGrid } from "../../../src/core/layout/sheetGrid";
import { makeSnapshot } from "../../helpers/snapshot";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const TODAY = utc("2024-09-15");

const SNAPSHOT = makeSnapshot(
  {
    incomeStatement: [
      {
        Post: "Taxor och avgifter",
        Typ: "Intäkt",
        "Budget helår": 44.0,
        "Prognos helår": 48.7,
        Kommentar: "Fler kunder.",
      },
      {
        Post: "Personalkostnader",
        Typ: "Kostnad",
        "Budget helår": -763.5,
        "Prognos helår": -829.9,
        Kommentar: "=SUM(A1) är ingen formel",
      },
    ],
    operatingStatement: [
      {
        Verksamhet: "Hemtjänst",
        "Budget helår": -719.5,
        "Prognos helår": -781.2,
        Kommentar: "+ fler timmar",
      },
    ],
    risks: [
      {
        "Risk-ID": "R1",
        Risk: "Brist på personal",
        Riskhantering: "Hantera",
        Sannolikhet: 4,
        Konsekvens: 3,
        Riskbeskrivning: "@ärende",
      },
      // Hantera without an åtgärd: a finding for Kontrollresultat.
      { "Risk-ID": "R2", Risk: "Oegentligheter", Riskhantering: "Hantera" },
    ],
    actions: [
      {
        "Åtgärds-ID": "Å1",
        "Risk-ID": "R1",
        Åtgärd: "- rekrytera",
        Status: "Pågående",
        Slutdatum: utc("2024-12-31"),
        Uppföljningsdatum: utc("2024-08-20"),
        "Kommentar vid senaste uppföljning": "-5 tjänster kvar",
      },
    ],
    controls: [
      {
        "Kontroll-ID": "K1",
        Process: "Ekonomi",
        Kontrollaktivitet: "Prognoskontroll",
        Tidpunkt: "T2",
        Resultat: "Kontroll genomförd med stor avvikelse",
        Kommentar: "Stora brister.",
        "Åtgärd vid avvikelse": "Controller anlitad.",
      },
    ],
  },
  {},
  "nämnden.xlsx"
);

const report = (options = {}) => generateReport(analyse(SNAPSHOT, { today: TODAY }), options);

function cells(grid: SheetGrid): GridCell[] {
  return grid.rows.flatMap((row) => row.filter((c): c is GridCell => c !== null));
}

/** The row whose first cell holds `label`. */
function rowOf(grid: SheetGrid, label: string): readonly (GridCell | null)[] {
  const row = grid.rows.find((r) => r[0]?.value === label);
  if (!row) throw new Error(`no row ${label} on ${grid.name}`);
  return row;
}

describe("generateReport", () => {
  const { rollup, doc } = report();
  const sheets = reportSheets(doc);

  it("gives the four report sheets in order, each a grid of its own columns", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "Rapport Ekonomi",
      "Rapport Riskbild",
      "Rapport Internkontroll",
      "Kontrollresultat",
    ]);
    expect(doc.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    for (const grid of sheets) {
      expect(grid.rows.every((r) => r.length === grid.columnWidths.length)).toBe(true);
      expect(grid.rowHeights).toHaveLength(grid.rows.length);
      expect(grid.print).toMatchObject({
        paperSize: "A4",
        footer: "&CSida &P (&N)",
      });
      expect(grid.print.scale).toBeGreaterThanOrEqual(50);
      expect(grid.print.scale).toBeLessThanOrEqual(100);
    }
  });

  it("writes the sums with full precision and the amount format", () => {
    const economy = sheets[0];
    const total = rowOf(economy, "Summa totalt (mnkr)");
    const amounts = total.filter((c): c is GridCell => typeof c?.value === "number");
    expect(amounts.map((c) => c.value)).toEqual([-719.5, -781.2, -61.7]);
    expect(amounts.every((c) => c.numFmt === AMOUNT_FORMAT)).toBe(true);
    expect(amounts[2].style).toBe("table.sum.number.negative");
    expect(rollup.incomeStatement.total.deviation).toBe(-61.7);
  });

  it("keeps every user text exactly, as a string, whatever it starts with", () => {
    const texts = sheets.flatMap(cells).map((c) => c.value);
    for (const text of ["=SUM(A1) är ingen formel", "+ fler timmar", "@ärende"]) {
      expect(texts).toContain(text);
    }
    expect(texts).toContainEqual(expect.stringMatching(/^- rekrytera\nSlutdatum 2024-12-31$/));
    expect(texts).toContainEqual("2024-08-20\n-5 tjänster kvar");
  });

  it("gives the economy summary, as printed on Rapport Ekonomi", () => {
    const { summary } = report();
    // Personalkostnader (−66,4) and Hemtjänst (−61,7) are the same money in two tables: counted apart.
    expect(summary).toBe(
      "Helårsprognosen är 781,2\u00a0mnkr, vilket innebär ett underskott på 61,7\u00a0mnkr mot " +
        "budget. Den största avvikelsen finns inom personalkostnader, \u221266,4\u00a0mnkr mot budget. " +
        "Två poster i resultaträkningen och en verksamhet i driftsredovisningen har väsentliga " +
        "avvikelser (minst 1,0\u00a0mnkr eller minst 5\u00a0% av budget); de redovisas under " +
        "Väsentliga avvikelser."
    );
    expect(cells(sheets[0]).map((c) => c.value)).toContain(summary);
  });

  it("never overlaps merges (the exceljs renderer relies on it)", () => {
    for (const grid of sheets) {
      const covered = new Set<string>();
      for (const m of grid.merges) {
        for (let r = m.row; r < m.row + m.rowSpan; r++) {
          for (let c = m.col; c < m.col + m.colSpan; c++) {
            expect(covered.has(`${r}:${c}`)).toBe(false);
            covered.add(`${r}:${c}`);
          }
        }
      }
    }
  });

  it("is deterministic: the same input gives the same grids", () => {
    expect(reportSheets(report().doc)).toEqual(sheets);
  });

  it("shows Periodbudget columns only when a row has a periodbudget", () => {
    const header = (grid: SheetGrid) =>
      rowOf(grid, "Intäkter / Kostnader (mnkr)").map((c) => c?.value);
    expect(header(sheets[0])).not.toContain("Periodbudget jan–aug 2024");
    const withPeriodBudget = makeSnapshot({
      incomeStatement: [
        {
          Post: "Personal",
          Typ: "Kostnad",
          "Utfall period": -544.3,
          Periodbudget: -512.5,
          "Budget helår": -763.5,
          "Prognos helår": -829.9,
        },
      ],
    });
    const grid = reportSheets(generateReport(analyse(withPeriodBudget, { today: TODAY })).doc)[0];
    expect(header(grid)).toContain("Periodbudget jan–aug 2024");
    expect(rowOf(grid, "Personal").map((c) => c?.value)).toContain(-31.8);
  });

  it("lists findings with their cell as text, or as a link inside the user's workbook", () => {
    const findings = analyse(SNAPSHOT, { today: TODAY }).findings;
    expect(findings.length).toBeGreaterThan(0);
    const plain = cells(sheets[3]).filter((c) => c.link);
    expect(plain).toEqual([]);
    const linked = cells(reportSheets(report({ linkFindings: true }).doc)[3]).filter((c) => c.link);
    expect(linked).toHaveLength(findings.length);
    expect(linked[0]).toMatchObject({
      value: `${findings[0].sheet}!${findings[0].cell}`,
      style: "link",
      link: { sheet: findings[0].sheet, cell: findings[0].cell },
    });
  });

  it("puts each risk in its matrix cell, coloured by its score", () => {
    const risk = sheets[1];
    const r1 = cells(risk).find((c) => c.value === "R1");
    expect(r1?.style).toBe("matrix.critical");
    const rowIndex = risk.rows.findIndex((r) => r.some((c) => c?.value === "R1"));
    expect(risk.rows[rowIndex][0]?.value).toBe("Sannolikhet 4");
    // The axis label spans columns A–B; Konsekvens 1–4 are columns C–F.
    expect(risk.rows[rowIndex].findIndex((c) => c?.value === "R1")).toBe(4);
    expect(risk.rows.at(rowIndex + 4)?.[4]?.value).toBe("Konsekvens 3");
  });

  it("groups the internal controls by process with the result as a marker", () => {
    const control = sheets[2];
    expect(cells(control)).toContainEqual({ value: "Ekonomi", style: "table.group" });
    expect(cells(control)).toContainEqual({
      value: "■ Kontroll genomförd med stor avvikelse",
      style: "status.stor-avvikelse",
    });
    expect(cells(control).map((c) => c.value)).toContain(
      "Stora brister.\nÅtgärd vid avvikelse: Controller anlitad."
    );
    expect(control.print.repeatRows).toBeDefined();
  });
});

describe("generateReport on a template with nothing filled in", () => {
  const empty = makeSnapshot(
    {},
    {
      organisation: null,
      year: null,
      period: null,
      unit: null,
      materialAmount: null,
      materialPercent: null,
      assessment: null,
      assessmentAnalysis: null,
    }
  );
  const { doc } = generateReport(analyse(empty, { today: TODAY }));
  const sheets = reportSheets(doc);

  it("still gives every sheet, in words, with no gaps showing", () => {
    const texts = sheets.flatMap(cells).map((c) => String(c.value ?? ""));
    expect(texts.filter((t) => /null|undefined|NaN/.test(t))).toEqual([]);
    expect(texts).toContain(
      "Resultaträkningen saknar prognos, så någon helårsprognos kan inte redovisas. Gränserna för " +
        "väsentlig avvikelse är inte ifyllda (bladet Inställningar), så inga avvikelser redovisas som väsentliga."
    );
    expect(texts).toContain(
      "Inga risker har identifierats i den samlade riskbilden. Inga åtgärder har registrerats."
    );
  });

  it("falls back to the template's column names without År and Period", () => {
    const names = [
      "Intäkter / Kostnader (belopp)",
      "Bokslut fg år",
      "Utfall period fg år",
      "Utfall period",
      "Budget helår",
      "Prognos helår",
      "Avvikelse prognos helår mot budget",
    ];
    const table = doc.sheets[0].blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.columns.map((c) => c.header)).toEqual(names);
    // Laid out, the table without its periodbudget columns is narrower than the sheet.
    const header = rowOf(sheets[0], "Intäkter / Kostnader (belopp)").map((c) => c?.value);
    expect(header).toEqual([...names, undefined]);
  });
});
