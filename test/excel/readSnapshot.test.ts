import { MissingTableError, WorkbookTooLargeError } from "../../src/core/errors";
import { MAX_TABLE_ROWS } from "../../src/core/limits";
import { analyse } from "../../src/core/pipeline";
import type { CellValue, Snapshot } from "../../src/core/snapshot";
import { TEMPLATE_TABLE_NAMES } from "../../src/core/template/registry";
import { createOfficeHost } from "../../src/excel/officeHost";
import { HostError } from "../../src/app/appHost";
import { makeSnapshot, type RowSpec } from "../helpers/snapshot";
import { FakeExcel, FakeRichApiError } from "./fake/fakeExcel";
import { WorkbookState } from "./fake/workbookState";

const SERIAL_2024_08_31 = 45535;

function actions(count: number): RowSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    "Åtgärds-ID": `Å${i + 1}`,
    "Risk-ID": "R1",
    Åtgärd: `Åtgärd ${i + 1}: kartlägga och följa upp rutinen`,
    Status: "Pågående",
    Slutdatum: new Date(Date.UTC(2024, 7, 31)),
    "Kommentar vid senaste uppföljning": `Arbetet fortskrider (${i + 1}).`,
  }));
}

function hostOn(snapshot: Snapshot) {
  const excel = new FakeExcel(WorkbookState.fromSnapshot(snapshot));
  return { excel, host: createOfficeHost({ run: excel.run, isSetSupported: () => true }) };
}

/** What Excel hands back for a value: dates as serial numbers. */
function asExcelHasIt(value: CellValue): CellValue {
  return value instanceof Date ? SERIAL_2024_08_31 : value;
}

