/**
 * How `tertial validera` shows findings: grouped by sheet for people, or a JSON array for scripts.
 * Text for people is cleaned for the terminal (terminalText.ts); JSON keeps every character.
 */
import { countBySeverity, type Finding } from "../core/findings";
import { findingCounts } from "../core/text/findingCounts";
import { CELL_QUOTE_LIMIT, clip, forTerminal } from "./terminalText";

const shown = (text: string) => clip(forTerminal(text), CELL_QUOTE_LIMIT);

/** "3 fel och 12 varningar i exempel.xlsx", or "Inga fel eller varningar i exempel.xlsx". */
export function summaryLine(findings: readonly Finding[], fileName: string): string {
  const counts = countBySeverity(findings);
  const file = shown(fileName);
  if (counts.fel === 0 && counts.varning === 0) return `Inga fel eller varningar i ${file}`;
  return `${findingCounts(counts)} i ${file}`;
}

/**
 * One block per sheet in the order given (the pipeline sorts findings in reading order), each
 * finding on one line: cell, severity, message, [code]. Ends with the summary line.
 */
export function formatFindings(findings: readonly Finding[], fileName: string): string {
  const cells = findings.map((f) => shown(f.cell));
  const cellWidth = Math.max(0, ...cells.map((cell) => cell.length));
  const severityWidth = findings.some((f) => f.severity === "varning") ? "varning".length : 3;
  const lines: string[] = [];
  let sheet: string | null = null;
  findings.forEach((f, i) => {
    if (f.sheet !== sheet) {
      if (sheet !== null) lines.push("");
      lines.push(shown(f.sheet));
      sheet = f.sheet;
    }
    lines.push(
      `  ${cells[i].padEnd(cellWidth)}  ${f.severity.padEnd(severityWidth)}  ${forTerminal(f.message)} [${f.code}]`
    );
  });
  if (lines.length > 0) lines.push("");
  lines.push(summaryLine(findings, fileName));
  return `${lines.join("\n")}\n`;
}

/** The findings as a JSON array of `{ severity, code, sheet, cell, message }`, nothing else. */
export function findingsJson(findings: readonly Finding[]): string {
  const plain = findings.map(({ severity, code, sheet, cell, message }) => ({
    severity,
    code,
    sheet,
    cell,
    message,
  }));
  return `${JSON.stringify(plain, null, 2)}\n`;
}
