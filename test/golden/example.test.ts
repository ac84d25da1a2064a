/**
 * Golden tests on the bundled example (templates/exempel-2024-T2.xlsx: document 004's economy and
 * internkontroll, document 001's risks and åtgärder). The report is written by `tertial rapport`
 * and read back with exceljs, as a user's Excel would read it.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { reportCommand } from "../../src/cli/reportCommand";
import { formatNumber } from "../../src/core/format";
import { parseModel } from "../../src/core/parse/parseModel";
import { AMOUNT_FORMAT, INTEGER_FORMAT, SHARE_FORMAT } from "../../src/core/layout/formats";
import { crossCheck } from "../../src/core/rollup/crossCheck";
import type { Snapshot, SnapshotTable } from "../../src/core/snapshot";
import { capitalize, numberWord } from "../../src/core/text/swedishWords";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");

/**
 * Document 004's published sum rows (mnkr): Bokslut 2023, Utfall jan–aug 2023, Utfall jan–aug
 * 2024, Budget 2024, Prognos helår 2024, Avvikelse prognos helår mot budget.
 */
const PUBLISHED = {
  "Summa intäkter": { terms: 3, figures: [92.3, 52.1, 59.0, 88.5, 88.1, -0.4] },
  "Summa kostnader": { terms: 6, figures: [-1114.2, -725.6, -784.5, -1129.5, -1180.3, -50.8] },
  "Summa totalt (mnkr)": { terms: 9, figures: [-1021.9, -673.5, -727.6, -1041.0, -1092.2, -51.2] },
  "Totalt (mnkr)": { terms: 15, figures: [-1021.9, -673.5, -727.6, -1041.0, -1092.2, -51.2] },
} as const;
const COLUMNS = [
  "Bokslut 2023",
  "Utfall jan–aug 2023",
  "Utfall jan–aug 2024",
  "Budget 2024",
  "Prognos helår 2024",
  "Avvikelse prognos helår mot budget",
];
/** The example's periodbudget is ours; 004 prints only the period deviations it is built on. */
const PERIOD_COLUMNS = ["Periodbudget jan–aug 2024", "Avvikelse utfall mot periodbudget"];

let dir: string;
let report: ExcelJS.Workbook;
let snapshot: Snapshot;
let quiet: jest.SpyInstance;

async function writeReport(name: string): Promise<ExcelJS.Workbook> {
  const output = path.join(dir, name);
  await reportCommand(EXAMPLE, { output });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  return workbook;
}

beforeAll(async () => {
  quiet = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-golden-"));
  report = await writeReport("rapport.xlsx");
  snapshot = await readSnapshotFromFile(EXAMPLE);
});

afterAll(async () => {
  quiet.mockRestore();
  await fs.rm(dir, { recursive: true, force: true });
});

function sheet(name: string): ExcelJS.Worksheet {
  const found = report.getWorksheet(name);
  if (!found) throw new Error(`Bladet ${name} saknas i rapporten`);
  return found;
}

/** The row whose column A holds `label`. */
function rowLabelled(worksheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = 1; r <= worksheet.rowCount; r++) {
    if (worksheet.getRow(r).getCell(1).value === label) return worksheet.getRow(r);
  }
  throw new Error(`Raden ${label} saknas på ${worksheet.name}`);
}

/** The cells that hold something; a merged range's covered cells echo its value and are left out. */
function cellsOf(worksheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  worksheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type !== ExcelJS.ValueType.Merge) cells.push(cell);
    })
  );
  return cells;
}

function allCells(workbook: ExcelJS.Workbook): ExcelJS.Cell[] {
  return workbook.worksheets.flatMap(cellsOf);
}

function texts(worksheet: ExcelJS.Worksheet): string[] {
  const found: string[] = [];
  worksheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string") found.push(cell.value);
    })
  );
  return found;
}

function table(name: string): SnapshotTable {
  const found = snapshot.tables.find((t) => t.name === name);
  if (!found) throw new Error(`Tabellen ${name} saknas`);
  return found;
}

function column(tableName: string, header: string): unknown[] {
  const t = table(tableName);
  const index = t.headers.indexOf(header);
  return t.rows.map((r) => r[index]).filter((v) => v !== null);
}

