/**
 * Writes N unit workbooks of the example's size (the example's content in template v2, each with
 * its own Rapporterande enhet and Enhetskod) to a folder, for `npm run bench`'s sammanställning.
 * Written as exceljs writes them, so plain exceljs can load them for the baseline. Run as a
 * process of its own (see hostileFiles.ts: peak memory is inherited by children).
 * Usage: tsx bench/unitWorkbooks.ts <folder> <count>
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { LATEST_TEMPLATE } from "../src/core/template/registry";
import { buildWorkbook } from "../src/xlsx/template/buildWorkbook";
import { EXAMPLE_2024_T2 } from "../scripts/data/exempel-2024-T2";

async function main(): Promise<void> {
  const [folder, countArg] = process.argv.slice(2);
  const count = Number(countArg);
  await fs.rm(folder, { recursive: true, force: true });
  await fs.mkdir(folder, { recursive: true });
  let bytes = 0;
  for (let i = 1; i <= count; i++) {
    const name = `Enhet ${String(i).padStart(3, "0")}`;
    const workbook = buildWorkbook(LATEST_TEMPLATE, {
      ...EXAMPLE_2024_T2,
      settings: {
        ...EXAMPLE_2024_T2.settings,
        templateVersion: LATEST_TEMPLATE.version,
        reportingUnit: name,
        unitCode: `E${i}`,
      },
    });
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    await fs.writeFile(path.join(folder, `${name}.xlsx`), data);
    bytes += data.length;
  }
  process.stdout.write(JSON.stringify({ count, bytes }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
