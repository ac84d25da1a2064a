/**
 * Runs every validation rule over a Model. Each rule family lives in its own file under rules/;
 * adding a rule means adding one entry to its family's list (and its test).
 */
import type { Finding } from "../findings";
import type { Model } from "../model";
import { rollup, type Rollup } from "../rollup/rollup";
import { calendarDay, ruleContext } from "./context";
import type { Rule } from "./rule";
import { ACTION_RULES } from "./rules/actions";
import { CELL_RULES } from "./rules/cells";
import { COMPLETENESS_RULES } from "./rules/completeness";
import { CONTROL_RULES } from "./rules/controls";
import { CROSS_CHECK_RULES } from "./rules/crossCheck";
import { GOAL_RULES } from "./rules/goals";
import { ID_RULES } from "./rules/ids";
import { MAPPING_RULES } from "./rules/mappings";
import { MATERIAL_DEVIATION_RULES } from "./rules/materialDeviation";
import { READY_MARK_RULES } from "./rules/readyMark";
import { REQUIRED_RULES } from "./rules/required";
import { RISK_RULES } from "./rules/risks";
import { SETTINGS_RULES } from "./rules/settings";
import { SIGN_RULES } from "./rules/signs";
import { STALE_TEXT_RULES } from "./rules/staleTexts";
import { YEAR_END_RULES } from "./rules/yearEnd";

export type { Rule, RuleContext, PeriodDates } from "./rule";
export { calendarDay } from "./context";

export interface ValidateOptions {
  /**
   * The day of the run: rules compare dates with it (a follow-up dated in the future). Hosts pass
   * `calendarDay(new Date())`, tests a fixed day. Default: the current calendar day.
   */
  readonly today?: Date;
}

export const RULES: readonly Rule[] = [
  ...SETTINGS_RULES,
  ...CELL_RULES,
  ...REQUIRED_RULES,
  ...COMPLETENESS_RULES,
  ...ID_RULES,
  ...MAPPING_RULES,
  ...RISK_RULES,
  ...ACTION_RULES,
  ...CONTROL_RULES,
  ...GOAL_RULES,
  ...SIGN_RULES,
  ...MATERIAL_DEVIATION_RULES,
  ...YEAR_END_RULES,
  ...STALE_TEXT_RULES,
  ...CROSS_CHECK_RULES,
  // Last: they judge the findings of every rule above.
  ...READY_MARK_RULES,
];

/**
 * All findings of all rules, in rule order (the pipeline sorts them for reading). `rolled` is the
 * Model's roll-up: `analyse` passes the one the report is built from.
 */
export function validate(
  model: Model,
  options: ValidateOptions = {},
  rolled: Rollup = rollup(model)
): Finding[] {
  const ctx = ruleContext(model, rolled, options.today ?? calendarDay(new Date()));
  const found: Finding[] = [];
  for (const rule of RULES) {
    const hits = [...rule.check({ ...ctx, earlier: found })];
    for (const hit of hits) found.push(hit);
  }
  return found;
}
