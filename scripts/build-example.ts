/**
 * Writes the example workbook, templates/exempel-2024-T2.xlsx (`npm run build:example`), from the
 * published figures and texts in scripts/data/exempel-2024-T2.ts. It stays a template version 1
 * workbook: the README's first command and the golden tests read it as the published figures,
 * and it shows that version-1 workbooks keep working. The cycle in version 2 (T1, T2, Helår) is
 * written by scripts/build-example-year.ts.
 */
import path from "node:path";
import { TEMPLATE_V1 } from "../src/core/template/v1";
import { buildWorkbook } from "../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../src/xlsx/template/saveWorkbook";
import { EXAMPLE_2024_T2 } from "./data/exempel-2024-T2";

const TARGET = path.join("templates", "exempel-2024-T2.xlsx");

saveWorkbook(
  buildWorkbook(TEMPLATE_V1, EXAMPLE_2024_T2),
  path.resolve(__dirname, "..", TARGET)
).then(
  () => process.stderr.write(`Skrev ${TARGET}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  }
);
