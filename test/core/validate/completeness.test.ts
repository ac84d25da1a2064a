/**
 * Klar means complete: the period's figures are in, on real .xlsx files written and read back.
 * A row with Budget helår needs Utfall period (every period) and Prognos helår (T1, T2); the two
 * ledgers need rows; an incomplete workbook marked Klar is a fel.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import type { Finding } from "../../../src/core/findings";
import { analyse } from "../../../src/core/pipeline";
import type { WorkbookContent } from "../../../src/core/template/content";
import type { Period } from "../../../src/core/template/lists";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import { readSnapshotFromFile } from "../../../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../../src/xlsx/template/saveWorkbook";
import { headerAddress, rowAddress } from "../../cli/workbookCells";
import { T1_2024 } from "../cycle/yearContent";

const COMPLETENESS = ["tabell-tom", "utfall-saknas", "prognos-saknas"];
/** A few weeks after each period's end: when the report is written. */
const TODAY: Record<Period, Date> = {
  T1: new Date(Date.UTC(2024, 4, 20)),
  T2: new Date(Date.UTC(2024, 8, 20)),
  Helår: new Date(Date.UTC(2025, 0, 20)),
};
const PERIODS: readonly Period[] = ["T1", "T2", "Helår"];
const { operatingStatement } = LATEST_TEMPLATE.tables;

let dir = "";
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-klar-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** T1_2024's workbook (complete, marked Klar) in `period`, with `edit` applied, written and read back. */
async function findingsIn(
  period: Period,
  edit: (tables: NonNullable<WorkbookContent["tables"]>) => WorkbookContent["tables"] = (t) => t
): Promise<{ findings: readonly Finding[]; workbook: ExcelJS.Workbook }> {
  const content: WorkbookContent = {
    ...T1_2024,
    settings: { ...T1_2024.settings, period },
    tables: edit(T1_2024.tables ?? {}),
  };
  const file = path.join(dir, `${period}-${Math.random().toString(36).slice(2)}.xlsx`);
  // The built workbook locates cells by header, as the reader does (exceljs cannot read its tables back).
  const workbook = buildWorkbook(LATEST_TEMPLATE, content);
  await saveWorkbook(workbook, file);
  const { findings } = analyse(await readSnapshotFromFile(file), { today: TODAY[period] });
  return { findings, workbook };
}

const completeness = (all: readonly Finding[]) =>
  all.filter((f) => COMPLETENESS.includes(f.code)).map((f) => [f.code, f.sheet, f.cell]);

/** Personalkostnader (RR) and Inventarier (Investeringar) without the column `key`. */
const blanked =
  (key: "actual" | "forecast") => (tables: NonNullable<WorkbookContent["tables"]>) => ({
    ...tables,
    incomeStatement: (tables.incomeStatement ?? []).map((r) =>
      r.post === "Personalkostnader" ? { ...r, [key]: null } : r
    ),
    investments: (tables.investments ?? []).map((r) => ({ ...r, [key]: null })),
  });

describe.each(PERIODS)("completeness in %s", (period) => {
  it("finds nothing in the complete workbook", async () => {
    const { findings } = await findingsIn(period);
    expect(completeness(findings)).toEqual([]);
  });

  it("is a fel at each empty Utfall period of a row with a budget, and the Klar mark is a fel", async () => {
    const { findings, workbook } = await findingsIn(period, blanked("actual"));
    expect(completeness(findings)).toEqual([
      [
        "utfall-saknas",
        "Resultaträkning",
        rowAddress(workbook, "Resultaträkning", "Post", "Personalkostnader", "Utfall period"),
      ],
      [
        "utfall-saknas",
        "Investeringar",
        rowAddress(workbook, "Investeringar", "Investering", "Inventarier", "Utfall period"),
      ],
    ]);
    const [first] = findings.filter((f) => f.code === "utfall-saknas");
    expect(first.severity).toBe("fel");
    expect(first.message).toBe(
      `Personalkostnader: raden har Budget helår men Utfall period är tom. Fyll i Utfall period ` +
        `för ${period} (ackumulerat från 1 januari; skriv 0 om inget har bokförts).`
    );
    expect(findings.map((f) => f.code)).toContain("klarmarkerad-med-fel");
  });

  const forecastRequired = period !== "Helår";
  it(`${forecastRequired ? "is" : "is not"} a fel at an empty Prognos helår of a row with a budget`, async () => {
    const { findings, workbook } = await findingsIn(period, blanked("forecast"));
    const cell = (sheet: string, key: string, name: string) =>
      rowAddress(workbook, sheet, key, name, "Prognos helår");
    expect(completeness(findings)).toEqual(
      forecastRequired
        ? [
            [
              "prognos-saknas",
              "Resultaträkning",
              cell("Resultaträkning", "Post", "Personalkostnader"),
            ],
            [
              "prognos-saknas",
              "Investeringar",
              cell("Investeringar", "Investering", "Inventarier"),
            ],
          ]
        : []
    );
    if (forecastRequired) {
      expect(findings.find((f) => f.code === "prognos-saknas")?.message).toMatch(
        /^Personalkostnader: raden har Budget helår men Prognos helår är tom\. Fyll i Prognos helår/
      );
    }
  });

  it("is a fel at the header of an empty ledger, but not of empty Investeringar", async () => {
    const { findings, workbook } = await findingsIn(period, (tables) => ({
      ...tables,
      operatingStatement: [],
      investments: [],
    }));
    const sheet = operatingStatement.sheet;
    expect(completeness(findings)).toEqual([
      [
        "tabell-tom",
        sheet,
        headerAddress(workbook, sheet, operatingStatement.columns[0].header, 0),
      ],
    ]);
    expect(findings.find((f) => f.code === "tabell-tom")?.message).toBe(
      "Tabellen på bladet Driftsredovisning är tom. Fyll i periodens rader (minst en rad med " +
        "Utfall period och Budget helår) innan rapporten kan bli klar."
    );
  });

  it("asks nothing of a row without a budget", async () => {
    const { findings } = await findingsIn(period, (tables) => ({
      ...tables,
      incomeStatement: [
        ...(tables.incomeStatement ?? []),
        { post: "Övriga kostnader", type: "Kostnad", comment: "Ingen budget i år." },
      ],
    }));
    expect(completeness(findings)).toEqual([]);
  });
});
