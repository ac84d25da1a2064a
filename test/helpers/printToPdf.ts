/**
 * For the print tests: LibreOffice turns a written report into a PDF, poppler reads its pages.
 * They run where LibreOffice and poppler are installed (CI installs them) and skip loudly elsewhere.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const TOOLS = [
  ["soffice", "--version"],
  ["pdfinfo", "-v"],
  ["pdftotext", "-v"],
] as const;

/** The tools this machine lacks for a print test; empty when it can run. */
export const missingPrintTools: readonly string[] = TOOLS.filter(
  ([tool, flag]) => spawnSync(tool, [flag], { stdio: "ignore" }).status !== 0
).map(([tool]) => tool);

/** `file` printed to a PDF beside it, by LibreOffice with a private profile in `dir`. */
export function printToPdf(file: string, dir: string, timeoutMs: number): string {
  // A private profile, so that parallel runs and a user's open LibreOffice do not clash.
  const profile = pathToFileURL(path.join(dir, "profil")).href;
  const convert = () =>
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        file,
      ],
      { stdio: "ignore", timeout: timeoutMs }
    );
  const pdf = path.join(dir, `${path.parse(file).name}.pdf`);
  convert();
  // LibreOffice's first start on a new profile now and then ends before converting.
  if (!existsSync(pdf)) convert();
  return pdf;
}

export function pdfPageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
}

/**
 * A page's text lines, without blank lines, the footer ("Sida 3 (12)") and, when given, the
 * running page header.
 */
export function pageLines(pdf: string, page: number, header?: string): string[] {
  const text = execFileSync(
    "pdftotext",
    ["-f", String(page), "-l", String(page), "-layout", pdf, "-"],
    { encoding: "utf8" }
  );
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(
      (line) =>
        line !== "" && !/^Sida \d+ \(\d+\)$/.test(line) && line.replace(/\s+/g, " ") !== header
    );
}
