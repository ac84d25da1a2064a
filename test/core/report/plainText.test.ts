/**
 * The example's ReportDoc says everything the report says without a worksheet: rendered as plain
 * text, it holds every heading, the summary and the figures in Swedish, and no Excel format code.
 */
import path from "node:path";
import { analyse, generateReport } from "../../../src/core/pipeline";
import { plainText } from "../../../src/core/report/plainText";
import { readSnapshotFromFile } from "../../../src/xlsx/read/readSnapshotFromFile";

const EXAMPLE = path.join(__dirname, "../../../templates/exempel-2024-T2.xlsx");
const TODAY = new Date(Date.UTC(2024, 8, 15));
const NBSP = "\u00a0";

describe("the example's report as plain text", () => {
  let report: ReturnType<typeof generateReport>;
  let text: string;

  beforeAll(async () => {
    report = generateReport(analyse(await readSnapshotFromFile(EXAMPLE), { today: TODAY }));
    text = plainText(report.doc);
  });

  it("holds the summary, every sheet, title and heading", () => {
    expect(text).toContain(report.summary);
    const blocks = report.doc.sheets.flatMap((s) => s.blocks);
    const headings = blocks.flatMap((b) =>
      b.kind === "heading" || b.kind === "title" ? [b.text] : []
    );
    expect(headings.length).toBeGreaterThan(20);
    for (const heading of headings) expect(text).toContain(heading);
    for (const sheet of report.doc.sheets) expect(text).toContain(`[${sheet.name}]`);
    expect(text).toContain("Väsentliga avvikelser");
  });

  it("writes the figures in Swedish: grouped thousands, a real minus sign, a decimal comma", () => {
    expect(text).toContain(`Helårsprognosen är 1${NBSP}092,4${NBSP}mnkr`);
    // Summa totalt: Prognos helår and its deviation against budget, as the table prints them.
    expect(text).toContain(`| −1${NBSP}092,4 | −51,4\n`);
    expect(text).toMatch(/Personalkostnader \| −760,0 \|/);
    // Andel av budget, and a count of controls.
    expect(text).toMatch(/\| −?\d+,\d\u00a0% \|/);
    expect(text).toMatch(/Totalt \| \d+\n/);
  });

  it("carries no Excel number format code", () => {
    for (const code of ["#,##0", "0.0", '"−"', '"\u2212"', "0%"]) expect(text).not.toContain(code);
    // Every negative figure has the real minus sign (a hyphen only inside dates such as 2024-08-31).
    expect(text).not.toMatch(/(^|[\s|(])-\d/m);
  });
});
