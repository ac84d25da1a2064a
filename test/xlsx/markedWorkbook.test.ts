/**
 * Klarmarkera's copy on real .xlsx files: only the four ready-mark Värde cells change, the copy
 * reads back clean and sealed (in exceljs, and in openpyxl, which also re-saves it unchanged
 * without breaking the seal), and one cell edited afterwards is a fel at the seal.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { analyse } from "../../src/core/pipeline";
import { cellAddress, type Snapshot } from "../../src/core/snapshot";
import { TEMPLATE_V2 } from "../../src/core/template/v2";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { markedWorkbook } from "../../src/xlsx/seal/markedWorkbook";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/workbookBytes";
import { editedByOpenpyxl, sealableBytes, T1_TODAY, UNMARKED_T1 } from "../helpers/sealable";

const findingsOf = async (bytes: Uint8Array, today = T1_TODAY) =>
  analyse(await readSnapshotFromBuffer(bytes, "Äldreomsorg T1.xlsx"), { today }).findings;

async function mark(bytes: Uint8Array) {
  const result = await markedWorkbook(bytes, "Äldreomsorg T1.xlsx", "Eva Ekonom", T1_TODAY);
  if (result.kind !== "marked") throw new Error(result.message);
  return result;
}

async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  return new Map(
    await Promise.all(entries.map(async (f) => [f.name, await f.async("string")] as const))
  );
}

const snapshotOf = (bytes: Uint8Array) => readSnapshotFromBuffer(bytes, "Äldreomsorg T1.xlsx");

/** The address of `header` in the row whose first column holds `key`, as the reader finds it. */
function addressOf(snapshot: Snapshot, table: string, key: string, header: string): string {
  const t = snapshot.tables.find((x) => x.name === table)!;
  const row = t.rows.findIndex((r) => r[0] === key);
  return cellAddress(t.headerRow + 1 + row, t.firstColumn + t.headers.indexOf(header));
}

/** The Värde of an Inställningar row, as the reader reads it. */
function settingValue(snapshot: Snapshot, label: string) {
  const t = snapshot.tables.find((x) => x.name === "tblInstallningar")!;
  return t.rows.find((r) => r[0] === label)?.[1];
}

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-seal-"));
  dirs.push(dir);
  return dir;
}

describe("markedWorkbook", () => {
  it("marks a clean workbook: Ja, by, today's date and the seal; read back it has no findings", async () => {
    const input = await sealableBytes();
    expect(await findingsOf(input)).toEqual([]);
    const { bytes, values } = await mark(input);
    expect(await findingsOf(bytes)).toEqual([]);
    const snapshot = await snapshotOf(bytes);
    expect(settingValue(snapshot, "Klarmarkerad")).toBe("Ja");
    expect(settingValue(snapshot, "Klarmarkerad av")).toBe("Eva Ekonom");
    expect(settingValue(snapshot, "Klarmarkerad datum")).toEqual(T1_TODAY);
    expect(settingValue(snapshot, "Klarmarkerad kontrollsumma")).toBe(values.readyDigest);
    expect(values.readyDigest).toMatch(/^[0-9a-f]{64}$/);
    // The input is only read.
    expect(settingValue(await snapshotOf(input), "Klarmarkerad")).toBe("Nej");
  });

  it("changes only the Inställningar sheet (and a date style) of the package", async () => {
    const input = await sealableBytes();
    const before = await partsOf(input);
    const after = await partsOf((await mark(input)).bytes);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...after].filter(([name, xml]) => before.get(name) !== xml).map(([n]) => n);
    const sheets = changed.filter((n) => n !== "xl/styles.xml");
    expect(sheets).toHaveLength(1);
    expect(after.get(sheets[0])).toContain("Eva Ekonom");
  });

  it("keeps every other cell of every sheet, read independently by openpyxl", async () => {
    const dir = await tempDir();
    const input = await sealableBytes();
    const marked = (await mark(input)).bytes;
    await fs.writeFile(path.join(dir, "in.xlsx"), input);
    await fs.writeFile(path.join(dir, "out.xlsx"), marked);
    const script = `
import json, sys, openpyxl
def cells(f):
    wb = openpyxl.load_workbook(f)
    return {ws.title + "!" + c.coordinate: str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
a, b = cells(sys.argv[1]), cells(sys.argv[2])
print(json.dumps(sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))))
wb = openpyxl.load_workbook(sys.argv[2])
wb.save(sys.argv[3])
`;
    const run = spawnSync(
      "/usr/bin/python3",
      [
        "-c",
        script,
        path.join(dir, "in.xlsx"),
        path.join(dir, "out.xlsx"),
        path.join(dir, "resaved.xlsx"),
      ],
      { encoding: "utf8" }
    );
    expect(run.stderr).toBe("");
    const differing: string[] = JSON.parse(run.stdout);
    expect(differing).toHaveLength(4);
    expect(differing.every((cell) => cell.startsWith("Inställningar!"))).toBe(true);
    // Re-saved by another program, unchanged: the seal still holds.
    const resaved = new Uint8Array(await fs.readFile(path.join(dir, "resaved.xlsx")));
    expect(await findingsOf(resaved)).toEqual([]);
  });

  it("one cell edited after marking is a fel at Klarmarkerad kontrollsumma", async () => {
    const { bytes } = await mark(await sealableBytes());
    const snapshot = await snapshotOf(bytes);
    const action = snapshot.tables.find((t) => t.name === "tblAtgarder")!.rows[0][0] as string;
    const edited = await editedByOpenpyxl(
      await tempDir(),
      bytes,
      "Åtgärder",
      addressOf(snapshot, "tblAtgarder", action, "Ansvarig"),
      "Ekonomichef"
    );
    const found = await findingsOf(edited);
    expect(found).toEqual([
      expect.objectContaining({
        code: "andrad-efter-klarmarkering",
        severity: "fel",
        sheet: "Inställningar",
        cell: addressOf(snapshot, "tblInstallningar", "Klarmarkerad kontrollsumma", "Värde"),
      }),
    ]);
  });

  it("refuses a workbook with fel and makes no copy", async () => {
    const broken = {
      ...UNMARKED_T1,
      tables: { ...UNMARKED_T1.tables, operatingStatement: [] },
    };
    const input = await sealableBytes(broken);
    const fel = (await findingsOf(input)).filter((f) => f.severity === "fel").length;
    expect(fel).toBeGreaterThan(0);
    const result = await markedWorkbook(input, "Äldreomsorg T1.xlsx", "Eva", T1_TODAY);
    expect(result).toEqual({
      kind: "refused",
      fel,
      message: `Äldreomsorg T1.xlsx har ${fel} fel och kan inte klarmarkeras. Rätta felen och klarmarkera igen.`,
    });
  });

  it("refuses a version-2 workbook without the seal's row", async () => {
    const v2 = await workbookBytes(buildWorkbook(TEMPLATE_V2, UNMARKED_T1));
    const result = await markedWorkbook(v2, "Äldreomsorg T1.xlsx", "Eva", T1_TODAY);
    expect(result.kind).toBe("refused");
    if (result.kind === "refused") expect(result.message).toContain("Klarmarkerad kontrollsumma");
  });
});
