/** The steps of Validera, Generera rapport and Ny period, named for the progress indicator. */

export type Step =
  "read" | "check" | "compute" | "write" | NewPeriodStep | MarkReadyStep | KoladaStep | ImportStep;

/** Ny period: read, make the next workbook, then open it (Excel) or download it (browser). */
export type NewPeriodStep = "read" | "rollForward" | "open" | "download";

/** Klarmarkera: read and check, then write the four cells (Excel) or download the copy (browser). */
export type MarkReadyStep = "read" | "check" | "markCells" | "download";
/** Hämta från Kolada-fil: read the workbook and the files, fill, then open or download. */
export type KoladaStep = "read" | "koladaFill" | "open" | "download";
/**
 * Importera utfall: read the workbook and the ledger into a preview; after confirmation, in Excel
 * optionally open a copy first, then write the cells; elsewhere download the imported copy.
 */
export type ImportStep = "read" | "importLedger" | "copy" | "importCells" | "open" | "download";

export const STEP_LABELS: Readonly<Record<Step, string>> = {
  read: "Läser arbetsboken",
  check: "Kontrollerar uppgifterna",
  compute: "Räknar fram ekonomin och rapporten",
  write: "Skriver rapportbladen",
  rollForward: "Gör nästa periods arbetsbok",
  koladaFill: "Fyller i värdena från Kolada",
  open: "Öppnar den nya arbetsboken i Excel",
  download: "Laddar ned den nya arbetsboken",
  markCells: "Skriver klarmarkeringen",
  importLedger: "Läser huvudboksfilen och räknar fram utfallet",
  copy: "Öppnar en kopia av arbetsboken i Excel",
  importCells: "Skriver utfallet i arbetsboken",
};

export const VALIDATE_STEPS: readonly Step[] = ["read", "check"];
export const GENERATE_STEPS: readonly Step[] = ["read", "check", "compute", "write"];
export const newPeriodSteps = (delivery: "open" | "download"): readonly NewPeriodStep[] => [
  "read",
  "rollForward",
  delivery,
];

export const markReadySteps = (inWorkbook: boolean): readonly MarkReadyStep[] =>
  inWorkbook ? ["read", "check", "markCells"] : ["read", "check", "download"];
export const koladaSteps = (delivery: "open" | "download"): readonly KoladaStep[] => [
  "read",
  "koladaFill",
  delivery,
];

export const IMPORT_PREVIEW_STEPS: readonly ImportStep[] = ["read", "importLedger"];
/** After confirmation: into the open workbook (with or without a copy first), or the copy delivered. */
export const importApplySteps = (
  into: "workbook" | "open" | "download",
  copyFirst: boolean
): readonly ImportStep[] =>
  into !== "workbook" ? [into] : copyFirst ? ["copy", "importCells"] : ["importCells"];

/** `Steg 2 av 4: Kontrollerar uppgifterna`: what the progress indicator and screen readers say. */
export function describeStep(step: Step, steps: readonly Step[]): string {
  return `Steg ${steps.indexOf(step) + 1} av ${steps.length}: ${STEP_LABELS[step]}`;
}

/** Progress as a fraction for the bar: a step counts as half done while it runs. */
export function stepFraction(step: Step, steps: readonly Step[]): number {
  return (steps.indexOf(step) + 0.5) / steps.length;
}
