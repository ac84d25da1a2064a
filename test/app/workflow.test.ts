import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { createOfficeHost } from "../../src/excel/officeHost";
import type { Step } from "../../src/app/progress";
import { generateWorkbookReport, validateWorkbook } from "../../src/app/workflow";
import { FakeExcel } from "../excel/fake/fakeExcel";
import { WorkbookState } from "../excel/fake/workbookState";
import { makeSnapshot } from "../helpers/snapshot";

const NBSP = "\u00a0";
const MINUS = "\u2212";

function workbook() {
  const snapshot = makeSnapshot({
    incomeStatement: [
      { Post: "Taxor och avgifter", Typ: "Intäkt", "Budget helår": 40, "Prognos helår": 41 },
      { Post: "Personalkostnader", Typ: "Kostnad", "Budget helår": -500, "Prognos helår": -520 },
      { Post: "Lokalkostnader", Typ: "Kostnad", "Budget helår": -100, "Prognos helår": -103 },
      { Post: "Köp av verksamhet", Typ: "Kostnad", "Budget helår": -200, "Prognos helår": -199.5 },
    ],
    actions: [{ "Åtgärds-ID": "Å1", "Risk-ID": "R9", Åtgärd: "Följa upp", Status: "pagaende" }],
  });
  const excel = new FakeExcel(WorkbookState.fromSnapshot(snapshot));
  return { excel, host: createOfficeHost({ run: excel.run, isSetSupported: () => true }) };
}

describe("workflow", () => {
  it("Validera reads and checks, names each step, and writes nothing", async () => {
    const { excel, host } = workbook();
    const steps: Step[] = [];
    const result = await validateWorkbook(host, (s) => steps.push(s));
    expect(steps).toEqual(["read", "check"]);
    expect(result.header).toEqual({
      fileName: "test.xlsx",
      organisation: "Vård- och omsorgsnämnden",
      year: "2024",
      period: "T2",
      templateVersion: String(LATEST_TEMPLATE.version),
    });
    expect(
      result.analysis.findings.some((f) => f.sheet === "Åtgärder" && f.severity === "fel")
    ).toBe(true);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(makeSnapshot().sheetNames);
  });

  it("Generera rapport writes the report sheets and sums up the result", async () => {
    const { excel, host } = workbook();
    const steps: Step[] = [];
    const result = await generateWorkbookReport(host, (s) => steps.push(s));
    expect(steps).toEqual(["read", "check", "compute", "write"]);
    expect(result.sheetNames.length).toBeGreaterThan(0);
    for (const name of result.sheetNames) expect(excel.workbook.sheet(name)).toBeDefined();
    expect(result.counts.fel).toBe(
      result.analysis.findings.filter((f) => f.severity === "fel").length
    );
    expect(result.summary.totalForecast).toBe(`${MINUS}781,5${NBSP}mnkr`);
    expect(result.summary.totalDeviation).toBe(`${MINUS}21,5${NBSP}mnkr`);
    expect(result.summary.largestDeviations.map((d) => [d.label, d.deviation])).toEqual([
      ["Personalkostnader", `${MINUS}20,0${NBSP}mnkr`],
      ["Lokalkostnader", `${MINUS}3,0${NBSP}mnkr`],
      ["Taxor och avgifter", `1,0${NBSP}mnkr`],
    ]);
    expect(result.summary.largestDeviations[0]).toMatchObject({ sheet: "Resultaträkning" });
  });
});
