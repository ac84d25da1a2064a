/**
 * `Rapport Ekonomi`: the summary, resultaträkning, driftsredovisning (and, in a consolidated
 * workbook, its figures per rapporterande enhet), the avstämning between them, volymer,
 * investeringar and the väsentliga avvikelser with their comments (document 004, ch. 6–8).
 */
import type { SettingValues } from "../model";
import { groupBy } from "../rollup/groupBy";
import { sumFigures, type LedgerFigures } from "../rollup/ledger";
import type { MaterialDeviation, MaterialityThresholds } from "../rollup/materiality";
import type { Rollup } from "../rollup/rollup";
import { economySummary, materialDeviationNote } from "./economyText";
import { AMOUNT_FORMAT, INTEGER_FORMAT, SHARE_FORMAT } from "./formats";
import type { Block, ReportSheet, StyleName, TextCell } from "./reportDoc";
import { ledgerLabels, type LedgerLabels } from "./titles";

export const ECONOMY_SHEET = "Rapport Ekonomi";

/** A label column, then eight number columns: the widest table has nine columns. */
const COLUMN_WIDTHS = [38, 12, 12, 12, 12, 12, 12, 12, 12];

type Emphasis = "line" | "sum";

interface Context {
  readonly settings: SettingValues;
  readonly labels: LedgerLabels;
  readonly unit: string;
  /** Show Periodbudget and its deviation: only when some row has a periodbudget. */
  readonly periodBudget: boolean;
}

function numberStyle(emphasis: Emphasis, negative: boolean): StyleName {
  if (emphasis === "sum") return negative ? "table.sum.number.negative" : "table.sum.number";
  return negative ? "table.number.negative" : "table.number";
}

/** An amount; a deviation below zero is also coloured (its minus sign carries it in print). */
function amount(value: number | null, emphasis: Emphasis, deviation = false): TextCell {
  return {
    value,
    numFmt: AMOUNT_FORMAT,
    style: numberStyle(emphasis, deviation && value !== null && value < 0),
  };
}

function label(text: string | null, emphasis: Emphasis, span?: number): TextCell {
  return {
    value: text,
    style: emphasis === "sum" ? "table.sum.text" : "table.text",
    ...(span ? { span } : {}),
  };
}

function headerCell(text: string, number = true, span?: number): TextCell {
  return {
    value: text,
    style: number ? "table.header.number" : "table.header",
    ...(span ? { span } : {}),
  };
}

function ledgerColumns(ctx: Context): number {
  return ctx.periodBudget ? 9 : 7;
}

function ledgerHeader(first: string, ctx: Context): TextCell[] {
  const labels = ctx.labels;
  return [
    headerCell(`${first} (${ctx.unit})`, false),
    headerCell(labels.priorYear),
    headerCell(labels.actualPriorYear),
    headerCell(labels.actual),
    ...(ctx.periodBudget
      ? [headerCell(labels.periodBudget), headerCell("Avvikelse utfall mot periodbudget")]
      : []),
    headerCell(labels.budget),
    headerCell(labels.forecast),
    headerCell("Avvikelse prognos helår mot budget"),
  ];
}

function ledgerRow(
  text: string | null,
  f: LedgerFigures,
  emphasis: Emphasis,
  ctx: Context
): TextCell[] {
  return [
    label(text, emphasis),
    amount(f.priorYear, emphasis),
    amount(f.actualPriorYear, emphasis),
    amount(f.actual, emphasis),
    ...(ctx.periodBudget
      ? [amount(f.periodBudget, emphasis), amount(f.periodDeviation, emphasis, true)]
      : []),
    amount(f.budget, emphasis),
    amount(f.forecast, emphasis),
    amount(f.deviation, emphasis, true),
  ];
}

function incomeStatementTable(rollup: Rollup, ctx: Context): Block {
  const { lines, income, costs, total } = rollup.incomeStatement;
  const rowsOf = (type: string | null) =>
    lines
      .filter((l) => l.line.cells.type.value === type)
      .map((l) => ledgerRow(l.line.cells.post.value, l.figures, "line", ctx));
  return {
    kind: "table",
    header: ledgerHeader("Intäkter / Kostnader", ctx),
    rows: [
      ...rowsOf("Intäkt"),
      ledgerRow("Summa intäkter", income, "sum", ctx),
      ...rowsOf("Kostnad"),
      ledgerRow("Summa kostnader", costs, "sum", ctx),
      // Rows without a valid Typ are findings; they still belong to the total.
      ...rowsOf(null),
      ledgerRow(`Summa totalt (${ctx.unit})`, total, "sum", ctx),
    ],
  };
}

