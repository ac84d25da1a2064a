/**
 * Tables whose columns carry child elements, as Excel writes every calculated column: exceljs
 * cannot load them (#1240), so the reader empties the columns first.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { tableColumnsForExceljs } from "../../src/xlsx/read/tableColumns";

const EXCEL_COLUMNS =
  '<tableColumns count="3"><tableColumn id="1" xr3:uid="{A}" name="Antal"/>' +
  '<tableColumn id="2" name="Pris" dataDxfId="1"/>' +
  '<tableColumn id="3" xr3:uid="{C}" name="Summa" totalsRowFunction="custom">' +
  "<calculatedColumnFormula>tblVolymer[[#This Row],[Antal]]*tblVolymer[[#This Row],[Pris]]</calculatedColumnFormula>" +
  "<totalsRowFormula>SUBTOTAL(109,tblVolymer[Summa])</totalsRowFormula></tableColumn></tableColumns>";

describe("tableColumnsForExceljs", () => {
  it("empties the columns that have children and keeps their attributes", () => {
    expect(tableColumnsForExceljs(EXCEL_COLUMNS)).toBe(
      '<tableColumns count="3"><tableColumn id="1" xr3:uid="{A}" name="Antal"/>' +
        '<tableColumn id="2" name="Pris" dataDxfId="1"/>' +
        '<tableColumn id="3" xr3:uid="{C}" name="Summa" totalsRowFunction="custom"/></tableColumns>'
    );
  });

  it("handles a namespace prefix, and leaves a table without children alone", () => {
    expect(
      tableColumnsForExceljs(
        '<x:tableColumn id="1" name="A"><x:calculatedColumnFormula>1</x:calculatedColumnFormula></x:tableColumn>'
      )
    ).toBe('<x:tableColumn id="1" name="A"/>');
    expect(tableColumnsForExceljs('<tableColumn id="1" name="A"/>')).toBeNull();
  });
});

describe("a table with a calculated column, as Excel saves it", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad1").addTable({
      name: "tblVolymer",
      ref: "A1",
      // Filter buttons on, as in the template; the calculated column is not the last one.
      columns: [
        { name: "Antal", filterButton: true },
        { name: "Summa", filterButton: true },
        { name: "Pris", filterButton: true },
      ],
      rows: [
        [2, { formula: "A2*C2", result: 20 }, 10],
        [3, { formula: "A3*C3", result: 15 }, 5],
      ],
    });
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const part = "xl/tables/table1.xml";
    const xml = await zip.file(part)!.async("string");
    zip.file(
      part,
      xml.replace(
        /<tableColumn id="2"([^>]*)\/>/,
        '<tableColumn id="2"$1><calculatedColumnFormula>tblVolymer[[#This Row],[Antal]]*tblVolymer[[#This Row],[Pris]]</calculatedColumnFormula></tableColumn>'
      )
    );
    bytes = await zip.generateAsync({ type: "uint8array" });
    expect(await zip.file(part)!.async("string")).toContain("<calculatedColumnFormula>");
  });

  it("is more than exceljs alone can load", async () => {
    await expect(new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer)).rejects.toThrow(
      "filterButton"
    );
  });

  it("reads with every column, values and cached results", async () => {
    const snapshot = await readSnapshotFromBuffer(bytes, "beräknad.xlsx");
    expect(snapshot.tables).toHaveLength(1);
    expect(snapshot.tables[0]).toMatchObject({
      name: "tblVolymer",
      headers: ["Antal", "Summa", "Pris"],
      rows: [
        [2, 20, 10],
        [3, 15, 5],
      ],
    });
  });
});
