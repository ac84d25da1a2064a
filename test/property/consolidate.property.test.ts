/**
 * Sammanställ counts each unit once, whatever lies in the units' folder: for any mix of distinct
 * units, duplicates of them (the same bytes under another name or in other letter case, a
 * symbolic link, a hard link) and an earlier consolidation of some of them, `tertial sammanstall`
 * either refuses (exit 2, nothing written) naming two files that hold the same unit, or writes a
 * workbook whose Resultaträkning and Driftsredovisning totals are the sums over the distinct units
 * — computed here from the generated amounts, not by Tertial. Real workbooks on disk throughout.
 */
import fc from "fast-check";
import { promises as fs } from "node:fs";
import path from "node:path";
import { consolidateCommand } from "../../src/cli/consolidateCommand";
import { runCommand } from "../../src/cli/runCommand";
import { analyse } from "../../src/core/pipeline";
import type { WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { TODAY } from "../core/consolidate/units";
import { useInProcessCli } from "../cli/inProcess";

const io = useInProcessCli("tertial-sammanstall-egenskap-");

type Amounts = { budget: number; forecast: number; actual: number };
const KEYS = ["budget", "forecast", "actual"] as const;

const amounts: fc.Arbitrary<Amounts> = fc.record({
  budget: fc.integer({ min: -900, max: 900 }),
  forecast: fc.integer({ min: -900, max: 900 }),
  actual: fc.integer({ min: -900, max: 900 }),
});

const DUPLICATES = ["kopia", "versaler", "symbolisk länk", "hård länk"] as const;

const scenario = fc
  .record({
    units: fc.array(amounts, { minLength: 1, maxLength: 3 }),
    present: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    duplicates: fc.array(
      fc.record({ of: fc.nat({ max: 2 }), kind: fc.constantFrom(...DUPLICATES) }),
      { maxLength: 2 }
    ),
    earlier: fc.option(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 })),
    named: fc.boolean(),
  })
  .map(({ units, present, duplicates, earlier, named }) => {
    const inFolder = units.map((_, i) => present[i]);
    const madeFrom = earlier ? units.map((_, i) => earlier[i]) : null;
    return {
      units,
      named,
      inFolder,
      duplicates: duplicates.filter((d) => d.of < units.length && inFolder[d.of]),
      madeFrom: madeFrom?.some(Boolean) ? madeFrom : null,
    };
  })
  .filter((s) => s.inFolder.some(Boolean) || s.madeFrom !== null);

/**
 * A unit's workbook; without Rapporterande enhet and Enhetskod (`named` false) each is named by
 * its file, so only the content tells a copy from the original.
 */
const unitContent = (i: number, a: Amounts, named: boolean): WorkbookContent => ({
  settings: {
    organisation: "Socialnämnden",
    year: 2024,
    period: "T2",
    unit: "mnkr",
    reportingUnit: named ? `Enhet ${i + 1}` : null,
    unitCode: named ? `E${i + 1}` : null,
  },
  tables: {
    incomeStatement: [{ post: "Personalkostnader", type: "Kostnad", ...a }],
    operatingStatement: [{ activity: `Verksamhet ${i + 1}`, ...a }],
  },
});

const EXAMPLE = {
  units: [
    { budget: -100, forecast: -110, actual: -30 },
    { budget: -200, forecast: -190, actual: -70 },
  ],
  named: false,
  inFolder: [true, true],
  duplicates: [] as { of: number; kind: (typeof DUPLICATES)[number] }[],
  madeFrom: null as boolean[] | null,
};

const unitFile = (i: number) => `Enhet ${i + 1}.xlsx`;

const DUPLICATE_NAME: Record<(typeof DUPLICATES)[number], (i: number) => string> = {
  kopia: (i) => `Enhet ${i + 1} kopia.xlsx`,
  versaler: (i) => `ENHET ${i + 1}.XLSX`,
  "symbolisk länk": (i) => `Enhet ${i + 1} länk.xlsx`,
  "hård länk": (i) => `Enhet ${i + 1} hård.xlsx`,
};

