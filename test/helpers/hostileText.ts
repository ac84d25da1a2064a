/**
 * Test helper: workbooks whose cells hold text XML 1.0 cannot hold, as a reader decodes it from
 * Excel's `_xHHHH_` escapes (the only way such a character reaches a well-formed workbook): U+FFFE,
 * U+0001, a lone surrogate, and the literal text `_xFFFE_` (escaped as `_x005F_xFFFE_`). And an
 * independent reader of what a writer made: openpyxl (`/usr/bin/python3`, which CI installs).
 */
import { spawnSync } from "node:child_process";
import JSZip from "jszip";

/** As stored in the workbook's parts. */
const ESCAPED = "fientlig_xFFFE_mitt_x0001_och_xD800_sist_x005F_xFFFE_slut";
/** As a reader gives it: every kind of text a writer must not put in a part as it is. */
export const HOSTILE = "fientlig\uFFFEmitt\u0001och\uD800sist_xFFFE_slut";
/** As every writer must write it: each character replaced visibly. */
export const WRITTEN = "fientlig\uFFFDmitt\uFFFDoch\uFFFDsist\uFFFDslut";

/** A placeholder for `placeHostile`: plain text exceljs writes as it is. */
export const placeholder = (n: number) => `HOSTILE${n}PLATS`;

/** The workbook with every placeholder in its parts replaced by the escaped hostile text. */
export async function placeHostile(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const file of Object.values(zip.files)) {
    if (file.dir || !file.name.startsWith("xl/")) continue;
    const xml = await file.async("string");
    const placed = xml.replace(/HOSTILE\d+PLATS/g, ESCAPED);
    if (placed !== xml) zip.file(file.name, placed);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Every text cell of every sheet as openpyxl reads it; fails the test when openpyxl refuses the file. */
export function openpyxlTexts(file: string): string[] {
  const script = [
    "import json, sys, openpyxl",
    "wb = openpyxl.load_workbook(sys.argv[1])",
    "print(json.dumps([c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row",
    "                  if isinstance(c.value, str)]))",
  ].join("\n");
  const run = spawnSync("/usr/bin/python3", ["-c", script, file], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0)
    throw new Error(`openpyxl refused ${file}: ${run.stderr.trim().split("\n").pop()}`);
  return JSON.parse(run.stdout) as string[];
}