describe("Office.js host: readSnapshot", () => {
  it("reads every template table with its position, headers and typed values", async () => {
    const snapshot = makeSnapshot(
      {
        actions: actions(2),
        risks: [{ "Risk-ID": "R1", Risk: "Brist", Sannolikhet: 3, Riskvärde: { error: "#REF!" } }],
        investments: [{ Investering: "Inventarier", "Budget helår": -4.2, Kommentar: true }],
      },
      {},
      "Vård 2024 T2.xlsx"
    );
    const { host } = hostOn(snapshot);

    const read = await host.readSnapshot();

    expect(read.fileName).toBe("Vård 2024 T2.xlsx");
    expect(read.sheetNames).toEqual(snapshot.sheetNames);
    expect(read.tables).toHaveLength(snapshot.tables.length);
    for (const expected of snapshot.tables) {
      const table = read.tables.find((t) => t.name === expected.name)!;
      expect(table).toMatchObject({
        sheet: expected.sheet,
        headerRow: expected.headerRow,
        firstColumn: expected.firstColumn,
        headers: expected.headers,
      });
      // Excel keeps one (empty) data row in an empty table.
      const rows = expected.rows.length > 0 ? expected.rows : [expected.headers.map(() => null)];
      expect(table.rows).toEqual(rows.map((row) => row.map(asExcelHasIt)));
    }
    const risk = read.tables.find((t) => t.name === "tblRisker")!;
    expect(risk.rows[0][risk.headers.indexOf("Riskvärde")]).toEqual({ error: "#REF!" });
  });

  it("parses to the same model as the snapshot it was built from (dates via serial numbers)", async () => {
    const snapshot = makeSnapshot({ actions: actions(3) });
    const { host } = hostOn(snapshot);
    const viaExcel = analyse(await host.readSnapshot(), { today: new Date(Date.UTC(2024, 8, 1)) });
    const direct = analyse(snapshot, { today: new Date(Date.UTC(2024, 8, 1)) });
    expect(viaExcel.model.actions.map((a) => a.cells.endDate.value)).toEqual(
      direct.model.actions.map((a) => a.cells.endDate.value)
    );
    expect(viaExcel.findings).toEqual(direct.findings);
  });

  it("finds tables wherever the user moved them and ignores the user's own tables", async () => {
    const base = makeSnapshot({ actions: actions(1) });
    const snapshot: Snapshot = {
      ...base,
      sheetNames: [...base.sheetNames, "Mina anteckningar"],
      tables: [
        ...base.tables.map((t) =>
          t.name === "tblAtgarder" ? { ...t, headerRow: 12, firstColumn: 5 } : t
        ),
        {
          name: "tblEgen",
          sheet: "Mina anteckningar",
          headerRow: 1,
          firstColumn: 1,
          headers: ["Anteckning"],
          rows: [["hej"]],
        },
      ],
    };
    const { host } = hostOn(snapshot);
    const read = await host.readSnapshot();
    expect(read.tables.map((t) => t.name)).not.toContain("tblEgen");
    expect(read.tables.find((t) => t.name === "tblAtgarder")).toMatchObject({
      headerRow: 12,
      firstColumn: 5,
    });
    expect(read.sheetNames).toContain("Mina anteckningar");
  });

  it("uses one round trip and small requests at 100 and at 10,000 rows alike", async () => {
    const measure = async (rows: number) => {
      const { excel, host } = hostOn(makeSnapshot({ actions: actions(rows) }));
      await host.readSnapshot();
      return { syncs: excel.syncs.length, largest: excel.largestRequestBytes, excel };
    };
    const small = await measure(100);
    const large = await measure(10_000);
    expect(small.syncs).toBe(1);
    expect(large.syncs).toBe(small.syncs);
    // Requests only name what to load; the rows come back in the response.
    expect(large.largest).toBe(small.largest);
    // Each request names every table of every version (TEMPLATE_TABLE_NAMES): a few hundred bytes each.
    expect(large.largest).toBeLessThan(600 * TEMPLATE_TABLE_NAMES.length);
    const responses = large.excel.syncs.map((s) => s.responseBytes);
    expect(Math.max(...responses)).toBeGreaterThan(1_000_000);
  });

  it("lets the core refuse a workbook without the template's tables, with the CLI's message", async () => {
    const base = makeSnapshot();
    const snapshot: Snapshot = {
      ...base,
      tables: base.tables.filter((t) => t.name !== "tblAtgarder"),
    };
    const { excel, host } = hostOn(snapshot);
    const read = await host.readSnapshot();
    expect(excel.syncs).toHaveLength(1);
    // The reader asks in the registry's order (older versions' tables first), the core by name.
    const names = (tables: Snapshot["tables"]) => tables.map((t) => t.name).sort();
    expect(names(read.tables)).toEqual(names(snapshot.tables));
    expect(() => analyse(read)).toThrow(MissingTableError);
    expect(() => analyse(read)).toThrow(
      new MissingTableError("test.xlsx", "tblAtgarder", "Åtgärder").message
    );
  });

  it("finds a template table whose name differs in case, under Excel's spelling", async () => {
    const base = makeSnapshot({ actions: actions(2) });
    const snapshot: Snapshot = {
      ...base,
      tables: base.tables.map((t) =>
        t.name === "tblAtgarder" ? { ...t, name: "TBLATGARDER" } : t
      ),
    };
    const { host } = hostOn(snapshot);
    const read = await host.readSnapshot();
    const table = read.tables.find((t) => t.name.toLowerCase() === "tblatgarder");
    expect(table?.name).toBe("TBLATGARDER");
    expect(table?.rows).toHaveLength(2);
    expect(analyse(read).model.actions).toHaveLength(2);
  });

  it("names the Excel version that is too old, in Swedish, before touching the workbook", async () => {
    const excel = new FakeExcel(WorkbookState.fromSnapshot(makeSnapshot()));
    const host = createOfficeHost({
      run: excel.run,
      isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= 1.8,
    });
    await expect(host.readSnapshot()).rejects.toThrow(HostError);
    await expect(host.readSnapshot()).rejects.toThrow(/Excel JavaScript API 1\.9/);
    expect(excel.syncs).toHaveLength(0);
  });

  it("turns Excel's errors into Swedish messages that say what to do", async () => {
    const failing = (code: string) =>
      createOfficeHost({
        run: () => Promise.reject(new FakeRichApiError(code, "Access denied")),
        isSetSupported: () => true,
      });
    await expect(failing("AccessDenied").readSnapshot()).rejects.toThrow(/Skydda arbetsbok/);
    await expect(failing("GeneralException").readSnapshot()).rejects.toThrow(
      /felkod GeneralException\). Försök igen/
    );
    const bug = new TypeError("x is undefined");
    await expect(
      createOfficeHost({
        run: () => Promise.reject(bug),
        isSetSupported: () => true,
      }).readSnapshot()
    ).rejects.toBe(bug);
  });

  it("refuses a table past the reader's row cap with the same Swedish message as the file reader", async () => {
    const { host } = hostOn(makeSnapshot({ actions: actions(MAX_TABLE_ROWS + 1) }));
    const read = host.readSnapshot();
    await expect(read).rejects.toBeInstanceOf(WorkbookTooLargeError);
    await expect(read).rejects.toThrow(
      `har ${(MAX_TABLE_ROWS + 1).toLocaleString("sv-SE")} rader, och Tertial läser högst`
    );
  });
});
