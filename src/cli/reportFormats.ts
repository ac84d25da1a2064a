/**
 * Which files `tertial rapport` writes: the report workbook (.xlsx), the Word document (.docx), or
 * both. `--format` chooses (`xlsx`, `docx`, `xlsx,docx`); without it, `-o`'s ending does (a
 * `.docx` name means the document), and by default the workbook. With two formats `-o` names both
 * files without an ending: `-o rapporter/nämnd-T2` writes `rapporter/nämnd-T2.xlsx` and
 * `rapporter/nämnd-T2.docx`.
 */
import path from "node:path";
import { OutputFileError } from "./outputFile";

export type ReportFormat = "xlsx" | "docx";

const FORMATS: readonly ReportFormat[] = ["xlsx", "docx"];

export interface ReportTarget {
  readonly format: ReportFormat;
  /** The file as the user gave it, or the default beside the input. */
  readonly target: string;
}

const isFormat = (name: string): name is ReportFormat => (FORMATS as string[]).includes(name);

/** `xlsx,docx` → both, in the order given; anything else a Swedish refusal. */
export function parseFormats(option: string): ReportFormat[] {
  const names = option.split(",").map((name) => name.trim().toLowerCase());
  const unknown = names.find((name) => !isFormat(name));
  if (unknown !== undefined || names.length === 0) {
    throw new OutputFileError(
      `Okänt format "${unknown ?? option}" för --format. Välj xlsx, docx eller xlsx,docx.`
    );
  }
  return [...new Set(names as ReportFormat[])];
}

/** `exempel.xlsx` → `exempel-rapport.xlsx` (or `.docx`) in the same folder. */
export function defaultReportPath(input: string, format: ReportFormat = "xlsx"): string {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}-rapport.${format}`);
}

const endsInFormat = (file: string) => isFormat(path.extname(file).slice(1).toLowerCase());

export function reportTargets(
  input: string,
  options: { readonly output?: string; readonly format?: string }
): ReportTarget[] {
  const { output } = options;
  const formats =
    options.format !== undefined
      ? parseFormats(options.format)
      : [output !== undefined && path.extname(output).toLowerCase() === ".docx" ? "docx" : "xlsx"];
  if (formats.length === 1 || output === undefined) {
    return (formats as ReportFormat[]).map((format) => ({
      format,
      target: output ?? defaultReportPath(input, format),
    }));
  }
  if (endsInFormat(output)) {
    const stem = output.slice(0, -path.extname(output).length);
    throw new OutputFileError(
      `Med två format anger -o filnamnet utan ändelse, t.ex. -o ${stem}; Tertial skriver då ` +
        `${stem}.xlsx och ${stem}.docx.`
    );
  }
  return (formats as ReportFormat[]).map((format) => ({ format, target: `${output}.${format}` }));
}