function operatingStatementTable(rollup: Rollup, ctx: Context): Block {
  const { lines, groups, total } = rollup.operatingStatement;
  const lineRows = (members: typeof lines) =>
    members.map((l) => ledgerRow(l.line.cells.activity.value, l.figures, "line", ctx));
  const body: TextCell[][] = groups
    ? groups.flatMap((g) => {
        const name = g.area ?? "Utan verksamhetsområde";
        return [
          [{ value: name, style: "table.group" as const, span: ledgerColumns(ctx) }],
          ...lineRows(g.lines),
          ledgerRow(`Summa ${name}`, g.subtotal, "sum", ctx),
        ];
      })
    : lineRows(lines);
  return {
    kind: "table",
    header: ledgerHeader("Verksamhet", ctx),
    rows: [...body, ledgerRow(`Totalt (${ctx.unit})`, total, "sum", ctx)],
  };
}

/**
 * Budget, prognos and avvikelse per Rapporterande enhet (a consolidated workbook, `tertial
 * sammanstall`): Driftsredovisning's rows summed by the unit they came from; null when no row
 * names a unit. Rows without a unit, beside ones with, are summed as "Utan rapporterande enhet".
 */
function unitTable(rollup: Rollup, ctx: Context): Block | null {
  const { lines, total } = rollup.operatingStatement;
  if (!lines.some((l) => l.line.cells.reportingUnit.value !== null)) return null;
  const byUnit = groupBy(lines, (l) => l.line.cells.reportingUnit.value);
  const row = (text: string, f: LedgerFigures, emphasis: Emphasis): TextCell[] => [
    label(text, emphasis),
    amount(f.actual, emphasis),
    amount(f.budget, emphasis),
    amount(f.forecast, emphasis),
    amount(f.deviation, emphasis, true),
  ];
  return {
    kind: "table",
    header: [
      headerCell(`Rapporterande enhet (${ctx.unit})`, false),
      headerCell(ctx.labels.actual),
      headerCell(ctx.labels.budget),
      headerCell(ctx.labels.forecast),
      headerCell("Avvikelse prognos helår mot budget"),
    ],
    rows: [
      ...[...byUnit].map(([unit, members]) =>
        row(unit ?? "Utan rapporterande enhet", sumFigures(members.map((m) => m.figures)), "line")
      ),
      row(`Totalt (${ctx.unit})`, total, "sum"),
    ],
  };
}

function volumesTable(rollup: Rollup, ctx: Context): Block {
  const { lines, amountDeviation } = rollup.volumes;
  const volume = (value: number | null, deviation = false): TextCell => ({
    value,
    numFmt: INTEGER_FORMAT,
    style: numberStyle("line", deviation && value !== null && value < 0),
  });
  const rows: TextCell[][] = lines.map(({ line, figures }) => [
    label(line.cells.activity.value, "line"),
    label(line.cells.volumeUnit.value, "line"),
    volume(figures.budgetVolume),
    volume(figures.forecastVolume),
    volume(figures.volumeDeviation, true),
    amount(figures.amountDeviation, "line", true),
    label(line.cells.comment.value, "line", 3),
  ]);
  if (lines.length > 1) {
    rows.push([
      label("Summa", "sum"),
      ...[1, 2, 3, 4].map(() => label(null, "sum")),
      amount(amountDeviation, "sum", true),
      label(null, "sum", 3),
    ]);
  }
  return {
    kind: "table",
    header: [
      headerCell("Verksamhet", false),
      headerCell("Volymenhet", false),
      headerCell("Volym budget"),
      headerCell("Volym prognos helår"),
      headerCell("Avvikelse volym"),
      headerCell(`Avvikelse belopp (${ctx.unit})`),
      headerCell("Kommentar", false, 3),
    ],
    rows,
  };
}

function investmentsTable(rollup: Rollup, ctx: Context): Block {
  const row = (
    text: string | null,
    f: Rollup["investments"]["total"],
    emphasis: Emphasis,
    comment: string | null
  ): TextCell[] => [
    label(text, emphasis),
    amount(f.budget, emphasis),
    amount(f.actual, emphasis),
    amount(f.forecast, emphasis),
    amount(f.deviation, emphasis, true),
    label(comment, emphasis, 4),
  ];
  return {
    kind: "table",
    header: [
      headerCell(`Investering (${ctx.unit})`, false),
      headerCell(ctx.labels.budget),
      headerCell(ctx.labels.actual),
      headerCell(ctx.labels.forecast),
      headerCell("Avvikelse prognos helår mot budget"),
      headerCell("Kommentar", false, 4),
    ],
    rows: [
      ...rollup.investments.lines.map(({ line, figures }) =>
        row(line.cells.name.value, figures, "line", line.cells.comment.value)
      ),
      row(`Totalt (${ctx.unit})`, rollup.investments.total, "sum", null),
    ],
  };
}

