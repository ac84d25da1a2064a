/**
 * Resultaträkning and driftsredovisning whose totals differ within rounding: the nämnd's text says
 * so once, under the driftsredovisning, and nothing claims that they agree; through workbooks
 * written and read back, and on the example year's Helår.
 */
import path from "node:path";
import { analyse, generateReport } from "../../../src/core/pipeline";
import { boardSheets, type ReportSheet } from "../../../src/core/report/reportDoc";
import type { RowOf, WorkbookContent } from "../../../src/core/template/content";
import { readSnapshotFromFile } from "../../../src/xlsx/read/readSnapshotFromFile";
import { writtenSnapshot } from "../../helpers/writtenSnapshot";

const NBSP = "\u00a0";
const TODAY = new Date(Date.UTC(2024, 8, 20));
const HELAR = path.join(__dirname, "..", "..", "..", "templates", "exempel-2024-ar", "Helår.xlsx");

const cost = (post: string, budget: number, forecast: number): RowOf<"incomeStatement"> => ({
  post,
  type: "Kostnad",
  actual: -20,
  budget,
  forecast,
});
const activity = (name: string, budget: number, forecast: number): RowOf<"operatingStatement"> => ({
  activity: name,
  actual: -20,
  budget,
  forecast,
});

/** A T2 workbook whose driftsredovisning's Prognos helår is `forecasts`, written and read back. */
async function economyOf(forecasts: readonly number[]) {
  const content: WorkbookContent = {
    settings: {
      organisation: "Nämnden",
      year: 2024,
      period: "T2",
      unit: "mnkr",
      templateVersion: 2,
    },
    tables: {
      incomeStatement: [cost("Personalkostnader", -60.2, -62.4), cost("Lokalhyror", -20.1, -20.1)],
      operatingStatement: [
        activity("Hemtjänst", -40.1, forecasts[0]),
        activity("Särskilt boende", -40.2, forecasts[1]),
      ],
    },
  };
  const { doc } = generateReport(
    analyse(await writtenSnapshot(content, "n.xlsx"), { today: TODAY })
  );
  const economy = (sheets: readonly ReportSheet[]) =>
    sheets.find((s) => s.name === "Rapport Ekonomi")!;
  // What the nämnd reads (a final report without the avstämning), and the whole sheet.
  return { board: economy(boardSheets(doc)), whole: economy(doc.sheets) };
}

const paragraphs = (sheet: ReportSheet) =>
  sheet.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
const roundingNotes = (sheet: ReportSheet) =>
  paragraphs(sheet).filter((t) => /Avrundningsdifferenser/i.test(t));

describe("totals that differ within rounding", () => {
  // Prognos helår: −82,5 in the resultaträkning, −82,4 in the driftsredovisning.
  const WITHIN = [-41.3, -41.1];

  it("are explained once, under the driftsredovisning, with the largest difference", async () => {
    const sheet = (await economyOf(WITHIN)).board;
    expect(roundingNotes(sheet)).toEqual([
      `Summorna i resultaträkningen och driftsredovisningen skiljer sig med upp till 0,1${NBSP}mnkr, ` +
        "eftersom beloppen är avrundade var för sig. Avrundningsdifferenser kan förekomma.",
    ]);
    const table = sheet.blocks.findIndex(
      (b) => b.kind === "heading" && b.text === "Driftsredovisning"
    );
    const note = sheet.blocks.findIndex(
      (b) => b.kind === "paragraph" && b.text.startsWith("Summorna")
    );
    expect(sheet.blocks[note - 1]).toEqual(expect.objectContaining({ kind: "table" }));
    expect(note).toBeGreaterThan(table);
  });

  it("are never said to agree: the avstämning names the columns that differ", async () => {
    const reconciliation = paragraphs((await economyOf(WITHIN)).whole).find((t) =>
      t.startsWith("Summa totalt")
    );
    expect(reconciliation).toBe(
      "Summa totalt i resultaträkningen och Totalt i driftsredovisningen stämmer överens i " +
        "kolumnerna Utfall period och Budget helår. I kolumnen Prognos helår skiljer sig summorna " +
        `med 0,1${NBSP}mnkr, vilket avrundningen av de inmatade beloppen förklarar.`
    );
  });

  it("say nothing when the totals tie, and the avstämning says they agree", async () => {
    const { board, whole } = await economyOf([-41.4, -41.1]);
    expect(roundingNotes(board)).toEqual([]);
    expect(paragraphs(whole)).toContain(
      "Summa totalt i resultaträkningen och Totalt i driftsredovisningen stämmer överens i " +
        "samtliga kolumner: Utfall period, Budget helår och Prognos helår."
    );
  });

  it("say nothing of rounding when a difference is larger than rounding explains (a fel)", async () => {
    const sheet = (await economyOf([-43.3, -41.1])).board;
    expect(roundingNotes(sheet)).toEqual([]);
    expect(paragraphs(sheet).join(" ")).toMatch(
      /I kolumnen Prognos helår stämmer tabellerna inte överens/
    );
  });
});

it("explains the example year's Helår totals (−46,3 and −46,1 mnkr against budget)", async () => {
  const { doc } = generateReport(analyse(await readSnapshotFromFile(HELAR), { today: TODAY }));
  const economy = boardSheets(doc).find((s) => s.name === "Rapport Ekonomi")!;
  expect(roundingNotes(economy)).toEqual([
    expect.stringContaining(`skiljer sig med upp till 0,2${NBSP}mnkr`),
  ]);
  expect(paragraphs(economy).join(" ")).not.toMatch(/stämmer överens i samtliga/);
});
