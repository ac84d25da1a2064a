/**
 * The Sammanställning sheet: Tertial's own sheet in the consolidated workbook (like the report
 * sheets, never read back as data): one row per unit with its ready-mark, findings and totals, a
 * sum row, and one row per file that could not be used, with the reason.
 */
import { formatDate } from "../format";
import { AMOUNT_FORMAT, INTEGER_FORMAT } from "../report/formats";
import type { Block, ReportSheet, StyleName, TextCell } from "../report/reportDoc";
import { periodTitle } from "../report/titles";
import { sumPresent } from "../rollup/sum";
import type { Consolidation } from "./consolidate";
import { sourcesText, unitNote, unitsText } from "./summaryText";

export const SUMMARY_SHEET = "Sammanställning";

const COLUMN_WIDTHS = [22, 22, 5, 5, 14, 10, 5, 9, 11, 11, 11, 30];

const text = (value: string | null, style: StyleName = "table.text"): TextCell => ({
  value,
  style,
});
const header = (value: string, number = false): TextCell => ({
  value,
  style: number ? "table.header.number" : "table.header",
});
const count = (value: number): TextCell => ({
  value,
  numFmt: INTEGER_FORMAT,
  style: "table.number",
});
function amount(value: number | null, sum = false, deviation = false): TextCell {
  const negative = deviation && value !== null && value < 0;
  const style: StyleName = sum
    ? negative
      ? "table.sum.number.negative"
      : "table.sum.number"
    : negative
      ? "table.number.negative"
      : "table.number";
  return { value, numFmt: AMOUNT_FORMAT, style };
}

export function summarySheet(c: Consolidation): ReportSheet {
  const settings = c.content.settings ?? {};
  const unit = String(settings.unit ?? "");
  const period = settings.period as Parameters<typeof periodTitle>[0] | null;
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
    header: [
      header("Fil"),
      header("Rapporterande enhet"),
      header("Kod"),
      header("Klar"),
      header("Klarmarkerad av"),
      header("Datum"),
      header("Fel", true),
      header("Varningar", true),
      header(`Budget helår (${unit})`, true),
      header(`Prognos helår (${unit})`, true),
      header("Avvikelse", true),
      header("Anmärkning"),
    ],
    rows: [
      ...c.units.map((u) => [
        text(u.file),
        text(u.name),
        text(u.code),
        text(u.readyMark ?? "Nej"),
        text(u.readyBy),
        text(u.readyDate ? formatDate(u.readyDate) : null),
        count(u.fel),
        count(u.varning),
        amount(u.budget),
        amount(u.forecast),
        amount(u.deviation, false, true),
        text(unitNote(u)),
      ]),
      [
        { value: "Summa", style: "table.sum.text", span: 8 },
        amount(sumPresent(c.units.map((u) => u.budget)), true),
        amount(sumPresent(c.units.map((u) => u.forecast)), true),
        amount(sumPresent(c.units.map((u) => u.deviation)), true, true),
        text(null, "table.sum.text"),
      ],
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
            header: [header("Fil"), { ...header("Orsak"), span: 11 }],
            rows: c.unusable.map((f) => [text(f.file), { ...text(f.reason), span: 11 }]),
          },
        ];

  return {
    name: SUMMARY_SHEET,
    orientation: "landscape",
    columnWidths: COLUMN_WIDTHS,
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
