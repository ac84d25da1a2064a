/**
 * Files built to overload a reader are refused, or read harmlessly, in every host that reads with
 * exceljs (readSnapshotFromBuffer is what browser mode calls): a merged range over a whole sheet,
 * zip bombs that declare their size and ones that lie about it, a package of countless parts, a
 * table with a million filled rows, an oversized file, and paths that are no regular file. Time and
 * memory are measured in `npm run bench`; the CLI under a 200 MB heap in test/cli/hostileInput.test.ts.
 */
import { execFileSync } from "node:child_process";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import { FileNotReadableError, WorkbookTooLargeError } from "../../src/core/errors";
import { MAX_PACKAGE_PARTS, MAX_TABLE_ROWS, MAX_WORKBOOK_FILE_BYTES } from "../../src/core/limits";
import { analyse } from "../../src/core/pipeline";
import type { Snapshot } from "../../src/core/snapshot";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import {
  EXAMPLE_FILE,
  manyRowsWorkbook,
  mergeBomb,
  WHOLE_SHEET_MERGE,
  zipBomb,
} from "./hostileWorkbooks";
import { makeTempDir } from "./readTestFiles";

let example: Uint8Array;
let exampleSnapshot: Snapshot;
let dir: string;

beforeAll(async () => {
  example = await fs.readFile(EXAMPLE_FILE);
  exampleSnapshot = await readSnapshotFromBuffer(example, "exempel.xlsx");
});

beforeEach(async () => {
  dir = await makeTempDir();
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function refusal(read: Promise<unknown>): Promise<Error> {
  try {
    await read;
  } catch (error) {
    return error as Error;
  }
  throw new Error("the file was read without complaint");
}

describe("a merged range over a whole sheet", () => {
  it("on Instruktioner, a sheet Tertial does not read, costs nothing: the tables read as without it", async () => {
    const bomb = await mergeBomb("Instruktioner", example);
    expect(new TextDecoder().decode(bomb)).not.toContain(WHOLE_SHEET_MERGE); // deflated
    const snapshot = await readSnapshotFromBuffer(bomb, "exempel.xlsx");
    expect(snapshot).toEqual(exampleSnapshot);
    expect(snapshot.sheetNames).toContain("Instruktioner");
  });

  it("on Risker, a sheet Tertial reads, is left out with everything else outside the tables", async () => {
    const bomb = await mergeBomb("Risker", example);
    const snapshot = await readSnapshotFromBuffer(bomb, "exempel.xlsx");
    expect(snapshot).toEqual(exampleSnapshot);
    expect(analyse(snapshot).findings).toEqual(analyse(exampleSnapshot).findings);
  });

  it("keeps every sheet's name and place, also of sheets it empties", async () => {
    const zip = await JSZip.loadAsync(example);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(exampleSnapshot.sheetNames).toEqual(names);
    expect(names).toEqual(expect.arrayContaining(["Instruktioner", "Listor", "Risker"]));
  });
});

describe("zip bombs", () => {
  it("refuses a part whose declared size is over the limit before unpacking anything", async () => {
    const error = await refusal(readSnapshotFromBuffer(await zipBomb(5000), "bomb.xlsx"));
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error.message).toMatch(
      /^bomb\.xlsx är för stor uppackad: delen xl\/media\/image1\.png blir större än 50\u00a0MB\. .*konstruerad för att överbelasta/
    );
    expect(error.message).toContain("en ny arbetsbok från Tertials mall");
  });

  it("stops unpacking a part that inflates past its declared size, and names it", async () => {
    const bomb = await zipBomb(300, { part: "xl/sharedStrings.xml", declaredSize: 1000 });
    const error = await refusal(readSnapshotFromBuffer(bomb, "bomb.xlsx"));
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error.message).toContain("delen xl/sharedStrings.xml blir större än 50\u00a0MB");
  });

  it("never unpacks a lying part the reader does not need (an image)", async () => {
    const bomb = await zipBomb(300, { declaredSize: 1000 });
    expect(await readSnapshotFromBuffer(bomb, "bomb.xlsx")).toMatchObject({
      tables: expect.arrayContaining([expect.objectContaining({ name: "tblRisker" })]),
    });
  });

  it("refuses a package of more parts than the limit, naming how many", async () => {
    const zip = await JSZip.loadAsync(example);
    for (let i = 0; i <= MAX_PACKAGE_PARTS; i++) zip.file(`customXml/item${i}.xml`, "");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const error = await refusal(readSnapshotFromBuffer(bytes, "delar.xlsx"));
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error.message).toMatch(
      /^delar\.xlsx består av 10\u00a00\d\d delar \(Tertial läser högst 10\u00a0000/
    );
  });
});

