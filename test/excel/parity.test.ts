/**
 * The same workbook through both hosts gives the same report: Generera rapport through the
 * Office.js host (into the recording fake) and the report grids rendered by the exceljs host
 * (src/xlsx/render) and read back from the .xlsx bytes hold the same values, number formats,
 * merges, column widths and print setup (scale, margins, print titles, page breaks) on every
 * report sheet. Also for the example T2 in tkr (its figures widen the columns), and for the
 * example year's T2 and Helår (templates/exempel-2024-ar/), whose Rapport Ekonomi shows
 * the earlier tertial's forecast and, at Helår, the outcome and the prognossäkerhet.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { analyse, generateReport } from "../../src/core/pipeline";
import { reportSheets } from "../../src/core/layout/layout";
import { createOfficeHost } from "../../src/excel/officeHost";
import { generateWorkbookReport } from "../../src/app/workflow";
import type { Snapshot } from "../../src/core/snapshot";
import { sheetGridsWorkbookBytes } from "../../src/xlsx/render/renderSheetGrid";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { makeSnapshot } from "../helpers/snapshot";
import { exampleInUnit } from "../docx/exampleInUnit";
import { FakeExcel } from "./fake/fakeExcel";
import type { SheetState } from "./fake/workbookState";
import { WorkbookState } from "./fake/workbookState";

const snapshot = makeSnapshot(
  {
    incomeStatement: [
      {
        Post: "Taxor och avgifter",
        Typ: "Intäkt",
        "Utfall period": 27.1,
        "Budget helår": 40,
        "Prognos helår": 41,
      },
      {
        Post: "Personalkostnader",
        Typ: "Kostnad",
        "Utfall period": -330.4,
        "Budget helår": -500,
        "Prognos helår": -520.3,
        Kommentar: "=Högre sjukfrånvaro än budgeterat",
      },
      { Post: "Lokalkostnader", Typ: "Kostnad", "Budget helår": -100, "Prognos helår": -99.2 },
    ],
    operatingStatement: [
      {
        Verksamhet: "Hemtjänst",
        Verksamhetsområde: "Äldreomsorg",
        "Budget helår": -300,
        "Prognos helår": -310,
        Kommentar: "-10 mnkr: fler timmar",
      },
      {
        Verksamhet: "Särskilt boende",
        Verksamhetsområde: "Äldreomsorg",
        "Budget helår": -260,
        "Prognos helår": -268.3,
      },
    ],
    volumes: [
      {
        Verksamhet: "Hemtjänst",
        Volymenhet: "Timmar",
        "Volym budget": 346000,
        "Volym prognos": 350000,
      },
    ],
    investments: [
      {
        Investering: "Inventarier",
        "Budget helår": -4.2,
        "Utfall period": -2.1,
        "Prognos helår": -4.2,
      },
    ],
    risks: [
      {
        "Risk-ID": "R1",
        Riskområde: "Kompetensförsörjning",
        Risk: "Brist på sjuksköterskor",
        Riskbeskrivning: "Risk att verksamheten inte kan bemannas.",
        Sannolikhet: 3,
        Konsekvens: 4,
        Riskhantering: "Hantera",
      },
      {
        "Risk-ID": "R2",
        Riskområde: "Ekonomi",
        Risk: "Underskott",
        Sannolikhet: 2,
        Konsekvens: 2,
        Riskhantering: "Bevaka",
      },
    ],
    actions: [
      {
        "Åtgärds-ID": "Å1",
        "Risk-ID": "R1",
        Åtgärd: "Rekrytera",
        Status: "Pågående",
        Slutdatum: new Date(Date.UTC(2024, 11, 31)),
        "Kommentar vid senaste uppföljning": "@HR: annonsering pågår",
        Uppföljningsdatum: new Date(Date.UTC(2024, 7, 15)),
      },
      {
        "Åtgärds-ID": "Å2",
        "Risk-ID": "R1",
        Åtgärd: "Introduktion",
        Status: "Avslutad",
        Slutdatum: new Date(Date.UTC(2024, 3, 30)),
      },
      { "Åtgärds-ID": "Å3", "Risk-ID": "R9", Åtgärd: "Okänd risk", Status: "pågående" },
      // Enough åtgärder for Rapport Riskbild to run over several pages.
      ...Array.from({ length: 40 }, (_, i) => ({
        "Åtgärds-ID": `Å${i + 10}`,
        "Risk-ID": "R2",
        Åtgärd: `Uppföljning ${i + 1}`,
        Status: "Pågående",
        "Kommentar vid senaste uppföljning":
          "Bemanningen följs upp varje månad tillsammans med HR och verksamhetens chefer. ".repeat(
            4
          ),
      })),
    ],
    controls: [
      {
        "Kontroll-ID": "K1",
        "Risk-ID": "R1",
        Process: "Bemanning",
        Kontrollaktivitet: "Stickprov av scheman",
        Tidpunkt: "T2",
        Resultat: "Kontroll genomförd med mindre avvikelse",
        Kommentar: "+2 pass saknade underlag",
      },
      {
        "Kontroll-ID": "K2",
        Process: "Inköp",
        Risk: "Avtalstrohet",
        Kontrollaktivitet: "Granska fakturor",
        Tidpunkt: "T1",
        Resultat: "Kontroll ej genomförd",
      },
    ],
  },
  {},
  "Vård 2024 T2.xlsx"
);

/**
 * A cell as Excel holds it: exceljs formula cells (HYPERLINK) by their result, and cells covered
 * by a merge empty (exceljs reports the merge's value there; Excel keeps it in the top-left cell).
 */
