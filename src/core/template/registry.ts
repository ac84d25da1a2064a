/**
 * Every template version Tertial reads, oldest first. The reader picks the definition by the
 * workbook's Mallversion; `tertial mall`, Ny period and Sammanställ write the latest. Adding a
 * version is one new file (`v2.ts`) and one entry here (see CONTEXT.md).
 */
import type { TemplateDefinition, WritableTemplate } from "./definition";
import { TEMPLATE_V1 } from "./v1";
import { TEMPLATE_V2 } from "./v2";
import { TEMPLATE_V3 } from "./v3";

/**
 * The latest version: what a fresh template is, and the shape of the Model's rows. It must be a
 * WritableTemplate: every table with its carry and consolidation rules, or this does not compile.
 */
export const LATEST_TEMPLATE = TEMPLATE_V3 satisfies WritableTemplate;
export type LatestTemplate = typeof LATEST_TEMPLATE;

/**
 * A definition a workbook is read by: any registered version (and test variants). Its rows read
 * into the latest shape (parseModel gives a column or table the version lacks as absent), so the
 * definition itself needs no more than its own tables.
 */
export type ModelTemplate = TemplateDefinition;

export const TEMPLATES: readonly ModelTemplate[] = [TEMPLATE_V1, TEMPLATE_V2, LATEST_TEMPLATE];

/** The definition of a Mallversion, or undefined when Tertial does not know it. */
export function templateOf(
  version: number,
  registry: readonly ModelTemplate[] = TEMPLATES
): ModelTemplate | undefined {
  return registry.find((t) => t.version === version);
}

/** The Excel table names of every registered version: what a reader asks a workbook for. */
export const TEMPLATE_TABLE_NAMES: readonly string[] = [
  ...new Set(TEMPLATES.flatMap((t) => t.tableList.map((def) => def.name))),
];
