/**
 * Klarmarkera, decided once for every host: a workbook free of fel gets Klarmarkerad Ja, who
 * marked it, today's date and the seal of its data (sealDigest.ts); one with fel is refused.
 * The hosts write the four values into the ready-mark cells and nothing else.
 */
import type { Finding } from "../findings";
import type { Model } from "../model";
import { formatIsoDate } from "../parse/values";
import { severityCount } from "../text/findingCounts";
import { READY_MARK_KEYS, sealDigest } from "./sealDigest";

/** A workbook as `analyse` (../pipeline.ts) leaves it: its Model and every finding. */
export interface CheckedWorkbook {
  readonly model: Model;
  readonly findings: readonly Finding[];
}

/** The values Klarmarkera writes, by setting key. */
export interface ReadyMarkValues {
  readonly readyMark: "Ja";
  readonly readyBy: string;
  /** The day of marking, UTC midnight like every date in the Model. */
  readonly readyDate: Date;
  readonly readyDigest: string;
}

/** Where each value goes: the Värde cell of its row on Inställningar. */
export interface ReadyMarkCell {
  readonly key: (typeof READY_MARK_KEYS)[number];
  readonly sheet: string;
  readonly address: string;
}

export type ReadyMarkDecision =
  | {
      readonly kind: "marked";
      readonly values: ReadyMarkValues;
      readonly cells: readonly ReadyMarkCell[];
      /** The varningar that remain: they do not stop a ready-mark. */
      readonly varningar: number;
    }
  | { readonly kind: "refused"; readonly message: string; readonly fel: number };

/**
 * Findings about the ready-mark itself: marking again is what resolves them, so they do not
 * stop it (klarmarkerad-med-fel only ever fires beside other fel).
 */
const ABOUT_THE_MARK = new Set(["klarmarkerad-med-fel", "andrad-efter-klarmarkering"]);

/** The ready-mark cells the workbook has: one made before template v3 lacks the seal's row. */
function readyMarkCells(analysis: CheckedWorkbook): ReadyMarkCell[] {
  const { model } = analysis;
  const sheet = model.tables.settings.sheet;
  return READY_MARK_KEYS.flatMap((key) => {
    const cell = model.settings.cells[key];
    return cell ? [{ key, sheet, address: cell.address }] : [];
  });
}

/**
 * Mark the analysed workbook ready, by `by` on `today`; or why not, in Swedish naming the file.
 * A workbook without the seal's row is refused rather than given one: adding a row to the user's
 * Inställningar table moves whatever stands below it, and Ny period brings the row with
 * template v3; until then such a workbook is marked by hand as in template v2.
 */
export function decideReadyMark(
  analysis: CheckedWorkbook,
  by: string,
  today: Date
): ReadyMarkDecision {
  const { model } = analysis;
  const file = model.fileName;
  const cells = readyMarkCells(analysis);
  const missing = READY_MARK_KEYS.filter((key) => !cells.some((c) => c.key === key)).map(
    (key) => model.template.settings.find((s) => s.key === key)?.label ?? key
  );
  if (missing.length > 0) {
    const rows = missing.join(", ");
    return {
      kind: "refused",
      fel: 0,
      message:
        `${file} kan inte klarmarkeras med kontrollsumma: bladet Inställningar saknar ` +
        `${missing.length === 1 ? "raden" : "raderna"} ${rows} (mallversion ` +
        `${model.template.version}; raden kommer med mallversion 3). Klarmarkera den ` +
        "som förut genom att skriva Ja i Klarmarkerad och fylla i Klarmarkerad av och datum, " +
        "eller gör nästa period med Ny period, som ger arbetsboken raden.",
    };
  }
  const fel = analysis.findings.filter(
    (f) => f.severity === "fel" && !ABOUT_THE_MARK.has(f.code)
  ).length;
  if (fel > 0) {
    return {
      kind: "refused",
      fel,
      message:
        `${file} har ${severityCount("fel", fel)} och kan inte klarmarkeras. Rätta felen och ` +
        "klarmarkera igen.",
    };
  }
  const name = by.replace(/\s+/g, " ").trim();
  if (name === "") {
    return {
      kind: "refused",
      fel: 0,
      message: `Ange vem som klarmarkerar ${file} (Klarmarkerad av), t.ex. Eva Ekonom.`,
    };
  }
  return {
    kind: "marked",
    values: {
      readyMark: "Ja",
      readyBy: name,
      readyDate: today,
      readyDigest: sealDigest(model),
    },
    cells,
    varningar: analysis.findings.filter(
      (f) => f.severity === "varning" && f.code !== "klarmarkering-utan-kontrollsumma"
    ).length,
  };
}

/** "Klarmarkerad av Eva Ekonom 2026-12-07": what every host says once it is done. */
export function readyMarkSentence(file: string, values: ReadyMarkValues): string {
  return `${file} är klarmarkerad av ${values.readyBy} ${formatIsoDate(values.readyDate)}.`;
}
