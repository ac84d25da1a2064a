/**
 * `tertial kolada`: Utfall and Utfall fg år of the Kolada indicators filled from saved API
 * responses (v2 and v3 shapes, several pages) in a new workbook; only those cells change (checked
 * by openpyxl, not Tertial's reader), the input never does; another kommun's rows, null values,
 * withdrawn rows and KPIs without a row are handled and named; exit 0, 1 and 2.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { koladaCommand } from "../../src/cli/koladaCommand";
import { runCommand } from "../../src/cli/runCommand";
import type { Model } from "../../src/core/model";
import { parseModel } from "../../src/core/parse/parseModel";
import type { WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { T1_2024 } from "../core/cycle/yearContent";
import { sha256, useInProcessCli } from "./inProcess";

const io = useInProcessCli("tertial-kolada-");

const indicator = (
  id: string,
  source: string | null,
  actual: number | null,
  priorYear: number | null
) => ({
  id,
  indicator: `Indikator ${id}`,
  area: "Verksamhet",
  direction: "Lägre är bättre",
  target: 8,
  priorYear,
  actual,
  source,
});

/** Kommunkod typed as the number 381, as Excel keeps "0381" typed without an apostrophe. */
const CONTENT: WorkbookContent = {
  ...T1_2024,
  settings: { ...T1_2024.settings, period: "T2", municipalityCode: 381 },
  tables: {
    ...T1_2024.tables,
    indicators: [
      indicator("I1", "Kolada:N00945", 7.7, null), // replaced by 9,4; fg år filled
      indicator("I2", "Egen mätning", 55, 50), // not Kolada: untouched
      indicator("I3", "kolada: u23471", null, null), // v3 page 2; prior year withdrawn
    ],
  },
};

const row = (
  kpi: string,
  municipality: string | number,
  period: number | string,
  value: number | null,
  extra = {}
) => ({
  kpi,
  municipality,
  period,
  values: [
    { count: 1, gender: "K", status: "", value: 99, ...extra },
    { count: 1, gender: "T", status: value === null ? "Missing" : "", value, ...extra },
  ],
});

const V2_PAGE = {
  count: 3,
  values: [
    row("N00945", "0381", 2024, 9.4),
    row("N00945", "0381", 2023, 10.2),
    row("N00945", "0180", 2024, 1.1), // Stockholm: ignored
  ],
};
const V3_PAGE_1 = {
  total_count: 4,
  next_url: "https://api.kolada.se/v3/data/kpi/U23471/municipality/0381?page=2",
  values: [row("U23471", 381, "2024", 81, { isdeleted: false })],
};
const V3_PAGE_2 = {
  total_count: 4,
  next_url: null,
  values: [
    row("U23471", "0381", "2023", 80, { isdeleted: true }),
    row("U23471", "0180", "2023", 70, { isdeleted: false }), // Stockholm's row does not stand in
  ],
};

async function workbook(content: WorkbookContent = CONTENT): Promise<string> {
  const file = path.join(io.dir, "nämnd T2.xlsx");
  await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, content), file);
  return file;
}

async function page(name: string, json: unknown): Promise<string> {
  const file = path.join(io.dir, name);
  await fs.writeFile(file, JSON.stringify(json));
  return file;
}

async function exitCodeOf(command: () => Promise<number>): Promise<number | undefined> {
  await runCommand(command);
  return process.exitCode as number | undefined;
}

const modelOf = async (file: string): Promise<Model> =>
  parseModel(await readSnapshotFromFile(file));
const indicatorValues = (model: Model) =>
  model.indicators.map((r) => [r.cells.id.value, r.cells.priorYear.value, r.cells.actual.value]);

