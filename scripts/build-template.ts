/**
 * Writes the fresh template of the latest version, templates/tertialuppfoljning-v3.xlsx today
 * (`npm run build:template`). templates/tertialuppfoljning-v1.xlsx stays committed as version
 * 1's file, a real v1 workbook that tests read.
 */
import path from "node:path";
import { LATEST_TEMPLATE } from "../src/core/template/registry";
import { buildWorkbook } from "../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../src/xlsx/template/saveWorkbook";

const TARGET = path.join("templates", `tertialuppfoljning-v${LATEST_TEMPLATE.version}.xlsx`);

saveWorkbook(buildWorkbook(LATEST_TEMPLATE), path.resolve(__dirname, "..", TARGET)).then(
  () => process.stderr.write(`Skrev ${TARGET}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  }
);
