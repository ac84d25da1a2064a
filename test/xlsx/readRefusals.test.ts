/**
 * Unusable files end in a typed error with a Swedish message naming the file and what to do, never
 * in a stack trace: the fixtures of test/fixtures/invalid/, and files that cannot be opened at all.
 */
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import {
  CorruptWorkbookError,
  EncryptedWorkbookError,
  FileNotReadableError,
  MissingColumnError,
  MissingTableError,
  NotAWorkbookError,
  UnknownTemplateVersionError,
  UnusableWorkbookError,
} from "../../src/core/errors";
import { analyse } from "../../src/core/pipeline";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { makeTempDir } from "./readTestFiles";

const INVALID = path.join(__dirname, "../fixtures/invalid");

type ErrorClass = new (...args: never[]) => UnusableWorkbookError;

const REFUSALS: readonly [file: string, error: ErrorClass][] = [
  ["not-xlsx.xlsx", NotAWorkbookError],
  ["old-format.xls", NotAWorkbookError],
  ["opendocument.xlsx", NotAWorkbookError],
  ["encrypted.xlsx", EncryptedWorkbookError],
  ["truncated.xlsx", CorruptWorkbookError],
  ["damaged-sheet.xlsx", CorruptWorkbookError],
  ["empty.xlsx", CorruptWorkbookError],
  ["no-tables.xlsx", MissingTableError],
  ["missing-column.xlsx", MissingColumnError],
  ["unknown-version.xlsx", UnknownTemplateVersionError],
];

/** The message each file must give, as test/fixtures/invalid/README.md lists it. */
async function readmeMessages(): Promise<Map<string, { error: string; message: string }>> {
  const readme = await fs.readFile(path.join(INVALID, "README.md"), "utf8");
  const rows = readme.split("\n").filter((line) => /^\| `[^`]+` /.test(line));
  return new Map(
    rows.map((line) => {
      const [file, , error, message] = line
        .split(" | ")
        .map((cell) => cell.replace(/^\|/, "").replace(/\|$/, "").trim());
      return [file.replace(/`/g, ""), { error, message }];
    })
  );
}

async function refusal(file: string): Promise<unknown> {
  try {
    analyse(await readSnapshotFromFile(file));
  } catch (error) {
    return error;
  }
  throw new Error(`${file} was read without complaint`);
}

describe("test/fixtures/invalid", () => {
  it.each(REFUSALS)("%s is refused with its named Swedish message", async (file, errorClass) => {
    const expected = (await readmeMessages()).get(file);
    const error = await refusal(path.join(INVALID, file));
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(UnusableWorkbookError);
    expect({ error: errorClass.name, message: (error as Error).message }).toEqual(expected);
  });

  it("README lists every file in the folder, and the tests cover every file it lists", async () => {
    const files = (await fs.readdir(INVALID)).filter((f) => f !== "README.md").sort();
    expect([...(await readmeMessages()).keys()].sort()).toEqual(files);
    expect(REFUSALS.map(([file]) => file).sort()).toEqual(files);
  });
});

describe("recognising what a refused file is", () => {
  it("reads a workbook without Excel tables into a Snapshot without tables", async () => {
    const snapshot = await readSnapshotFromFile(path.join(INVALID, "no-tables.xlsx"));
    expect(snapshot.tables).toEqual([]);
    expect(snapshot.sheetNames).toContain("Åtgärder");
  });

  it("tells an old .xls and an .ods apart from other files", async () => {
    const format = async (file: string) =>
      ((await refusal(path.join(INVALID, file))) as NotAWorkbookError).format;
    expect(await format("old-format.xls")).toBe("xls");
    expect(await format("opendocument.xlsx")).toBe("ods");
    expect(await format("not-xlsx.xlsx")).toBeUndefined();
  });

  it("refuses text that happens to start like a zip, and a binary .xlsb, as not .xlsx", async () => {
    const csv = new TextEncoder().encode("PK;Post;Belopp\r\n1;Taxor;12,5\r\n");
    await expect(readSnapshotFromBuffer(csv, "export.xlsx")).rejects.toThrow(
      new NotAWorkbookError("export.xlsx")
    );
    const xlsb = new JSZip();
    xlsb.file("[Content_Types].xml", "<Types/>");
    xlsb.file("xl/workbook.bin", new Uint8Array([0x83, 0x01, 0x00]));
    const bytes = await xlsb.generateAsync({ type: "uint8array" });
    await expect(readSnapshotFromBuffer(bytes, "budget.xlsb")).rejects.toThrow(
      new NotAWorkbookError("budget.xlsb", "xlsb")
    );
  });

  it("recognises an encrypted workbook handed over inside a larger buffer", async () => {
    const bytes = await fs.readFile(path.join(INVALID, "encrypted.xlsx"));
    const larger = new Uint8Array(bytes.length + 16);
    larger.set(bytes, 8);
    await expect(
      readSnapshotFromBuffer(larger.subarray(8, 8 + bytes.length), "budget.xlsx")
    ).rejects.toThrow(new EncryptedWorkbookError("budget.xlsx"));
  });

  it("calls a truncated encrypted workbook corrupt, not encrypted", async () => {
    const bytes = await fs.readFile(path.join(INVALID, "encrypted.xlsx"));
    await expect(readSnapshotFromBuffer(bytes.subarray(0, 2048), "budget.xlsx")).rejects.toThrow(
      CorruptWorkbookError
    );
  });
});

describe("files that cannot be opened", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("names a missing file by the path the user gave", async () => {
    const file = path.join(dir, "saknas.xlsx");
    await expect(readSnapshotFromFile(file)).rejects.toThrow(
      new FileNotReadableError(file, "missing")
    );
    await expect(readSnapshotFromFile(file)).rejects.toThrow(
      `Filen ${file} finns inte. Kontrollera namnet och sökvägen och försök igen.`
    );
  });

  it("says so when the path is a folder", async () => {
    await expect(readSnapshotFromFile(dir)).rejects.toThrow(
      `${dir} är en mapp, inte en fil. Ange sökvägen till arbetsboken (.xlsx).`
    );
  });
});
