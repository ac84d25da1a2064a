import type { Snapshot } from "../../../src/core/snapshot";
import { parseModel } from "../../../src/core/parse/parseModel";
import { type SettingKey } from "../../../src/core/template/definition";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import { TEMPLATE_V1 } from "../../../src/core/template/v1";
import { cellOf, HEADER_ROW, FIRST_COLUMN, makeSnapshot, snapshotOf } from "../../helpers/snapshot";
import { findings, findingsOf, findingsV2, LEDGER_CELLS, LEDGERS, withCode } from "./run";

const SHEET = "Inställningar";
const TABLE_CELL = `${String.fromCharCode(64 + FIRST_COLUMN)}${HEADER_ROW}`;

/** The Värde cell of a setting in a makeSnapshot workbook. */
const valueCell = (key: SettingKey) =>
  cellOf(
    "settings",
    "Värde",
    LATEST_TEMPLATE.settingRows.findIndex((s) => s.key === key)
  );
const nameCell = (index: number) => cellOf("settings", "Inställning", index);

function withSettingsRows(snapshot: Snapshot, edit: (rows: unknown[][]) => unknown[][]): Snapshot {
  return {
    ...snapshot,
    tables: snapshot.tables.map((t) =>
      t.name === "tblInstallningar"
        ? { ...t, rows: edit(t.rows.map((r) => [...r])) as Snapshot["tables"][0]["rows"] }
        : t
    ),
  };
}

const withoutRow = (label: string) =>
  withSettingsRows(makeSnapshot(LEDGERS), (rows) => rows.filter((r) => r[0] !== label));

describe("installning-saknas", () => {
  it("points a missing setting row at the settings table's header cell", () => {
    const found = withCode(findingsOf(withoutRow("År")), "installning-saknas");
    expect(found).toEqual([
      expect.objectContaining({ severity: "fel", sheet: SHEET, cell: TABLE_CELL }),
    ]);
    expect(found[0].message).toContain("Inställningen År saknas");
  });

  it("points an empty required value at its Värde cell", () => {
    const found = withCode(findings({}, { organisation: "  " }), "installning-saknas");
    expect(found.map((f) => f.cell)).toEqual([valueCell("organisation")]);
    expect(found[0].message).toMatch(/^Organisation är inte ifylld/);
  });

  it("tells what to write when Mallversion is missing", () => {
    const found = withCode(findings({}, { templateVersion: null }), "installning-saknas");
    expect(found).toEqual([
      expect.objectContaining({ severity: "fel", cell: valueCell("templateVersion") }),
    ]);
    // A blank Mallversion reads as the latest version, so the message names it.
    expect(found[0].message).toContain(`Skriv ${LATEST_TEMPLATE.version}`);
  });

  it("leaves optional settings alone", () => {
    const all = findings({}, { assessmentAnalysis: null });
    expect(all).toEqual([]);
    expect(
      withCode(findingsOf(withoutRow("Analys intern kontroll")), "installning-saknas")
    ).toEqual([]);
  });
});

describe("installning-ogiltig", () => {
  it.each([
    [24, "24"],
    [2024.5, "2024,5"],
    ["tjugo", '"tjugo"'],
  ])("refuses År %j", (year, quoted) => {
    const found = withCode(findings({}, { year }), "installning-ogiltig");
    expect(found).toEqual([expect.objectContaining({ severity: "fel", cell: valueCell("year") })]);
    expect(found[0].message).toContain(`År ${quoted} är inget rimligt räkenskapsår`);
  });

  it("accepts År typed as text", () => {
    expect(findings({}, { year: "2024" })).toEqual([]);
  });

  it("suggests the right spelling of a near-miss Period and lists the values otherwise", () => {
    const nearMiss = withCode(findings({}, { period: "t2 " }), "installning-ogiltig");
    expect(nearMiss.map((f) => f.cell)).toEqual([valueCell("period")]);
    expect(nearMiss[0].message).toContain("Skriv T2");
    const wrong = withCode(findings({}, { period: "Q3" }), "installning-ogiltig");
    expect(wrong[0].message).toContain("Välj T1, T2 eller Helår");
  });

  it("checks template v2's ready-mark: Klarmarkerad from its list, Klarmarkerad datum a date", () => {
    // Typed by hand on a v2 workbook (on v3 a hand-typed Ja is also klarmarkering-utan-kontrollsumma).
    expect(
      findingsV2(
        {},
        { readyMark: "Ja", readyBy: "Eva Ekonom", readyDate: new Date(Date.UTC(2024, 8, 10)) }
      )
    ).toEqual([]);
    expect(findings({}, { readyDate: "2024-09-10" })).toEqual([]);
    const mark = withCode(findings({}, { readyMark: "ja" }), "installning-ogiltig");
    expect(mark.map((f) => f.cell)).toEqual([valueCell("readyMark")]);
    expect(mark[0].message).toContain("Skriv Ja");
    const date = withCode(findings({}, { readyDate: "i fredags" }), "installning-ogiltig");
    expect(date).toEqual([
      expect.objectContaining({ severity: "fel", cell: valueCell("readyDate") }),
    ]);
    expect(date[0].message).toBe(
      'Klarmarkerad datum "i fredags" är inget datum. Skriv datumet som åååå-mm-dd, t.ex. 2024-08-31.'
    );
  });

  it("suggests mnkr for Mnkr", () => {
    const found = withCode(findings({}, { unit: "Mnkr" }), "installning-ogiltig");
    expect(found[0].message).toContain("Skriv mnkr");
  });

  it.each([[-1], ["5 %"], [true]])("refuses the threshold %j", (value) => {
    const found = withCode(findings({}, { materialPercent: value }), "installning-ogiltig");
    expect(found.map((f) => f.cell)).toEqual([valueCell("materialPercent")]);
    expect(found[0].message).toContain("Väsentlig avvikelse procent");
  });

  it("accepts thresholds of 0 and Swedish number text", () => {
    expect(findings({}, { materialAmount: "1,0", materialPercent: 0 })).toEqual([]);
  });
});

