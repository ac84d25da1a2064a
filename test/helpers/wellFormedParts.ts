/**
 * Test helper: every XML part of an .xlsx or .docx package checked for well-formedness by an
 * independent parser (xmllint, Debian's libxml2-utils, which CI installs). A part holding a
 * character XML cannot hold is what makes Excel repair a file and openpyxl refuse it.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";

/** The XML parts xmllint refuses, each with its first complaint; empty when all are well-formed. */
export async function malformedParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-parts-"));
  try {
    const parts = Object.values(zip.files).filter(
      (f) => !f.dir && /\.(xml|rels|vml)$/i.test(f.name)
    );
    const bad: string[] = [];
    for (const part of parts) {
      const file = path.join(dir, part.name.replace(/[\\/[\]]/g, "_"));
      await fs.writeFile(file, await part.async("uint8array"));
      const run = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
      if (run.error) throw run.error;
      if (run.status !== 0) bad.push(`${part.name}: ${run.stderr.split("\n")[0]}`);
    }
    return bad;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
