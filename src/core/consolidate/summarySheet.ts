/**
 * The Sammanställning sheet: Tertial's own sheet in the consolidated workbook (like the report
 * sheets, never read back as data): one row per unit with its ready-mark, findings and totals, a
 * sum row, and one row per file that could not be used, with the reason.
 */
import { shownDecimals } from "../amountUnit";
import { formatDate } from "../format";
import type { Block, Cell, Column, ReportSheet, TableRow } from "../report/reportDoc";
import { periodTitle, yearEndHeaders } from "../report/titles";
import { yearEndBasis } from "../rollup/yearEnd";
import { sumPresent } from "../rollup/sum";
import type { Consolidation } from "./consolidate";
import { sourcesText, unitNote, unitsText } from "./summaryText";
import { SUMMARY_SHEET } from "./unitReport";

/** The unit table's columns fill a landscape page; the note takes what remains. */
const SHEET_WIDTH = 165;

const textColumn = (header: string, width: Column["width"]): Column => ({ header, width });
const figureColumn = (header: string, width: number, format: Column["format"]) => ({
  header,
  width,
  format,
});

/** A deviation below zero is coloured besides its minus sign, as in the report. */
const deviation = (value: number | null): Cell =>
  value !== null && value < 0 ? { value, emphasis: "negative" } : { value };

/** An empty cell of a sum row. */
const BLANK: Cell = { value: null, format: "text" };

export function summarySheet(c: Consolidation): ReportSheet {
  const settings = c.content.settings ?? {};
  const unit = c.unit;
  // Amounts as the report shows them in this unit: mnkr with one decimal, tkr and kr whole.
  const amount = shownDecimals(unit) === 0 ? "wholeAmount" : "amount";
  const period = settings.period as Parameters<typeof periodTitle>[0] | null;
  const headers = yearEndHeaders(yearEndBasis(period));
  const title = [
    settings.organisation,
    `Sammanställning ${period ? periodTitle(period).toLocaleLowerCase("sv") : ""} ${settings.year ?? ""}`
      .replace(/\s+/g, " ")
      .trim(),
  ]
    .filter((part) => part !== null && part !== undefined && part !== "")
    .join(" – ");

  const unitTable: Block = {
    kind: "table",
    repeatHeader: c.unusable.length === 0,
    columns: [
      textColumn("Fil", 22),
      textColumn("Rapporterande enhet", 22),
      textColumn("Kod", 6),
      textColumn("Klar", 6),
      textColumn("Klarmarkerad av", 16),
      textColumn("Datum", 11),
      figureColumn("Fel", 6, "integer"),
      figureColumn("Varningar", 10, "integer"),
      figureColumn(`Budget helår (${unit})`, 12, amount),
      figureColumn(`${headers.figure} (${unit})`, 12, amount),
      figureColumn("Avvikelse", 11, amount),
      textColumn("Anmärkning", "rest"),
    ],
    rows: [
      ...c.units.map((u): TableRow => ({
        kind: "line",
        cells: [
          { value: u.file },
          { value: u.name },
          { value: u.code },
          { value: u.changedAfterReady ? "Ändrad" : (u.readyMark ?? "Nej") },
          { value: u.readyBy },
          { value: u.readyDate ? formatDate(u.readyDate) : null },
          { value: u.fel },
          { value: u.varning },
          { value: u.budget },
          { value: u.yearEnd },
          deviation(u.deviation),
          { value: unitNote(u, c.unit) },
        ],
      })),
      {
        kind: "sum",
        cells: [
          { value: "Summa" },
          ...Array.from({ length: 7 }, () => BLANK),
          { value: sumPresent(c.units.map((u) => u.budget)) },
          { value: sumPresent(c.units.map((u) => u.yearEnd)) },
          deviation(sumPresent(c.units.map((u) => u.deviation))),
          BLANK,
        ],
      },
    ],
  };

  const unusable: Block[] =
    c.unusable.length === 0
      ? []
      : [
          { kind: "spacer" },
          { kind: "heading", text: "Filer som inte kunde användas" },
          {
            kind: "table",
            repeatHeader: true,
            columns: [textColumn("Fil", 22), textColumn("Orsak", "rest")],
            rows: c.unusable.map((f): TableRow => ({
              kind: "line",
              cells: [{ value: f.file }, { value: f.reason }],
            })),
          },
        ];

  return {
    name: SUMMARY_SHEET,
    orientation: "landscape",
    width: SHEET_WIDTH,
    blocks: [
      { kind: "title", text: title },
      { kind: "spacer" },
      { kind: "paragraph", text: unitsText(c) },
      { kind: "paragraph", text: sourcesText(c) },
      { kind: "spacer" },
      unitTable,
      ...unusable,
    ],
  };
}
