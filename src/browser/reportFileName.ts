/**
 * `exempel-2024-T2.xlsx` → `exempel-2024-T2-rapport.xlsx` (or `.docx`), as `tertial rapport`
 * names its output.
 */
export function reportFileName(workbookName: string, extension: "xlsx" | "docx" = "xlsx"): string {
  const dot = workbookName.lastIndexOf(".");
  const stem = dot > 0 ? workbookName.slice(0, dot) : workbookName;
  return `${stem}-rapport.${extension}`;
}
