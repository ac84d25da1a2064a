/**
 * The reader on real files written by exceljs: the product's template, with one table laid out
 * the way users and other programs leave it. Each test goes file → readSnapshotFromFile →
 * parseModel and checks values and the cell addresses findings will point at.
 */
import type ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import { parseModel } from "../../src/core/parse/parseModel";
import { loadWorkbook, readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { sheetValidations } from "../../src/xlsx/exceljsShim";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { SAMPLE_CONTENT } from "../../scripts/fixtures/sampleContent";
import {
  editTablePart,
  makeTempDir,
  templateWith,
  writeXlsx,
  type UserTable,
} from "./readTestFiles";

const ACTION_HEADERS = LATEST_TEMPLATE.tables["actions"].columns.map((c) => c.header);
const INCOME_HEADERS = LATEST_TEMPLATE.tables["incomeStatement"].columns.map((c) => c.header);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A row of tblAtgarder in template column order. */
function action(
  id: string,
  status: string,
  extra: Partial<Record<string, ExcelJS.CellValue>> = {}
) {
  const values: Record<string, ExcelJS.CellValue> = {
    "Åtgärds-ID": id,
    "Risk-ID": "R1",
    Åtgärd: `Åtgärd ${id}`,
    Status: status,
    ...extra,
  };
  return ACTION_HEADERS.map((h) => values[h] ?? null);
}

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function readActions(name: string, table: UserTable) {
  const file = await writeXlsx(dir, name, templateWith(SAMPLE_CONTENT, "actions", table));
  const snapshot = await readSnapshotFromFile(file);
  return { snapshot, model: parseModel(snapshot) };
}

describe("readSnapshotFromFile on the product's own template", () => {
  it("reads every table with its position, headers and rows", async () => {
    const file = await writeXlsx(dir, "mall.xlsx", buildWorkbook(LATEST_TEMPLATE, SAMPLE_CONTENT));
    const snapshot = await readSnapshotFromFile(file);
    expect(snapshot.fileName).toBe("mall.xlsx");
    expect(snapshot.tables.map((t) => t.name).sort()).toEqual(
      LATEST_TEMPLATE.tableList.map((t) => t.name).sort()
    );
    const actions = snapshot.tables.find((t) => t.name === "tblAtgarder")!;
    expect(actions).toMatchObject({ sheet: "Åtgärder", headerRow: 3, firstColumn: 1 });
    expect(actions.headers).toEqual(ACTION_HEADERS);
    expect(actions.rows[0]).toEqual([
      "Å1",
      "R1",
      "Utbilda personal i dokumentation",
      "Pågående",
      utc(2024, 12, 31),
      "Verksamhetschef",
      utc(2024, 8, 31),
      "Hälften av enheterna har genomgått utbildningen.",
      null, // Rapporterande enhet (template v2), filled only by consolidation
    ]);

    const model = parseModel(snapshot);
    expect(model.settings.values).toMatchObject({ year: 2024, period: "T2", unit: "mnkr" });
    expect(model.actions.map((a) => [a.cells.id.value, a.cells.status.address])).toEqual([
      ["Å1", "D4"],
      ["Å2", "D5"],
    ]);
  });
});

describe("readSnapshotFromFile on tables as users leave them", () => {
  it("finds a table moved down and right by rows and columns inserted before it", async () => {
    const { snapshot, model } = await readActions("flyttad.xlsx", {
      origin: "C7",
      headers: ACTION_HEADERS,
      rows: [action("Å1", "Pågående"), action("Å2", "Avslutad")],
      cells: { A1: "Åtgärder 2024", C5: "Uppdaterad inför delårsrapporten" },
    });
    expect(snapshot.tables.find((t) => t.name === "tblAtgarder")).toMatchObject({
      headerRow: 7,
      firstColumn: 3,
    });
    expect(model.tables.actions.headerAddress.status).toBe("F7");
    const [first, second] = model.actions;
    expect([first.row, first.cells.id.address, first.cells.status.address]).toEqual([
      8,
      "C8",
      "F8",
    ]);
    expect([second.cells.id.value, second.cells.status.value, second.cells.status.address]).toEqual(
      ["Å2", "Avslutad", "F9"]
    );
  });

  it("reads columns in the order of the sheet and ignores the user's own columns", async () => {
    const headers = [
      "Status",
      "Min anteckning",
      "Åtgärd",
      "Åtgärds-ID",
      "Uppföljningsdatum",
      "Risk-ID",
      "Kommentar vid senaste uppföljning",
      "Ansvarig",
      "Slutdatum",
      "Prioritet",
    ];
    const row = (values: Record<string, ExcelJS.CellValue>) =>
      headers.map((h) => values[h] ?? null);
    const { snapshot, model } = await readActions("omflyttade-kolumner.xlsx", {
      origin: "A3",
      headers,
      rows: [
        row({
          Status: "Avbruten",
          "Min anteckning": "fråga Eva",
          Åtgärd: "Ny rutin",
          "Åtgärds-ID": "Å9",
          "Risk-ID": "R2",
          Slutdatum: utc(2024, 10, 1),
          Prioritet: 1,
        }),
      ],
    });
    expect(snapshot.tables.find((t) => t.name === "tblAtgarder")!.headers).toEqual(headers);
    const [a] = model.actions;
    expect(a.cells.status).toMatchObject({ value: "Avbruten", address: "A4" });
    expect(a.cells.text).toMatchObject({ value: "Ny rutin", address: "C4" });
    expect(a.cells.id).toMatchObject({ value: "Å9", address: "D4" });
    expect(a.cells.riskId).toMatchObject({ value: "R2", address: "F4" });
    expect(a.cells.endDate).toMatchObject({ value: utc(2024, 10, 1), address: "I4" });
    expect(Object.keys(a.cells)).not.toContain("Min anteckning");
  });

  it("skips blank rows inside a table and keeps the sheet rows of the others", async () => {
    const blank = ACTION_HEADERS.map(() => null);
    const spaces = ACTION_HEADERS.map((_, i) => (i % 2 === 0 ? "  " : "\u00a0"));
    const { snapshot, model } = await readActions("tomma-rader.xlsx", {
      origin: "A3",
      headers: ACTION_HEADERS,
      rows: [action("Å1", "Pågående"), blank, spaces, action("Å2", "Avslutad")],
    });
    expect(snapshot.tables.find((t) => t.name === "tblAtgarder")!.rows).toHaveLength(4);
    expect(model.actions.map((a) => [a.row, a.cells.id.value, a.cells.id.address])).toEqual([
      [4, "Å1", "A4"],
      [7, "Å2", "A7"],
    ]);
  });

  it("matches headers with stray and non-breaking spaces and other case, keeping their text", async () => {
    const headers = ACTION_HEADERS.map((h, i) =>
      i === 0 ? ` ${h}` : i === 3 ? `${h.toUpperCase()}\u00a0` : i === 4 ? `\u00a0${h} ` : h
    );
    const { snapshot, model } = await readActions("rubriker.xlsx", {
      origin: "A3",
      headers,
      rows: [action("Å1", "Ej påbörjad", { Slutdatum: utc(2025, 3, 31) })],
    });
    expect(snapshot.tables.find((t) => t.name === "tblAtgarder")!.headers.slice(0, 5)).toEqual([
      " Åtgärds-ID",
      "Risk-ID",
      "Åtgärd",
      "STATUS\u00a0",
      "\u00a0Slutdatum ",
    ]);
    const [a] = model.actions;
    expect(a.cells.id).toMatchObject({ value: "Å1", address: "A4" });
    expect(a.cells.status).toMatchObject({ value: "Ej påbörjad", address: "D4" });
    expect(a.cells.endDate).toMatchObject({ value: utc(2025, 3, 31), address: "E4" });
  });

  it("reads dates typed as real dates, as yyyy-mm-dd text, and refuses other text", async () => {
    const { model } = await readActions("datum.xlsx", {
      origin: "A3",
      headers: ACTION_HEADERS,
      rows: [
        action("Å1", "Pågående", { Slutdatum: utc(2024, 12, 31), Uppföljningsdatum: "2024-08-31" }),
        // A date written as local midnight by a program in Swedish (CEST) time.
        action("Å2", "Pågående", {
          Slutdatum: new Date(Date.UTC(2024, 11, 30, 23)),
          Uppföljningsdatum: "31/8 2024",
        }),
      ],
    });
    const [a1, a2] = model.actions;
    expect(a1.cells.endDate).toMatchObject({ value: utc(2024, 12, 31), address: "E4" });
    expect(a1.cells.followUpDate).toMatchObject({
      value: utc(2024, 8, 31),
      raw: "2024-08-31",
      address: "G4",
    });
    expect(a2.cells.endDate.value).toEqual(utc(2024, 12, 31));
    expect(a2.cells.followUpDate).toMatchObject({ value: null, raw: "31/8 2024", address: "G5" });
  });

  it("gives rich text and hyperlink cells as their text", async () => {
    const { model } = await readActions("formaterad-text.xlsx", {
      origin: "A3",
      headers: ACTION_HEADERS,
      rows: [
        action("Å1", "Pågående", {
          Åtgärd: { richText: [{ text: "Utbilda ", font: { bold: true } }, { text: "personal" }] },
          Ansvarig: { text: "Verksamhetschef", hyperlink: "mailto:verksamhetschef@example.se" },
        }),
      ],
    });
    const [a] = model.actions;
    expect(a.cells.text).toMatchObject({ value: "Utbilda personal", address: "C4" });
    expect(a.cells.responsible).toMatchObject({ value: "Verksamhetschef", address: "F4" });
  });

  it("reads rows Excel added to the table's range, but not rows typed outside it", async () => {
    const table = {
      origin: "A3",
      headers: ACTION_HEADERS,
      rows: [action("Å1", "Pågående"), action("Å2", "Avslutad")],
      cells: { A6: "Å3", B6: "R1", C6: "Inskriven under tabellen", D6: "Pågående" },
    };
    const { model: outside } = await readActions("under-tabellen.xlsx", table);
    expect(outside.actions.map((a) => a.cells.id.value)).toEqual(["Å1", "Å2"]);

    // Excel grows the table when the user types in the row just below it: only the range changes.
    const bytes = await workbookBytes(templateWith(SAMPLE_CONTENT, "actions", table));
    const grown = await editTablePart(bytes, "tblAtgarder", (xml) =>
      xml.replace(/ref="A3:([A-Z]+)5"/g, 'ref="A3:$16"')
    );
    const snapshot = await readSnapshotFromFile(await writeXlsx(dir, "utokad.xlsx", grown));
    const model = parseModel(snapshot);
    expect(model.actions.map((a) => a.cells.id.value)).toEqual(["Å1", "Å2", "Å3"]);
    expect(model.actions[2].cells.status).toMatchObject({ value: "Pågående", address: "D6" });
  });

  it("does not read a table's totals row as data", async () => {
    const { snapshot, model } = await readActions("summarad.xlsx", {
      origin: "A3",
      headers: ACTION_HEADERS,
      rows: [action("Å1", "Pågående"), action("Å2", "Avslutad")],
      totalsRow: true,
    });
    const table = snapshot.tables.find((t) => t.name === "tblAtgarder")!;
    expect(table.rows).toHaveLength(2);
    expect(model.actions.map((a) => a.cells.id.value)).toEqual(["Å1", "Å2"]);
  });
});

describe("readSnapshotFromFile on amounts, formulas and errors", () => {
  const line = (values: Record<string, ExcelJS.CellValue>) =>
    INCOME_HEADERS.map((h) => values[h] ?? null);

  async function readIncome(name: string, rows: ExcelJS.CellValue[][], cells = {}) {
    const file = await writeXlsx(
      dir,
      name,
      templateWith(SAMPLE_CONTENT, "incomeStatement", {
        origin: "A3",
        headers: INCOME_HEADERS,
        rows,
        cells,
      })
    );
    return parseModel(await readSnapshotFromFile(file)).incomeStatement;
  }

  it("reads amounts typed as Swedish text and keeps what the user typed", async () => {
    const [taxes, staff, other] = await readIncome("belopp-som-text.xlsx", [
      line({ Post: "Taxor", Typ: "Intäkt", "Utfall period": "1 234,5", "Budget helår": 1800 }),
      line({
        Post: "Personal",
        Typ: "Kostnad",
        "Utfall period": "\u221251,2",
        "Budget helår": "1\u00a0092,2",
      }),
      line({ Post: "Övrigt", Typ: "Kostnad", "Utfall period": "12,5 mnkr" }),
    ]);
    expect(taxes.cells.actual).toMatchObject({ value: 1234.5, raw: "1 234,5", address: "E4" });
    expect(taxes.cells.budget).toMatchObject({ value: 1800, address: "G4" });
    expect(staff.cells.actual).toMatchObject({ value: -51.2, raw: "\u221251,2", address: "E5" });
    expect(staff.cells.budget).toMatchObject({ value: 1092.2, address: "G5" });
    expect(other.cells.actual).toMatchObject({ value: null, raw: "12,5 mnkr", address: "E6" });
  });

  it("gives formula cells their cached result, or nothing when none was saved", async () => {
    const [cached, uncached] = await readIncome(
      "formler.xlsx",
      [
        line({
          Post: "Taxor",
          Typ: "Intäkt",
          "Budget helår": 62,
          "Prognos helår": { formula: "G4+1.5", result: 63.5 },
          "Avvikelse prognos mot budget": { formula: "H4-G4", result: 1.5 },
        }),
        line({
          Post: "Personal",
          Typ: "Kostnad",
          "Budget helår": -712.9,
          "Prognos helår": { formula: "G5*1.05" },
          "Avvikelse prognos mot budget": { formula: "H5-G5" },
        }),
      ],
      {
        // A shared formula, as Excel writes a formula filled down a column.
        E4: { formula: "C4*0.7", result: 42.9, shareType: "shared", ref: "E4:E5" },
        E5: { sharedFormula: "E4", result: -491.7 },
      }
    );
    expect(cached.cells.forecast).toMatchObject({ value: 63.5, raw: 63.5, address: "H4" });
    // Template v2: Prognos föregående tertial and Prognosförändring sit between (I, J).
    expect(cached.cells.deviation).toMatchObject({ value: null, raw: 1.5, address: "K4" });
    expect(cached.cells.actual).toMatchObject({ value: 42.9, address: "E4" });
    expect(uncached.cells.forecast).toMatchObject({ value: null, raw: null, address: "H5" });
    expect(uncached.cells.deviation).toMatchObject({ raw: null, address: "K5" });
    expect(uncached.cells.actual).toMatchObject({ value: -491.7, address: "E5" });
  });

  it("keeps Excel error values, typed or computed, as errors", async () => {
    const [line1] = await readIncome("fel.xlsx", [
      line({
        Post: "Taxor",
        Typ: "Intäkt",
        "Budget helår": { error: "#REF!" },
        "Prognos helår": { formula: "G4/0", result: { error: "#DIV/0!" } },
      }),
    ]);
    expect(line1.cells.budget).toMatchObject({
      value: null,
      raw: { error: "#REF!" },
      address: "G4",
    });
    expect(line1.cells.forecast).toMatchObject({
      value: null,
      raw: { error: "#DIV/0!" },
      address: "H4",
    });
  });
});

describe("data validations", () => {
  it("reads a sheet with a whole-column validation without loading the validation", async () => {
    const workbook = buildWorkbook(LATEST_TEMPLATE, SAMPLE_CONTENT);
    sheetValidations(workbook.getWorksheet("Åtgärder")!).add("D1:D1048576", {
      type: "list",
      allowBlank: true,
      formulae: ["Listor!$F$2:$F$5"],
    });
    const bytes = await workbookBytes(workbook);
    const loaded = await loadWorkbook(bytes, "validering.xlsx");
    for (const sheet of loaded.worksheets) {
      expect(Object.keys(sheetValidations(sheet).model)).toHaveLength(0);
    }
    const file = await writeXlsx(dir, "validering.xlsx", bytes);
    const model = parseModel(await readSnapshotFromFile(file));
    expect(model.actions.map((a) => [a.cells.status.value, a.cells.status.address])).toEqual([
      ["Pågående", "D4"],
      ["Avslutad", "D5"],
    ]);
  });
});

describe("readSnapshotFromBuffer", () => {
  it("reads an ArrayBuffer (as a browser gives a dropped file) and names it as told", async () => {
    const bytes = await workbookBytes(buildWorkbook(LATEST_TEMPLATE, SAMPLE_CONTENT));
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const snapshot = await readSnapshotFromBuffer(copy as ArrayBuffer, "Vård och omsorg T2.xlsx");
    expect(snapshot.fileName).toBe("Vård och omsorg T2.xlsx");
    expect(parseModel(snapshot).risks.map((r) => r.cells.id.value)).toEqual(["R1", "R2"]);
  });
});
