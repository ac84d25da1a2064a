/**
 * Browser mode reads a dropped file with readSnapshotFromBuffer, so it gets the reader's limits:
 * a merge bomb on a sheet Tertial does not read is read harmlessly, and a zip bomb or a million-row
 * table ends in the Swedish message the task pane shows — not in a crashed tab.
 */
import { promises as fs } from "node:fs";
import { createBrowserHost } from "../../src/browser/browserHost";
import { WorkbookTooLargeError } from "../../src/core/errors";
import { MAX_WORKBOOK_FILE_BYTES } from "../../src/core/limits";
import { userMessage } from "../../src/app/errorMessage";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { EXAMPLE_FILE, manyRowsWorkbook, mergeBomb, zipBomb } from "../xlsx/hostileWorkbooks";

const noReport = () => {
  throw new Error("no report expected");
};

const dropped = (bytes: Uint8Array, name: string) => new File([Buffer.from(bytes)], name);

it("reads the example with a whole-sheet merge on Instruktioner as the CLI reads the example", async () => {
  const bomb = await mergeBomb("Instruktioner", await fs.readFile(EXAMPLE_FILE));
  const host = createBrowserHost(dropped(bomb, "exempel-2024-T2.xlsx"), noReport);
  expect(await host.readSnapshot()).toEqual(await readSnapshotFromFile(EXAMPLE_FILE));
});

it.each([
  [
    "a zip bomb",
    () => zipBomb(5000),
    /^bomb\.xlsx är för stor uppackad: delen xl\/media\/image1\.png/,
  ],
  [
    "a table of 50,001 rows",
    () => manyRowsWorkbook(50_001),
    /^bomb\.xlsx: tabellen tblAtgarder på bladet Åtgärder har 50\u00a0001 rader/,
  ],
])("refuses %s with the Swedish message the task pane shows", async (_, build, message) => {
  const host = createBrowserHost(dropped(await build(), "bomb.xlsx"), noReport);
  const error = await host.readSnapshot().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookTooLargeError);
  expect(userMessage(error)).toMatch(message);
});

it("refuses a file past the size limit before reading a byte of it", async () => {
  const huge = {
    name: "jätte.xlsx",
    size: MAX_WORKBOOK_FILE_BYTES + 1,
    arrayBuffer: jest.fn(() => Promise.reject(new Error("must not be read"))),
  };
  const error = await createBrowserHost(huge, noReport)
    .readSnapshot()
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookTooLargeError);
  expect(userMessage(error)).toMatch(/^jätte\.xlsx /);
  expect(huge.arrayBuffer).not.toHaveBeenCalled();
});
