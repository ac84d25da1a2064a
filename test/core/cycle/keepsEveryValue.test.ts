/**
 * Ny period keeps every value: what the roll clears, moves, overwrites or drops is in Historik —
 * rows without a usable key, a hand-filled Prognos föregående tertial, Bokslut fg år at the year
 * end, error values, the ready-mark, a text longer than a cell — and rolling a period again never
 * loses a Historik row. Core cases on Snapshots; the long text and the example year's re-roll
 * through real workbooks, written and read back.
 */
import { spawnSync } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readHistory } from "../../../src/core/history/history";
import { rollForward } from "../../../src/core/cycle/nextPeriod";
import { planNextPeriod } from "../../../src/core/cycle/plan";
import { HistoryTooLargeError } from "../../../src/core/errors";
import { MAX_CELL_TEXT_CHARS, MAX_TABLE_ROWS } from "../../../src/core/limits";
import type { Model } from "../../../src/core/model";
import { parseModel } from "../../../src/core/parse/parseModel";
import type { CellValue } from "../../../src/core/snapshot";
import { contentOf, type WorkbookContent } from "../../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import { droppedActionsSentence } from "../../../src/core/cycle/newPeriodText";
import { nextPeriodWorkbook } from "../../../src/xlsx/cycle/nextPeriodWorkbook";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../../src/xlsx/template/workbookBytes";
import { HEADER_ROW, snapshotOf } from "../../helpers/snapshot";

const modelOf = (content: WorkbookContent): Model => parseModel(snapshotOf(content, "enhet.xlsx"));

async function readBack(content: WorkbookContent): Promise<Model> {
  const bytes = await workbookBytes(buildWorkbook(LATEST_TEMPLATE, content));
  return parseModel(await readSnapshotFromBuffer(bytes, "enhet.xlsx"));
}

/** The sheet row of data row `index` in a snapshotOf table. */
const sheetRow = (index: number) => HEADER_ROW + 1 + index;

/** Historik's rows as `period tabell nyckel kolumn = värde`. */
const historyOf = (content: WorkbookContent) =>
  (content.tables?.history ?? []).map(
    (r) => `${r.period} ${r.table} ${r.key} ${r.column} = ${String(r.value)}`
  );

