import {
  MissingColumnError,
  MissingTableError,
  UnknownTemplateVersionError,
} from "../../src/core/errors";
import { parseModel } from "../../src/core/parse/parseModel";
import { parseSwedishNumber, readDate } from "../../src/core/parse/values";
import type { Snapshot } from "../../src/core/snapshot";
import { cellOf, makeSnapshot } from "../helpers/snapshot";

describe("parseSwedishNumber", () => {
  it.each([
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["\u221251,2", -51.2],
    ["-51,2", -51.2],
    ["0", 0],
    ["12.5", 12.5],
    [" 1 092,2 ", 1092.2],
  ])("reads %j as %d", (text, expected) => expect(parseSwedishNumber(text)).toBe(expected));

  it.each(["", "abc", "1,2,3", "12 34", "1.234,5", "#REF!", "5 %"])("refuses %j", (text) =>
    expect(parseSwedishNumber(text)).toBeNull()
  );
});

describe("readDate", () => {
  it("reads real dates, serial numbers and ISO text as UTC midnight", () => {
    const expected = Date.UTC(2024, 7, 31);
    expect(readDate(new Date(expected))!.getTime()).toBe(expected);
    expect(readDate(new Date(Date.UTC(2024, 7, 30, 23)))!.getTime()).toBe(expected);
    expect(readDate(45535)!.getTime()).toBe(expected);
    expect(readDate("2024-08-31")!.getTime()).toBe(expected);
    expect(readDate("2024-02-30")).toBeNull();
    expect(readDate("31/8 2024")).toBeNull();
  });
});

describe("parseModel", () => {
  it("reads settings, rows with addresses, and skips blank rows", () => {
    const model = parseModel(
      makeSnapshot({
        actions: [
          {
            "Åtgärds-ID": "Å1",
            "Risk-ID": "R1",
            Åtgärd: "Kartlägga",
            Status: "Pågående",
            Slutdatum: "2023-12-31",
          },
          { "Åtgärds-ID": "  ", Åtgärd: null },
          { "Åtgärds-ID": "Å2", "Risk-ID": "R1", Åtgärd: "Följa upp", Status: "pagaende" },
        ],
      })
    );
    expect(model.settings.values).toMatchObject({
      organisation: "Vård- och omsorgsnämnden",
      year: 2024,
      period: "T2",
      unit: "mnkr",
    });
    expect(model.actions).toHaveLength(2);
    const [a1, a2] = model.actions;
    expect(a1.cells.status.value).toBe("Pågående");
    expect(a1.cells.endDate.value).toEqual(new Date(Date.UTC(2023, 11, 31)));
    expect(a1.cells.status.address).toBe(cellOf("actions", "Status", 0));
    expect(a2.row).toBe(6);
    expect(a2.cells.status.value).toBeNull();
    expect(a2.cells.status.raw).toBe("pagaende");
  });

  it("finds columns by header regardless of order, case and stray spaces", () => {
    const snapshot = makeSnapshot({
      risks: [{ "Risk-ID": "R1", Risk: "Brist", Riskhantering: "Hantera" }],
    });
    const tables = snapshot.tables.map((t) =>
      t.name === "tblRisker"
        ? {
            ...t,
            headers: [...t.headers].reverse().map((h) => `\u00a0${h.toUpperCase()} `),
            rows: t.rows.map((r) => [...r].reverse()),
          }
        : t
    );
    const model = parseModel({ ...snapshot, tables });
    expect(model.risks[0].cells.id.value).toBe("R1");
    expect(model.risks[0].cells.treatment.value).toBe("Hantera");
  });

  it("refuses a workbook without a template table, naming its sheet (the table's name for hosts)", () => {
    const snapshot = makeSnapshot();
    const withoutRisks: Snapshot = {
      ...snapshot,
      tables: snapshot.tables.filter((t) => t.name !== "tblRisker"),
    };
    expect(() => parseModel(withoutRisks)).toThrow(MissingTableError);
    expect(() => parseModel(withoutRisks)).toThrow(/saknar tabellen på bladet Risker/);
    expect(() => parseModel(withoutRisks)).toThrow(
      expect.objectContaining({ tableName: "tblRisker", sheet: "Risker" })
    );
  });

  it("refuses a missing required column, naming the table's sheet and the header", () => {
    const snapshot = makeSnapshot();
    const tables = snapshot.tables.map((t) =>
      t.name === "tblAtgarder"
        ? { ...t, headers: t.headers.map((h) => (h === "Status" ? "Läge" : h)) }
        : t
    );
    expect(() => parseModel({ ...snapshot, tables })).toThrow(MissingColumnError);
    expect(() => parseModel({ ...snapshot, tables })).toThrow(
      /tabellen på bladet Åtgärder saknar kolumnen "Status"/
    );
    expect(() => parseModel({ ...snapshot, tables })).toThrow(
      expect.objectContaining({ tableName: "tblAtgarder" })
    );
  });

  it("refuses an unknown Mallversion", () => {
    expect(() => parseModel(makeSnapshot({}, { templateVersion: 99 }))).toThrow(
      UnknownTemplateVersionError
    );
  });
});
