/**
 * The import graph of the source tree as the compiler resolves it, and the circles in it.
 * `scripts/check-import-cycles.ts` (part of `npm run check`) fails on any circle.
 *
 * Every import counts, `import type` and `import()` included: a type-only circle costs nothing at
 * run time, but the two modules still cannot be read, tested or moved apart, which is the knot
 * this check exists to prevent; a lazy `import()` is still an arrow from one module to another.
 */
import path from "node:path";
import ts from "typescript";

/** Module → the modules it imports, as paths relative to the root the graph was read from. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const SOURCE = /\.tsx?$/;

/** Every .ts/.tsx file under `dir` (declaration files aside), as absolute paths. */
function sourceFiles(dir: string): string[] {
  return ts.sys
    .readDirectory(dir, [".ts", ".tsx"], undefined, undefined)
    .filter((file) => !file.endsWith(".d.ts"))
    .map((file) => path.resolve(file));
}

/** The graph of the modules under `srcDir`; imports of packages or of files outside it are left out. */
export function readImportGraph(srcDir: string, tsconfigPath: string): ImportGraph {
  const config = ts.readConfigFile(tsconfigPath, (file) => ts.sys.readFile(file));
  const { options } = ts.parseJsonConfigFileContent(
    config.config,
    ts.sys,
    path.dirname(tsconfigPath)
  );
  const root = path.resolve(srcDir);
  const files = sourceFiles(root);
  const inTree = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = ts.sys.readFile(file) ?? "";
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      const target = resolved && path.resolve(resolved.resolvedFileName);
      if (target && SOURCE.test(target) && inTree.has(target))
        targets.add(path.relative(root, target));
    }
    graph.set(path.relative(root, file), [...targets].sort());
  }
  return graph;
}

/** A knot: modules that all reach each other, and one concrete circle through them. */
export interface ImportKnot {
  /** Every module of the knot, sorted. */
  readonly modules: readonly string[];
  /** A shortest closed path from the first module back to it, first module repeated at the end. */
  readonly circle: readonly string[];
}

/**
 * The knots of the graph: one per strongly connected component of more than one module (or a
 * module importing itself). A knot can hold more circles than the one named; cutting that one
 * and running again names the next.
 */
export function findCycles(graph: ImportGraph): ImportKnot[] {
  return stronglyConnected(graph)
    .filter(
      (component) => component.length > 1 || (graph.get(component[0]) ?? []).includes(component[0])
    )
    .map((modules) => ({ modules, circle: closedPath(graph, modules) }))
    .sort((a, b) => a.modules[0].localeCompare(b.modules[0]));
}

/** Tarjan's algorithm, iterative so a deep tree cannot overflow the stack. */
function stronglyConnected(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const start of [...graph.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components;
}

/** A shortest closed path from the component's first module back to itself, within the component. */
function closedPath(graph: ImportGraph, component: string[]): string[] {
  const members = new Set(component);
  const start = component[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const trail = [node];
        while (trail[0] !== start) trail.unshift(cameFrom.get(trail[0])!);
        return [...trail, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}

/** An import from a module to one in a layer above it. */
export interface UpwardArrow {
  readonly from: string;
  readonly to: string;
}

/**
 * The arrows that point up: `layers` lists the areas from the bottom up (an area is a folder, or
 * a file at the graph's root, without `.ts`); a module may import its own area and any below it.
 * A module in no listed area is reported too, so a new folder must be given its place.
 */
export function findUpwardArrows(
  graph: ImportGraph,
  layers: readonly (readonly string[])[]
): { upward: UpwardArrow[]; unplaced: string[] } {
  const rank = new Map(layers.flatMap((areas, i) => areas.map((area) => [area, i] as const)));
  const areaOf = (file: string) => file.split("/")[0].replace(/\.tsx?$/, "");
  const upward: UpwardArrow[] = [];
  const unplaced = new Set<string>();
  for (const [from, targets] of graph) {
    const own = rank.get(areaOf(from));
    if (own === undefined) unplaced.add(areaOf(from));
    for (const to of targets) {
      const theirs = rank.get(areaOf(to));
      if (own !== undefined && theirs !== undefined && theirs > own) upward.push({ from, to });
    }
  }
  return { upward, unplaced: [...unplaced].sort() };
}
