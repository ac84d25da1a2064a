/**
 * A kommunstyrelse over nämnder: two nämnder consolidate their units with `tertial sammanstall`,
 * then the two consolidated workbooks are consolidated the same way. Both nämnder have a unit
 * named Funktionsstöd with code FS, so only the nämnd keeps their rows and IDs apart. Real files
 * on disk throughout; the result must validate and report like any template workbook.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { consolidateCommand } from "../../src/cli/consolidateCommand";
import { reportCommand } from "../../src/cli/reportCommand";
import { runCommand } from "../../src/cli/runCommand";
import { validateCommand } from "../../src/cli/validateCommand";
import { analyse, type Analysis } from "../../src/core/pipeline";
import type { WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { DISABILITY, ELDERLY, FAMILY, TODAY } from "../core/consolidate/units";
import { sheetRows } from "../helpers/sheetRows";
import { sha256, useInProcessCli } from "./inProcess";

const io = useInProcessCli("tertial-kommunstyrelse-");

/** Äldreomsorg's Personalkostnader with a comment, to follow it up two levels. */
const elderlyWithComment: WorkbookContent = {
  ...ELDERLY,
  tables: {
    ...ELDERLY.tables,
    incomeStatement: (ELDERLY.tables?.incomeStatement ?? []).map((row) =>
      row.post === "Personalkostnader" ? { ...row, comment: "Hög sjukfrånvaro." } : row
    ),
  },
};

const NÄMNDER = [
  {
    organisation: "Socialnämnden",
    units: [
      { file: "IFO.xlsx", content: FAMILY },
      { file: "Funktionsstöd.xlsx", content: DISABILITY },
    ],
  },
  {
    organisation: "Vård- och omsorgsnämnden",
    units: [
      { file: "Äldreomsorg.xlsx", content: elderlyWithComment },
      { file: "Funktionsstöd.xlsx", content: DISABILITY },
    ],
  },
] as const;

const run = async (entries: string[], options: Parameters<typeof consolidateCommand>[1]) => {
  await runCommand(() => consolidateCommand(entries, options));
  const code = process.exitCode;
  process.exitCode = undefined;
  return code;
};

const analysed = async (file: string) =>
  analyse(await readSnapshotFromFile(file), { today: TODAY });

interface Kommun {
  readonly units: Analysis[];
  readonly nämnder: string[];
  readonly target: string;
  readonly exitCode: typeof process.exitCode;
  readonly nämndHashes: string[];
}

/** Each nämnd's units in its own folder, consolidated; then the nämnder into the kommunstyrelse. */
async function kommunstyrelse(): Promise<Kommun> {
  const nämnder: string[] = [];
  const unitFiles: string[] = [];
  for (const nämnd of NÄMNDER) {
    const folder = path.join(io.dir, nämnd.organisation);
    await fs.mkdir(folder);
    for (const unit of nämnd.units) {
      const content = {
        ...unit.content,
        settings: { ...unit.content.settings, organisation: nämnd.organisation },
      };
      const file = path.join(folder, unit.file);
      await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, content), file);
      unitFiles.push(file);
    }
    // The name the pane gives a consolidation: the Rapporterande enhet is not in it.
    const output = path.join(io.dir, `${nämnd.organisation} 2024 T2 sammanställning.xlsx`);
    expect(await run([folder], { output, organisation: nämnd.organisation })).toBe(0);
    nämnder.push(output);
  }
  const nämndHashes = await Promise.all(nämnder.map(sha256));
  const target = path.join(io.dir, "Kommunstyrelsen.xlsx");
  const exitCode = await run(nämnder, { output: target, organisation: "Kommunstyrelsen" });
  const units = await Promise.all(unitFiles.map(analysed));
  return { units, nämnder, target, exitCode, nämndHashes };
}

const cellValues = (a: Analysis, table: "risks" | "actions" | "controls", key: string) =>
  a.model.tables[table].rows.map((r) => (r.cells as Record<string, { value: unknown }>)[key].value);

