/** The next period's workbook's file name, as `tertial ny-period` (and later the task pane) names it. */
import type { PeriodOf } from "./nextPeriod";

// Characters Windows, macOS or Linux refuse in a file name; control characters by code below.
const UNSAFE = /[<>:"/\\|?*]/g;
const isControl = (char: string) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f;

/**
 * `<Organisation> <År> <Period>.xlsx`, e.g. `Vård- och omsorgsnämnden 2024 T2.xlsx`; characters
 * unsafe in file names become `-`. Without an Organisation, `fallback` (the input's name) is used.
 */
export function nextWorkbookName(
  organisation: string | null,
  next: PeriodOf,
  fallback: string
): string {
  const stem = `${organisation ?? fallback} ${next.year} ${next.period}`
    .replace(/\s+/g, " ")
    .replace(UNSAFE, "-")
    .split("")
    .map((char) => (isControl(char) ? "-" : char))
    .join("")
    .trim()
    // Windows drops trailing dots and spaces; a leading dot hides the file on macOS and Linux.
    .replace(/^[.\s]+|[.\s]+$/g, "");
  return `${stem}.xlsx`;
}
