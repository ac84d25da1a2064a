import { makeSnapshot } from "../helpers/snapshot";
import { FakeExcel } from "./fake/fakeExcel";
import { WorkbookState } from "./fake/workbookState";

/** The fake must fail where Excel fails, or the host's tests prove nothing about Excel. */
describe("the recording fake's null objects (as Office.js has them)", () => {
  const excel = () => new FakeExcel(WorkbookState.fromSnapshot(makeSnapshot()));

  it("knows isNullObject only after the sync, without a load", async () => {
    const fake = excel();
    await fake.run(async (context) => {
      const missing = context.workbook.tables.getItemOrNullObject("tblSaknas");
      const present = context.workbook.tables.getItemOrNullObject("TBLRISKER");
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      expect(() => present.isNullObject).toThrow(/PropertyNotLoaded/);
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("tblRisker");
    });
    expect(fake.syncs).toHaveLength(1);
  });

  it("lets a batch load through a null table, and never hands its properties out", async () => {
    const fake = excel();
    await fake.run(async (context) => {
      const missing = context.workbook.tables.getItemOrNullObject("tblSaknas");
      missing.load("name");
      missing.worksheet.load("name");
      const body = missing.getDataBodyRange();
      body.load("values, address");
      await context.sync();
      expect(() => missing.name).toThrow(/null object/);
      expect(missing.worksheet.isNullObject).toBe(true);
      expect(() => missing.worksheet.name).toThrow(/null object/);
      expect(() => body.values).toThrow(/PropertyNotLoaded/);
    });
    expect(fake.syncs[0].responseBytes).toBe(0);
  });

  it("drops writes through a null object but fails the batch for getItem of a missing sheet", async () => {
    const fake = excel();
    const before = fake.workbook.sheets.map((s) => s.name);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Saknas").getRange("A1").values = [["x"]];
      context.workbook.tables.getItemOrNullObject("tblSaknas").worksheet.delete();
      await context.sync();
    });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(before);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Saknas").getRange("A1").values = [["x"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
