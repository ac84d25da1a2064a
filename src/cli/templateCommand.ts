/** `tertial mall`: writes a fresh template. Never overwrites a file unless asked to with --force. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { TEMPLATE_VERSION } from "../core/template/definition";
import { buildWorkbook } from "../xlsx/template/buildWorkbook";
import { saveWorkbook } from "../xlsx/template/saveWorkbook";
import { EXIT_OK, EXIT_UNUSABLE } from "./runCommand";

export interface TemplateOptions {
  /** Where to write the template (.xlsx). */
  readonly output: string;
  /** Replace an existing file. */
  readonly force?: boolean;
}

async function existing(file: string): Promise<"file" | "directory" | null> {
  try {
    return (await fs.stat(file)).isDirectory() ? "directory" : "file";
  } catch {
    return null;
  }
}

/** Why a write failed, in words for the user; undefined for failures that are bugs. */
function writeFailure(error: unknown, file: string): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = path.dirname(file);
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return `mappen ${folder} finns inte. Skapa mappen eller välj en annan sökväg med --output.`;
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return `du saknar behörighet att skriva i ${folder}. Välj en annan mapp med --output.`;
    case "ENOSPC":
    case "EDQUOT":
      return "disken är full. Frigör utrymme och försök igen.";
    default:
      return undefined;
  }
}

function fail(message: string): number {
  process.stderr.write(`Fel: ${message}\n`);
  return EXIT_UNUSABLE;
}

export async function templateCommand(options: TemplateOptions): Promise<number> {
  const file = path.resolve(options.output);
  if (path.extname(file).toLowerCase() !== ".xlsx") {
    return fail(
      `${options.output}: mallen är en Excel-arbetsbok och filnamnet måste sluta på .xlsx, ` +
        "t.ex. --output tertialuppfoljning.xlsx."
    );
  }
  const found = await existing(file);
  if (found === "directory") {
    return fail(
      `${options.output} är en mapp. Ange ett filnamn, t.ex. --output ${path.join(options.output, "tertialuppfoljning.xlsx")}.`
    );
  }
  if (found === "file" && !options.force) {
    return fail(
      `${options.output} finns redan och skrevs inte över. Välj ett annat filnamn med --output, ` +
        "eller lägg till --force för att ersätta filen."
    );
  }
  try {
    await saveWorkbook(buildWorkbook(), file);
  } catch (error) {
    const reason = writeFailure(error, file);
    if (reason === undefined) throw error;
    return fail(`Mallen kunde inte sparas som ${options.output}: ${reason}`);
  }
  process.stderr.write(`Skrev en ny mall (mallversion ${TEMPLATE_VERSION}) till ${file}\n`);
  return EXIT_OK;
}
