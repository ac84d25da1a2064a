/** Findings as the pane lists them: grouped by sheet, counted and filtered by severity. */
import { countBySeverity, SEVERITIES, type Finding, type Severity } from "../../core/findings";
import { severityCount } from "../../core/text/findingCounts";

/** Which severities are shown. */
export type SeverityFilter = Readonly<Record<Severity, boolean>>;

export const SHOW_ALL: SeverityFilter = { fel: true, varning: true };

export interface SheetGroup {
  readonly sheet: string;
  /** The findings shown, in reading order. */
  readonly findings: readonly Finding[];
  /** All of the sheet's findings, shown or not: the filter does not change the counts. */
  readonly counts: Readonly<Record<Severity, number>>;
}

/**
 * One group per sheet in the order the findings come (the core sorts them in the workbook's sheet
 * order); a sheet whose findings are all filtered out is left out.
 */
export function groupBySheet(findings: readonly Finding[], filter: SeverityFilter): SheetGroup[] {
  const bySheet = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = bySheet.get(finding.sheet) ?? [];
    list.push(finding);
    bySheet.set(finding.sheet, list);
  }
  return [...bySheet]
    .map(([sheet, all]) => ({
      sheet,
      findings: all.filter((f) => filter[f.severity]),
      counts: countBySeverity(all),
    }))
    .filter((group) => group.findings.length > 0);
}

export function toggleSeverity(filter: SeverityFilter, severity: Severity): SeverityFilter {
  return { ...filter, [severity]: !filter[severity] };
}

/** `3 fel och 1 varning`, `inga fynd`: the count sentence the pane and screen readers use. */
export function describeCounts(counts: Readonly<Record<Severity, number>>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => severityCount(s, counts[s]));
  return parts.length === 0 ? "inga fynd" : parts.join(" och ");
}

/** A sheet lists this many findings until the user asks for all: thousands of rows would stall the pane. */
export const FINDINGS_SHOWN_AT_FIRST = 200;

export function visibleFindings(group: SheetGroup, showAll: boolean): readonly Finding[] {
  return showAll ? group.findings : group.findings.slice(0, FINDINGS_SHOWN_AT_FIRST);
}

export const SEVERITY_WORD: Readonly<Record<Severity, string>> = { fel: "Fel", varning: "Varning" };

/** What a screen reader says for a finding's button: `Fel i Åtgärder, cell D7: … Gå till cellen.` */
export function findingLabel(finding: Finding): string {
  const message = finding.message.trim().replace(/[.!]?$/, ".");
  return `${SEVERITY_WORD[finding.severity]} i ${finding.sheet}, cell ${finding.cell}: ${message} Gå till cellen.`;
}