describe("the example's sums against document 004", () => {
  /** Report column of each header of the resultaträkning's header row. */
  const columnOf = (header: string) => {
    const row = rowLabelled(sheet("Rapport Ekonomi"), "Intäkter / Kostnader (mnkr)");
    for (let c = 2; c <= row.cellCount; c++) if (row.getCell(c).value === header) return c;
    throw new Error(`Kolumnen ${header} saknas`);
  };

  const sums = () => {
    const economy = sheet("Rapport Ekonomi");
    return Object.entries(PUBLISHED).flatMap(([label, { terms, figures }]) => {
      // Driftsredovisning's Totalt is the last row with that label; the header row shows the columns.
      const row = rowLabelled(economy, label);
      return figures.map((published, i) => {
        const computed = row.getCell(columnOf(COLUMNS[i])).value as number;
        // Each one-decimal term may be off by 0,05, and so may the published sum; a deviation has
        // two terms per row.
        const tolerance = ((i === 5 ? 2 * terms : terms) + 1) * 0.05 + 1e-9;
        return {
          label,
          column: COLUMNS[i],
          published,
          computed,
          agrees: Math.abs(computed - published) <= tolerance,
        };
      });
    });
  };

  it("prints the columns in document 004's order, the periodbudget after the period's utfall", () => {
    const header = rowLabelled(sheet("Rapport Ekonomi"), "Intäkter / Kostnader (mnkr)");
    const [priorYear, actualPriorYear, actual, ...fullYear] = COLUMNS;
    const expected = [priorYear, actualPriorYear, actual, ...PERIOD_COLUMNS, ...fullYear];
    expect(expected.map((_, i) => header.getCell(i + 2).value)).toEqual(expected);
  });

  it("shows the period result as 004 leads with it: −30,2 against budget, personnel −31,8", () => {
    const economy = sheet("Rapport Ekonomi");
    const [budget, deviation] = PERIOD_COLUMNS.map(columnOf);
    const total = rowLabelled(economy, "Summa totalt (mnkr)");
    expect(total.getCell(budget).value).toBeCloseTo(-697.5, 6);
    expect(total.getCell(deviation).value).toBeCloseTo(-30.2, 6);
    expect(rowLabelled(economy, "Personalkostnader").getCell(deviation).value).toBeCloseTo(
      -31.8,
      6
    );
    // The driftsredovisning's periodbudget adds up to the same total.
    const totals = [...Array(economy.rowCount).keys()]
      .map((r) => economy.getRow(r + 1))
      .filter((row) => row.getCell(1).value === "Totalt (mnkr)");
    expect(totals[0].getCell(budget).value).toBeCloseTo(-697.5, 6);
  });

  it("equals every published Summa figure that agrees with its terms, within rounding", () => {
    const agreeing = sums().filter((s) => s.agrees);
    expect(agreeing).toHaveLength(22);
    for (const s of agreeing) expect(s.computed).toBeCloseTo(s.published, 0);
  });

  it("disagrees exactly where document 004's printed sum does not add up", () => {
    const differing = sums()
      .filter((s) => !s.agrees)
      .map(({ label, column, published, computed }) => [
        label,
        column,
        published,
        Number(computed.toFixed(1)),
      ]);
    expect(differing).toEqual([
      // 32,3 + 16,3 + 8,3 = 56,9, printed 59,0.
      ["Summa intäkter", "Utfall jan–aug 2024", 59.0, 56.9],
      // Bostadsanpassning's +1,6 is summed as printed; the published total used −1,6.
      ["Totalt (mnkr)", "Utfall jan–aug 2023", -673.5, -670.3],
    ]);
  });

  it("writes the summary paragraph from the data, leading with the period result as 004 does", () => {
    expect(texts(sheet("Rapport Ekonomi"))).toContainEqual(
      expect.stringMatching(
        /^Utfallet för perioden januari–augusti är 727,7\u00a0mnkr, vilket innebär ett underskott på 30,2\u00a0mnkr mot periodbudgeten\. Helårsprognosen är 1\u00a0092,4\u00a0mnkr, vilket innebär ett underskott på 51,4\u00a0mnkr mot budget\. Den största avvikelsen finns inom personalkostnader, \u221266,4\u00a0mnkr mot budget\. Fyra poster i resultaträkningen och sex verksamheter i driftsredovisningen har väsentliga avvikelser \(minst 5,0\u00a0mnkr eller minst 10\u00a0% av budget\);/
      )
    );
  });
});

describe("the avstämning", () => {
  it("names the column that does not agree, and only that one", () => {
    const paragraph = texts(sheet("Rapport Ekonomi")).find((t) => t.startsWith("I kolumnen"));
    // The rounding tolerance is the cross-check's to decide (validation owns it); the text quotes it.
    const check = crossCheck(parseModel(snapshot)).find((c) => c.header === "Utfall period fg år");
    expect(check?.agrees).toBe(false);
    expect(paragraph).toBe(
      "I kolumnen Utfall period fg år stämmer tabellerna inte överens: resultaträkningen summerar till " +
        "\u2212673,4\u00a0mnkr och driftsredovisningen till \u2212670,3\u00a0mnkr, en skillnad på " +
        `3,1\u00a0mnkr som är större än avrundningen kan förklara (högst ${formatNumber(check?.tolerance ?? NaN, 2)}\u00a0mnkr). ` +
        "Kolumnerna Bokslut fg år och Periodbudget stämmer överens. I kolumnerna Utfall period, " +
        "Budget helår och Prognos helår skiljer sig summorna med högst 0,2\u00a0mnkr, vilket " +
        "avrundningen av de inmatade beloppen förklarar."
    );
  });
});

