/**
 * The example year (templates/exempel-2024-ar/): the committed files are what the script builds,
 * consistent with each other (each period's Prognos föregående tertial is the period before's
 * Prognos helår, Historik grows period by period, every ID carries), T2 holds the published
 * figures of exempel-2024-T2, and Prognosförändring's formula calculates in LibreOffice what its
 * `compute` says.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  EXAMPLE_YEAR_DIR,
  EXAMPLE_YEAR_FILES,
  exampleYear,
} from "../../scripts/build-example-year";
import type { Model } from "../../src/core/model";
import { parseModel } from "../../src/core/parse/parseModel";
import { analyse } from "../../src/core/pipeline";
import { STALE_TEXT_RULES } from "../../src/core/validate/rules/staleTexts";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { readWorkbook, summarizeWorkbook, writeAndRead } from "./templateSummary";

const ROOT = path.join(__dirname, "..", "..");
const FILES = EXAMPLE_YEAR_FILES.map((f) => path.join(ROOT, EXAMPLE_YEAR_DIR, f));
const PUBLISHED_T2 = path.join(ROOT, "templates", "exempel-2024-T2.xlsx");

let t1: Model;
let t2: Model;
let helar: Model;
beforeAll(async () => {
  [t1, t2, helar] = await Promise.all(
    FILES.map(async (f) => parseModel(await readSnapshotFromFile(f)))
  );
});

const values = <K extends string>(
  rows: readonly { cells: Record<K, { value: unknown }> }[],
  key: K
) => rows.map((r) => r.cells[key].value);

const idsOf = (m: Model) =>
  [m.risks, m.actions, m.controls].map((rows) => rows.map((r) => r.cells.id.value));

it("is what npm run build:example-year builds", async () => {
  const year = await exampleYear();
  for (const [i, content] of year.entries()) {
    const [committed, built] = await Promise.all([
      readWorkbook(await fs.readFile(FILES[i])),
      writeAndRead(buildWorkbook(LATEST_TEMPLATE, content)),
    ]);
    expect(summarizeWorkbook(committed)).toEqual(summarizeWorkbook(built));
  }
});

it("is T1, T2 and Helår 2024 of one nämnd, in the latest template version", () => {
  expect(
    [t1, t2, helar].map((m) => [
      m.settings.values.organisation,
      m.settings.values.year,
      m.settings.values.period,
      m.template.version,
    ])
  ).toEqual([
    ["Vård- och omsorgsnämnden", 2024, "T1", 3],
    ["Vård- och omsorgsnämnden", 2024, "T2", 3],
    ["Vård- och omsorgsnämnden", 2024, "Helår", 3],
  ]);
});

it("carries each period's forecast into the next one's Prognos föregående tertial", () => {
  for (const key of ["incomeStatement", "operatingStatement", "investments"] as const) {
    expect(values(t2[key], "previousForecast")).toEqual(values(t1[key], "forecast"));
    expect(values(helar[key], "previousForecast")).toEqual(values(t2[key], "forecast"));
    expect(values(t1[key], "previousForecast").every((v) => v === null)).toBe(true);
  }
  // T2 adds risk R5 and its åtgärd Å8 (so the T2 report has a new risk to show); Helår keeps all.
  const [risks, actions, controls] = idsOf(t1);
  expect(idsOf(t2)).toEqual([[...risks, "R5"], [...actions, "Å8"], controls]);
  expect(idsOf(helar)).toEqual(idsOf(t2));
});

it("holds the published T2 figures and texts of exempel-2024-T2.xlsx in its T2", async () => {
  const published = parseModel(await readSnapshotFromFile(PUBLISHED_T2));
  const columns = ["actual", "budget", "forecast"] as const;
  for (const key of ["incomeStatement", "operatingStatement", "investments"] as const) {
    for (const column of columns) {
      const rows: readonly { cells: Record<(typeof columns)[number], { value: unknown }> }[] =
        t2[key];
      expect({ key, column, values: values(rows, column) }).toEqual({
        key,
        column,
        values: values(published[key] as typeof rows, column),
      });
    }
  }
  expect(values(t2.incomeStatement, "priorYear")).toEqual(
    values(published.incomeStatement, "priorYear")
  );
  // Every published comment stands; the year adds its own only where 004 explains nothing.
  for (const key of ["incomeStatement", "operatingStatement"] as const) {
    const own = values(published[key], "comment");
    const year = values(t2[key], "comment");
    expect(year.map((c, i) => (own[i] === null ? null : c))).toEqual(own);
    expect(year.filter((c, i) => own[i] === null && c !== null)).toHaveLength(
      key === "incomeStatement" ? 2 : 3
    );
  }
  expect(values(t2.actions, "status")).toEqual(values(published.actions, "status"));
  expect(values(t2.controls, "result")).toEqual(values(published.controls, "result"));
});

it("keeps T1's and T2's forecasts in Helår's Historik", () => {
  const forecasts = (period: string) =>
    helar.history
      .filter(
        (h) =>
          h.cells.period.value === period &&
          h.cells.table.value === "tblResultatrakning" &&
          h.cells.column.value === "Prognos helår"
      )
      .map((h) => h.cells.value.raw);
  expect(forecasts("T1")).toEqual(values(t1.incomeStatement, "forecast"));
  expect(forecasts("T2")).toEqual(values(t2.incomeStatement, "forecast"));
  expect(t2.history.every((h) => h.cells.period.value === "T1")).toBe(true);
});

/** A day after the year, when each period's workbook could be validated. */
const AFTER_THE_YEAR = new Date(Date.UTC(2025, 1, 15));