const withHistory = (content: WorkbookContent, history: readonly Record<string, CellValue>[]) => ({
  ...content,
  tables: { ...content.tables, history },
});

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("a row without a usable key", () => {
  const content: WorkbookContent = {
    settings: { year: 2024, period: "T1" },
    tables: {
      incomeStatement: [
        { post: "Verksamhetens intäkter", actual: 31, forecast: 89 },
        { actual: 5, periodBudget: 4, comment: "Rad utan post." },
        { post: { error: "#REF!" }, actual: 7, forecast: 12 },
        { post: "Verksamhetens intäkter", actual: 8 },
        { post: "rad 4", actual: 9 },
      ],
    },
  };

  it("is recorded under its sheet row, and a repeated or look-alike key gets the row too", () => {
    const history = historyOf(rollForward(modelOf(content)).content);
    expect(history).toEqual(
      expect.arrayContaining([
        "T1 tblResultatrakning Verksamhetens intäkter Utfall period = 31",
        `T1 tblResultatrakning rad ${sheetRow(1)} Utfall period = 5`,
        `T1 tblResultatrakning rad ${sheetRow(1)} Periodbudget = 4`,
        `T1 tblResultatrakning rad ${sheetRow(1)} Kommentar = Rad utan post.`,
        `T1 tblResultatrakning #REF! (rad ${sheetRow(2)}) Utfall period = 7`,
        `T1 tblResultatrakning #REF! (rad ${sheetRow(2)}) Prognos helår = 12`,
        `T1 tblResultatrakning Verksamhetens intäkter (rad ${sheetRow(3)}) Utfall period = 8`,
        `T1 tblResultatrakning rad 4 (rad ${sheetRow(4)}) Utfall period = 9`,
      ])
    );
    const keys = history.map((h) => h.split(" Utfall period")[0]).filter((h) => !h.includes("="));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("a finished åtgärd without Åtgärds-ID is kept whole in Historik and named by its row", () => {
    const helar = modelOf({
      settings: { year: 2024, period: "Helår" },
      tables: {
        actions: [
          { id: "Å1", text: "Rekrytera", status: "Avslutad" },
          { text: "Utbildning", status: "Avslutad", endDate: utc(2024, 6, 30) },
          { id: "Å3", text: "Pågår", status: "Pågående" },
        ],
      },
    });
    const rolled = rollForward(helar);
    expect(rolled.droppedActions).toEqual(["Å1", `rad ${sheetRow(1)}`]);
    expect(historyOf(rolled.content)).toEqual(
      expect.arrayContaining([
        `Helår tblAtgarder rad ${sheetRow(1)} Åtgärd = Utbildning`,
        `Helår tblAtgarder rad ${sheetRow(1)} Status = Avslutad`,
        `Helår tblAtgarder rad ${sheetRow(1)} Slutdatum = 2024-06-30`,
      ])
    );
    const summary = planNextPeriod(snapshotOf(contentOf(helar), "enhet.xlsx")).summary;
    expect(droppedActionsSentence(summary)).toBe(
      "Avslutade och avbrutna åtgärder följer inte med till 2025 (finns kvar i Historik): " +
        `Å1 och åtgärden utan Åtgärds-ID på rad ${sheetRow(1)} (i Historik som "rad ${sheetRow(1)}").`
    );
  });
});

describe("Prognos föregående tertial", () => {
  const t2 = (previousForecast: CellValue) => ({
    settings: { year: 2024, period: "T2" as const },
    tables: {
      incomeStatement: [{ post: "Personalkostnader", previousForecast, forecast: -752 }],
    },
  });
  const t1Forecast = {
    year: 2024,
    period: "T1",
    table: "tblResultatrakning",
    key: "Personalkostnader",
    column: "Prognos helår",
    value: -740,
  };

  it("is recorded when filled by hand: Historik holds no forecast of T1", () => {
    expect(historyOf(rollForward(modelOf(t2(-740))).content)).toContain(
      "T2 tblResultatrakning Personalkostnader Prognos föregående tertial = -740"
    );
  });

  it("is recorded when the ekonom corrected it, and not doubled when it is T1's forecast", () => {
    const corrected = rollForward(modelOf(withHistory(t2(-745), [t1Forecast]))).content;
    expect(historyOf(corrected)).toContain(
      "T2 tblResultatrakning Personalkostnader Prognos föregående tertial = -745"
    );
    const normal = rollForward(modelOf(withHistory(t2(-740), [t1Forecast]))).content;
    expect(historyOf(normal).filter((h) => h.includes("föregående"))).toEqual([]);
    // The new workbook's Prognos föregående tertial is T2's forecast.
    expect(normal.tables!.incomeStatement![0].previousForecast).toBe(-752);
  });
});

describe("the year end", () => {
  const helar = (actual: CellValue) =>
    modelOf({
      settings: { year: 2024, period: "Helår" },
      tables: {
        operatingStatement: [{ activity: "Hemtjänst", priorYear: -300, actual, forecast: -331 }],
      },
    });

  it.each([[-333], [null]])(
    "records Bokslut fg år before it is replaced (Helår's Utfall period %p)",
    (actual) => {
      const rolled = rollForward(helar(actual)).content;
      expect(historyOf(rolled)).toContain(
        "Helår tblDriftsredovisning Hemtjänst Bokslut fg år = -300"
      );
      expect(rolled.tables!.operatingStatement![0].priorYear).toBe(actual ?? undefined);
    }
  );

  it("records the ready-mark the new workbook resets", () => {
    const rolled = rollForward(
      modelOf({
        settings: {
          year: 2024,
          period: "Helår",
          readyMark: "Ja",
          readyBy: "Eva Ekonom",
          readyDate: utc(2025, 2, 10),
        },
      })
    ).content;
    expect(historyOf(rolled)).toEqual(
      expect.arrayContaining([
        "Helår tblInstallningar Klarmarkerad Värde = Ja",
        "Helår tblInstallningar Klarmarkerad av Värde = Eva Ekonom",
        "Helår tblInstallningar Klarmarkerad datum Värde = 2025-02-10",
      ])
    );
  });
});

describe("values of another type than their column's", () => {
  const rolled = rollForward(
    modelOf({
      settings: { year: 2024, period: "T1" },
      tables: {
        incomeStatement: [
          {
            post: "Personalkostnader",
            actual: { error: "#REF!" },
            comment: { error: "#N/A" },
            periodBudget: utc(1997, 5, 24),
            forecast: utc(2024, 3, 31),
          },
        ],
      },
    })
  ).content;

  it("keeps an error value as its text and a date as yyyy-mm-dd text in Historik", () => {
    expect(historyOf(rolled)).toEqual(
      expect.arrayContaining([
        "T1 tblResultatrakning Personalkostnader Utfall period = #REF!",
        "T1 tblResultatrakning Personalkostnader Kommentar = #N/A",
        "T1 tblResultatrakning Personalkostnader Periodbudget = 1997-05-24",
        "T1 tblResultatrakning Personalkostnader Prognos helår = 2024-03-31",
      ])
    );
    // Never a serial number: the date in an amount column stays a date text or a Date.
    for (const row of rolled.tables!.history!) expect(typeof row.value).not.toBe("number");
  });

  it("carries a date typed in an amount column as a date", () => {
    expect(rolled.tables!.incomeStatement![0].previousForecast).toEqual(utc(2024, 3, 31));
  });
});

describe("a value longer than a cell holds", () => {
  const long = Array.from({ length: 4000 }, (_, i) => `rad ${String(i).padStart(5, "0")}.`).join(
    ""
  );

  it("is written over continuation rows, each within the cell limit, and read back whole", async () => {
    expect(long.length).toBe(40_000);
    const t1 = modelOf({
      settings: { year: 2024, period: "T1" },
      tables: { incomeStatement: [{ post: "Personalkostnader", comment: long, actual: 1 }] },
    });
    const rolled = rollForward(t1).content;
    const parts = rolled.tables!.history!.filter((r) => r.key === "Personalkostnader");
    expect(parts.map((r) => r.column)).toEqual([
      "Utfall period",
      "Kommentar",
      "Kommentar (forts. 2)",
    ]);
    for (const part of parts)
      expect(String(part.value).length).toBeLessThanOrEqual(MAX_CELL_TEXT_CHARS);
    const t2 = await readBack(rolled);
    const comment = readHistory(t2).find((r) => r.column === "Kommentar");
    expect(comment?.value).toBe(long);
    // Carried on by the next roll exactly as written, still whole.
    const helar = await readBack(rollForward(t2).content);
    expect(readHistory(helar).filter((r) => r.column.startsWith("Kommentar"))).toEqual([
      expect.objectContaining({ period: "T1", column: "Kommentar", value: long }),
    ]);
  });

  it("is split when an earlier Historik holds it in one cell", () => {
    const t2 = modelOf({
      settings: { year: 2024, period: "T2" },
      tables: {
        history: [
          {
            year: 2024,
            period: "T1",
            table: "tblRisker",
            key: "R1",
            column: "Kommentar",
            value: long,
          },
        ],
      },
    });
    const rows = rollForward(t2).content.tables!.history!.filter((r) => r.key === "R1");
    expect(rows.map((r) => [r.period, r.key, r.column])).toEqual([
      ["T1", "R1", "Kommentar"],
      ["T1", "R1", "Kommentar (forts. 2)"],
    ]);
    expect(rows.map((r) => r.value).join("")).toBe(long);
  });
});

/** The Historik sheet's rows as openpyxl reads them: an independent reader. */
async function historikByOpenpyxl(bytes: Uint8Array): Promise<unknown[][]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-historik-"));
  try {
    const file = path.join(dir, "ny.xlsx");
    await fs.writeFile(file, bytes);
    const script =
      "import json, sys, openpyxl\n" +
      "ws = openpyxl.load_workbook(sys.argv[1])['Historik']\n" +
      "print(json.dumps([list(r) for r in ws.iter_rows(values_only=True)], default=str))";
    const run = spawnSync("/usr/bin/python3", ["-c", script, file], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout) as unknown[][];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe("a long comment through nextPeriodWorkbook, read by openpyxl", () => {
  it("stands in Historik within the cell limit, whole when its rows are joined", async () => {
    const long = "Kommentar från delårsrapporten. ".repeat(1250);
    const bytes = await workbookBytes(
      buildWorkbook(LATEST_TEMPLATE, {
        settings: { organisation: "Nämnden", year: 2024, period: "T1" },
        tables: { operatingStatement: [{ activity: "Hemtjänst", comment: long }] },
      })
    );
    const rolled = await nextPeriodWorkbook(bytes, "T1.xlsx");
    const rows = await historikByOpenpyxl(rolled.bytes);
    const parts = rows.filter((r) => r.includes("Hemtjänst"));
    expect(parts.map((r) => r.find((v) => String(v).startsWith("Kommentar")))).toEqual([
      "Kommentar",
      "Kommentar (forts. 2)",
    ]);
    const texts = parts.map((r) => String(r.at(-1)));
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(MAX_CELL_TEXT_CHARS);
    expect(texts.join("")).toBe(long);
  });
});

describe("rolling a period again", () => {
  it("keeps every Historik row: the example year's T1 → T2, set back to T1 and rolled again", async () => {
    const t1 = readFileSync(path.join(__dirname, "../../../templates/exempel-2024-ar/T1.xlsx"));
    const t2 = await nextPeriodWorkbook(t1, "T1.xlsx");
    // 137 of the economy and risks, 49 of the v3 sheets: 22 Bedömning and Analys of 11 mål,
    // 6 Utfall and 9 Målvärde of the indicators, 9 Rapporttext texts, 3 more comments.
    expect(t2.historyTotal).toBe(186);
    const model = parseModel(await readSnapshotFromBuffer(t2.bytes, "T2.xlsx"));
    const setBack = contentOf(model);
    const bytes = await workbookBytes(
      buildWorkbook(LATEST_TEMPLATE, {
        ...setBack,
        settings: { ...setBack.settings, period: "T1" },
      })
    );
    const again = await nextPeriodWorkbook(bytes, "T2.xlsx");
    expect(again.historyTotal).toBeGreaterThanOrEqual(186);
    const before = readHistory(model).map((r) => JSON.stringify(r.written));
    const after = readHistory(parseModel(await readSnapshotFromBuffer(again.bytes, "T2.xlsx"))).map(
      (r) => JSON.stringify(r.written)
    );
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it("never removes another period's rows, even when the workbook is set back past them", () => {
    const rows = ["T1", "T2", "Helår"].map((period) => ({
      year: 2024,
      period,
      table: "tblResultatrakning",
      key: "Personalkostnader",
      column: "Utfall period",
      value: period.length,
    }));
    const rolled = rollForward(
      modelOf(withHistory({ settings: { year: 2024, period: "T1" } }, rows))
    ).content;
    expect(historyOf(rolled)).toEqual(
      expect.arrayContaining([
        "T1 tblResultatrakning Personalkostnader Utfall period = 2",
        "T2 tblResultatrakning Personalkostnader Utfall period = 2",
        "Helår tblResultatrakning Personalkostnader Utfall period = 5",
      ])
    );
  });
});

describe("a Historik larger than Tertial reads", () => {
  it("is refused up front with a Swedish message, nothing written", () => {
    // A Driftsredovisning at the read cap: four values a row (Utfall period, Periodbudget,
    // Prognos helår, Kommentar) would make 200,000 Historik rows, and the assessment 2 more.
    const rows = MAX_TABLE_ROWS;
    const model = modelOf({
      settings: { year: 2024, period: "T1" },
      tables: {
        operatingStatement: Array.from({ length: rows }, (_, i) => ({
          activity: `Verksamhet ${i}`,
          actual: i,
          periodBudget: i,
          forecast: i,
          comment: "k",
        })),
      },
    });
    let refusal: unknown;
    try {
      rollForward(model);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(HistoryTooLargeError);
    expect((refusal as Error).message).toMatch(
      /^enhet\.xlsx: Ny period skrev ingen fil\. Historik i den nya arbetsboken skulle få 200\s002 rader \(200\s002 av dem från T1 2024, flest från bladet Driftsredovisning: 200\s000\), och Tertial läser högst 50\s000 rader i Historik, så den nya arbetsboken skulle inte gå att läsa\. .* dela upp uppföljningen i en arbetsbok per enhet/
    );
  });
});
