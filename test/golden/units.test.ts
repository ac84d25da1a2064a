/**
 * The example year's T2 as a ledger gives it: in kronor at full precision, and in tkr. The mnkr
 * example's figures are rounded to 0,1 mnkr; its kronor are made so that each rounds back to the
 * published figure and the resultaträkning and driftsredovisning tie to the krona wherever the
 * published figures agree within rounding (a ledger's two views of the same money always do).
 * Written as real workbooks, read back, validated and reported: the findings are the same, the
 * kr workbook reports in mnkr with the same figures within the shown rounding, and the tkr one in
 * whole tkr.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { reportCommand } from "../../src/cli/reportCommand";
import type { Finding } from "../../src/core/findings";
import { formatNumber } from "../../src/core/format";
import { INTEGER_FORMAT } from "../../src/core/layout/formats";
import { analyse, generateReport } from "../../src/core/pipeline";
import { parseModel } from "../../src/core/parse/parseModel";
import type { Block, ReportDoc } from "../../src/core/report/reportDoc";
import { ROUNDING_NOTE } from "../../src/core/report/roundingNote";
import { valueText } from "../../src/core/report/valueText";
import { ECONOMY_SHEET } from "../../src/core/report/productSheets";
import type { CellValue } from "../../src/core/snapshot";
import { contentOf, type RowSpec, type WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { withOneFel } from "../helpers/withOneFel";

const EXAMPLE_T2 = path.join(__dirname, "..", "..", "templates", "exempel-2024-ar", "T2.xlsx");
const TODAY = new Date(Date.UTC(2024, 8, 20));
const MNKR_IN_ORE = 100_000_000;

type Table = "incomeStatement" | "operatingStatement";
const amountKeys = (key: keyof typeof LATEST_TEMPLATE.tables) =>
  LATEST_TEMPLATE.tables[key].columns.filter((c) => c.kind === "amount").map((c) => c.key);

const asNumber = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : null);

/**
 * The ledgers in öre: each figure × 10⁸, and in a column whose two totals differ within rounding
 * (at most 0,05 mnkr a term), that difference spread over the column's non-zero figures, in whole
 * öre, so both totals are the same. Each figure moves less than 0,05 mnkr: it rounds back.
 */
function ledgersInOre(tables: WorkbookContent["tables"]): Record<Table, RowSpec[]> {
  const result = {
    incomeStatement: (tables?.incomeStatement ?? []).map((r) => ({ ...r })),
    operatingStatement: (tables?.operatingStatement ?? []).map((r) => ({ ...r })),
  } as Record<Table, Record<string, CellValue>[]>;
  for (const key of amountKeys("incomeStatement")) {
    const ore = (t: Table) =>
      result[t].map((r) => {
        const v = asNumber(r[key]);
        return v === null ? null : Math.round(v * MNKR_IN_ORE);
      });
    const income = ore("incomeStatement");
    const operating = ore("operatingStatement");
    const total = (vs: (number | null)[]) => vs.reduce<number>((s, v) => s + (v ?? 0), 0);
    const gap = total(income) - total(operating); // to close: lower income, raise operating
    const movable = [...income, ...operating].filter((v) => v !== null && v !== 0).length;
    const perTerm = movable === 0 ? 0 : Math.abs(gap) / movable;
    const withinRounding = perTerm < 0.05 * MNKR_IN_ORE;
    let left = withinRounding ? gap : 0;
    const spread = (values: (number | null)[], direction: 1 | -1) =>
      values.map((v) => {
        if (v === null || v === 0 || left === 0) return v;
        const step = Math.sign(left) * Math.min(Math.ceil(perTerm), Math.abs(left));
        left -= step;
        return v + direction * step;
      });
    const movedIncome = spread(income, -1);
    const movedOperating = left === 0 ? operating : spread(operating, 1);
    (["incomeStatement", "operatingStatement"] as const).forEach((t) => {
      const moved = t === "incomeStatement" ? movedIncome : movedOperating;
      result[t].forEach((r, i) => {
        if (moved[i] !== null) r[key] = moved[i];
      });
    });
    if (withinRounding) expect(total(movedIncome)).toBe(total(movedOperating));
  }
  return result;
}