it("shows the stale-text rules once, on purpose: Investeringar's T1 text standing in T2", async () => {
  const stale = new Set(STALE_TEXT_RULES.map((r) => r.code));
  const found = await Promise.all(
    FILES.map(async (f) =>
      analyse(await readSnapshotFromFile(f), { today: AFTER_THE_YEAR })
        .findings.filter((x) => stale.has(x.code))
        .map((x) => [path.basename(f), x.code, x.sheet])
    )
  );
  expect(found.flat()).toEqual([["T2.xlsx", "kommentar-oforandrad", "Investeringar"]]);
});

/**
 * A comment's words for its row's deviation and the amount beside them: "ett underskott på 39,8
 * miljoner kronor", "Avvikelsen mot budget är −12,1", "blev 21,2 miljoner kronor lägre än budget".
 * Sign: −1 worse than budget, +1 better (for a cost row "högre" is worse).
 */
function statedDeviations(comment: string, isCost: boolean): number[] {
  const amount = (text: string) => Number(text.replace("−", "-").replace(",", "."));
  const stated: number[] = [];
  for (const m of comment.matchAll(
    /(?:ett |Det blev ett )?(underskott|överskott)(?:et blev| på) (\d+,\d)/gi
  ))
    stated.push((m[1].toLowerCase() === "underskott" ? -1 : 1) * amount(m[2]));
  for (const m of comment.matchAll(/Avviker (negativt|positivt) med (\d+,\d)/g))
    stated.push((m[1] === "negativt" ? -1 : 1) * amount(m[2]));
  for (const m of comment.matchAll(/Avvikelsen mot budget är (−?\d+,\d)/g))
    stated.push(amount(m[1]));
  for (const m of comment.matchAll(/(\d+,\d) miljoner kronor (högre|lägre) än budget/g))
    stated.push(((m[2] === "högre") === isCost ? -1 : 1) * amount(m[1]));
  return stated;
}

it("has comments whose stated deviation is their row's, in every period", async () => {
  let checked = 0;
  for (const f of FILES) {
    const { rollup } = analyse(await readSnapshotFromFile(f), { today: AFTER_THE_YEAR });
    const lines = [
      ...rollup.incomeStatement.lines.map((l) => ({
        ...l,
        cost: l.line.cells.type.value === "Kostnad",
      })),
      ...rollup.operatingStatement.lines.map((l) => ({ ...l, cost: true })),
    ];
    for (const { line, figures, cost } of lines) {
      const comment = line.cells.comment.value;
      if (comment === null) continue;
      for (const stated of statedDeviations(comment, cost)) {
        expect({ file: path.basename(f), row: line.row, stated }).toEqual({
          file: path.basename(f),
          row: line.row,
          stated: Math.round(figures.deviation! * 10) / 10,
        });
        checked += 1;
      }
    }
  }
  // T1 on its ten commented rows, T2's published texts on four and the year's own on five,
  // Helår on its eleven.
  expect(checked).toBe(30);
});

it("follows up every åtgärd whose status changed in the period it changed", () => {
  const followUps = (m: Model) =>
    new Map(
      m.actions.map((a) => [a.cells.id.value, [a.cells.status.value, a.cells.followUpDate.value]])
    );
  for (const [before, after, end] of [
    [t1, t2, "2024-04-30"],
    [t2, helar, "2024-08-31"],
  ] as const) {
    const then = followUps(before);
    for (const [id, [status, date]] of followUps(after)) {
      if (!then.has(id) || then.get(id)![0] === status) continue;
      expect({ id, after: (date as Date).toISOString().slice(0, 10) > end }).toEqual({
        id,
        after: true,
      });
    }
  }
});

const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;

