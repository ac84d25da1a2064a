/** `npm run check`'s import check (scripts/check-import-cycles.ts) on small graphs and small trees. */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importProblems } from "../../scripts/check-import-cycles";
import { findCycles, findUpwardArrows, readImportGraph } from "../../scripts/importGraph";

const graphOf = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe("findCycles", () => {
  it("finds no circle in a tree or a diamond", () => {
    expect(findCycles(graphOf({ a: ["b", "c"], b: ["d"], c: ["d"], d: [] }))).toEqual([]);
  });

  it("names a circle as a closed path, and the whole knot it sits in", () => {
    const knots = findCycles(graphOf({ a: ["b"], b: ["c", "x"], c: ["a", "b"], x: [], y: ["y"] }));
    expect(knots).toEqual([
      { modules: ["a", "b", "c"], circle: ["a", "b", "c", "a"] },
      { modules: ["y"], circle: ["y", "y"] },
    ]);
  });

  it("finds every separate circle of a long chain without overflowing the stack", () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 20000; i++) edges[`m${i}`] = [`m${i + 1}`];
    edges.m20000 = ["m0"];
    edges.p = ["q"];
    edges.q = ["p"];
    const knots = findCycles(graphOf(edges));
    expect(knots.map((k) => k.modules.length)).toEqual([20001, 2]);
  });
});

describe("findUpwardArrows", () => {
  const layers = [["snapshot"], ["template"], ["report"]];

  it("allows arrows down and within a layer, names the ones up and areas without a layer", () => {
    const { upward, unplaced } = findUpwardArrows(
      graphOf({
        "report/a.ts": ["template/b.ts", "report/c.ts", "snapshot.ts"],
        "template/b.ts": ["report/a.ts", "snapshot.ts"],
        "snapshot.ts": [],
        "charts/d.ts": ["report/a.ts"],
      }),
      layers
    );
    expect(upward).toEqual([{ from: "template/b.ts", to: "report/a.ts" }]);
    expect(unplaced).toEqual(["charts"]);
  });
});

describe("importProblems", () => {
  it("names a new arrow up in src/core and a circle, and an exception that is gone", () => {
    const problems = importProblems(
      graphOf({
        "core/snapshot.ts": ["core/report/a.ts"],
        "core/report/a.ts": ["core/snapshot.ts"],
      })
    );
    expect(problems).toContain("arrow up in src/core: snapshot.ts → report/a.ts");
    expect(
      problems.some((p) => p.startsWith("import circle: core/report/a.ts → core/snapshot.ts"))
    ).toBe(true);
    expect(problems).toContain(
      "gone, remove it from KNOWN_UPWARD: template/columns.ts → rollup/sum.ts"
    );
  });
});

describe("readImportGraph", () => {
  it("reads every kind of import among a tree's files, packages and outside files left out", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-imports-"));
    const src = path.join(dir, "src");
    await fs.mkdir(path.join(src, "sub"), { recursive: true });
    await fs.writeFile(path.join(dir, "outside.ts"), "export const o = 1;\n");
    await fs.writeFile(
      path.join(src, "a.ts"),
      'import type { B } from "./sub/b";\nimport path from "node:path";\nimport { o } from "../outside";\nexport const a = [path, o];\nexport type A = B;\n'
    );
    await fs.writeFile(
      path.join(src, "sub", "b.ts"),
      'export type B = number;\nexport const load = () => import("./c");\n'
    );
    await fs.writeFile(path.join(src, "sub", "c.ts"), 'export * from "../a";\n');
    await fs.writeFile(
      path.join(dir, "tsconfig.json"),
      '{ "compilerOptions": { "module": "commonjs" } }'
    );
    const graph = readImportGraph(src, path.join(dir, "tsconfig.json"));
    expect(Object.fromEntries(graph)).toEqual({
      "a.ts": ["sub/b.ts"],
      "sub/b.ts": ["sub/c.ts"],
      "sub/c.ts": ["a.ts"],
    });
    expect(findCycles(graph).map((k) => k.circle)).toEqual([
      ["a.ts", "sub/b.ts", "sub/c.ts", "a.ts"],
    ]);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