/** The content in `unit`, from the ledgers in öre and every other amount (and Historik's) scaled. */
function inUnit(
  content: WorkbookContent,
  ore: Record<Table, RowSpec[]>,
  unit: "kr" | "tkr"
): WorkbookContent {
  const perMnkr = unit === "kr" ? 1e6 : 1e3;
  const fromOre = (v: CellValue | undefined) =>
    typeof v === "number" ? v / (MNKR_IN_ORE / perMnkr) : (v ?? null);
  const scaled = (v: CellValue | undefined) =>
    typeof v === "number" ? Number((v * perMnkr).toPrecision(15)) : (v ?? null);
  const ledger = (t: Table) =>
    ore[t].map((row) => {
      const out: Record<string, CellValue> = { ...row };
      for (const key of amountKeys(t)) out[key] = fromOre(row[key]);
      return out;
    });
  const scaleRows = (key: "volumes" | "investments") =>
    (content.tables?.[key] ?? []).map((row) => {
      const out: Record<string, CellValue> = { ...row };
      for (const k of amountKeys(key)) out[k] = scaled(out[k]);
      return out;
    });
  const amountHeaders = new Set(
    LATEST_TEMPLATE.tableList.flatMap((t) =>
      t.columns.filter((c) => c.kind === "amount").map((c) => `${t.name}|${c.header}`)
    )
  );
  const history = (content.tables?.history ?? []).map((row) =>
    amountHeaders.has(`${String(row.table)}|${String(row.column)}`)
      ? { ...row, value: scaled(row.value) }
      : row
  );
  return {
    ...content,
    settings: {
      ...content.settings,
      unit,
      materialAmount: scaled(content.settings?.materialAmount),
    },
    tables: {
      ...content.tables,
      incomeStatement: ledger("incomeStatement"),
      operatingStatement: ledger("operatingStatement"),
      volumes: scaleRows("volumes"),
      investments: scaleRows("investments"),
      history,
    },
  };
}

let dir: string;
const files: Record<"mnkr" | "kr" | "tkr", string> = { mnkr: EXAMPLE_T2, kr: "", tkr: "" };
let quiet: jest.SpyInstance;

beforeAll(async () => {
  quiet = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-units-"));
  const content = contentOf(parseModel(await readSnapshotFromFile(EXAMPLE_T2)));
  const ore = ledgersInOre(content.tables);
  for (const unit of ["kr", "tkr"] as const) {
    files[unit] = path.join(dir, `T2 ${unit}.xlsx`);
    await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, inUnit(content, ore, unit)), files[unit]);
  }
});

afterAll(async () => {
  quiet.mockRestore();
  await fs.rm(dir, { recursive: true, force: true });
});

async function analysed(unit: keyof typeof files) {
  return analyse(await readSnapshotFromFile(files[unit]), { today: TODAY });
}

const where = (f: Finding) => `${f.severity} ${f.code} ${f.sheet}!${f.cell}`;

/** Rapport Ekonomi's tables, in order. */
function economyTables(doc: ReportDoc): Extract<Block, { kind: "table" }>[] {
  const sheet = doc.sheets.find((s) => s.name === ECONOMY_SHEET);
  return (sheet?.blocks ?? []).filter(
    (b): b is Extract<Block, { kind: "table" }> => b.kind === "table"
  );
}

