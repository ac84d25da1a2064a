/**
 * `npm run check`'s import check. Fails, naming the modules, when
 * - any module under src/ reaches itself through its imports (type-only and lazy imports
 *   included; why in scripts/importGraph.ts), or
 * - a module in src/core imports one in a layer above its own (CORE_LAYERS, explained in
 *   src/core/CONTEXT.md), other than the arrows KNOWN_UPWARD still lists.
 * Usage: `tsx scripts/check-import-cycles.ts`.
 */
import path from "node:path";
import { findCycles, findUpwardArrows, readImportGraph, type ImportGraph } from "./importGraph";

/** src/core's areas from the bottom up: a module imports its own layer and those below only. */
export const CORE_LAYERS: readonly (readonly string[])[] = [
  [
    "snapshot",
    "format",
    "errors",
    "limits",
    "exhaustive",
    "findings",
    "modelCell",
    "reportingUnit",
    "amountUnit",
  ],
  ["template"],
  ["model", "period", "defaultFileName", "ledger", "contentDigest", "kolada"],
  ["parse"],
  ["text"],
  ["history", "seal"],
  ["rollup"],
  ["validate"],
  ["report"],
  ["layout"],
  ["pipeline", "host"],
  ["cycle", "consolidate", "importing"],
];

/**
 * Arrows up that are still in the code, each with the move that removes it. A listed arrow that
 * is gone fails the check too, so this list only shrinks.
 */
export const KNOWN_UPWARD: readonly string[] = [
  // contentOf(model) reads a Model: it belongs above model.ts, beside the readers that use it.
  "template/content.ts → model.ts",
  // Plain arithmetic the template's computed columns share with the rollup: belongs at the bottom.
  "template/columns.ts → rollup/sum.ts",
];

/** The check's complaints about a graph of src/; empty when it passes. */
export function importProblems(graph: ImportGraph): string[] {
  const problems = findCycles(graph).map(({ modules, circle }) =>
    [
      `import circle: ${circle.join(" → ")}`,
      ...(modules.length > circle.length - 1
        ? [`  (a knot of ${modules.length}: ${modules.join(", ")})`]
        : []),
    ].join("\n")
  );
  const core = new Map(
    [...graph]
      .filter(([file]) => file.startsWith("core/"))
      .map(([file, targets]) => [
        file.slice("core/".length),
        targets.filter((t) => t.startsWith("core/")).map((t) => t.slice("core/".length)),
      ])
  );
  const { upward, unplaced } = findUpwardArrows(core, CORE_LAYERS);
  const arrows = upward.map(({ from, to }) => `${from} → ${to}`);
  for (const arrow of arrows) {
    if (!KNOWN_UPWARD.includes(arrow)) problems.push(`arrow up in src/core: ${arrow}`);
  }
  for (const known of KNOWN_UPWARD) {
    if (!arrows.includes(known)) problems.push(`gone, remove it from KNOWN_UPWARD: ${known}`);
  }
  for (const area of unplaced) problems.push(`src/core/${area} has no place in CORE_LAYERS`);
  return problems;
}

if (require.main === module) {
  const root = path.join(__dirname, "..");
  const graph = readImportGraph(path.join(root, "src"), path.join(root, "tsconfig.json"));
  const problems = importProblems(graph);
  if (problems.length === 0) {
    console.log(`No import circle among ${graph.size} modules in src/, no arrow up in src/core.`);
  } else {
    for (const problem of problems) console.error(problem);
    console.error(
      "Cut each arrow named: move what both sides need into a module below them (src/core/CONTEXT.md)."
    );
    process.exitCode = 1;
  }
}
