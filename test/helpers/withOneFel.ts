/**
 * The example year's T2 is klar-able (no fel). Tests of what Tertial does with a workbook that has
 * fel (Ny period carries them as they stand, a finding names the materiality amount) take one
 * back: Korttidsboende's comment, so its material deviation is unexplained.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseModel } from "../../src/core/parse/parseModel";
import { contentOf } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";

/** The workbook at `file`, written anew without Korttidsboende's comment. */
export async function withOneFel(file: string): Promise<Uint8Array> {
  const bytes = await fs.readFile(file);
  const content = contentOf(parseModel(await readSnapshotFromBuffer(bytes, path.basename(file))));
  const operatingStatement = content.tables!.operatingStatement!.map((row) =>
    row.activity === "Korttidsboende" ? { ...row, comment: null } : row
  );
  const tables = { ...content.tables, operatingStatement };
  return new Uint8Array(
    await workbookBytes(buildWorkbook(LATEST_TEMPLATE, { ...content, tables }))
  );
}
