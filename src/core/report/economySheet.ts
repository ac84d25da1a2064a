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
import type { Block, Cell, Column, ReportSheet, TableRow } from "./reportDoc";
import type { HeaderOf } from "./templateHeaders";
import { ledgerLabels } from "./titles";

export const ECONOMY_SHEET = "Rapport Ekonomi";

/** A row's label column and a figure column, in characters. */
const LABEL_WIDTH = 38;
const FIGURE_WIDTH = 12;

type LedgerKey = keyof LedgerFigures;

interface LedgerColumn {
  readonly key: LedgerKey;
  /** A deviation: below zero it is worse than planned, and coloured. */
  readonly deviation?: boolean;
  /** Shown only when some row has a periodbudget. */
  readonly periodBudget?: boolean;
}

/**
 * Resultaträkning's and Driftsredovisning's figure columns, in print order, by the template's
 * column key (and the two deviations the roll-up derives). A new ledger column is one line here:
 * its header is the report's period wording when titles.ts has one, else the template's header.
 */
const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: "priorYear" },
  { key: "actualPriorYear" },
  { key: "actual" },
  { key: "periodBudget", periodBudget: true },
  { key: "periodDeviation", periodBudget: true, deviation: true },
  { key: "budget" },
  { key: "forecast" },
  { key: "deviation", deviation: true },
];

const DEVIATION_HEADERS: Partial<Record<LedgerKey, string>> = {
  periodDeviation: "Avvikelse utfall mot periodbudget",
  deviation: "Avvikelse prognos helår mot budget",
};

/** As wide as the widest ledger table: the label and every figure column. */
const SHEET_WIDTH = LABEL_WIDTH + LEDGER_COLUMNS.length * FIGURE_WIDTH;

interface Context {
  readonly settings: SettingValues;
  /** A figure column's header: the report's period wording, else the template's header. */
  readonly headerOf: (key: LedgerKey) => string;
  readonly unit: string;
  /** The ledger columns shown: Periodbudget and its deviation only when some row has a periodbudget. */
  readonly ledgerColumns: readonly LedgerColumn[];
}

const labelColumn = (header: string): Column => ({ header, width: LABEL_WIDTH });
const textColumn = (header: string, width: Column["width"] = FIGURE_WIDTH): Column => ({
  header,
  width,
});
const figureColumn = (header: string, format: Column["format"] = "amount"): Column => ({
  header,
  width: FIGURE_WIDTH,
  format,
});

/** A figure; a deviation below zero is also coloured (its minus sign carries it in print). */
function value(v: number | null, deviation = false): Cell {
  return deviation && v !== null && v < 0 ? { value: v, emphasis: "negative" } : { value: v };
}

/** An empty cell in a figure column of a sum row: no number, no number format. */
const BLANK: Cell = { value: null, format: "text" };

function ledgerColumns(first: string, ctx: Context): Column[] {
  return [
    labelColumn(`${first} (${ctx.unit})`),
    ...ctx.ledgerColumns.map((c) => figureColumn(ctx.headerOf(c.key))),
  ];
}

function ledgerRow(
  name: string | null,
  f: LedgerFigures,
  kind: "line" | "sum",
  ctx: Context
): TableRow {
  return {
    kind,
    cells: [{ value: name }, ...ctx.ledgerColumns.map((c) => value(f[c.key], c.deviation))],
  };
}