(hasSoffice ? it : it.skip)(
  "has a Prognosförändring formula that LibreOffice calculates as compute() does",
  async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-forecast-change-"));
    try {
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${dir}/profile`,
          "--headless",
          "--convert-to",
          "xlsx",
          "--outdir",
          dir,
          FILES[1],
        ],
        { stdio: "ignore", timeout: 120_000 }
      );
      const saved = parseModel(await readSnapshotFromFile(path.join(dir, "T2.xlsx")));
      const change = LATEST_TEMPLATE.tables.incomeStatement.columns.find(
        (c) => c.key === "forecastChange"
      )!;
      let compared = 0;
      for (const key of ["incomeStatement", "operatingStatement", "investments"] as const) {
        for (const row of saved[key]) {
          const computed = change.compute!({
            forecast: row.cells.forecast.value,
            previousForecast: row.cells.previousForecast.value,
          });
          const cached = row.cells.forecastChange.raw;
          // exceljs reads a cached 0 as no result, and LibreOffice writes "" for a blank result.
          const calculated =
            cached === null || cached === "" ? (computed === 0 ? 0 : null) : cached;
          expect({ at: row.cells.forecastChange.address, calculated }).toEqual({
            at: row.cells.forecastChange.address,
            calculated: computed === null ? null : expect.closeTo(computed, 9),
          });
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(20);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
);

describe("the delårsrapport beyond the economy (document 004's mål, indikatorer and texts)", () => {
  const column = (m: Model, table: "goals" | "indicators" | "reportText", key: string) =>
    m.tables[table].rows.map((r) => r.cells[key]?.value ?? null);

  it("can be klarmarkerad in every period: no fel", async () => {
    const fel = await Promise.all(
      FILES.map(async (f) =>
        analyse(await readSnapshotFromFile(f), { today: AFTER_THE_YEAR })
          .findings.filter((x) => x.severity === "fel")
          .map((x) => [path.basename(f), x.code, x.sheet, x.cell])
      )
    );
    expect(fel.flat()).toEqual([]);
  });

  it("follows 004's mål in every period, each bedömt with an analys written for its period", () => {
    for (const m of [t1, t2, helar]) {
      expect(column(m, "goals", "goal")).toEqual(
        expect.arrayContaining([
          "Mer effektiva och ändamålsenliga arbetssätt",
          "Samordnade vård- och omsorgsprocesser",
          "Vara en attraktiv arbetsgivare",
          "Minskad sjukfrånvaro",
          "Ekonomi i balans",
        ])
      );
      expect(column(m, "goals", "assessment").every((a) => a !== null)).toBe(true);
    }
    for (const table of ["goals", "reportText"] as const) {
      const key = table === "goals" ? "analysis" : "text";
      const [a, b, c] = [t1, t2, helar].map((m) => column(m, table, key));
      expect(a.every((text) => text !== null)).toBe(true);
      // Not one text stands unchanged from the period before.
      expect(a.filter((text, i) => text === b[i])).toEqual([]);
      expect(b.filter((text, i) => text === c[i])).toEqual([]);
    }
  });

  it("has the same Rapporttext chapters every period, Personal among them", () => {
    const sections = (m: Model) =>
      m.tables.reportText.rows.map((r) => [r.cells.section.value, r.cells.heading?.value ?? null]);
    expect(sections(t2)).toEqual(sections(t1));
    expect(sections(helar)).toEqual(sections(t1));
    expect(new Set(sections(t2).map(([s]) => s))).toEqual(
      new Set([
        "Sammanfattning",
        "Uppdrag och ansvar",
        "Väsentliga händelser",
        "Ekonomisk analys",
        "Åtgärder för ekonomi i balans",
        "Personal",
        "Förväntad utveckling",
      ])
    );
  });

  it("states the budget deviation indicator as the workbook's own Avvikelse, period by period", async () => {
    for (const [i, f] of FILES.entries()) {
      const { model, rollup } = analyse(await readSnapshotFromFile(f), { today: AFTER_THE_YEAR });
      const indicator = model.tables.indicators.rows.find(
        (r) => r.cells.indicator.value === "Avvikelse prognos helår mot budget"
      )!;
      expect([EXAMPLE_YEAR_FILES[i], indicator.cells.actual.value]).toEqual([
        EXAMPLE_YEAR_FILES[i],
        Math.round(rollup.incomeStatement.total.deviation! * 10) / 10,
      ]);
    }
  });

  it("keeps indicators, Mål-ID and Målvärde through the year and names two Kolada KPIs as Källa", () => {
    const fixed = (m: Model) =>
      m.tables.indicators.rows.map((r) => [
        r.cells.id.value,
        r.cells.goalId.value,
        r.cells.target.value,
      ]);
    expect(fixed(t2)).toEqual(fixed(t1));
    expect(fixed(helar)).toEqual(fixed(t1));
    const goalIds = new Set(column(t2, "goals", "id"));
    expect(column(t2, "indicators", "goalId").every((id) => id === null || goalIds.has(id))).toBe(
      true
    );
    expect(
      column(t2, "indicators", "source").filter((s) => String(s).startsWith("Kolada:"))
    ).toEqual(["Kolada:U21468", "Kolada:U23471"]);
  });
});
