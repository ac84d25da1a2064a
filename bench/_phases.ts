import { manyRowsWorkbook } from "../test/xlsx/hostileWorkbooks";
import { xlsxPackageForExceljs } from "../src/xlsx/read/xlsxPackage";
import { readSnapshotFromBuffer } from "../src/xlsx/read/readSnapshot";
import ExcelJS from "exceljs";
import { analyse } from "../src/core/pipeline";
(async () => {
  let t = performance.now();
  const lap = (l: string) => { const n = performance.now(); console.log(l, Math.round(n - t)); t = n; };
  const bytes = await manyRowsWorkbook(Number(process.argv[2]));
  lap("build");
  const pkg = await xlsxPackageForExceljs(bytes, "x.xlsx"); lap("package");
  await new ExcelJS.Workbook().xlsx.load(pkg as any, { ignoreNodes: ["dataValidations"] } as any); lap("exceljs load pkg");
  await new ExcelJS.Workbook().xlsx.load(bytes as any, { ignoreNodes: ["dataValidations"] } as any); lap("exceljs load original");
  const s = await readSnapshotFromBuffer(bytes, "x.xlsx"); lap("readSnapshot");
  analyse(s); lap("analyse");
})();
