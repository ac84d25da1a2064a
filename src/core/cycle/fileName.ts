/** The next period's workbook's file name, as `tertial ny-period` (and later the task pane) names it. */
import { fitDefaultName } from "../defaultFileName";
import type { PeriodOf } from "./nextPeriod";

// Characters Windows, macOS or Linux refuse in a file name; control characters by code below.
const UNSAFE = /[<>:"/\\|?*]/g;
const isControl = (char: string) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f;

/** Invisible format characters (Cf): a bidi override in a file name disguises its ending. */
const FORMAT_CHARACTER = /\p{Cf}/gu;

/** One line, characters unsafe in file names as `-`, no leading dot (it hides the file). */
const safeForFileName = (text: string) =>
  text
    .replace(FORMAT_CHARACTER, "")
    .replace(/\s+/g, " ")
    .replace(UNSAFE, "-")
    .split("")
    .map((char) => (isControl(char) ? "-" : char))
    .join("")
    .trim()
    .replace(/^[.\s]+/, "");

/**
 * `<Organisation> <År> <Period>.xlsx`, e.g. `Vård- och omsorgsnämnden 2024 T2.xlsx`; characters
 * unsafe in file names become `-`, invisible format characters are dropped. Without an Organisation, `fallback` (the input's name) is used.
 * A long Organisation is cut at a word so that the name stays within MAX_DEFAULT_NAME_BYTES
 * (`../defaultFileName.ts`); `<År> <Period>.xlsx` is always whole.
 */
export function nextWorkbookName(
  organisation: string | null,
  next: PeriodOf,
  fallback: string
): string {
  const head = safeForFileName(organisation ?? fallback);
  return fitDefaultName(head, `${head === "" ? "" : " "}${next.year} ${next.period}.xlsx`);
}