describe("a kommunstyrelse over two consolidated nämnder", () => {
  it("sums every total of the nämnder, which are their units' sums", async () => {
    const { units, nämnder, target, exitCode, nämndHashes } = await kommunstyrelse();
    expect(exitCode).toBe(0);
    expect(await Promise.all(nämnder.map(sha256))).toEqual(nämndHashes);
    const ks = await analysed(target);
    const levels = await Promise.all(nämnder.map(analysed));
    for (const table of ["incomeStatement", "operatingStatement"] as const) {
      for (const key of ["budget", "forecast", "actual"] as const) {
        const sum = (of: readonly Analysis[]) =>
          of.reduce((total, a) => total + (a.rollup[table].total[key] ?? 0), 0);
        expect(ks.rollup[table].total[key]).toBeCloseTo(sum(levels), 9);
        expect(ks.rollup[table].total[key]).toBeCloseTo(sum(units), 9);
      }
    }
    // Prognos helår: FAMILY + DISABILITY is 12 − 205 − 310 − 5 = −508, ELDERLY + DISABILITY
    // 89 − 740 − 310 − 5 = −966.
    expect(ks.rollup.incomeStatement.total.forecast).toBe(-1474);
    expect(ks.model.settings.values.organisation).toBe("Kommunstyrelsen");
  });

  it("prefixes IDs with the nämnd's code, keeps them unique and their references resolving", async () => {
    const ks = await analysed((await kommunstyrelse()).target);
    const risks = cellValues(ks, "risks", "id");
    expect(risks).toEqual([
      "SN-FS-R1",
      "SN-FS-R2",
      "SN-IF-R1",
      "SN-IF-R2",
      "VON-FS-R1",
      "VON-FS-R2",
      "VON-ÄO-R1",
      "VON-ÄO-R2",
    ]);
    const ids = [...risks, ...cellValues(ks, "actions", "id"), ...cellValues(ks, "controls", "id")];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("VON-ÄO-Å1");
    for (const table of ["actions", "controls"] as const) {
      for (const riskId of cellValues(ks, table, "riskId")) expect(risks).toContain(riskId);
    }
    const codes = new Set(ks.findings.map((f) => f.code));
    for (const code of ["id-dubblett", "risk-id-okant", "hantera-utan-atgard"]) {
      expect(codes.has(code)).toBe(false);
    }
  });

  it("keeps each row's unit after its nämnd's name, and each comment line's unit after the nämnd's code", async () => {
    const ks = await analysed((await kommunstyrelse()).target);
    const rowUnits = ks.model.operatingStatement.map((l) => l.cells.reportingUnit.value);
    expect([...new Set(rowUnits)]).toEqual([
      "Socialnämnden / Funktionsstöd",
      "Socialnämnden / Individ- och familjeomsorg",
      "Vård- och omsorgsnämnden / Funktionsstöd",
      "Vård- och omsorgsnämnden / Äldreomsorg",
    ]);
    const staff = ks.model.incomeStatement.find((l) => l.cells.post.value === "Personalkostnader");
    expect(staff?.cells.comment.value).toBe("VON: ÄO: Hög sjukfrånvaro.");
  });

  it("lists the nämnder on Sammanställning, named by their Organisation with a derived code", async () => {
    const { target } = await kommunstyrelse();
    const rows = await sheetRows(await fs.readFile(target), "Sammanställning");
    const byFile = new Map(rows.map((r) => [r[0], r]));
    const social = byFile.get("Socialnämnden 2024 T2 sammanställning.xlsx");
    expect(social?.slice(1, 4)).toEqual(["Socialnämnden", "SN", "Nej"]);
    expect(String(social?.at(-1))).toContain("dess Organisation används");
    expect(
      byFile.get("Vård- och omsorgsnämnden 2024 T2 sammanställning.xlsx")?.slice(1, 3)
    ).toEqual(["Vård- och omsorgsnämnden", "VON"]);
    expect(rows.flat().map(String).join(" ")).toContain("t.ex. Socialnämnden / Funktionsstöd");
  });

  it("validates without fel and reports the kommunstyrelse's figures per nämnd and unit", async () => {
    const { target, nämnder } = await kommunstyrelse();
    await runCommand(() => validateCommand(target, {}));
    expect(process.exitCode).toBe(0);
    expect(io.stdout).toContain("Inga fel eller varningar i");
    process.exitCode = undefined;

    await runCommand(() => reportCommand(target, {}));
    expect(process.exitCode).toBe(0);
    const report = path.join(io.dir, "Kommunstyrelsen-rapport.xlsx");
    const rows = await sheetRows(await fs.readFile(report), "Rapport Ekonomi");
    expect(rows[0][0]).toBe("Kommunstyrelsen – Delårsrapport augusti 2024");
    // Per rapporterande enhet: each nämnd a group of its units, with the nämnd's own sum.
    const at = (label: string) => rows.findIndex((r) => r[0] === label);
    const figures = (label: string) => rows[at(label)].filter((v) => typeof v === "number");
    for (const nämnd of await Promise.all(nämnder.map(analysed))) {
      const name = nämnd.model.settings.values.organisation!;
      expect(at(name)).toBeGreaterThan(0);
      expect(figures(`Summa ${name}`)).toContain(nämnd.rollup.operatingStatement.total.budget);
    }
    const social = at("Socialnämnden");
    expect(rows.slice(social + 1, social + 4).map((r) => r[0])).toEqual([
      "Funktionsstöd",
      "Individ- och familjeomsorg",
      "Summa Socialnämnden",
    ]);
  });
});
