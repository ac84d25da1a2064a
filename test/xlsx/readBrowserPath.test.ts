/**
 * readSnapshotFromBuffer also runs in the browser bundle: nothing it imports, directly or through
 * other modules, may be a Node built-in (the file-system wrapper lives in readSnapshotFromFile.ts).
 */
import { promises as fs } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

const IMPORT = /(?:from|import)\s*\(?\s*"([^"]+)"/g;

/** Every package a module imports, following its relative imports. */
async function packagesImportedBy(entry: string): Promise<Set<string>> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = await fs.readFile(file, "utf8");
    for (const [, specifier] of source.matchAll(IMPORT)) {
      if (!specifier.startsWith(".")) {
        packages.add(specifier);
        continue;
      }
      const module = path.resolve(path.dirname(file), specifier);
      // A folder's index (./validate → validate/index.ts) when there is no module of that name.
      const asFile = `${module}.ts`;
      const exists = await fs.stat(asFile).then(
        () => true,
        () => false
      );
      await visit(exists ? asFile : path.join(module, "index.ts"));
    }
  };
  await visit(entry);
  return packages;
}

it("the buffer reader imports exceljs and jszip, and no Node module", async () => {
  const src = path.join(__dirname, "../../src");
  const packages = await packagesImportedBy(path.join(src, "xlsx/read/readSnapshot.ts"));
  expect([...packages].sort()).toEqual(["exceljs", "jszip"]);
  const fileReader = await packagesImportedBy(path.join(src, "xlsx/read/readSnapshotFromFile.ts"));
  const nodeModules = [...fileReader].filter(
    (p) => p.startsWith("node:") || builtinModules.includes(p)
  );
  expect(nodeModules.sort()).toEqual(["node:fs", "node:path", "node:zlib"]);
});

it("the report writers and their markers import no Node module (the page writes reports too)", async () => {
  const src = path.join(__dirname, "../../src");
  for (const entry of ["xlsx/render/renderSheetGrid.ts", "docx/wordReport.ts"]) {
    const packages = await packagesImportedBy(path.join(src, entry));
    expect(
      [...packages].filter((p) => p.startsWith("node:") || builtinModules.includes(p))
    ).toEqual([]);
  }
});

it("Ny period's writer, which edits the input's package in the page too, imports no Node module", async () => {
  const src = path.join(__dirname, "../../src");
  const packages = await packagesImportedBy(path.join(src, "xlsx/cycle/nextPeriodWorkbook.ts"));
  const nodeModules = [...packages].filter(
    (p) => p.startsWith("node:") || builtinModules.includes(p)
  );
  expect(nodeModules).toEqual([]);
});

it("Hämta från Kolada-fil's writer, which the page runs too, imports no Node module", async () => {
  const src = path.join(__dirname, "../../src");
  const packages = await packagesImportedBy(path.join(src, "xlsx/kolada/koladaWorkbook.ts"));
  expect([...packages].filter((p) => p.startsWith("node:") || builtinModules.includes(p))).toEqual(
    []
  );
});
