/**
 * `tertial rapport <fil.xlsx> [-o ut.xlsx]`: writes the report sheets to a NEW workbook (by default
 * `<fil>-rapport.xlsx` beside the input) and prints the economy summary and the findings count.
 * The input file is only read, never written. The report is written even when there are findings
 * (they are in Kontrollresultat), but not for a workbook that cannot be used at all.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { countBySeverity } from "../core/findings";
import { analyse, generateReport } from "../core/pipeline";
import { reportWorkbookBytes } from "../xlsx/render/renderSheetGrid";
import { readSnapshotFromFile } from "../xlsx/read/readSnapshotFromFile";
import { writeFileAtomic } from "../xlsx/writeAtomic";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "./runCommand";

/** `exempel.xlsx` → `exempel-rapport.xlsx` in the same folder. */
export function defaultReportPath(input: string): string {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}-rapport.xlsx`);
}

/** The same file by path or, through a link or another letter case, by identity on disk. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [statA, statB] = await Promise.all([
    fs.stat(a).catch(() => null),
    fs.stat(b).catch(() => null),
  ]);
  return (
    statA !== null &&
    statB !== null &&
    statA.ino !== 0 &&
    statA.dev === statB.dev &&
    statA.ino === statB.ino
  );
}

/** Why a report file could not be written, in words the user can act on. */
function writeFailure(target: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return `Mappen för ${target} finns inte. Ange en befintlig mapp med -o.`;
    case "EACCES":
    case "EPERM":
    case "EBUSY":
      return (
        `${target} kunde inte skrivas: filen är skrivskyddad eller öppen i ett annat program (t.ex. Excel). ` +
        `Stäng den, eller ange en annan fil med -o, och försök igen.`
      );
    default:
      return `${target} kunde inte skrivas (${code ?? "okänt fel"}). Ange en annan fil med -o och försök igen.`;
  }
}

export async function reportCommand(file: string, options: { output?: string }): Promise<number> {
  const target = options.output ?? defaultReportPath(file);
  if (await sameFile(target, file)) {
    process.stderr.write(
      `Fel: rapporten kan inte skrivas över arbetsboken ${file}; Tertial ändrar aldrig indatafilen. ` +
        `Ange en annan fil med -o.\n`
    );
    return EXIT_UNUSABLE;
  }
  const analysis = analyse(await readSnapshotFromFile(file));
  const report = generateReport(analysis);
  const bytes = await reportWorkbookBytes(report.sheets);
  try {
    await writeFileAtomic(target, bytes);
  } catch (error) {
    process.stderr.write(`Fel: ${writeFailure(target, error)}\n`);
    return EXIT_UNUSABLE;
  }
  const { fel, varning } = countBySeverity(analysis.findings);
  process.stdout.write(
    `Rapporten är sparad i ${target} (${report.sheets.map((s) => s.name).join(", ")}).\n\n` +
      `${report.summary}\n\n` +
      `Kontrollen hittade ${fel} fel och ${varning} ${varning === 1 ? "varning" : "varningar"}` +
      (fel + varning > 0 ? `; de listas på bladet Kontrollresultat.\n` : ".\n")
  );
  return fel > 0 ? EXIT_FINDINGS : EXIT_OK;
}
