/**
 * Browser mode's Ny period, run in Node (which has File): the opened file read as saved, the next
 * period's workbook made in the exceljs chunk. The bundled version-1 example comes out as a
 * Helår workbook of the latest version (the rebuild path in the page too); a file past the limit is refused
 * unread. The download itself is checked in Chromium (test/e2e/newPeriod.test.ts).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { NEW_PERIOD_WORDS, newPeriodNote } from "../../src/app/newPeriod";
import type { PickedFile } from "../../src/app/operation";
import { createBrowserHost } from "../../src/browser/browserHost";
import { WorkbookTooLargeError } from "../../src/core/errors";
import { MAX_WORKBOOK_FILE_BYTES } from "../../src/core/limits";
import { parseModel } from "../../src/core/parse/parseModel";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";

/** Browser mode's operations on an opened file. */
const browserNewPeriod = (file: PickedFile) => createBrowserHost(file, () => undefined).operations!;

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");

it("makes the next period's workbook from the opened file, a version-1 one as the latest version", async () => {
  const bytes = await fs.readFile(EXAMPLE);
  const newPeriod = browserNewPeriod(new File([bytes], "exempel-2024-T2.xlsx"));
  expect(newPeriod.delivery.workbooks).toBe("download");
  expect(newPeriodNote(newPeriod)).toContain("av exempel-2024-T2.xlsx och laddar ned den");

  const read = await newPeriod.readOpenWorkbook!(NEW_PERIOD_WORDS);
  expect(read.fileName).toBe("exempel-2024-T2.xlsx");
  expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
  const file = await newPeriod.engine.nextPeriod(read);

  const input = parseModel(await readSnapshotFromBuffer(bytes, "exempel-2024-T2.xlsx"));
  const next = parseModel(await readSnapshotFromBuffer(file.bytes, file.fileName));
  expect(input.template.version).toBe(1);
  expect(next.template.version).toBe(LATEST_TEMPLATE.version);
  expect(file.fileName).toBe("Vård- och omsorgsnämnden 2024 Helår.xlsx");
  expect([file.closed, file.next]).toEqual([
    { year: 2024, period: "T2" },
    { year: 2024, period: "Helår" },
  ]);
  expect(next.settings.values.period).toBe("Helår");
  expect(next.operatingStatement.map((r) => r.cells.previousForecast.value)).toEqual(
    input.operatingStatement.map((r) => r.cells.forecast.value)
  );
  expect(file.fel).toBeGreaterThan(0); // the example has fel on purpose
});

it("refuses a file past the reader's limit without reading it", async () => {
  const newPeriod = browserNewPeriod({
    name: "stor.xlsx",
    size: MAX_WORKBOOK_FILE_BYTES + 1,
    arrayBuffer: () => Promise.reject(new Error("must not be read")),
  });
  await expect(newPeriod.readOpenWorkbook!(NEW_PERIOD_WORDS)).rejects.toThrow(
    WorkbookTooLargeError
  );
});
