/**
 * Writes the example workbook, templates/exempel-2024-T2.xlsx (`npm run build:example`), from the
 * published figures and texts in scripts/data/exempel-2024-T2.ts.
 */
import path from "node:path";
import { LATEST_TEMPLATE } from "../src/core/template/registry";
import { buildWorkbook } from "../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../src/xlsx/template/saveWorkbook";
import { EXAMPLE_2024_T2 } from "./data/exempel-2024-T2";

const TARGET = path.join("templates", "exempel-2024-T2.xlsx");

saveWorkbook(
  buildWorkbook(LATEST_TEMPLATE, EXAMPLE_2024_T2),
  path.resolve(__dirname, "..", TARGET)
).then(
  () => process.stderr.write(`Skrev ${TARGET}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  }
);
