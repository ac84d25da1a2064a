/**
 * Only Tertial's own, unchanged report is replaced without --force. `rapport` writes a report;
 * a user edits it and saves (a cell typed, a header or footer edited, in the package as Excel
 * writes it, and once through LibreOffice, which keeps the marker property); the next `rapport`
 * refuses with the usual Swedish message and leaves the file as it was. An unchanged report, also
 * one LibreOffice saved again, is replaced. The same for a .docx whose header part was edited.
 * Recognising a target reads it by position: a 3 GB file is refused after reading a few kilobytes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { reportCommand } from "../../src/cli/reportCommand";
import { runCommand } from "../../src/cli/runCommand";
import { isTertialDocument } from "../../src/docx/documentMarker";
import { isTertialReport, REPORT_MARKER_PROPERTY } from "../../src/xlsx/render/reportMarker";
import { withFileAt } from "../../src/xlsx/zip/fileAt";
import type { RandomAccessFile } from "../../src/xlsx/zip/packageAt";
import { editPart } from "../helpers/editPackage";
import { sha256, useInProcessCli } from "./inProcess";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");
const REFUSED = /finns redan; använd --force för att ersätta den, eller ange en annan fil med -o\./;
const THREE_GB = 3 * 1024 ** 3;

const io = useInProcessCli("tertial-egen-rapport-");

/** `rapport` on the example to `name`, as main() runs it: the exit code. */
async function report(name: string, force = false): Promise<number | undefined> {
  process.exitCode = undefined;
  await runCommand(() => reportCommand(EXAMPLE, { output: path.join(io.dir, name), force }));
  return process.exitCode as number | undefined;
}

/** The report at `name` with one part changed, saved back in place. */
async function edit(name: string, part: string, change: (xml: string) => string): Promise<void> {
  const file = path.join(io.dir, name);
  await fs.writeFile(file, await editPart(await fs.readFile(file), part, change));
}

/** `rapport` again is refused, and the file stays as the user left it; with --force it is replaced. */
async function expectRefused(name: string): Promise<void> {
  const before = await sha256(path.join(io.dir, name));
  expect(await report(name)).toBe(2);
  expect(io.stderr).toMatch(REFUSED);
  expect(await sha256(path.join(io.dir, name))).toBe(before);
  expect(await report(name, true)).toBe(1);
  expect(await sha256(path.join(io.dir, name))).not.toBe(before);
}

/** The file as a RandomAccessFile that counts the bytes read through it. */
async function countingReads<T>(
  file: string,
  use: (file: RandomAccessFile) => Promise<T>
): Promise<{ result: T; bytesRead: number }> {
  let bytesRead = 0;
  const result = await withFileAt(file, (opened) =>
    use({
      size: opened.size,
      readAt: async (position, length) => {
        const bytes = await opened.readAt(position, length);
        bytesRead += bytes.length;
        return bytes;
      },
    })
  );
  return { result, bytesRead };
}

describe("an .xlsx report", () => {
  it("is replaced while unchanged", async () => {
    expect(await report("rapport.xlsx")).toBe(1);
    await fs.utimes(path.join(io.dir, "rapport.xlsx"), new Date(0), new Date(0));
    expect(await report("rapport.xlsx")).toBe(1);
    expect(io.stderr).not.toMatch(REFUSED);
    expect((await fs.stat(path.join(io.dir, "rapport.xlsx"))).mtimeMs).toBeGreaterThan(0);
  });

  it("is the user's once a cell was typed in a sheet", async () => {
    await report("rapport.xlsx");
    await edit("rapport.xlsx", "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace("</row>", '<c r="J1" t="inlineStr"><is><t>Vår egen analys</t></is></c></row>')
    );
    await expectRefused("rapport.xlsx");
  });

  it("is the user's once a shared string (a text in the report) was changed", async () => {
    await report("rapport.xlsx");
    await edit("rapport.xlsx", "xl/sharedStrings.xml", (xml) =>
      xml.replace("<t>Sammanfattning</t>", "<t>Sammanfattning, reviderad</t>")
    );
    await expectRefused("rapport.xlsx");
  });

  it("is the user's once a footer was edited or a header added", async () => {
    await report("rapport.xlsx");
    await edit("rapport.xlsx", "xl/worksheets/sheet2.xml", (xml) =>
      xml.replace(
        /<oddFooter>[^<]*<\/oddFooter>/,
        "<oddFooter>&amp;CUtkast till nämnden</oddFooter>"
      )
    );
    await expectRefused("rapport.xlsx");
    // A draft's sheets have a header already (UTKAST): the user adds a section to it, else a header.
    await edit("rapport.xlsx", "xl/worksheets/sheet3.xml", (xml) =>
      xml.includes("<oddHeader>")
        ? xml.replace("<oddHeader>", "<oddHeader>&amp;LKonfidentiell")
        : xml.replace("<oddFooter>", "<oddHeader>&amp;LKonfidentiell</oddHeader><oddFooter>")
    );
    await expectRefused("rapport.xlsx");
  });

  it("is read by position: the directory and the parts it needs, not a part the user added", async () => {
    await report("rapport.xlsx");
    const file = path.join(io.dir, "rapport.xlsx");
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    // 5 MB a user's program stored in the package, which the marker has no need to read.
    zip.file("xl/media/bild.bin", new Uint8Array(5 * 1024 * 1024).fill(7), {
      compression: "STORE",
    });
    await fs.writeFile(file, await zip.generateAsync({ type: "uint8array" }));
    const { size } = await fs.stat(file);
    const { result, bytesRead } = await countingReads(file, isTertialReport);
    expect(result).toBe(true);
    expect(bytesRead).toBeLessThan(size - 5 * 1024 * 1024 + 70 * 1024);
  });
});