/** Every cell of every sheet whose value or style differs between two files, read by openpyxl. */
function changedCells(before: string, after: string): string[] {
  const script = `
import sys, openpyxl
a = openpyxl.load_workbook(sys.argv[1]); b = openpyxl.load_workbook(sys.argv[2])
assert a.sheetnames == b.sheetnames, (a.sheetnames, b.sheetnames)
for name in a.sheetnames:
    x, y = a[name], b[name]
    for r in range(1, max(x.max_row, y.max_row) + 1):
        for c in range(1, max(x.max_column, y.max_column) + 1):
            p, q = x.cell(r, c), y.cell(r, c)
            if p.value != q.value:
                print(f"{name}!{q.coordinate}={q.value}")
            if p.style_id != q.style_id:
                print(f"{name}!{q.coordinate} stil {p.style_id} -> {q.style_id}")
`;
  const run = spawnSync("/usr/bin/python3", ["-c", script, before, after], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim().split("\n").filter(Boolean);
}

it("fills Utfall and Utfall fg år from v2 and v3 pages, changes only those cells and lists what it replaced", async () => {
  const input = await workbook();
  const before = await sha256(input);
  const files = [
    await page("v2.json", V2_PAGE),
    await page("v3-1.json", V3_PAGE_1),
    await page("v3-2.json", V3_PAGE_2),
  ];
  const output = path.join(io.dir, "ut.xlsx");

  expect(await exitCodeOf(() => koladaCommand(input, files, { output }))).toBe(1);

  expect(await sha256(input)).toBe(before);
  expect(indicatorValues(await modelOf(output))).toEqual([
    ["I1", 10.2, 9.4],
    ["I2", 50, 55],
    ["I3", null, 81],
  ]);
  const sheet = "Indikatorer";
  const model = await modelOf(input);
  const [i1, , i3] = model.indicators;
  expect(changedCells(input, output).sort()).toEqual(
    [
      `${sheet}!${i1.cells.actual.address}=9.4`,
      `${sheet}!${i1.cells.priorYear.address}=10.2`,
      `${sheet}!${i3.cells.actual.address}=81`,
    ].sort()
  );
  expect(io.stdout).toContain(
    "tre värden från Kolada för kommun 0381 (2024 och 2023). Källa: Kolada."
  );
  expect(io.stdout).toContain(
    `Ersatt: ${sheet}!${i1.cells.actual.address} (indikator I1, Utfall): 7,7 ersattes med 9,4.`
  );
  expect(io.stdout.match(/^Ersatt:/gm)).toHaveLength(1);
  expect(io.stderr).toContain(
    `Varning: ${sheet}!${i3.cells.priorYear.address} (indikator I3, Kolada:U23471, 2023, kommun 0381): ` +
      "raden är borttagen i Kolada (isdeleted)."
  );
  expect(io.stderr.match(/^Varning:/gm)).toHaveLength(1);
});

it("exits 0 when every Kolada cell is filled, and the computed columns follow the new values", async () => {
  const input = await workbook({
    ...CONTENT,
    tables: { ...CONTENT.tables, indicators: [indicator("I1", "Kolada:N00945", null, null)] },
  });
  const output = path.join(io.dir, "ut.xlsx");
  const v2 = await page("v2.json", V2_PAGE);
  expect(await exitCodeOf(() => koladaCommand(input, [v2], { output }))).toBe(0);
  expect(io.stderr).not.toContain("Varning");
  const [i1] = (await modelOf(output)).indicators;
  expect([i1.cells.priorYear.value, i1.cells.actual.value]).toEqual([10.2, 9.4]);
  // The formula stays for Excel to recalculate on opening (fullCalcOnLoad).
  const script = `
import sys, openpyxl, zipfile
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["Indikatorer"]
print(ws["${i1.cells.trend.address}"].value.startswith("="))
print('fullCalcOnLoad="1"' in zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode())`;
  const run = spawnSync("/usr/bin/python3", ["-c", script, output], { encoding: "utf8" });
  expect(run.stdout.trim().split("\n")).toEqual(["True", "True"]);
});

it("names a null value (the cell emptied) and a KPI with no row, and exits 1", async () => {
  const input = await workbook({
    ...CONTENT,
    settings: { ...CONTENT.settings, year: 2025 },
    tables: {
      ...CONTENT.tables,
      indicators: [
        indicator("I1", "Kolada:N00945", 3, 4),
        indicator("I9", "Kolada:N99999", null, null),
      ],
    },
  });
  const nullPage = {
    values: [row("N00945", "0381", 2025, 5), ...V2_PAGE.values, row("N00945", "0381", 2024, null)],
  };
  const output = path.join(io.dir, "ut.xlsx");
  const saved = await page("null.json", nullPage);
  expect(await exitCodeOf(() => koladaCommand(input, [saved], { output }))).toBe(1);
  const [i1, i9] = (await modelOf(output)).indicators;
  // The null row comes after 9,4 for 2024 in the file: the last one counts.
  expect([i1.cells.priorYear.value, i1.cells.actual.value]).toEqual([null, 5]);
  expect(io.stderr).toContain(
    `(indikator I1, Kolada:N00945, 2024, kommun 0381): Kolada har raden men inget värde; cellen lämnas tom.`
  );
  expect(io.stderr).toContain(
    `Indikatorer!${i9.cells.actual.address} (indikator I9, Kolada:N99999, 2025, kommun 0381): ` +
      "filen har ingen rad för det året och kommunen."
  );
  expect(io.stdout).toContain("ersattes med tomt.");
});

it("writes nothing and exits 2 when only another kommun's rows match, or no indicator is from Kolada", async () => {
  const input = await workbook({
    ...CONTENT,
    settings: { ...CONTENT.settings, municipalityCode: "2480" },
  });
  const output = path.join(io.dir, "ut.xlsx");
  const v2 = await page("v2.json", V2_PAGE);
  expect(await exitCodeOf(() => koladaCommand(input, [v2], { output }))).toBe(2);
  await expect(fs.access(output)).rejects.toThrow();
  expect(io.stderr).toContain("Fel: nämnd T2.xlsx: Kolada-filerna har inget värde för kommun 2480");

  const none = await workbook({
    ...CONTENT,
    tables: { ...CONTENT.tables, indicators: [indicator("I2", "Egen mätning", 1, 2)] },
  });
  expect(await exitCodeOf(() => koladaCommand(none, [v2], { output }))).toBe(2);
  await expect(fs.access(output)).rejects.toThrow();
  expect(io.stderr).toContain("ingen indikator på bladet Indikatorer har Källa Kolada:<KPI-id>");
});

it("refuses without writing: no Kommunkod, a file that is not Kolada's, an existing output without --force", async () => {
  const output = path.join(io.dir, "ut.xlsx");
  const noCode = await workbook({
    ...CONTENT,
    settings: { ...CONTENT.settings, municipalityCode: null },
  });
  const v2 = await page("v2.json", V2_PAGE);
  expect(await exitCodeOf(() => koladaCommand(noCode, [v2], { output }))).toBe(2);
  expect(io.stderr).toMatch(
    /Fel: nämnd T2\.xlsx: Kommunkod \(bladet Inställningar, cell [A-Z]+\d+\) är inte ifylld/
  );

  const input = await workbook();
  const notKolada = await page("fel.json", { data: [] });
  expect(await exitCodeOf(() => koladaCommand(input, [notKolada], { output }))).toBe(2);
  expect(io.stderr).toContain(
    'Fel: fel.json är inget svar från Koladas data-API (listan "values" saknas).'
  );
  expect(
    await exitCodeOf(() => koladaCommand(input, [path.join(io.dir, "saknas.json")], { output }))
  ).toBe(2);
  expect(io.stderr).toContain("Fel: saknas.json kunde inte läsas (ENOENT).");
  await expect(fs.access(output)).rejects.toThrow();

  await fs.writeFile(output, "mitt");
  expect(await exitCodeOf(() => koladaCommand(input, [v2], { output }))).toBe(2);
  expect(await fs.readFile(output, "utf8")).toBe("mitt");
  expect(await exitCodeOf(() => koladaCommand(input, [v2], { output, force: true }))).toBe(1);
  expect((await modelOf(output)).indicators[0].cells.actual.value).toBe(9.4);
});
