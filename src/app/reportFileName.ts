import type { OperationWords } from "./operation";

/**
 * `exempel-2024-T2.xlsx` → `exempel-2024-T2-rapport.xlsx` (or `.docx`), as `tertial rapport`
 * names its output.
 */
export function reportFileName(workbookName: string, extension: "xlsx" | "docx" = "xlsx"): string {
  const dot = workbookName.lastIndexOf(".");
  const stem = dot > 0 ? workbookName.slice(0, dot) : workbookName;
  return `${stem}-rapport.${extension}`;
}

/** Generera rapport's workbook where it is a file of its own (browser mode, which downloads it). */
export const REPORT_FILE_WORDS: OperationWords = {
  name: "Generera rapport",
  withoutExcel: (pageUrl) => `Generera rapporten i Tertial i webbläsaren: ${pageUrl}`,
  openFailed: "Rapporten kunde inte lämnas ut. Välj Generera rapport igen.",
};
