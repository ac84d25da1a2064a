/**
 * Three years of Ny period (9 rolls: T1 → T2 → Helår → T1 …) through `nextPeriodWorkbook`, each
 * roll in a process of its own (peak memory is its own), the ekonom's entries filled in between
 * (periodFilling.ts). Per roll: time, peak memory, Historik's rows, and the result read back
 * (`tertial validera` on it, in a process of its own). Run for the largest workbook that rolls
 * three years under the read cap, for the benchmark's workbook (refused when Historik would pass
 * the cap), and for a Driftsredovisning at the cap (refused at the first roll).
 */
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import { parseModel } from "../src/core/parse/parseModel";
import { contentOf, type WorkbookContent } from "../src/core/template/content";
import { LATEST_TEMPLATE } from "../src/core/template/registry";
import { MAX_TABLE_ROWS } from "../src/core/limits";
import { readSnapshotFromBuffer } from "../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../src/xlsx/template/workbookBytes";
import { largeContent, type Sizes } from "./largeContent";
import { filledPeriod } from "./periodFilling";

interface Measurement {
  ms: number;
  peakRssMb: number;
  outcome: "read" | "refused";
}
type Measure = (task: string, input: string, extra?: string) => Measurement;

const ROLLS = 9;

const figures = (m: Measurement) =>
  `${(m.ms / 1000).toFixed(2).padStart(6)} s ${m.peakRssMb.toFixed(0).padStart(5)} MB`;

async function written(content: WorkbookContent, file: string): Promise<void> {
  await fs.writeFile(file, await workbookBytes(buildWorkbook(LATEST_TEMPLATE, content)));
}

/** Rolls `start` up to ROLLS times, filling each new period; stops at a refusal. */
async function rollYears(
  name: string,
  label: string,
  start: WorkbookContent,
  plannedActions: number,
  measure: Measure,
  out: string
): Promise<void> {
  const folder = path.join(out, `ny-period-${name}`);
  await fs.mkdir(folder, { recursive: true });
  let input = path.join(folder, "0.xlsx");
  await written(filledPeriod(start, 0, plannedActions), input);
  const { size } = await fs.stat(input);
  console.log(`\n  ${label} (${(size / 1e6).toFixed(2)} MB)`);
  console.log("  roll               nextPeriodWorkbook     Historik   read back (validera)");
  for (let step = 1; step <= ROLLS; step++) {
    const output = path.join(folder, `${step}.xlsx`);
    const roll = measure("roll", input, output);
    const model = parseModel(await readSnapshotFromBuffer(readFileSync(input), "in.xlsx"));
    const from = `${String(model.settings.values.period)} ${String(model.settings.values.year)}`;
    if (roll.outcome === "refused") {
      const message = readFileSync(`${output}.refused.txt`, "utf8");
      console.log(`  ${String(step).padStart(2)} ${from.padEnd(12)}   refused ${figures(roll)}`);
      console.log(`     "${message}"`);
      return;
    }
    const back = measure("validera", output);
    const next = parseModel(await readSnapshotFromBuffer(readFileSync(output), "out.xlsx"));
    console.log(
      `  ${String(step).padStart(2)} ${from.padEnd(12)}   ${figures(roll)}   ` +
        `${String(next.history.length).padStart(7)}   ${back.outcome} ${figures(back)}`
    );
    input = path.join(folder, `${step}-ifylld.xlsx`);
    await written(filledPeriod(contentOf(next), step, plannedActions), input);
  }
}

const atT1 = (content: WorkbookContent): WorkbookContent => ({
  ...content,
  settings: { ...content.settings, year: 2024, period: "T1" },
});

export async function rollYearsFigures(large: Sizes, measure: Measure, out: string): Promise<void> {
  console.log(
    `\nNy period, three years of rolls with the ekonom's entries between them (read cap ${MAX_TABLE_ROWS} rows per table, Historik too)`
  );
  const third = (n: number) => Math.floor(n / 3);
  const rollable: Sizes = {
    risks: third(large.risks),
    actions: third(large.actions),
    controls: third(large.controls),
    operating: third(large.operating),
  };
  for (const [name, label, sizes] of [
    ["tredjedel", "a third of the benchmark's workbook", rollable],
    ["stor", "the benchmark's workbook", large],
  ] as const) {
    await rollYears(
      name,
      `${label}: ${sizes.risks} risker, ${sizes.actions} åtgärder, ${sizes.controls} kontroller, ${sizes.operating} driftsrader`,
      atT1(largeContent(sizes)),
      sizes.actions,
      measure,
      out
    );
  }
  const atCap = largeContent({ risks: 1, actions: 1, controls: 1, operating: MAX_TABLE_ROWS });
  await rollYears(
    "tak",
    `Driftsredovisning at the read cap: ${MAX_TABLE_ROWS} rows`,
    atT1(atCap),
    1,
    measure,
    out
  );
}