describe("Väsentlig avvikelse villkor (optional; template v1 has no row for it)", () => {
  // Given, the row follows Väsentlig avvikelse procent, as template v2 writes it (among the rows
  // written: a later version's setting, such as v3's Rapportenhet, has none).
  const conditionCell = cellOf(
    "settings",
    "Värde",
    LATEST_TEMPLATE.settings
      .filter(
        (s) =>
          s.key === "materialCondition" || LATEST_TEMPLATE.settingRows.some((r) => r.key === s.key)
      )
      .findIndex((s) => s.key === "materialCondition")
  );

  it("is not in the v1 template's rows, and a workbook without it is fine", () => {
    expect(TEMPLATE_V1.settingRows.map((s) => s.key)).not.toContain("materialCondition");
    const v1 = snapshotOf(
      { settings: { templateVersion: 1 }, tables: LEDGER_CELLS },
      "v1.xlsx",
      TEMPLATE_V1
    );
    expect(findingsOf(v1)).toEqual([]);
    expect(parseModel(v1).settings.values.materialCondition).toBeNull();
  });

  it.each(["Belopp eller procent", "Belopp och procent"])(
    "reads %s when the row is there",
    (value) => {
      const snapshot = makeSnapshot(LEDGERS, { materialCondition: value });
      expect(findingsOf(snapshot)).toEqual([]);
      expect(parseModel(snapshot).settings.values.materialCondition).toBe(value);
    }
  );

  it("refuses an unknown value at its cell, and leaves an empty one alone", () => {
    const found = findings({}, { materialCondition: "Både och" });
    expect(found).toEqual([
      expect.objectContaining({
        code: "installning-ogiltig",
        severity: "fel",
        cell: conditionCell,
      }),
    ]);
    expect(found[0].message).toBe(
      'Väsentlig avvikelse villkor "Både och" är inget tillåtet värde. ' +
        'Välj "Belopp eller procent" eller "Belopp och procent".'
    );
    const nearMiss = findings({}, { materialCondition: "belopp och procent" });
    expect(nearMiss[0].message).toContain("Skriv Belopp och procent");
    expect(findings({}, { materialCondition: null })).toEqual([]);
  });
});

describe("installning-okand and installning-dubblett", () => {
  it("warns about an unknown setting name and suggests the one meant", () => {
    const snapshot = withSettingsRows(makeSnapshot(LEDGERS), (rows) =>
      rows.map((r) => (r[0] === "Period" ? ["Perod", r[1]] : r))
    );
    const all = findingsOf(snapshot);
    const unknown = withCode(all, "installning-okand");
    const periodIndex = LATEST_TEMPLATE.settingRows.findIndex((s) => s.key === "period");
    expect(unknown).toEqual([
      expect.objectContaining({ severity: "varning", cell: nameCell(periodIndex) }),
    ]);
    expect(unknown[0].message).toContain("Menar du Period?");
    // …and the setting itself is then missing.
    expect(withCode(all, "installning-saknas")[0].message).toContain("Period");
  });

  it("accepts setting names in another case or with stray spaces", () => {
    const snapshot = withSettingsRows(makeSnapshot(LEDGERS), (rows) =>
      rows.map((r) => (r[0] === "Enhet" ? [" ENHET\u00a0", r[1]] : r))
    );
    expect(findingsOf(snapshot)).toEqual([]);
  });

  it("refuses a setting given twice, pointing at the second and naming the first", () => {
    const snapshot = withSettingsRows(makeSnapshot(LEDGERS), (rows) => [...rows, ["År", 2023]]);
    const found = withCode(findingsOf(snapshot), "installning-dubblett");
    const yearIndex = LATEST_TEMPLATE.settingRows.findIndex((s) => s.key === "year");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        cell: nameCell(LATEST_TEMPLATE.settingRows.length),
      }),
    ]);
    expect(found[0].message).toContain(nameCell(yearIndex));
  });
});

describe("bedomning-saknas", () => {
  it.each(["T2", "Helår"])("warns when the assessment is empty at %s", (period) => {
    const found = withCode(findings({}, { period, assessment: null }), "bedomning-saknas");
    expect(found).toEqual([
      expect.objectContaining({ severity: "varning", sheet: SHEET, cell: valueCell("assessment") }),
    ]);
  });

  it("does not ask for an assessment at T1", () => {
    expect(findings({}, { period: "T1", assessment: null })).toEqual([]);
  });

  it("points at the table when the assessment row is missing", () => {
    const found = withCode(
      findingsOf(withoutRow("Bedömning av intern kontroll")),
      "bedomning-saknas"
    );
    expect(found.map((f) => f.cell)).toEqual([TABLE_CELL]);
  });
});
