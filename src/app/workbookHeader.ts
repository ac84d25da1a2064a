/** The pane's header: which workbook this is, from its Inställningar. */
import type { Model } from "../core/model";

export interface WorkbookHeader {
  readonly fileName: string;
  readonly organisation: string;
  readonly year: string;
  readonly period: string;
  readonly templateVersion: string;
}

const MISSING = "–";

export function workbookHeader(model: Model): WorkbookHeader {
  const s = model.settings.values;
  return {
    fileName: model.fileName,
    organisation: s.organisation ?? MISSING,
    year: s.year === null ? MISSING : String(s.year),
    period: s.period ?? MISSING,
    templateVersion: s.templateVersion === null ? MISSING : String(s.templateVersion),
  };
}