function exceljsValue(cell: ExcelJS.Cell): string | number {
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "formula" in value)
    return (value.result ?? "") as string | number;
  if (typeof value === "object" && "richText" in value)
    return value.richText.map((r) => r.text).join("");
  return value as string | number;
}

function readExceljsSheet(sheet: ExcelJS.Worksheet, rows: number, cols: number) {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const cell = sheet.getCell(r + 1, c + 1);
      return { value: exceljsValue(cell), numFmt: cell.numFmt || "General" };
    })
  );
}

function readFakeSheet(sheet: SheetState, rows: number, cols: number) {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const cell = sheet.cell(r + 1, c + 1);
      return { value: cell?.value ?? "", numFmt: cell?.numberFormat ?? "General" };
    })
  );
}

/** What a sheet prints with: margins in points, titles as `first:last`, rows a page break precedes. */
interface PrintSetupRead {
  readonly scale: number | undefined;
  readonly margins: readonly number[];
  readonly titles: string | null;
  readonly breaksBefore: readonly number[];
}

const MARGINS = ["top", "bottom", "left", "right", "header", "footer"] as const;

/** exceljs reads no page breaks (exceljs#2249): they are read from the sheet's XML. */
async function readExceljsPrint(
  sheet: ExcelJS.Worksheet,
  zip: JSZip,
  index: number
): Promise<PrintSetupRead> {
  const xml = await zip.file(`xl/worksheets/sheet${index}.xml`)!.async("string");
  const margins = sheet.pageSetup.margins!;
  return {
    scale: sheet.pageSetup.fitToPage ? undefined : sheet.pageSetup.scale,
    margins: MARGINS.map((side) => Math.round(margins[side] * 72 * 100) / 100),
    titles: sheet.pageSetup.printTitlesRow?.replace(/\$/g, "") ?? null,
    // A file stores a break after the row above the one that starts the page.
    breaksBefore: [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]) + 1),
  };
}

function readFakePrint(sheet: SheetState): PrintSetupRead {
  const { zoom, margins, printTitleRows } = sheet.pageLayout;
  return {
    scale: zoom?.horizontalFitToPages === undefined ? zoom?.scale : undefined,
    margins: MARGINS.map((side) => margins[`${side}Margin`] ?? Number.NaN),
    titles: printTitleRows?.replace(/\$/g, "") ?? null,
    breaksBefore: sheet.rowBreaks,
  };
}

/** A width read back, to the quarter characters the layout gives (points and 1/256 round it). */
const quarters = (characters: number) => Math.round(characters * 4) / 4;

/** Generera rapport through the Office.js fake and the exceljs renderer: every sheet the same. */
async function expectSameInBothHosts(snapshot: Snapshot) {
  const excel = new FakeExcel(WorkbookState.fromSnapshot(snapshot));
  const host = createOfficeHost({ run: excel.run, isSetSupported: () => true });
  const viaOffice = await generateWorkbookReport(host, () => undefined);

  const grids = reportSheets(generateReport(analyse(snapshot), { linkFindings: true }).doc);
  const bytes = await sheetGridsWorkbookBytes(grids);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );

  expect(viaOffice.sheetNames).toEqual(grids.map((g) => g.name));
  expect(workbook.worksheets.map((w) => w.name)).toEqual(grids.map((g) => g.name));
  const zip = await JSZip.loadAsync(bytes);
  let compared = 0;
  let breaks = 0;
  for (const [index, grid] of grids.entries()) {
    const rows = grid.rows.length;
    const cols = Math.max(grid.columnWidths.length, ...grid.rows.map((r) => r.length));
    const fakeSheet = excel.workbook.sheet(grid.name)!;
    const xlsxSheet = workbook.getWorksheet(grid.name)!;
    expect(readFakeSheet(fakeSheet, rows, cols)).toEqual(readExceljsSheet(xlsxSheet, rows, cols));
    expect([...fakeSheet.merges].sort()).toEqual([...xlsxSheet.model.merges].sort());
    const printed = readFakePrint(fakeSheet);
    expect(printed).toEqual(await readExceljsPrint(xlsxSheet, zip, index + 1));
    expect(printed.breaksBefore).toEqual(grid.print.breaksBefore);
    expect(printed.scale).toBe(grid.print.scale);
    // The column widths the layout fitted to the content, in the grid's characters.
    const fakeWidths = grid.columnWidths.map((_, c) =>
      quarters((fakeSheet.columnWidths.get(c + 1)! / 0.75 - 5) / 7)
    );
    const fileWidths = grid.columnWidths.map((_, c) =>
      quarters(xlsxSheet.getColumn(c + 1).width! - 5 / 7)
    );
    expect([grid.name, fakeWidths]).toEqual([grid.name, grid.columnWidths]);
    expect([grid.name, fileWidths]).toEqual([grid.name, grid.columnWidths]);
    compared += rows * cols;
    breaks += printed.breaksBefore.length;
  }
  return { compared, breaks, excel, grids };
}

