/**
 * Writes the example year, templates/exempel-2024-ar/ (`npm run build:example-year`): T1, T2
 * and Helår 2024 of one nämnd in the latest template version, each made from the one before by Ny period
 * (the same core code and the same file round trip as `tertial ny-period`) and then filled from
 * scripts/data/exempel-ar-2024.ts.
 */
import path from "node:path";
import { rollForward } from "../src/core/cycle/nextPeriod";
import { parseModel } from "../src/core/parse/parseModel";
import type { WorkbookContent } from "../src/core/template/content";
import { LATEST_TEMPLATE } from "../src/core/template/registry";
import { readSnapshotFromBuffer } from "../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../src/xlsx/template/buildWorkbook";
import { saveWorkbook, workbookBytes } from "../src/xlsx/template/saveWorkbook";
import {
  EXAMPLE_2024_T1,
  fillFrom,
  HELAR_FILLED_FROM,
  HELAR_SETTINGS,
  T2_FILLED_FROM,
} from "./data/exempel-ar-2024";

export const EXAMPLE_YEAR_DIR = path.join("templates", "exempel-2024-ar");
export const EXAMPLE_YEAR_FILES = ["T1.xlsx", "T2.xlsx", "Helår.xlsx"] as const;

/** The next period's content, through a written and re-read workbook as the CLI does it. */
async function rolled(content: WorkbookContent): Promise<WorkbookContent> {
  const bytes = await workbookBytes(buildWorkbook(LATEST_TEMPLATE, content));
  return rollForward(parseModel(await readSnapshotFromBuffer(bytes, "exempel.xlsx"))).content;
}

/** T1, T2 and Helår's content, in that order. */
export async function exampleYear(): Promise<readonly WorkbookContent[]> {
  const t1 = EXAMPLE_2024_T1;
  const t2 = fillFrom(await rolled(t1), T2_FILLED_FROM);
  const rolledHelar = await rolled(t2);
  const helar = fillFrom(
    { ...rolledHelar, settings: { ...rolledHelar.settings, ...HELAR_SETTINGS } },
    HELAR_FILLED_FROM
  );
  return [t1, t2, helar];
}

async function main(): Promise<void> {
  const year = await exampleYear();
  for (const [i, content] of year.entries()) {
    const target = path.join(EXAMPLE_YEAR_DIR, EXAMPLE_YEAR_FILES[i]);
    await saveWorkbook(
      buildWorkbook(LATEST_TEMPLATE, content),
      path.resolve(__dirname, "..", target)
    );
    process.stderr.write(`Skrev ${target}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