const SOURCE_NAMES: Record<MaterialDeviation["source"], string> = {
  incomeStatement: "Resultaträkning",
  operatingStatement: "Driftsredovisning",
  investments: "Investeringar",
};

function materialDeviationBlocks(
  rollup: Rollup,
  ctx: Context,
  thresholds: MaterialityThresholds
): Block[] {
  const note: Block = {
    kind: "paragraph",
    text: materialDeviationNote(thresholds, ctx.settings.unit, rollup.materialDeviations.length),
    style: "note",
  };
  if (rollup.materialDeviations.length === 0) return [note];
  return [
    note,
    {
      kind: "table",
      header: [
        headerCell("Post", false),
        headerCell("Redovisning", false),
        headerCell(ctx.labels.budget),
        headerCell(ctx.labels.forecast),
        headerCell(`Avvikelse (${ctx.unit})`),
        headerCell("Andel av budget"),
        headerCell("Kommentar", false, 3),
      ],
      rows: rollup.materialDeviations.map((d) => [
        label(d.label, "line"),
        label(SOURCE_NAMES[d.source], "line"),
        amount(d.budget, "line"),
        amount(d.forecast, "line"),
        amount(d.deviation, "line", true),
        {
          value: d.share,
          numFmt: SHARE_FORMAT,
          style: numberStyle("line", d.share !== null && d.share < 0),
        },
        d.comment === null
          ? { value: "Kommentar saknas", style: "status.saknas", span: 3 }
          : label(d.comment, "line", 3),
      ]),
    },
  ];
}

/** `top`: the title, after the draft banner when there is one. */
export function economySheet(
  top: readonly Block[],
  rollup: Rollup,
  settings: SettingValues,
  thresholds: MaterialityThresholds,
  reconciliation: string
): ReportSheet {
  const ctx: Context = {
    settings,
    labels: ledgerLabels(settings.year, settings.period),
    unit: settings.unit ?? "belopp",
    periodBudget: [...rollup.incomeStatement.lines, ...rollup.operatingStatement.lines].some(
      (l) => l.figures.periodBudget !== null
    ),
  };
  const units = unitTable(rollup, ctx);
  const perUnit: Block[] = units
    ? [{ kind: "heading", text: "Per rapporterande enhet" }, units, { kind: "spacer" }]
    : [];
  const blocks: Block[] = [
    ...top,
    { kind: "paragraph", text: "Uppföljning ekonomi", style: "subtitle" },
    { kind: "heading", text: "Sammanfattning" },
    { kind: "paragraph", text: economySummary(rollup, settings, thresholds) },
    { kind: "spacer" },
    { kind: "heading", text: "Resultaträkning" },
    incomeStatementTable(rollup, ctx),
    { kind: "spacer" },
    { kind: "heading", text: "Driftsredovisning" },
    operatingStatementTable(rollup, ctx),
    { kind: "spacer" },
    ...perUnit,
    { kind: "heading", text: "Avstämning mellan resultaträkning och driftsredovisning" },
    { kind: "paragraph", text: reconciliation },
    { kind: "spacer" },
    { kind: "heading", text: "Volymer" },
    ...(rollup.volumes.lines.length > 0
      ? [volumesTable(rollup, ctx)]
      : [{ kind: "paragraph" as const, text: "Inga volymer redovisas.", style: "note" as const }]),
    { kind: "spacer" },
    { kind: "heading", text: "Investeringar" },
    ...(rollup.investments.lines.length > 0
      ? [investmentsTable(rollup, ctx)]
      : [
          {
            kind: "paragraph" as const,
            text: "Inga investeringar redovisas.",
            style: "note" as const,
          },
        ]),
    { kind: "spacer" },
    { kind: "heading", text: "Väsentliga avvikelser" },
    ...materialDeviationBlocks(rollup, ctx, thresholds),
  ];
  return { name: ECONOMY_SHEET, orientation: "landscape", columnWidths: COLUMN_WIDTHS, blocks };
}