describe("the counts sentence", () => {
  it("matches the risks and åtgärder in the workbook", () => {
    const treatments = column("tblRisker", "Riskhantering");
    const statuses = column("tblAtgarder", "Status");
    const ends = column("tblAtgarder", "Slutdatum") as Date[];
    expect(new Set(treatments)).toEqual(new Set(["Hantera"]));
    const count = (status: string) => statuses.filter((s) => s === status).length;
    const periodEnd = Date.UTC(2024, 7, 31);
    const late = table("tblAtgarder").rows.filter((r, i) => {
      const status = r[table("tblAtgarder").headers.indexOf("Status")];
      return (status === "Pågående" || status === "Ej påbörjad") && ends[i].getTime() < periodEnd;
    }).length;
    const expected =
      `${capitalize(numberWord(treatments.length))} risker har identifierats och ingår i den samlade ` +
      `riskbilden och samtliga har status Hantera. Uppföljningen visar att ` +
      `${numberWord(count("Pågående"))} åtgärder pågår och att ${numberWord(count("Avslutad"))} ` +
      `åtgärder har avslutats under perioden. ${capitalize(numberWord(late))} åtgärder är ` +
      `försenade: slutdatum har passerat utan att de har avslutats.`;
    expect(texts(sheet("Rapport Riskbild"))).toContain(expected);
    // Document 001 printed "åtta åtgärder pågår och att tre åtgärder har avslutats"; its tables say otherwise.
    expect(expected).toContain("fem åtgärder pågår och att tre åtgärder har avslutats");
  });
});

describe("the written report", () => {
  it("is a draft: the example has eight fel, and every sheet says so at the top", () => {
    for (const ws of report.worksheets) {
      const banner = ws.getCell("A1");
      const where = ws.name === "Kontrollresultat" ? "listan nedan" : "Kontrollresultat";
      expect(banner.value).toBe(`UTKAST – arbetsboken har åtta fel; se ${where}.`);
      expect(banner.font).toMatchObject({ bold: true, color: { argb: "FF9C0006" } });
      expect(banner.fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
      expect(ws.model.merges).toContainEqual(`A1:${ws.getColumn(ws.columnCount).letter}1`);
      expect(ws.getCell("A2").value).toBe(
        "Utkast: Vård- och omsorgsnämnden – Delårsrapport augusti 2024"
      );
    }
  });

  it("holds the four sheets, print-ready", () => {
    expect(report.worksheets.map((w) => w.name)).toEqual([
      "Rapport Ekonomi",
      "Rapport Riskbild",
      "Rapport Internkontroll",
      "Kontrollresultat",
    ]);
    for (const ws of report.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9 });
      // A fixed scale the layout computed its page breaks for (see src/core/report/pages.ts).
      expect(ws.pageSetup.fitToPage).toBeFalsy();
      expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(50);
      expect(ws.headerFooter.oddFooter).toBe("&CSida &P (&N)");
    }
  });

  it("formats every number and writes no formula", () => {
    const numbers = allCells(report).filter((c) => typeof c.value === "number");
    expect(numbers.length).toBeGreaterThan(100);
    for (const cell of numbers)
      expect([AMOUNT_FORMAT, INTEGER_FORMAT, SHARE_FORMAT]).toContain(cell.numFmt);
    expect(allCells(report).filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
  });

  it("writes every user text as a string cell, '- ' and all", () => {
    const userTexts = snapshot.tables
      .filter((t) => t.name !== "tblInstallningar")
      .flatMap((t) => t.rows.flat())
      .filter((v): v is string => typeof v === "string");
    const reportTexts = allCells(report).filter((c) => c.type === ExcelJS.ValueType.String);
    const written = new Set(reportTexts.map((c) => c.value as string));
    const asWholeCell = userTexts.filter((t) => written.has(t));
    expect(asWholeCell.length).toBeGreaterThan(20);
    for (const cell of allCells(report).filter((c) => userTexts.includes(String(c.value)))) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
    // Åtgärd Å8 (document 001) lists its steps as "- tydliggöra …" lines.
    expect(
      reportTexts.some((c) => String(c.value).includes("\n- tydliggöra vilka kontroller"))
    ).toBe(true);
  });

  it("is the same cell for cell when written again", async () => {
    const again = await writeReport("igen.xlsx");
    const layout = (workbook: ExcelJS.Workbook) =>
      workbook.worksheets.map((ws) => ({
        name: ws.name,
        widths: ws.columns.map((c) => c.width),
        merges: ws.model.merges,
        heights: Array.from({ length: ws.rowCount }, (_, r) => ws.getRow(r + 1).height),
        cells: cellsOf(ws).map((c) => [c.address, c.type, c.value, c.numFmt, c.style]),
      }));
    expect(layout(again)).toEqual(layout(report));
  });
});
