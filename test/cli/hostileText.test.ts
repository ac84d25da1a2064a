/**
 * Tertial only writes what it can read back: a workbook whose cells (a comment, Organisation, risk
 * texts, a 40,000-character text) hold U+FFFE, U+0001, a lone surrogate and a literal `_xFFFE_`
 * goes through `rapport` (xlsx and docx), the template writer and `sammanstall`. Every written part
 * is well-formed (xmllint), and exceljs and openpyxl read U+FFFD where each character was.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { consolidateCommand } from "../../src/cli/consolidateCommand";
import { reportCommand } from "../../src/cli/reportCommand";
import { MAX_CELL_TEXT_CHARS } from "../../src/core/limits";
import type { WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { isXmlSafe } from "../../src/core/text/xmlSafe";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/workbookBytes";
import { ELDERLY, UNITS } from "../core/consolidate/units";
import { docxParts, paragraphs } from "../docx/documentXml";
import { HOSTILE, openpyxlTexts, placeHostile, placeholder, WRITTEN } from "../helpers/hostileText";
import { malformedParts } from "../helpers/wellFormedParts";
import { sheetRows } from "../helpers/sheetRows";
import { useInProcessCli } from "./inProcess";

const io = useInProcessCli("tertial-fientlig-text-");

const LONG = "x".repeat(40_000);

/** ELDERLY with the hostile text in Organisation, a risk's title, description, an åtgärd's comment. */
function hostileContent(text: (n: number) => string): WorkbookContent {
  const tables = ELDERLY.tables!;
  const [first, second] = tables.risks!;
  const [action, ...actions] = tables.actions!;
  return {
    ...ELDERLY,
    settings: { ...ELDERLY.settings, organisation: text(1) },
    tables: {
      ...tables,
      risks: [
        { ...first, title: text(2), description: `${text(3)}${LONG}` },
        { ...second, consequence: text(4) },
      ],
      actions: [{ ...action, comment: text(5) }, ...actions],
    },
  };
}

async function hostileWorkbook(name = "enhet.xlsx"): Promise<string> {
  const file = path.join(io.dir, name);
  const bytes = await workbookBytes(buildWorkbook(LATEST_TEMPLATE, hostileContent(placeholder)));
  await fs.writeFile(file, await placeHostile(bytes));
  return file;
}

/** Every text cell of the workbook as exceljs reads it. */
async function exceljsTexts(bytes: Uint8Array, sheets?: readonly string[]): Promise<string[]> {
  if (sheets) {
    const rows = await Promise.all(sheets.map((sheet) => sheetRows(bytes, sheet)));
    return rows.flat(2).filter((v): v is string => typeof v === "string");
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") texts.push(cell.value);
      })
    )
  );
  return texts;
}

/** The texts hold the hostile text as written, and nothing XML cannot hold. */
function expectWrittenSafely(texts: readonly string[]): void {
  expect(texts.some((t) => t.includes(WRITTEN))).toBe(true);
  expect(texts.filter((t) => !isXmlSafe(t))).toEqual([]);
  expect(texts.filter((t) => t.includes("fientlig") && !t.includes(WRITTEN))).toEqual([]);
}

/** A report cell holds at most Excel's 32,767 characters, also after the replacement. */
const longest = (texts: readonly string[]) => Math.max(...texts.map((t) => t.length));

it("the hostile workbook is read with the characters themselves", async () => {
  const snapshot = await readSnapshotFromFile(await hostileWorkbook());
  const values = snapshot.tables.flatMap((t) => t.rows.flat());
  expect(values).toContain(HOSTILE);
  expect(values).toContain(`${HOSTILE}${LONG}`);
});

it("rapport writes an .xlsx report that xmllint, exceljs and openpyxl read, with U+FFFD", async () => {
  const output = path.join(io.dir, "rapport.xlsx");
  await reportCommand(await hostileWorkbook(), { output });
  const bytes = await fs.readFile(output);
  expect(await malformedParts(bytes)).toEqual([]);
  const fromExceljs = await exceljsTexts(bytes);
  expectWrittenSafely(fromExceljs);
  expect(longest(fromExceljs)).toBeLessThanOrEqual(MAX_CELL_TEXT_CHARS);
  const fromOpenpyxl = openpyxlTexts(output);
  expectWrittenSafely(fromOpenpyxl);
  // The 40,000-character description: cut visibly at the cell limit, after the replacement.
  expect(
    fromOpenpyxl.some((t) => t.startsWith(`${WRITTEN}xxx`) && t.length === MAX_CELL_TEXT_CHARS)
  ).toBe(true);
});

it("rapport writes a .docx whose every part is well-formed, with U+FFFD in body and header", async () => {
  const output = path.join(io.dir, "rapport.docx");
  await reportCommand(await hostileWorkbook(), { output });
  const bytes = await fs.readFile(output);
  expect(await malformedParts(bytes)).toEqual([]);
  const parts = await docxParts(bytes);
  const texts = paragraphs(parts["word/document.xml"]).map((p) => p.text);
  expect(texts.some((t) => t.includes(`${WRITTEN}xxx`))).toBe(true);
  expect(texts.filter((t) => !isXmlSafe(t))).toEqual([]);
  const header = Object.entries(parts).find(([name]) => /^word\/header\d*\.xml$/.test(name))?.[1];
  expect(header).toContain(WRITTEN);
  expect(parts["docProps/app.xml"]).toContain(`<Company>${WRITTEN}</Company>`);
  expect(parts["docProps/custom.xml"]).toContain(WRITTEN);
});

it("the template writer puts the hostile text into well-formed cells", async () => {
  const bytes = await workbookBytes(
    buildWorkbook(
      LATEST_TEMPLATE,
      hostileContent(() => HOSTILE)
    )
  );
  expect(await malformedParts(bytes)).toEqual([]);
  const file = path.join(io.dir, "mall.xlsx");
  await fs.writeFile(file, bytes);
  const fromOpenpyxl = openpyxlTexts(file);
  expectWrittenSafely(fromOpenpyxl);
  // The template keeps the user's whole text (it is their content, not a report cell).
  expect(fromOpenpyxl.includes(`${WRITTEN}${LONG}`)).toBe(true);
  // Tertial's own reader gives the replacement back.
  const values = (await readSnapshotFromFile(file)).tables.flatMap((t) => t.rows.flat());
  expect(values).toContain(WRITTEN);
});

it("sammanstall writes the consolidation of a hostile unit as well-formed parts", async () => {
  const folder = path.join(io.dir, "enheter");
  await fs.mkdir(folder);
  await fs.rename(await hostileWorkbook(), path.join(folder, "Äldreomsorg.xlsx"));
  await fs.writeFile(
    path.join(folder, UNITS[1].file),
    await workbookBytes(buildWorkbook(LATEST_TEMPLATE, UNITS[1].content))
  );
  const output = path.join(io.dir, "nämnd.xlsx");
  await consolidateCommand([folder], { output, organisation: `Nämnd ${HOSTILE}` });
  const bytes = await fs.readFile(output);
  expect(await malformedParts(bytes)).toEqual([]);
  const summary = await exceljsTexts(bytes, ["Sammanställning"]);
  expect(summary.some((t) => t.includes(`Nämnd ${WRITTEN}`))).toBe(true);
  expectWrittenSafely(summary);
  const fromOpenpyxl = openpyxlTexts(output);
  expectWrittenSafely(fromOpenpyxl);
  expect(fromOpenpyxl.includes(`${WRITTEN}${LONG}`)).toBe(true);
});
