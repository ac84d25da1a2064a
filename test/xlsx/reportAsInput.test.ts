/**
 * Tertial's own report workbook given where a workbook belongs is named as a report (not as a
 * workbook off the template): a real report is written, read back and analysed.
 */
import { MissingTableError, ReportAsInputError } from "../../src/core/errors";
import { analyse, generateReport } from "../../src/core/pipeline";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { reportWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { T1_2024 } from "../core/cycle/yearContent";

it("a report workbook read as a workbook says it is a report and where to go", async () => {
  const workbook = await workbookBytes(buildWorkbook(LATEST_TEMPLATE, T1_2024));
  const { doc } = generateReport(analyse(await readSnapshotFromBuffer(workbook, "T1.xlsx")));
  const report = await reportWorkbookBytes(doc);
  const read = async () => analyse(await readSnapshotFromBuffer(report, "T1-rapport.xlsx"));
  await expect(read()).rejects.toThrow(ReportAsInputError);
  await expect(read()).rejects.not.toThrow(MissingTableError);
  await expect(read()).rejects.toThrow(
    /^Det här är en rapport från Tertial; öppna arbetsboken den gjordes från\. T1-rapport\.xlsx /
  );
});
