/**
 * `tertial sammanstall` of units that enter their amounts in different Enhet (mnkr, tkr, kr, the
 * last two with ledger decimals): every amount is converted to the first file's Enhet, or
 * --installningar's, at full precision, and the output names each converted file. Conservation
 * is checked by an independent reader (openpyxl): per table and amount column, each unit's
 * amounts × its factor are its share of the consolidated amounts, and the shares add up to them.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { consolidateCommand } from "../../src/cli/consolidateCommand";
import { runCommand } from "../../src/cli/runCommand";
import { unitFactor, type AmountUnit } from "../../src/core/amountUnit";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { analyse } from "../../src/core/pipeline";
import { reportAmounts } from "../../src/core/report/reportUnit";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { enteredIn, TODAY, UNITS } from "../core/consolidate/units";
import { useInProcessCli } from "./inProcess";

const io = useInProcessCli("tertial-sammanstall-enheter-");

type Row = Record<string, string | number | null>;
interface Read {
  /** Table name → its rows by header, empty rows left out. */
  readonly tables: Record<string, Row[]>;
  /** The Sammanställning sheet's rows as lists of values. */
  readonly summary: (string | number | null)[][];
}

const READ = `
import json, sys, openpyxl
from openpyxl.utils.cell import range_boundaries
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = {"tables": {}, "summary": []}
for ws in wb.worksheets:
    for table in ws.tables.values():
        c0, r0, c1, r1 = range_boundaries(table.ref)
        headers = [ws.cell(r0, c).value for c in range(c0, c1 + 1)]
        rows = []
        for r in range(r0 + 1, r1 + 1):
            row = {h: ws.cell(r, c0 + i).value for i, h in enumerate(headers)}
            if any(v not in (None, "") for v in row.values()):
                rows.append({h: (v if isinstance(v, (int, float, str)) or v is None else str(v)) for h, v in row.items()})
        out["tables"][table.name] = rows
if "Sammanställning" in wb.sheetnames:
    out["summary"] = [[c if isinstance(c, (int, float, str)) or c is None else str(c) for c in row] for row in wb["Sammanställning"].iter_rows(values_only=True)]
json.dump(out, sys.stdout, ensure_ascii=False)
`;