const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;

/** `name` saved again by LibreOffice as .xlsx, in place. */
function resaveInLibreOffice(name: string): void {
  const out = path.join(io.dir, "libreoffice");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(path.join(io.dir, "profil")).href}`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      out,
      path.join(io.dir, name),
    ],
    { stdio: "ignore", timeout: 60_000 }
  );
  execFileSync("mv", [path.join(out, name), path.join(io.dir, name)]);
}

(hasSoffice ? describe : describe.skip)("an .xlsx report saved again by LibreOffice", () => {
  it("is still Tertial's when unchanged, and the user's once a cell was typed", async () => {
    await report("rapport.xlsx");
    const written = await sha256(path.join(io.dir, "rapport.xlsx"));
    resaveInLibreOffice("rapport.xlsx");
    expect(await sha256(path.join(io.dir, "rapport.xlsx"))).not.toBe(written);
    expect(await isTertialReport(await fs.readFile(path.join(io.dir, "rapport.xlsx")))).toBe(true);
    expect(await report("rapport.xlsx")).toBe(1);

    await edit("rapport.xlsx", "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace("</row>", '<c r="J1" t="inlineStr"><is><t>Vår analys</t></is></c></row>')
    );
    resaveInLibreOffice("rapport.xlsx");
    const saved = await JSZip.loadAsync(await fs.readFile(path.join(io.dir, "rapport.xlsx")));
    // LibreOffice keeps the property: the digest is what tells the edit.
    expect(await saved.file("docProps/custom.xml")!.async("string")).toContain(
      REPORT_MARKER_PROPERTY
    );
    await expectRefused("rapport.xlsx");
  }, 120_000);
});

describe("a .docx report", () => {
  it("is replaced while unchanged, and the user's once its header part was edited", async () => {
    expect(await report("rapport.docx")).toBe(1);
    expect(await report("rapport.docx")).toBe(1);
    expect(io.stderr).not.toMatch(REFUSED);
    await edit("rapport.docx", "word/header1.xml", (xml) =>
      xml.replace(/<w:t([^>]*)>[^<]+<\/w:t>/, "<w:t$1>Nämndens version</w:t>")
    );
    await expectRefused("rapport.docx");
  });

  it("is the user's once a footer part was edited", async () => {
    await report("rapport.docx");
    await edit("rapport.docx", "word/footer1.xml", (xml) => xml.replace("Sida ", "Blad "));
    await expectRefused("rapport.docx");
  });
});

describe("a 3 GB target", () => {
  it.each(["rapport.xlsx", "rapport.docx"])(
    "%s is refused in Swedish after reading a few kilobytes of it",
    async (name) => {
      const file = path.join(io.dir, name);
      await fs.writeFile(file, "");
      await fs.truncate(file, THREE_GB); // sparse: no disk used
      const check = name.endsWith(".xlsx") ? isTertialReport : isTertialDocument;
      const { result, bytesRead } = await countingReads(file, check);
      expect(result).toBe(false);
      expect(bytesRead).toBeLessThanOrEqual(70 * 1024);
      expect(await report(name)).toBe(2);
      expect(io.stderr).toMatch(REFUSED);
      expect(io.stderr).not.toMatch(/Internt fel/);
      expect((await fs.stat(file)).size).toBe(THREE_GB);
    }
  );

  it("that is a zip whose directory claims to be gigabytes is refused without reading it", async () => {
    // A real report, then a 3 GB hole, then an end of directory pointing 3 GB back.
    await report("rapport.xlsx");
    const file = path.join(io.dir, "rapport.xlsx");
    const end = new Uint8Array(22);
    const view = new DataView(end.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(10, 1, true);
    view.setUint32(12, 0xfffffff0, true);
    view.setUint32(16, 1000, true);
    await fs.truncate(file, THREE_GB);
    await fs.appendFile(file, end);
    const { result, bytesRead } = await countingReads(file, isTertialReport);
    expect(result).toBe(false);
    expect(bytesRead).toBeLessThanOrEqual(70 * 1024);
  });
});
