/**
 * Every template version Tertial reads, oldest first. The reader picks the definition by the
 * workbook's Mallversion; `tertial mall` writes the latest. Adding a version is one new file
 * (`v2.ts`) and one entry here (see CONTEXT.md).
 */
import type { TemplateDefinition } from "./definition";
import { TEMPLATE_V1 } from "./v1";
import { TEMPLATE_V2 } from "./v2";

/** The latest version: what a fresh template is, and the shape of the Model's rows. */
export type LatestTemplate = typeof TEMPLATE_V2;
export const LATEST_TEMPLATE: LatestTemplate = TEMPLATE_V2;

/** A definition whose rows read into the Model: every registered version (and test variants). */
export type ModelTemplate = TemplateDefinition<LatestTemplate["tables"]>;

/**
 * Version 1 lacks the columns and the Historik table version 2 adds. parseModel gives a v1 row
 * those cells marked `absent` (as for any optional column missing from a workbook) and a v1
 * Model an empty Historik, so a v1 workbook reads into the latest Model's shape: that is what
 * this one cast asserts.
 */
const V1_READ_AS_LATEST = TEMPLATE_V1 as unknown as ModelTemplate;

export const TEMPLATES: readonly ModelTemplate[] = [V1_READ_AS_LATEST, LATEST_TEMPLATE];

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