describe("the example T2 entered in kr and in tkr", () => {
  it("holds kronor that are no whole 0,1 mnkr, yet round to the published figures", async () => {
    const kr = (await analysed("kr")).model;
    const mnkr = (await analysed("mnkr")).model;
    const actual = (m: typeof kr) => m.incomeStatement.map((l) => l.cells.actual.value ?? 0);
    expect(actual(kr).some((v) => v % 100_000 !== 0)).toBe(true);
    actual(kr).forEach((v, i) => expect(Math.round(v / 1e5) / 10).toBeCloseTo(actual(mnkr)[i], 9));
  });

  it("gives the same findings, cell for cell", async () => {
    const expected = (await analysed("mnkr")).findings.map(where);
    expect(expected.length).toBeGreaterThan(5);
    for (const unit of ["kr", "tkr"] as const) {
      expect((await analysed(unit)).findings.map(where)).toEqual(expected);
    }
  });

  it("names the materiality amount in Enhet with its unit in the findings", async () => {
    // The example explains every material deviation: one fel put back.
    const unexplained = path.join(dir, "T2 tkr utan kommentar.xlsx");
    await fs.writeFile(unexplained, await withOneFel(files.tkr));
    const material = analyse(await readSnapshotFromFile(unexplained), {
      today: TODAY,
    }).findings.find((f) => f.code === "vasentlig-avvikelse-utan-kommentar");
    expect(material?.message).toContain("5\u00a0000\u00a0tkr");
  });

  it("reports the kr workbook in mnkr, each figure as the mnkr report shows it within its rounding", async () => {
    const expected = economyTables(generateReport(await analysed("mnkr")).doc);
    const doc = generateReport(await analysed("kr")).doc;
    const tables = economyTables(doc);
    expect(tables.map((t) => t.columns.map((c) => c.header))).toEqual(
      expected.map((t) => t.columns.map((c) => c.header))
    );
    tables.forEach((table, t) => {
      // A line differs by less than the shown rounding; a sum by at most that of its terms.
      const bound = 0.05 * (table.rows.length + 1);
      // Rows by their label: Väsentliga avvikelser ranks by size, and near ties may swap.
      const unmatched = [...expected[t].rows];
      const labelOf = (row: (typeof unmatched)[number]) =>
        row.kind === "group" ? row.text : row.cells[0]?.value;
      table.rows.forEach((row) => {
        const index = unmatched.findIndex((o) => labelOf(o) === labelOf(row));
        expect(index).toBeGreaterThanOrEqual(0);
        const [other] = unmatched.splice(index, 1);
        if (row.kind === "group" || other.kind === "group") return expect(row).toEqual(other);
        row.cells.forEach((cell, c) => {
          const want = other.cells[c].value;
          if (typeof cell.value !== "number" || typeof want !== "number")
            return expect(cell.value).toEqual(want);
          const format = cell.format ?? table.columns[c].format;
          // A share of a small budget moves with the figures' rounding: two percentage points.
          if (format === "share") return expect(Math.abs(cell.value - want)).toBeLessThan(0.02);
          if (format === "integer") return expect(cell.value).toBe(want); // volumes: no money
          expect(format).toBe("amount");
          expect(Math.abs(cell.value - want)).toBeLessThanOrEqual(
            row.kind === "line" ? 0.05 + 1e-9 : bound
          );
        });
      });
    });
    expect(
      doc.sheets[0].blocks.some((b) => b.kind === "paragraph" && /minst 5,0\u00a0mnkr/.test(b.text))
    ).toBe(true);
  });

  it("reports the tkr workbook in whole tkr, in the report file too", async () => {
    const doc = generateReport(await analysed("tkr")).doc;
    const texts = economyTables(doc).flatMap((table) =>
      table.rows.flatMap((row) =>
        row.kind === "group"
          ? []
          : row.cells
              .filter((cell, c) => (cell.format ?? table.columns[c].format) === "wholeAmount")
              .map((cell) => valueText(cell, "wholeAmount"))
      )
    );
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(text).toMatch(/^(\u2212?\d{1,3}(\u00a0\d{3})*)?$/);
    // Summa totalt, Utfall jan–aug: the kronor's sum, to the thousand.
    const kronor = (await analysed("kr")).model.incomeStatement.reduce(
      (sum, l) => sum + (l.cells.actual.value ?? 0),
      0
    );
    expect(texts).toContain(formatNumber(kronor / 1000, 0));
    const summary = doc.sheets[0].blocks.find(
      (b) => b.kind === "paragraph" && /Helårsprognosen/.test(b.text)
    );
    expect(summary?.kind === "paragraph" && summary.text).toMatch(/\d\u00a0tkr/);
    expect(summary?.kind === "paragraph" && summary.text).not.toMatch(/,\d\u00a0tkr/);

    // Its sums are exact kronor, its rows rounded to the thousand: the tables say so.
    const notes = doc.sheets[0].blocks.filter(
      (b) => b.kind === "paragraph" && b.text === ROUNDING_NOTE
    );
    expect(notes.length).toBeGreaterThan(0);
    const published = generateReport(await analysed("mnkr")).doc.sheets[0].blocks;
    expect(published.some((b) => b.kind === "paragraph" && b.text === ROUNDING_NOTE)).toBe(false);

    const output = path.join(dir, "T2 tkr-rapport.xlsx");
    await reportCommand(files.tkr, { output });
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(output);
    const sheet = report.getWorksheet(ECONOMY_SHEET);
    const formats = new Set<string>();
    sheet?.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "number") formats.add(cell.numFmt);
      })
    );
    expect(formats.has(INTEGER_FORMAT)).toBe(true);
    expect([...formats].some((f) => f.includes("0.0") && !f.includes("%"))).toBe(false);
  });
});