async function duplicate(kind: (typeof DUPLICATES)[number], from: string, to: string) {
  if (kind === "symbolisk länk") await fs.symlink(path.basename(from), to);
  else if (kind === "hård länk") await fs.link(from, to);
  else await fs.copyFile(from, to);
}

const runIn = async (entries: string[], output: string) => {
  await runCommand(() => consolidateCommand(entries, { output }));
  const code = process.exitCode;
  process.exitCode = undefined;
  return code;
};

/** The two files a refusal names as holding the same unit, or null when it names no such pair. */
function namedPair(stderr: string): [string, string] | null {
  const same = /Fel: (.+?) och (.+?) har (?:samma innehåll|båda)/.exec(stderr);
  if (same) return [same[1], same[2]];
  const part =
    /Fel: (.+?) är en sammanställning som redan innehåller .*?, och (.+?) är samma enhet/.exec(
      stderr
    );
  return part ? [part[1], part[2]] : null;
}

let run = 0;

it("refuses naming two files of the same unit, or totals the distinct units once", async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ units, named, inFolder, duplicates, madeFrom }) => {
      run += 1;
      const all = path.join(io.dir, `${run}`, "alla");
      const folder = path.join(io.dir, `${run}`, "enheter");
      await fs.mkdir(all, { recursive: true });
      await fs.mkdir(folder);
      /** Which units each file in the folder holds. */
      const holds = new Map<string, number[]>();
      for (const [i, a] of units.entries()) {
        await saveWorkbook(
          buildWorkbook(LATEST_TEMPLATE, unitContent(i, a, named)),
          path.join(all, unitFile(i))
        );
        if (!inFolder[i]) continue;
        await fs.copyFile(path.join(all, unitFile(i)), path.join(folder, unitFile(i)));
        holds.set(unitFile(i), [i]);
      }
      for (const { of, kind } of duplicates) {
        const name = DUPLICATE_NAME[kind](of);
        if (holds.has(name)) continue;
        await duplicate(kind, path.join(folder, unitFile(of)), path.join(folder, name));
        holds.set(name, [of]);
      }
      if (madeFrom) {
        const from = units.flatMap((_, i) => (madeFrom[i] ? [i] : []));
        const earlier = path.join(folder, "Socialnämnden tidigare.xlsx");
        expect(
          await runIn(
            from.map((i) => path.join(all, unitFile(i))),
            earlier
          )
        ).not.toBe(2);
        holds.set(path.basename(earlier), from);
      }
      const stderrBefore = io.stderr.length;

      const target = path.join(io.dir, `${run}`, "nämnd.xlsx");
      const code = await runIn([folder], target);
      const stderr = io.stderr.slice(stderrBefore);

      const counts = new Map<number, number>();
      for (const held of holds.values())
        for (const i of held) counts.set(i, (counts.get(i) ?? 0) + 1);
      const twice = [...counts.values()].some((n) => n > 1);
      if (twice) {
        expect(code).toBe(2);
        const pair = namedPair(stderr);
        expect(pair).not.toBeNull();
        const [a, b] = (pair ?? []).map((file) => holds.get(file) ?? []);
        expect(a.some((i) => b.includes(i))).toBe(true);
        await expect(fs.stat(target)).rejects.toThrow();
        return;
      }
      expect(code).not.toBe(2);
      const nämnd = analyse(await readSnapshotFromFile(target), { today: TODAY });
      for (const key of KEYS) {
        const sum = [...counts.keys()].reduce((total, i) => total + units[i][key], 0);
        expect(nämnd.rollup.incomeStatement.total[key]).toBeCloseTo(sum, 9);
        expect(nämnd.rollup.operatingStatement.total[key]).toBeCloseTo(sum, 9);
      }
    }),
    {
      numRuns: 12,
      // Always among the runs: a copy and a link of unnamed units (only the digest tells them
      // apart), and an earlier consolidation left beside one of its units.
      examples: [
        [{ ...EXAMPLE, duplicates: [{ of: 1, kind: "kopia" }] }],
        [{ ...EXAMPLE, duplicates: [{ of: 0, kind: "symbolisk länk" }] }],
        [{ ...EXAMPLE, madeFrom: [true, false] }],
      ],
    }
  );
}, 180_000);
