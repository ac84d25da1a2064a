/**
 * What consolidation keeps of one unit's workbook: plain data (no Model, no exceljs objects), so a
 * worker thread can send it back and the host can drop the workbook at once. Built from an
 * Analysis; everything else in the workbook is no longer needed.
 */
import type { Analysis } from "../pipeline";
import { countBySeverity } from "../findings";
import type { ModelCell } from "../model";
import { readText } from "../parse/values";
import type { CellValue } from "../snapshot";
import { contentOf, type RowSpec, type WorkbookContent } from "../template/content";
import { isEntry, type DataTableKey } from "../template/definition";
import type { Period, Unit } from "../template/lists";
import { LATEST_TEMPLATE } from "../template/registry";
import { contentDigest } from "../contentDigest";

/**
 * Where a unit's name comes from: its Rapporterande enhet; else, for a consolidated workbook
 * (a nämnd's), its Organisation; else the file's name.
 */
export type NameSource = "reportingUnit" | "organisation" | "file";

/** Tertial's sheet in a consolidated workbook (summarySheet.ts); its presence marks one. */
export const SUMMARY_SHEET = "Sammanställning";

/** The Resultaträkning amounts a unit gave, parsed (an unreadable amount is null, and a fel there). */
export interface IncomeLineReport {
  readonly post: string | null;
  readonly type: CellValue;
  readonly amounts: Readonly<Record<string, number | null>>;
  readonly comment: string | null;
}

/**
 * A unit a consolidation was made from, as the consolidation records it (and, through it, the
 * units of the consolidations it was made from): its file, the name it had there, its
 * Organisation and its content's digest.
 */
export interface UnitSource {
  readonly file: string;
  readonly name: string;
  readonly organisation: string | null;
  readonly digest: string;
}

export interface UnitReport {
  /** The file's name as the user sees it. */
  readonly file: string;
  /** The workbook's Mallversion (the version it was read as). */
  readonly version: number;
  readonly organisation: string | null;
  readonly year: number | null;
  readonly period: Period | null;
  readonly unit: Unit | null;
  readonly reportingUnit: string | null;
  readonly unitCode: string | null;
  /**
   * The workbook is itself a consolidation (it has Tertial's Sammanställning sheet): a nämnd's
   * workbook that a kommunstyrelse consolidates over nämnder.
   */
  readonly consolidated: boolean;
  /**
   * For a consolidation, the units it was made from as it records them (the host reads the
   * record: src/xlsx/consolidate/sourcesMarker.ts); empty for a unit's own workbook, and for a
   * consolidation written before Tertial recorded them.
   */
  readonly madeFrom: readonly UnitSource[];
  /** contentDigest of everything read from the workbook: equal digests, the same unit. */
  readonly digest: string;
  readonly readyMark: string | null;
  readonly readyBy: string | null;
  readonly readyDate: Date | null;
  /**
   * Marked ready (Ja) with a seal its data no longer match (andrad-efter-klarmarkering): Klar
   * only in name, so Sammanställ does not count it as ready.
   */
  readonly changedAfterReady: boolean;
  readonly fel: number;
  readonly varning: number;
  /**
   * Resultaträkning's Summa totalt: Budget helår, the year's figure (Prognos helår, at Helår the
   * outcome: rollup/yearEnd.ts) and their difference, as the unit's own report shows them.
   */
  readonly budget: number | null;
  readonly yearEnd: number | null;
  readonly deviation: number | null;
  /**
   * The workbook's settings and the tables carried row by row: Resultaträkning is summed from
   * `incomeStatement` instead, and Historik is not carried, so neither is kept.
   */
  readonly content: WorkbookContent;
  readonly incomeStatement: readonly IncomeLineReport[];
}

/** The seal's rule (validate/rules/readyMark.ts): the unit's data changed after Klarmarkera. */
const CHANGED_AFTER_READY = "andrad-efter-klarmarkering";

/** Resultaträkning's amount columns: what is summed per Post. */
export const INCOME_AMOUNT_KEYS = LATEST_TEMPLATE.tables.incomeStatement.columns
  .filter((c) => c.kind === "amount")
  .map((c) => c.key);

/**
 * The content without the tables the consolidation does not take row by row (Resultaträkning is
 * summed from `incomeStatement`, Historik is not carried: each entry's `consolidation`), so a
 * worker does not send them back.
 */
function carriedContent({ tables, ...rest }: WorkbookContent): WorkbookContent {
  const carried: Partial<Record<DataTableKey, readonly RowSpec[]>> = { ...tables };
  for (const def of LATEST_TEMPLATE.tableList.filter(isEntry)) {
    if (def.consolidation.kind !== "perUnit") delete carried[def.key];
  }
  return { ...rest, tables: carried };
}

export function reduceUnit({ model, rollup, findings }: Analysis): UnitReport {
  const s = model.settings.values;
  const counts = countBySeverity(findings);
  const total = rollup.incomeStatement.total;
  const content = contentOf(model);
  return {
    file: model.fileName,
    version: model.template.version,
    organisation: s.organisation,
    year: s.year,
    period: s.period,
    unit: s.unit,
    reportingUnit: s.reportingUnit?.trim() || null,
    unitCode: s.unitCode?.trim() || null,
    consolidated: model.sheetNames.includes(SUMMARY_SHEET),
    madeFrom: [],
    digest: contentDigest(content),
    readyMark: s.readyMark,
    readyBy: s.readyBy,
    readyDate: s.readyDate,
    changedAfterReady: findings.some((f) => f.code === CHANGED_AFTER_READY),
    fel: counts.fel,
    varning: counts.varning,
    budget: total.budget,
    yearEnd: total.yearEnd,
    deviation: total.deviation,
    content: carriedContent(content),
    incomeStatement: model.incomeStatement.map((line) => {
      const cells: Readonly<Record<string, ModelCell<unknown>>> = line.cells;
      return {
        post: readText(line.cells.post.raw)?.trim() || null,
        type: line.cells.type.raw,
        amounts: Object.fromEntries(
          INCOME_AMOUNT_KEYS.map((key) => {
            const value = cells[key]?.value;
            return [key, typeof value === "number" ? value : null];
          })
        ),
        comment: readText(line.cells.comment.raw)?.trim() || null,
      };
    }),
  };
}
