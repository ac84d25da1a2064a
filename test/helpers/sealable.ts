/**
 * Test helper: workbooks that can carry Klarmarkera's seal. Template v3 writes the row Klarmarkerad
 * kontrollsumma; until a test runs on v3, the latest template is given the row (what a v3
 * workbook's Inställningar holds), which every reader reads by its label.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { WorkbookContent } from "../../src/core/template/content";
import type { TemplateDefinition } from "../../src/core/template/definition";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/workbookBytes";
import { T1_2024 } from "../core/cycle/yearContent";

/** The latest template with Inställningar's row Klarmarkerad kontrollsumma. */
export const WITH_SEAL_ROW: TemplateDefinition = LATEST_TEMPLATE.settingRows.some(
  (s) => s.key === "readyDigest"
)
  ? LATEST_TEMPLATE
  : {
      ...LATEST_TEMPLATE,
      // In the template's row order; the latest's own rows as it writes them (its Mallversion).
      settingRows: LATEST_TEMPLATE.settings.flatMap((s) => {
        const row = LATEST_TEMPLATE.settingRows.find((r) => r.key === s.key);
        return row ? [row] : s.key === "readyDigest" ? [s] : [];
      }),
    };

/** A day after T1 2024 closed, on which T1_2024 has no findings. */
export const T1_TODAY = new Date(Date.UTC(2024, 4, 15));

/** T1 2024, clean and not yet marked ready: what an ekonom has before Klarmarkera. */
export const UNMARKED_T1: WorkbookContent = {
  ...T1_2024,
  settings: { ...T1_2024.settings, readyMark: "Nej", readyBy: null, readyDate: null },
};

export async function sealableBytes(content: WorkbookContent = UNMARKED_T1): Promise<Uint8Array> {
  return workbookBytes(buildWorkbook(WITH_SEAL_ROW, content));
}

/**
 * openpyxl (another program) sets one cell of the workbook and saves it: a user's edit after
 * marking. The file is written in `dir`; its bytes are returned.
 */
export async function editedByOpenpyxl(
  dir: string,
  bytes: Uint8Array,
  sheet: string,
  address: string,
  value: string
): Promise<Uint8Array> {
  const file = path.join(dir, "redigerad.xlsx");
  await fs.writeFile(file, bytes);
  const script =
    "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n" +
    "wb[sys.argv[2]][sys.argv[3]] = sys.argv[4]\nwb.save(sys.argv[1])\n";
  const run = spawnSync("/usr/bin/python3", ["-c", script, file, sheet, address, value], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return new Uint8Array(await fs.readFile(file));
}