describe("tables with very many rows", () => {
  it(`reads ${MAX_TABLE_ROWS.toLocaleString("en")} filled rows and refuses one more, naming table and sheet`, async () => {
    const atLimit = await readSnapshotFromBuffer(await manyRowsWorkbook(MAX_TABLE_ROWS), "x.xlsx");
    const actions = atLimit.tables.find((t) => t.name === "tblAtgarder")!;
    expect(actions.rows).toHaveLength(MAX_TABLE_ROWS);
    expect(actions.rows[MAX_TABLE_ROWS - 1].slice(0, 4)).toEqual([
      `Å${MAX_TABLE_ROWS}`,
      "R1",
      `Åtgärd ${MAX_TABLE_ROWS}`,
      "Pågående",
    ]);

    const over = await manyRowsWorkbook(MAX_TABLE_ROWS + 1);
    const error = await refusal(readSnapshotFromBuffer(over, "åtgärder.xlsx"));
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error.message).toBe(
      "åtgärder.xlsx: tabellen tblAtgarder på bladet Åtgärder har 50\u00a0001 rader, och Tertial läser högst 50\u00a0000 rader per tabell. " +
        "Ta bort tomma eller överflödiga rader i tabellen (markera raderna, högerklicka › Ta bort), eller minska tabellen (Tabelldesign › Ändra tabellstorlek), och försök igen."
    );
  });

  it("refuses a table of 1,048,576 filled rows (a whole sheet) cleanly", async () => {
    const bytes = await manyRowsWorkbook(1_048_576 - 3);
    const error = await refusal(readSnapshotFromBuffer(bytes, "miljon.xlsx"));
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error.message).toMatch(
      /^miljon\.xlsx är för stor uppackad: delen xl\/worksheets\/sheet\d+\.xml/
    );
  });

  it("reads a table whose rows hold cells out to column XFD as if they held only the table's", async () => {
    const wide = await readSnapshotFromBuffer(
      await manyRowsWorkbook(100, { toLastColumn: true }),
      "bred.xlsx"
    );
    const narrow = await readSnapshotFromBuffer(await manyRowsWorkbook(100), "bred.xlsx");
    expect(wide).toEqual(narrow);
    expect(narrow.tables.find((t) => t.name === "tblAtgarder")!.rows).toHaveLength(100);
  });

  it("reads a table whose range reaches the sheet's last row but holds few rows", async () => {
    const zip = await JSZip.loadAsync(example);
    const tableParts = zip.file(/^xl\/tables\/table\d+\.xml$/);
    const xml = await Promise.all(tableParts.map((part) => part.async("string")));
    const actions = tableParts[xml.findIndex((table) => table.includes('name="tblAtgarder"'))];
    const wholeColumns = (await actions.async("string")).replace(
      /\bref="([A-Z]+\d+:[A-Z]+)\d+"/g,
      'ref="$11048576"'
    );
    expect(wholeColumns).toMatch(/<table [^>]*ref="A\d+:[A-Z]+1048576"/);
    zip.file(actions.name, wholeColumns);
    const grown = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const snapshot = await readSnapshotFromBuffer(grown, "exempel.xlsx");
    expect(snapshot).toEqual(exampleSnapshot);
  });
});

describe("the file itself", () => {
  it("refuses bytes over the size limit without looking at them (the browser's path)", async () => {
    const bytes = new ArrayBuffer(MAX_WORKBOOK_FILE_BYTES + 1);
    const error = await refusal(readSnapshotFromBuffer(bytes, "stor.xlsx"));
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error.message).toMatch(
      /^stor\.xlsx är för stor \(50,1\u00a0MB; Tertial läser arbetsböcker på högst 50\u00a0MB\)/
    );
  });

  it("refuses a file over the size limit by its size on disk", async () => {
    const file = path.join(dir, "stor.xlsx");
    await fs.writeFile(file, example);
    await fs.truncate(file, MAX_WORKBOOK_FILE_BYTES + 1); // sparse: nothing is written
    const error = await refusal(readSnapshotFromFile(file));
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error.message).toContain(`${file} är för stor`);
  });

  it("refuses a FIFO without opening it (which would wait for a writer) and /dev/zero", async () => {
    const fifo = path.join(dir, "rör.xlsx");
    execFileSync("mkfifo", [fifo]);
    for (const special of [fifo, "/dev/zero"]) {
      const error = await refusal(readSnapshotFromFile(special));
      expect(error).toBeInstanceOf(FileNotReadableError);
      expect(error.message).toBe(
        `${special} är ingen vanlig fil (utan t.ex. en enhet eller en namngiven pipe) och kan inte läsas som arbetsbok. Ange sökvägen till arbetsboken (.xlsx).`
      );
    }
  });
});
