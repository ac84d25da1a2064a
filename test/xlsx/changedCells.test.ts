/**
 * The one copy-with-cells-set that importera, kolada and Klarmarkera write (src/xlsx/cycle/
 * changedCells.ts), on a real template workbook read back by openpyxl: only the named cells
 * change, each in its own style; a date gets a date style that styles.xml then holds; a value on
 * a shared formula's master leaves the other cells their formula; `recalculate` alone touches
 * workbook.xml; a sheet that cannot be edited is refused, and importera says so in Swedish.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { ImportRefusedError, type CellChange } from "../../src/core/importing/importPlan";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { SheetNotEditableError, withCellsChanged } from "../../src/xlsx/cycle/changedCells";
import { importedWorkbookBytes } from "../../src/xlsx/cycle/importedWorkbook";
import { PackageParts } from "../../src/xlsx/cycle/packageParts";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/workbookBytes";
import { editPart } from "../helpers/editPackage";
import { openpyxlInventory } from "../helpers/openpyxlInventory";

const SHEET = "Inställningar";

let dir: string;
let input: Uint8Array;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-changed-cells-"));
  input = await workbookBytes(buildWorkbook(LATEST_TEMPLATE, { settings: { year: 2024 } }));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every non-empty cell of `sheet` as openpyxl reads it: address → [value or formula, number format]. */
async function cells(bytes: Uint8Array, sheet: string): Promise<Record<string, [string, string]>> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  await fs.writeFile(file, bytes);
  return Object.fromEntries(
    Object.entries(openpyxlInventory(file).cells)
      .filter(([key]) => key.startsWith(`${sheet}!`))
      .map(([key, cell]) => [key.slice(sheet.length + 1), cell])
  );
}

const part = async (bytes: Uint8Array, name: string) =>
  (await JSZip.loadAsync(bytes)).file(name)?.async("string");

describe("withCellsChanged", () => {
  it("changes only the named cells, a date in a date style, and touches workbook.xml only to recalculate", async () => {
    const before = await cells(input, SHEET);
    const edits = [
      { sheet: SHEET, address: "B5", after: 2025 },
      { sheet: SHEET, address: "F40", after: new Date(Date.UTC(2024, 8, 30)) },
      { sheet: SHEET, address: "G41", after: "Anteckning" },
    ];
    const still = await withCellsChanged(input, edits, { recalculate: false });
    const after = await cells(still, SHEET);
    const changed = Object.keys({ ...before, ...after }).filter(
      (a) => JSON.stringify(before[a]) !== JSON.stringify(after[a])
    );
    expect(changed.sort()).toEqual(["B5", "F40", "G41"]);
    expect(after.B5).toEqual(["2025", before.B5[1]]);
    expect(after.F40[0]).toBe("2024-09-30 00:00:00");
    expect(after.F40[1]).toMatch(/yy/i); // a date format: openpyxl reads a datetime above
    expect(after.G41[0]).toBe("Anteckning");
    expect(await part(still, "xl/workbook.xml")).toBe(await part(input, "xl/workbook.xml"));

    const recalculated = await withCellsChanged(input, edits, { recalculate: true });
    expect(await part(recalculated, "xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
    expect(await cells(recalculated, SHEET)).toEqual(after);
  });

  it("sets a shared formula's master without taking the formula from the cells that share it", async () => {
    const sheetPart = (await PackageParts.unpack(input)).sheets().find((s) => s.name === SHEET)!;
    const shared = await editPart(input, sheetPart.part, (xml) =>
      xml.replace(
        "</sheetData>",
        '<row r="50"><c r="A50"><f t="shared" ref="A50:A52" si="0">1+1</f><v>2</v></c></row>' +
          '<row r="51"><c r="A51"><f t="shared" si="0"/><v>2</v></c></row>' +
          '<row r="52"><c r="A52"><f t="shared" si="0"/><v>2</v></c></row></sheetData>'
      )
    );
    const out = await withCellsChanged(shared, [{ sheet: SHEET, address: "A50", after: 7 }], {
      recalculate: true,
    });
    const after = await cells(out, SHEET);
    expect(after.A50[0]).toBe("7");
    expect([after.A51[0], after.A52[0]]).toEqual(["=1+1", "=1+1"]);
  });

  it("refuses a sheet it cannot edit; importera names the file and the sheet in Swedish", async () => {
    const missing = [{ sheet: "Finns inte", address: "A1", after: 1 }];
    await expect(withCellsChanged(input, missing, { recalculate: true })).rejects.toBeInstanceOf(
      SheetNotEditableError
    );
    const change: CellChange = {
      table: "incomeStatement",
      sheet: "Finns inte",
      name: "Personalkostnader",
      row: 1,
      address: "A1",
      nameAddress: "A1",
      column: "actual",
      header: "Utfall period",
      before: null,
      after: 1,
    };
    const refused = importedWorkbookBytes(input, "Äldreomsorg.xlsx", [change]);
    await expect(refused).rejects.toBeInstanceOf(ImportRefusedError);
    await expect(refused).rejects.toThrow(
      "Äldreomsorg.xlsx: bladet Finns inte kan Tertial inte ändra"
    );
  });
});