function readWithOpenpyxl(file: string): Read {
  const run = spawnSync("/usr/bin/python3", ["-c", READ, file], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`openpyxl kunde inte läsa ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Read;
}

/** The units as files: Äldreomsorg in mnkr, IFO in tkr, Funktionsstöd in kronor and öre. */
const ENTERED: readonly { unit: AmountUnit; factor: number; plus: number }[] = [
  { unit: "mnkr", factor: 1, plus: 0 },
  { unit: "tkr", factor: 1_000, plus: 0.4 },
  { unit: "kr", factor: 1_000_000, plus: 1_234.56 },
];

/** The units' files in `order`; `reportUnit` sets Rapportenhet of the unit with that index. */
async function unitFiles(
  order: readonly number[],
  reportUnit: Partial<Record<number, AmountUnit>> = {}
): Promise<string[]> {
  const files = [];
  for (const i of order) {
    const { unit, factor, plus } = ENTERED[i];
    const content = enteredIn(UNITS[i].content, unit, factor, plus);
    const file = path.join(io.dir, UNITS[i].file);
    const settings = { ...content.settings, reportUnit: reportUnit[i] ?? null };
    await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, { ...content, settings }), file);
    files.push(file);
  }
  return files;
}

const SETTINGS_TABLE = LATEST_TEMPLATE.tables.settings.name;
const setting = (read: Read, label: string) =>
  read.tables[SETTINGS_TABLE].find((r) => r["Inställning"] === label)?.["Värde"] ?? null;

const num = (value: unknown) => (typeof value === "number" ? value : 0);
/** Equal at Excel's 15 significant digits: the conversion drops only floating-point noise. */
const expectSame = (got: number, want: number, what: string) =>
  expect({ what, diff: Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)) }).toEqual({
    what,
    diff: true,
  });

/**
 * Each unit's amounts × factor are its share of the consolidation: Resultaträkning per Post, the
 * tables carried per unit by their Rapporterande enhet; checked for every amount column.
 */
function expectConserved(
  units: readonly Read[],
  names: readonly string[],
  to: AmountUnit,
  nämnd: Read
) {
  const factors = units.map((u) => unitFactor(setting(u, "Enhet") as AmountUnit, to));
  let checked = 0;
  for (const def of LATEST_TEMPLATE.tableList) {
    const amounts = def.columns.filter((c) => c.kind === "amount").map((c) => c.header);
    if (amounts.length === 0 || def.consolidation?.kind === "notCarried") continue;
    const out = nämnd.tables[def.name] ?? [];
    const summed = def.consolidation?.kind === "summedPerPost";
    const keyHeader = summed ? def.columns[0].header : "Rapporterande enhet";
    const groups = summed
      ? [...new Set(out.map((r) => String(r[keyHeader])))]
      : names.map((n) => n);
    for (const header of amounts) {
      let total = 0;
      for (const group of groups) {
        const ofGroup = (rows: Row[], unitIndex: number) =>
          summed
            ? rows.filter((r) => String(r[keyHeader]) === group)
            : unitIndex === names.indexOf(group)
              ? rows
              : [];
        const share = units.reduce(
          (sum, u, i) =>
            sum +
            ofGroup(u.tables[def.name] ?? [], i).reduce((s, r) => s + num(r[header]), 0) *
              factors[i],
          0
        );
        const got = out
          .filter((r) =>
            summed
              ? String(r[keyHeader]) === group
              : String(r[keyHeader]) === group || String(r[keyHeader]).startsWith(`${group} / `)
          )
          .reduce((s, r) => s + num(r[header]), 0);
        expectSame(got, share, `${def.name} ${group} ${header}`);
        total += share;
        checked += 1;
      }
      expectSame(
        out.reduce((s, r) => s + num(r[header]), 0),
        total,
        `${def.name} ${header}`
      );
    }
  }
  return checked;
}

const NAMES = ["Äldreomsorg", "Individ- och familjeomsorg", "Funktionsstöd"];
const run = (entries: string[], options: Parameters<typeof consolidateCommand>[1]) =>
  runCommand(() => consolidateCommand(entries, options));

describe("tertial sammanstall of units in mnkr, tkr and kr", () => {
  it("converts to the first file's Enhet, keeps every decimal, carries Rapportenhet and names each converted file", async () => {
    // IFO (tkr) first, with Rapportenhet mnkr: the nämnd's workbook is in tkr, reported in mnkr.
    const [family, elderly, disability] = await unitFiles([1, 0, 2], { 1: "mnkr" });
    const target = path.join(io.dir, "nämnd.xlsx");
    await run([family, elderly, disability], { output: target });

    expect(io.stdout).toContain("Äldreomsorg.xlsx (Äldreomsorg): Enhet mnkr omräknad till tkr");
    // Its öre put Resultaträkning and Driftsredovisning apart: fel of its own, counted as usual.
    expect(io.stdout).toMatch(
      /Funktionsstöd\.xlsx \(Funktionsstöd\): inte klarmarkerad, \d+ fel, Enhet kr omräknad till tkr/
    );
    expect(io.stdout).not.toMatch(/IFO\.xlsx.*omräknad/);
    expect(io.stdout).toContain(
      "Beloppen från Äldreomsorg.xlsx (mnkr) och Funktionsstöd.xlsx (kr) är omräknade till tkr, Enhet i IFO.xlsx."
    );

    const nämnd = readWithOpenpyxl(target);
    expect(setting(nämnd, "Enhet")).toBe("tkr");
    expect(setting(nämnd, "Rapportenhet")).toBe("mnkr");
    // Väsentlig avvikelse belopp is IFO's, entered in tkr like the nämnd's amounts: 100 mnkr.
    expect(setting(nämnd, "Väsentlig avvikelse belopp")).toBe(100_000);

    // The nämnd's report shows mnkr: its figures and the threshold, 100 000 tkr = 100 mnkr.
    const analysis = analyse(await readSnapshotFromFile(target), { today: TODAY });
    const shown = reportAmounts(analysis.model.settings.values, analysis.rollup);
    expect([shown.unit, shown.thresholds.amount]).toEqual(["mnkr", 100]);
    expect(shown.rollup.incomeStatement.total.budget).toBeCloseTo(
      (analysis.rollup.incomeStatement.total.budget ?? NaN) / 1_000,
      9
    );

    const units = [family, elderly, disability].map(readWithOpenpyxl);
    const names = [NAMES[1], NAMES[0], NAMES[2]];
    expect(expectConserved(units, names, "tkr", nämnd)).toBeGreaterThan(20);

    // Funktionsstöd's kronor and öre survive: 1 234,56 kr is 1,23456 tkr, not 1 tkr.
    const drift = nämnd.tables[LATEST_TEMPLATE.tables.operatingStatement.name];
    const fs = drift.find((r) => String(r["Rapporterande enhet"]).startsWith("Funktionsstöd"));
    const budget = num(fs?.["Budget helår"]);
    expect(Math.abs(budget - Math.round(budget) - 0.23456)).toBeLessThan(1e-9);

    // Sammanställning: each unit's Budget helår in tkr and the note naming the conversion.
    const row = (file: string) => nämnd.summary.find((r) => r[0] === file) ?? [];
    const header = nämnd.summary.find((r) => r.includes("Budget helår (tkr)")) ?? [];
    const budgetAt = header.indexOf("Budget helår (tkr)");
    const incomeTable = LATEST_TEMPLATE.tables.incomeStatement.name;
    const unitTotal = (u: Read) =>
      (u.tables[incomeTable] ?? []).reduce(
        (s, r) => s + num(r["Budget helår"]), // costs are entered negative
        0
      );
    expect(budgetAt).toBeGreaterThan(0);
    ["IFO.xlsx", "Äldreomsorg.xlsx", "Funktionsstöd.xlsx"].forEach((file, i) =>
      expectSame(
        num(row(file)[budgetAt]),
        unitTotal(units[i]) * unitFactor(setting(units[i], "Enhet") as AmountUnit, "tkr"),
        `Sammanställning ${file}`
      )
    );
    expect(String(row("Äldreomsorg.xlsx").at(-1))).toContain("Enhet mnkr omräknad till tkr.");
    expect(String(row("IFO.xlsx").at(-1) ?? "")).not.toContain("omräknad");
  });

  it("converts to --installningar's Enhet, its materiality amount and Rapportenhet with it", async () => {
    const files = await unitFiles([0, 1, 2]);
    const settingsFile = path.join(io.dir, "nämndens inställningar.xlsx");
    await saveWorkbook(
      buildWorkbook(LATEST_TEMPLATE, {
        settings: {
          ...UNITS[0].content.settings,
          unit: "kr",
          materialAmount: 5_000_000,
          reportUnit: "tkr",
        },
      }),
      settingsFile
    );
    const target = path.join(io.dir, "nämnd.xlsx");
    await run(files, { output: target, installningar: settingsFile });

    for (const [file, from] of [
      ["Äldreomsorg.xlsx", "mnkr"],
      ["IFO.xlsx", "tkr"],
    ])
      expect(io.stdout).toMatch(
        new RegExp(`${file} \\([^)]*\\): .*Enhet ${from} omräknad till kr`)
      );
    expect(io.stdout).not.toMatch(/Funktionsstöd\.xlsx.*omräknad/);

    const nämnd = readWithOpenpyxl(target);
    expect(setting(nämnd, "Enhet")).toBe("kr");
    expect(setting(nämnd, "Rapportenhet")).toBe("tkr");
    expect(setting(nämnd, "Väsentlig avvikelse belopp")).toBe(5_000_000);
    const units = files.map(readWithOpenpyxl);
    expect(expectConserved(units, NAMES, "kr", nämnd)).toBeGreaterThan(20);
    const sheet = nämnd.summary.flat().map(String).join(" ");
    expect(sheet).toContain("Rapportenhet tkr kommer från nämndens inställningar.xlsx.");
  });
});
