/**
 * Excel's limit of 32,767 characters per cell, through `tertial rapport`: a risk name at the
 * limit, and one past it (exceljs writes what Excel would refuse), end in report cells of at most
 * 32,767 characters, a text cut visibly with "… (förkortad)". Read back with exceljs.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { reportCommand } from "../../src/cli/reportCommand";
import { SHORTENED_MARK, withinCellLimit } from "../../src/core/layout/cellText";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { DEFAULT_SETTINGS } from "../helpers/snapshot";

const LIMIT = 32_767;
let dir: string;
let spies: jest.SpyInstance[];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-langtext-"));
  spies = [
    jest.spyOn(process.stdout, "write").mockImplementation(() => true),
    jest.spyOn(process.stderr, "write").mockImplementation(() => true),
  ];
});

afterEach(async () => {
  for (const spy of spies) spy.mockRestore();
  await fs.rm(dir, { recursive: true, force: true });
});

/** `tertial rapport` on a workbook with one risk named `name`; the report's cell texts by sheet. */
async function reportTexts(name: string): Promise<Map<string, string[]>> {
  const input = path.join(dir, "lång.xlsx");
  await saveWorkbook(
    buildWorkbook(LATEST_TEMPLATE, {
      settings: DEFAULT_SETTINGS,
      tables: {
        risks: [{ id: "R1", title: name, likelihood: 3, impact: 3, treatment: "Bevaka" }],
      },
    }),
    input
  );
  const output = path.join(dir, "lång-rapport.xlsx");
  await reportCommand(input, { output });
  const report = await new ExcelJS.Workbook().xlsx.readFile(output);
  const texts = new Map<string, string[]>();
  for (const sheet of report.worksheets) {
    const cells: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        // exceljs gives every cell of a merge the merge's value: count it once.
        if (typeof cell.value === "string" && cell.master === cell) cells.push(cell.value);
      })
    );
    texts.set(sheet.name, cells);
  }
  return texts;
}

describe("a risk name at and past Excel's cell limit, through tertial rapport", () => {
  it.each([LIMIT, 40_000])("%i characters: no cell holds more than 32,767", async (length) => {
    // One unbroken word, as a pasted link or code would be: it cannot wrap into the next row.
    const name = "x".repeat(length);
    const texts = await reportTexts(name);
    const all = [...texts.values()].flat();
    expect(Math.max(...all.map((t) => t.length))).toBeLessThanOrEqual(LIMIT);

    // The risk's heading, "R1 xxx…", is one character past the limit even for a 32,767-character name.
    const heading = texts.get("Rapport Riskbild")!.find((t) => t.startsWith("R1 xxx"))!;
    expect(heading).toHaveLength(LIMIT);
    const expected = `R1 ${name}`.slice(0, LIMIT - SHORTENED_MARK.length) + SHORTENED_MARK;
    expect(heading === expected).toBe(true);
  });

  it("keeps a long name with spaces whole, continued over rows", async () => {
    const name = "Bristande rutiner ".repeat(2_000).trim(); // 35,999 characters
    const cells = (await reportTexts(name)).get("Rapport Riskbild")!;
    const rows = cells.filter((t) => t.startsWith("Bristande") || t.startsWith("R1 Bristande"));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((t) => t.length <= LIMIT && !t.endsWith(SHORTENED_MARK))).toBe(true);
    // Compared as a boolean: a failure would otherwise print 36,000 characters twice.
    const words = (text: string) => text.split(/\s+/).join(" ");
    expect(words(rows.join(" ")) === words(`R1 ${name}`)).toBe(true);
  });
});

describe("withinCellLimit", () => {
  it("keeps a text of exactly 32,767 characters and other values as they are", () => {
    const text = "a".repeat(LIMIT);
    expect(withinCellLimit(text)).toBe(text);
    expect(withinCellLimit(12.5)).toBe(12.5);
    expect(withinCellLimit(null)).toBeNull();
  });

  it("cuts one character more to 32,767 with the mark, never inside a surrogate pair", () => {
    expect(withinCellLimit("a".repeat(LIMIT + 1))).toBe(
      "a".repeat(LIMIT - SHORTENED_MARK.length) + SHORTENED_MARK
    );
    // "a" then pairs: the last unit the cut would keep is the first half of a pair.
    const cut = withinCellLimit(`a${"🙂".repeat(LIMIT)}`) as string;
    expect(cut.endsWith(`🙂${SHORTENED_MARK}`)).toBe(true);
    expect(cut.length).toBe(LIMIT - 1);
  });
});
