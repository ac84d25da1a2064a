/** A problem found in the workbook, pointing at one cell. Messages are Swedish and say what to do. */
import { columnNumber } from "./snapshot";

export type Severity = "fel" | "varning";

/** Every severity, the graver first. */
export const SEVERITIES: readonly Severity[] = ["fel", "varning"];

export interface Finding {
  readonly severity: Severity;
  /**
   * The workbook the finding is in (the Model's fileName), so findings of several workbooks can
   * be listed together; hosts that show one workbook leave it out of their text.
   */
  readonly file: string;
  /** Stable code, e.g. `status-ogiltig`. */
  readonly code: string;
  readonly sheet: string;
  /** A1 address on `sheet`. */
  readonly cell: string;
  readonly message: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { fel: 0, varning: 1 };

/** Sheet order of the workbook, then row, then column, then severity: the order a person reads in. */
export function sortFindings(
  findings: readonly Finding[],
  sheetOrder: readonly string[]
): Finding[] {
  const sheetIndex = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i === -1 ? sheetOrder.length : i;
  };
  const pos = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [0, 0];
    return [Number(m[2]), columnNumber(m[1])];
  };
  return [...findings].sort((a, b) => {
    const [ra, ca] = pos(a.cell);
    const [rb, cb] = pos(b.cell);
    return (
      sheetIndex(a.sheet) - sheetIndex(b.sheet) ||
      ra - rb ||
      ca - cb ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.code.localeCompare(b.code)
    );
  });
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { fel: 0, varning: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
