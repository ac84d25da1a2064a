/**
 * A validation rule is data (code, severity, a one-line Swedish title) plus a small pure function
 * over the Model. Rules never read the clock: `today` comes in through the context.
 */
import type { Finding, Severity } from "../findings";
import type { Model, ModelCell, ModelRow } from "../model";
import type { Rollup } from "../rollup/rollup";
import type { Period } from "../template/lists";

export interface PeriodDates {
  readonly year: number;
  readonly period: Period;
  /** 1 January of the year (UTC midnight). */
  readonly yearStart: Date;
  /** The period's last day, e.g. T2 2024 → 2024-08-31 (UTC midnight). */
  readonly end: Date;
}

export interface RuleContext {
  readonly model: Model;
  /**
   * The Model's roll-up, computed once by `analyse`: rules about figures (material deviations, the
   * cross-check) judge the very rows and totals the report shows.
   */
  readonly rollup: Rollup;
  /** The day of the run as UTC midnight, like every date in the Model. */
  readonly today: Date;
  /** null when År or Period is missing or invalid: the settings rules report that, and
   * rules that need the period's dates stay silent rather than guess. */
  readonly period: PeriodDates | null;
  /**
   * The findings of the rules listed before this one in RULES: the ready-mark rules, listed
   * last, judge whether the workbook has fel.
   */
  readonly earlier: readonly Finding[];
}

export interface Rule {
  /** Stable, kebab-case Swedish, e.g. `status-ogiltig`. */
  readonly code: string;
  readonly severity: Severity;
  /** Swedish, one line: what the rule checks. */
  readonly title: string;
  check(ctx: RuleContext): Iterable<Finding>;
}

/** Where a rule found something and what to tell the user; the rule adds its code and severity. */
export interface Hit {
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

/** Builds a Rule whose findings always carry its own code and severity. */
export function defineRule(
  meta: Omit<Rule, "check">,
  find: (ctx: RuleContext) => Iterable<Hit>
): Rule {
  return {
    ...meta,
    *check(ctx) {
      for (const hit of find(ctx)) {
        yield { severity: meta.severity, code: meta.code, file: ctx.model.fileName, ...hit };
      }
    },
  };
}

/** A Hit at one cell of a row. */
export function hitAt(row: ModelRow, cell: ModelCell<unknown>, message: string): Hit {
  return { sheet: row.sheet, cell: cell.address, message };
}
