/**
 * Validera and Generera rapport as the task pane and the ribbon command run them: read through
 * the host, run the core, write back, reporting each step as it starts.
 */
import { countBySeverity, type Severity } from "../core/findings";
import { analyse, generateReport, type Analysis } from "../core/pipeline";
import type { ReportDoc } from "../core/report/reportDoc";
import type { AppHost } from "./appHost";
import type { Step } from "./progress";
import { summariseReport, type ReportSummary } from "./reportSummary";
import { workbookHeader, type WorkbookHeader } from "./workbookHeader";

export type OnStep = (step: Step) => void;

export interface Validated {
  readonly header: WorkbookHeader;
  readonly analysis: Analysis;
}

/** What a finished Generera rapport leaves to show, here or (stored) after the ribbon command. */
export interface ReportOutcome {
  readonly header: WorkbookHeader;
  /** The report sheets written, in order. */
  readonly sheetNames: readonly string[];
  readonly summary: ReportSummary;
  readonly counts: Readonly<Record<Severity, number>>;
}

export interface Generated extends Validated, ReportOutcome {
  /** The report's content, for another rendering on request (the Word document). */
  readonly doc: ReportDoc;
}

export async function validateWorkbook(host: AppHost, onStep: OnStep): Promise<Validated> {
  onStep("read");
  const snapshot = await host.readSnapshot();
  onStep("check");
  const analysis = analyse(snapshot);
  return { header: workbookHeader(analysis.model), analysis };
}

export async function generateWorkbookReport(host: AppHost, onStep: OnStep): Promise<Generated> {
  const { header, analysis } = await validateWorkbook(host, onStep);
  onStep("compute");
  const report = generateReport(analysis, { linkFindings: host.reportInWorkbook });
  onStep("write");
  await host.writeReport(report.doc);
  return {
    header,
    analysis,
    sheetNames: report.doc.sheets.map((s) => s.name),
    summary: summariseReport(analysis.model, report.rollup),
    counts: countBySeverity(analysis.findings),
    doc: report.doc,
  };
}
