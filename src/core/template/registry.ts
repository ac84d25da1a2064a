/**
 * Every template version Tertial reads, oldest first. The reader picks the definition by the
 * workbook's Mallversion; `tertial mall` writes the latest. Adding a version is one new file
 * (`v2.ts`) and one entry here (see CONTEXT.md).
 */
import type { TemplateDefinition } from "./definition";
import { TEMPLATE_V1 } from "./v1";

export const TEMPLATES = [TEMPLATE_V1] as const;

type Last<T extends readonly unknown[]> = T extends readonly [...unknown[], infer L] ? L : never;

/** The latest version: what a fresh template is, and the shape of the Model's rows. */
export type LatestTemplate = Last<typeof TEMPLATES>;
export const LATEST_TEMPLATE = TEMPLATES[TEMPLATES.length - 1] as LatestTemplate;

/** A definition whose rows read into the Model: every registered version (and test variants). */
export type ModelTemplate = TemplateDefinition<LatestTemplate["tables"]>;

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
