/**
 * Workbook content as a real file: built from the latest template, written with exceljs and read
 * back by Tertial's reader — what the tests of the core use instead of a hand-made Snapshot.
 */
import type { Snapshot } from "../../src/core/snapshot";
import type { WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/workbookBytes";

export async function writtenSnapshot(
  content: WorkbookContent,
  fileName = "arbetsbok.xlsx"
): Promise<Snapshot> {
  return readSnapshotFromBuffer(
    await workbookBytes(buildWorkbook(LATEST_TEMPLATE, content)),
    fileName
  );
}
