/**
 * Writes the hostile inputs of `npm run bench` to a folder and prints their list as JSON. Run as a
 * process of its own: Linux keeps a process's peak memory (ru_maxrss) across fork and exec, so
 * building a million rows in the bench's own process would count in every task measured after it.
 * Usage: tsx bench/hostileFiles.ts <folder>
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { EXAMPLE_FILE, manyRowsWorkbook, mergeBomb, zipBomb } from "../test/xlsx/hostileWorkbooks";

export interface HostileFile {
  readonly label: string;
  readonly file: string;
  readonly bytes: number;
}

const FILES: readonly [label: string, name: string, build: () => Promise<Uint8Array>][] = [
  [
    "merge A1:XFD1048576 on Instruktioner",
    "merge-instruktioner.xlsx",
    async () => mergeBomb("Instruktioner", await fs.readFile(EXAMPLE_FILE)),
  ],
  [
    "merge A1:XFD1048576 on Risker",
    "merge-risker.xlsx",
    async () => mergeBomb("Risker", await fs.readFile(EXAMPLE_FILE)),
  ],
  ["tblAtgarder, 1,048,576 filled rows", "rows-1048576.xlsx", () => manyRowsWorkbook(1_048_573)],
  ["tblAtgarder, 50,000 filled rows", "rows-50000.xlsx", () => manyRowsWorkbook(50_000)],
  [
    "tblAtgarder, 110 rows out to column XFD",
    "rows-to-xfd.xlsx",
    () => manyRowsWorkbook(110, { toLastColumn: true }),
  ],
  ["zip bomb, 5 GB of zeros", "zip-bomb.xlsx", () => zipBomb(5000)],
  [
    "zip bomb, 300 MB declared as 1 KB",
    "zip-bomb-lying.xlsx",
    () => zipBomb(300, { part: "xl/sharedStrings.xml", declaredSize: 1000 }),
  ],
];

async function main(): Promise<void> {
  const folder = process.argv[2];
  await fs.mkdir(folder, { recursive: true });
  const written: HostileFile[] = [];
  for (const [label, name, build] of FILES) {
    const file = path.join(folder, name);
    const bytes = await build();
    await fs.writeFile(file, bytes);
    written.push({ label, file, bytes: bytes.length });
  }
  process.stdout.write(JSON.stringify(written));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
