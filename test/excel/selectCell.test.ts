import { createOfficeHost } from "../../src/excel/officeHost";
import { HostError } from "../../src/app/appHost";
import { makeSnapshot } from "../helpers/snapshot";
import { FakeExcel } from "./fake/fakeExcel";
import { WorkbookState } from "./fake/workbookState";

function setup() {
  const excel = new FakeExcel(WorkbookState.fromSnapshot(makeSnapshot()));
  return { excel, host: createOfficeHost({ run: excel.run, isSetSupported: () => true }) };
}

describe("Office.js host: showing a cell", () => {
  it("activates the sheet and selects the cell in one round trip", async () => {
    const { excel, host } = setup();
    const sheet = excel.workbook.sheets[1].name;
    await host.selectCell!(sheet.toUpperCase(), "D7");
    expect(excel.syncs).toHaveLength(1);
    expect(excel.workbook.activeSheet).toBe(sheet);
    expect(excel.workbook.selection).toEqual({ sheet, address: "D7" });
  });

  it("says in Swedish that a sheet is gone, and changes nothing", async () => {
    const { excel, host } = setup();
    const active = excel.workbook.activeSheet;
    const shown = host.showSheet!("Rapport ekonomi");
    await expect(shown).rejects.toThrow(HostError);
    await expect(shown).rejects.toThrow(
      'Bladet "Rapport ekonomi" finns inte längre i arbetsboken. Kör Validera igen för att uppdatera listan.'
    );
    expect(excel.workbook.activeSheet).toBe(active);
    expect(excel.workbook.selection).toBeUndefined();
  });
});