function incomeStatementTable(rollup: Rollup, ctx: Context): Block {
  const { lines, income, costs, total } = rollup.incomeStatement;
  const rowsOf = (type: string | null) =>
    lines
      .filter((l) => l.line.cells.type.value === type)
      .map((l) => ledgerRow(l.line.cells.post.value, l.figures, "line", ctx));
  return {
    kind: "table",
    columns: ledgerColumns("Intäkter / Kostnader", ctx),
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
  const body: TableRow[] = groups
    ? groups.flatMap((g) => {
        const name = g.area ?? "Utan verksamhetsområde";
        return [
          { kind: "group" as const, text: name },
          ...lineRows(g.lines),
          ledgerRow(`Summa ${name}`, g.subtotal, "sum", ctx),
        ];
      })
    : lineRows(lines);
  return {
    kind: "table",
    columns: ledgerColumns("Verksamhet", ctx),
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
  const row = (name: string, f: LedgerFigures, kind: "line" | "sum"): TableRow => ({
    kind,
    cells: [
      { value: name },
      value(f.actual),
      value(f.budget),
      value(f.forecast),
      value(f.deviation, true),
    ],
  });
  return {
    kind: "table",
    columns: [
      labelColumn(`Rapporterande enhet (${ctx.unit})`),
      figureColumn(ctx.headerOf("actual")),
      figureColumn(ctx.headerOf("budget")),
      figureColumn(ctx.headerOf("forecast")),
      figureColumn(ctx.headerOf("deviation")),
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
  const rows: TableRow[] = lines.map(({ line, figures }) => ({
    kind: "line",
    cells: [
      { value: line.cells.activity.value },
      { value: line.cells.volumeUnit.value },
      value(figures.budgetVolume),
      value(figures.forecastVolume),
      value(figures.volumeDeviation, true),
      value(figures.amountDeviation, true),
      { value: line.cells.comment.value },
    ],
  }));
  if (lines.length > 1) {
    rows.push({
      kind: "sum",
      cells: [
        { value: "Summa" },
        BLANK,
        BLANK,
        BLANK,
        BLANK,
        value(amountDeviation, true),
        { value: null },
      ],
    });
  }
  return {
    kind: "table",
    columns: [
      labelColumn("Verksamhet"),
      textColumn("Volymenhet"),
      figureColumn("Volym budget", "integer"),
      figureColumn("Volym prognos helår", "integer"),
      figureColumn("Avvikelse volym", "integer"),
      figureColumn(`Avvikelse belopp (${ctx.unit})`),
      textColumn("Kommentar", "rest"),
    ],
    rows,
  };
}

function investmentsTable(rollup: Rollup, ctx: Context): Block {
  const row = (
    name: string | null,
    f: Rollup["investments"]["total"],
    kind: "line" | "sum",
    comment: string | null
  ): TableRow => ({
    kind,
    cells: [
      { value: name },
      value(f.budget),
      value(f.actual),
      value(f.forecast),
      value(f.deviation, true),
      { value: comment },
    ],
  });
  return {
    kind: "table",
    columns: [
      labelColumn(`Investering (${ctx.unit})`),
      figureColumn(ctx.headerOf("budget")),
      figureColumn(ctx.headerOf("actual")),
      figureColumn(ctx.headerOf("forecast")),
      figureColumn(ctx.headerOf("deviation")),
      textColumn("Kommentar", "rest"),
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
      columns: [
        labelColumn("Post"),
        textColumn("Redovisning"),
        figureColumn(ctx.headerOf("budget")),
        figureColumn(ctx.headerOf("forecast")),
        figureColumn(`Avvikelse (${ctx.unit})`),
        figureColumn("Andel av budget", "share"),
        textColumn("Kommentar", "rest"),
      ],
      rows: rollup.materialDeviations.map((d): TableRow => ({
        kind: "line",
        cells: [
          { value: d.label },
          { value: SOURCE_NAMES[d.source] },
          value(d.budget),
          value(d.forecast),
          value(d.deviation, true),
          value(d.share, true),
          d.comment === null
            ? { value: "Kommentar saknas", emphasis: "status.saknas" }
            : { value: d.comment },
        ],
      })),
    },
  ];
}

/**
 * `top`: the title, after the draft banner when there is one; `templateHeader`: the workbook's
 * template's column headers (see templateHeaders.ts).
 */
export function economySheet(
  top: readonly Block[],
  rollup: Rollup,
  settings: SettingValues,
  thresholds: MaterialityThresholds,
  reconciliation: string,
  templateHeader: HeaderOf
): ReportSheet {
  const periodBudget = [...rollup.incomeStatement.lines, ...rollup.operatingStatement.lines].some(
    (l) => l.figures.periodBudget !== null
  );
  const wording: Partial<Record<LedgerKey, string>> = {
    ...ledgerLabels(settings.year, settings.period),
    ...DEVIATION_HEADERS,
  };
  const ctx: Context = {
    settings,
    headerOf: (key) => wording[key] ?? templateHeader("incomeStatement", key),
    unit: settings.unit ?? "belopp",
    ledgerColumns: LEDGER_COLUMNS.filter((c) => periodBudget || !c.periodBudget),
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
  return { name: ECONOMY_SHEET, orientation: "landscape", width: SHEET_WIDTH, blocks };
}