const EXAMPLE_YEAR = path.join(__dirname, "..", "..", "templates", "exempel-2024-ar");

describe("parity of the Office.js and exceljs hosts", () => {
  it("gives the same values, number formats, merges, column widths, print titles and page breaks on every report sheet", async () => {
    const { compared, breaks, excel, grids } = await expectSameInBothHosts(snapshot);
    expect(compared).toBeGreaterThan(200);
    expect(breaks).toBeGreaterThan(2);
    // Text that looks like a formula is text in both.
    const economy = excel.workbook.sheet(grids[0].name)!;
    const texts = [...economy.cells.values()].map((c) => c.value);
    expect(texts).toContain("=Högre sjukfrånvaro än budgeterat");
  });

  it("gives the same Rapport Verksamhet (text chapters, mål and indicator tables) in both hosts", async () => {
    const withGoals: Snapshot = makeSnapshot({
      incomeStatement: [
        {
          Post: "Personalkostnader",
          Typ: "Kostnad",
          "Utfall period": -3,
          "Budget helår": -5,
          "Prognos helår": -5,
        },
      ],
      reportText: [
        { Avsnitt: "Sammanfattning", Text: "=Ett stycke som ser ut som en formel.\nOch ett till." },
        { Avsnitt: "Personal", Rubrik: "Sjukfrånvaro", Text: "Sjukfrånvaron minskar." },
      ],
      goals: [
        {
          "Mål-ID": "M1",
          Mål: "Minskad sjukfrånvaro",
          Målnivå: "Nämnd",
          Bedömning: "Delvis uppfyllt",
          Analys: "Minskar.",
        },
        { "Mål-ID": "M2", Mål: "Samordnade processer", Målnivå: "Nämnd" },
      ],
      indicators: [
        {
          "Indikator-ID": "I1",
          "Mål-ID": "M1",
          Indikator: "Sjukfrånvaro",
          Område: "Personal",
          Måttenhet: "%",
          Riktning: "Lägre är bättre",
          "Utfall fg år": 9.1,
          Målvärde: 8,
          Utfall: 8.6,
        },
      ],
    });
    const { excel, grids } = await expectSameInBothHosts(withGoals);
    expect(grids.map((g) => g.name)).toContain("Rapport Verksamhet");
    const activity = [...excel.workbook.sheet("Rapport Verksamhet")!.cells.values()].map(
      (c) => c.value
    );
    expect(activity).toEqual(
      expect.arrayContaining(["Uppföljning av mål", "▲ Delvis uppfyllt", "Sjukfrånvaro (%)", "Nej"])
    );
  });

  it("gives the same column widths, fitted to figures of −1 114 200, for the example T2 in tkr", async () => {
    const { grids } = await expectSameInBothHosts(await exampleInUnit("tkr"));
    const economy = grids.find((g) => g.name === "Rapport Ekonomi")!;
    expect(economy.columnWidths).toHaveLength(11);
  });

  it.each([
    ["T2", "Prognos T1 2024"],
    ["Helår", "Prognossäkerhet"],
  ])("gives the same report sheets for the example year's %s", async (period, shown) => {
    const example = await readSnapshotFromFile(path.join(EXAMPLE_YEAR, `${period}.xlsx`));
    const { compared, excel, grids } = await expectSameInBothHosts(example);
    expect(compared).toBeGreaterThan(1000);
    const economy = [...excel.workbook.sheet(grids[0].name)!.cells.values()].map((c) => c.value);
    expect(economy).toContain(shown);
  });
});
