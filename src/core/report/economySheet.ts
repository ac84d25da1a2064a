/**
 * `Rapport Ekonomi`: the summary, resultaträkning, driftsredovisning (and, in a consolidated
 * workbook, its figures per rapporterande enhet), the avstämning between them, volymer,
 * investeringar and the väsentliga avvikelser with their comments (document 004, ch. 6–8).
 */
import type { SettingValues } from "../model";
import { readReportingUnit } from "../reportingUnit";
import {
  FORECAST_PERIODS,
  type AccuracyFigures,
  type ForecastAccuracy,
} from "../rollup/forecastAccuracy";
import { groupBy } from "../rollup/groupBy";
import { sumFigures, type LedgerFigures } from "../rollup/ledger";
import type { MaterialDeviation, MaterialityThresholds } from "../rollup/materiality";
import type { InvestmentFigures, Rollup } from "../rollup/rollup";
import type { YearEndBasis } from "../rollup/yearEnd";
import {
  economySummary,
  forecastAccuracyText,
  materialDeviationNote,
  noForecastHistoryText,
  roundingDifferenceText,
} from "./economyText";
import type {
  Block,
  Cell,
  Column,
  ReportSheet,
  SheetParts,
  TableRow,
  ValueFormat,
} from "./reportDoc";
import { ROUNDING_NOTE, roundingDiffers, withRoundingNote, type SumOfRows } from "./roundingNote";
import { shownDecimals } from "../amountUnit";
import type { ReportAmounts } from "./reportUnit";
import type { HeaderOf } from "./templateHeaders";
import { ledgerLabels } from "./titles";
import { ECONOMY_SHEET } from "./productSheets";

/** A row's label column and a figure column, in characters. */
const LABEL_WIDTH = 38;
const FIGURE_WIDTH = 12;

type LedgerKey = keyof LedgerFigures;

interface LedgerColumn<K extends string = LedgerKey> {
  readonly key: K;
  /** A deviation: below zero it is worse than planned, and coloured. */
  readonly deviation?: boolean;
  /** Shown only when some row has a periodbudget. */
  readonly periodBudget?: boolean;
  /** Shown only when some row of the table has Prognos föregående tertial (v2, from T2 on). */
  readonly change?: boolean;
  /**
   * Shown only while the year's figure is this one: at Helår the year's figure is Utfall period
   * itself, the periodbudget is the budget, and Utfall jan–dec fg år is Bokslut fg år, so those
   * columns would repeat them.
   */
  readonly basis?: YearEndBasis;
}

/**
 * Resultaträkning's and Driftsredovisning's figure columns, in print order, by the template's
 * column key (and the figures the roll-up derives). A new ledger column is one line here:
 * its header is the report's period wording when titles.ts has one, else the template's header.
 */
const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: "priorYear" },
  { key: "actualPriorYear", basis: "forecast" },
  { key: "actual", basis: "forecast" },
  { key: "periodBudget", periodBudget: true, basis: "forecast" },
  { key: "periodDeviation", periodBudget: true, basis: "forecast", deviation: true },
  { key: "budget" },
  { key: "yearEnd" },
  { key: "deviation", deviation: true },
  { key: "previousForecast", change: true },
  { key: "forecastChange", change: true, deviation: true },
];

/** Investeringar's figure columns: the ledger's that an investment has, in the same order. */
const INVESTMENT_COLUMNS: readonly LedgerColumn<keyof InvestmentFigures>[] = [
  { key: "budget" },
  { key: "actual", basis: "forecast" },
  { key: "yearEnd" },
  { key: "deviation", deviation: true },
  { key: "previousForecast", change: true },
  { key: "forecastChange", change: true, deviation: true },
];

const DEVIATION_HEADERS: Partial<Record<LedgerKey, string>> = {
  periodDeviation: "Avvikelse utfall mot periodbudget",
};

/**
 * As wide as a ledger table without the change columns: the label and every other figure column.
 * A table with them is wider, and the layout widens the sheet to it (printed a little smaller).
 */
const SHEET_WIDTH = LABEL_WIDTH + LEDGER_COLUMNS.filter((c) => !c.change).length * FIGURE_WIDTH;

interface Context {
  readonly settings: SettingValues;
  readonly basis: YearEndBasis;
  /** A figure column's header: the report's period wording, else the template's header. */
  readonly headerOf: (key: LedgerKey) => string;
  /** The report unit's name for headers ("mnkr"); "belopp" while Enhet is not filled in. */
  readonly unit: string;
  /** The report unit, null while Enhet is not filled in: what sentences name. */
  readonly reportUnit: string | null;
  /** An amount's cell format in the report unit. */
  readonly amount: ValueFormat;
  /** Whether a table's printed rows do not add up to its printed sums (roundingNote.ts). */
  readonly roundingDiffers: <K extends string>(
    sums: readonly SumOfRows<K>[],
    columns: readonly { readonly key: K }[]
  ) => boolean;
  /**
   * The columns a table shows, given its rows' figures: those of the year's figure's basis,
   * Periodbudget and its deviation when some ledger row has a periodbudget, and Prognos
   * föregående tertial and the change when some row of the table has one.
   */
  readonly shown: <K extends string>(
    columns: readonly LedgerColumn<K>[],
    figures: readonly { readonly previousForecast: number | null }[]
  ) => LedgerColumn<K>[];
}

const labelColumn = (header: string): Column => ({ header, width: LABEL_WIDTH });
const textColumn = (header: string, width: Column["width"] = FIGURE_WIDTH): Column => ({
  header,
  width,
});
const figureColumn = (header: string, format: ValueFormat): Column => ({
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

function figureColumns<K extends string>(
  columns: readonly LedgerColumn<K>[],
  ctx: Context
): Column[] {
  return columns.map((c) => figureColumn(ctx.headerOf(c.key as LedgerKey), ctx.amount));
}

function figureRow<K extends string>(
  name: string | null,
  f: Readonly<Record<K, number | null>>,
  kind: "line" | "sum",
  columns: readonly LedgerColumn<K>[],
  after: readonly Cell[] = []
): TableRow {
  return {
    kind,
    cells: [{ value: name }, ...columns.map((c) => value(f[c.key], c.deviation)), ...after],
  };
}

function incomeStatementTable(rollup: Rollup, ctx: Context): Block[] {
  const { lines, income, costs, total } = rollup.incomeStatement;
  const columns = ctx.shown(
    LEDGER_COLUMNS,
    lines.map((l) => l.figures)
  );
  const row = (name: string | null, f: LedgerFigures, kind: "line" | "sum") =>
    figureRow(name, f, kind, columns);
  const rowsOf = (type: string | null) =>
    lines
      .filter((l) => l.line.cells.type.value === type)
      .map((l) => row(l.line.cells.post.value, l.figures, "line"));
  const figuresOf = (type: string) =>
    lines.filter((l) => l.line.cells.type.value === type).map((l) => l.figures);
  const table: Block = {
    kind: "table",
    columns: [labelColumn(`Intäkter / Kostnader (${ctx.unit})`), ...figureColumns(columns, ctx)],
    rows: [
      ...rowsOf("Intäkt"),
      row("Summa intäkter", income, "sum"),
      ...rowsOf("Kostnad"),
      row("Summa kostnader", costs, "sum"),
      // Rows without a valid Typ are findings; they still belong to the total.
      ...rowsOf(null),
      row(`Summa totalt (${ctx.unit})`, total, "sum"),
    ],
  };
  const sums = [
    { sum: income, rows: figuresOf("Intäkt") },
    { sum: costs, rows: figuresOf("Kostnad") },
    { sum: total, rows: lines.map((l) => l.figures) },
  ];
  return withRoundingNote(table, ctx.roundingDiffers(sums, columns));
}

/**
 * "Kommentarer till övriga poster" under a ledger table: the comments the ekonom wrote on rows
 * whose deviation is not väsentlig (those are shown, with theirs, under Väsentliga avvikelser).
 * Published delårsrapporter put such analysis as prose right under the table it explains, each
 * paragraph led by its post (document 004: "Kommentarer till investeringsredovisning"), so a nämnd
 * reader meets it where the figures are. Empty when every comment is shown elsewhere.
 */
function otherComments(
  rollup: Rollup,
  source: "incomeStatement" | "operatingStatement",
  rows: readonly {
    readonly label: string | null;
    readonly row: number;
    readonly comment: string | null;
  }[]
): Block[] {
  const material = new Set(
    rollup.materialDeviations.filter((d) => d.source === source).map((d) => d.row)
  );
  const paragraphs = rows
    .filter((r) => r.comment !== null && r.comment.trim() !== "" && !material.has(r.row))
    .map((r) => `${r.label ?? `Rad ${r.row}`}: ${r.comment}`);
  return paragraphs.length === 0
    ? []
    : [
        {
          kind: "text",
          heading: "Kommentarer till övriga poster",
          level: 3,
          text: paragraphs.join("\n"),
        },
      ];
}

function operatingStatementTable(rollup: Rollup, ctx: Context): Block[] {
  const { lines, groups, total } = rollup.operatingStatement;
  const columns = ctx.shown(
    LEDGER_COLUMNS,
    lines.map((l) => l.figures)
  );
  const ledgerRow = (name: string | null, f: LedgerFigures, kind: "line" | "sum") =>
    figureRow(name, f, kind, columns);
  const lineRows = (members: typeof lines) =>
    members.map((l) => ledgerRow(l.line.cells.activity.value, l.figures, "line"));
  const body: TableRow[] = groups
    ? groups.flatMap((g) => {
        const name = g.area ?? "Utan verksamhetsområde";
        return [
          { kind: "group" as const, text: name },
          ...lineRows(g.lines),
          ledgerRow(`Summa ${name}`, g.subtotal, "sum"),
        ];
      })
    : lineRows(lines);
  const table: Block = {
    kind: "table",
    columns: [labelColumn(`Verksamhet (${ctx.unit})`), ...figureColumns(columns, ctx)],
    rows: [...body, ledgerRow(`Totalt (${ctx.unit})`, total, "sum")],
  };
  const figuresOf = (members: typeof lines) => members.map((l) => l.figures);
  const sums = [
    ...(groups ?? []).map((g) => ({ sum: g.subtotal, rows: figuresOf(g.lines) })),
    { sum: total, rows: figuresOf(lines) },
  ];
  return withRoundingNote(table, ctx.roundingDiffers(sums, columns));
}

/**
 * Budget, prognos and avvikelse per Rapporterande enhet (a consolidated workbook, `tertial
 * sammanstall`): Driftsredovisning's rows summed by the unit they came from; null when no row
 * names a unit. Rows without a unit, beside ones with, are summed as "Utan rapporterande enhet".
 * A consolidation over nämnder names units "Nämnd / Enhet": then each nämnd is a group of its
 * units with its own sum, as a kommunstyrelse reads it.
 */
const UNIT_COLUMNS: readonly LedgerKey[] = ["actual", "budget", "yearEnd", "deviation"];

function unitTable(rollup: Rollup, ctx: Context): Block[] | null {
  const { lines, total } = rollup.operatingStatement;
  if (!lines.some((l) => l.line.cells.reportingUnit.value !== null)) return null;
  const columns = ctx.shown(
    LEDGER_COLUMNS.filter((c) => UNIT_COLUMNS.includes(c.key)),
    []
  );
  const sumOf = (members: typeof lines) => sumFigures(members.map((m) => m.figures));
  const unitRow = (name: string, members: typeof lines, kind: "line" | "sum") =>
    figureRow(name, sumOf(members), kind, columns);
  const unitOf = (l: (typeof lines)[number]) => l.line.cells.reportingUnit.value;
  const byUnit = groupBy(lines, unitOf);
  const nested = [...byUnit.keys()].some(
    (unit) => unit !== null && readReportingUnit(unit).nämnd !== null
  );
  const body: TableRow[] = nested
    ? [...groupBy(lines, (l) => nämndOf(unitOf(l)))].flatMap(([nämnd, members]) => [
        { kind: "group" as const, text: nämnd },
        ...[...groupBy(members, unitOf)].map(([unit, rows]) =>
          unitRow(unitWithin(unit, nämnd), rows, "line")
        ),
        unitRow(`Summa ${nämnd}`, members, "sum"),
      ])
    : [...byUnit].map(([unit, members]) =>
        unitRow(unit ?? "Utan rapporterande enhet", members, "line")
      );
  const table: Block = {
    kind: "table",
    columns: [labelColumn(`Rapporterande enhet (${ctx.unit})`), ...figureColumns(columns, ctx)],
    rows: [...body, figureRow(`Totalt (${ctx.unit})`, total, "sum", columns)],
  };
  // What the table prints: each unit's sum, each nämnd's sum of its units, the total of them all.
  const unitSums = (members: typeof lines) => [...groupBy(members, unitOf).values()].map(sumOf);
  const sums = [
    ...(nested
      ? [...groupBy(lines, (l) => nämndOf(unitOf(l))).values()].map((members) => ({
          sum: sumOf(members),
          rows: unitSums(members),
        }))
      : []),
    { sum: total, rows: unitSums(lines) },
  ];
  return withRoundingNote(table, ctx.roundingDiffers(sums, columns));
}

/** The group a row's unit is summed in: its nämnd; a unit without a nämnd is its own group. */
const nämndOf = (text: string | null): string => {
  if (text === null) return "Utan rapporterande enhet";
  const { nämnd, unit } = readReportingUnit(text);
  return nämnd ?? unit;
};

/** The unit's name within its nämnd's group; a row of the nämnd itself keeps the nämnd's name. */
const unitWithin = (text: string | null, group: string): string => {
  if (text === null) return group;
  const { nämnd, unit } = readReportingUnit(text);
  return nämnd === group ? unit : text;
};

/** Volym prognos holds the year's volume: at Helår, its outcome. */
const VOLUME_HEADERS: Record<YearEndBasis, string> = {
  forecast: "Volym prognos helår",
  outcome: "Volym utfall helår",
};

function volumesTable(rollup: Rollup, ctx: Context): Block[] {
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
  const table: Block = {
    kind: "table",
    columns: [
      labelColumn("Verksamhet"),
      textColumn("Volymenhet"),
      figureColumn("Volym budget", "integer"),
      figureColumn(VOLUME_HEADERS[ctx.basis], "integer"),
      figureColumn("Avvikelse volym", "integer"),
      figureColumn(`Avvikelse belopp (${ctx.unit})`, ctx.amount),
      textColumn("Kommentar", "rest"),
    ],
    rows,
  };
  const differs =
    lines.length > 1 &&
    ctx.roundingDiffers(
      [{ sum: { amountDeviation }, rows: lines.map((l) => l.figures) }],
      [{ key: "amountDeviation" }]
    );
  return withRoundingNote(table, differs);
}

function investmentsTable(rollup: Rollup, ctx: Context): Block[] {
  const { lines, total } = rollup.investments;
  const columns = ctx.shown(
    INVESTMENT_COLUMNS,
    lines.map((l) => l.figures)
  );
  const row = (
    name: string | null,
    f: InvestmentFigures,
    kind: "line" | "sum",
    comment: string | null
  ): TableRow => figureRow(name, f, kind, columns, [{ value: comment }]);
  const table: Block = {
    kind: "table",
    columns: [
      labelColumn(`Investering (${ctx.unit})`),
      ...figureColumns(columns, ctx),
      textColumn("Kommentar", "rest"),
    ],
    rows: [
      ...lines.map(({ line, figures }) =>
        row(line.cells.name.value, figures, "line", line.cells.comment.value)
      ),
      row(`Totalt (${ctx.unit})`, total, "sum", null),
    ],
  };
  const sums = [{ sum: total, rows: lines.map((l) => l.figures) }];
  return withRoundingNote(table, ctx.roundingDiffers(sums, columns));
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
    text: materialDeviationNote(
      thresholds,
      ctx.reportUnit,
      rollup.materialDeviations.length,
      ctx.basis
    ),
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
        figureColumn(ctx.headerOf("budget"), ctx.amount),
        figureColumn(ctx.headerOf("yearEnd"), ctx.amount),
        figureColumn(`Avvikelse (${ctx.unit})`, ctx.amount),
        figureColumn("Andel av budget", "share"),
        textColumn("Kommentar", "rest"),
      ],
      rows: rollup.materialDeviations.map((d): TableRow => ({
        kind: "line",
        cells: [
          { value: d.label },
          { value: SOURCE_NAMES[d.source] },
          value(d.budget),
          value(d.yearEnd),
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

const ACCURACY_GROUPS: Record<MaterialDeviation["source"], { name: string; total: string }> = {
  incomeStatement: { name: "Resultaträkning", total: "Summa totalt" },
  operatingStatement: { name: "Driftsredovisning", total: "Totalt" },
  investments: { name: "Investeringar", total: "Totalt" },
};

const ACCURACY_NOTE =
  "Utfall mot prognos = utfall helår − prognos: negativt betyder att utfallet blev sämre än " +
  "prognosen. Andelen är avvikelsen i procent av prognosen. En tom cell: ingen prognos finns " +
  "sparad för raden i Historik.";

/**
 * Prognossäkerhet (Helår): each row's T1 and T2 forecasts from Historik against the year's
 * outcome, by resultaträkning, driftsredovisning and investeringar; the largest miss in words.
 */
function forecastAccuracyBlocks(accuracy: ForecastAccuracy, ctx: Context): Block[] {
  const heading: Block = { kind: "heading", text: "Prognossäkerhet" };
  const sentence = forecastAccuracyText(accuracy, ctx.reportUnit);
  if (sentence === null) {
    return [
      heading,
      { kind: "paragraph", text: noForecastHistoryText(accuracy.year), style: "note" },
      { kind: "spacer" },
    ];
  }
  const year = accuracy.year;
  const cells = (f: AccuracyFigures): Cell[] => [
    ...FORECAST_PERIODS.map((p) => value(f.periods[p].forecast)),
    value(f.outcome),
    ...FORECAST_PERIODS.flatMap((p) => [
      value(f.periods[p].miss, true),
      value(f.periods[p].share, true),
    ]),
  ];
  // The printed figures by column: the outcome, and each period's forecast and miss.
  const flat = (f: AccuracyFigures): Readonly<Record<string, number | null>> => ({
    outcome: f.outcome,
    ...Object.fromEntries(
      FORECAST_PERIODS.flatMap((p) => [
        [`${p}.forecast`, f.periods[p].forecast],
        [`${p}.miss`, f.periods[p].miss],
      ])
    ),
  });
  const sums = accuracy.sections.map(({ lines, total }) => ({
    sum: flat(total),
    rows: lines.map((l) => flat(l.figures)),
  }));
  const keys = ["outcome", ...FORECAST_PERIODS.flatMap((p) => [`${p}.forecast`, `${p}.miss`])];
  const table: Block = {
    kind: "table",
    columns: [
      labelColumn(`Post / Verksamhet / Investering (${ctx.unit})`),
      ...FORECAST_PERIODS.map((p) => figureColumn(`Prognos ${p} ${year}`, ctx.amount)),
      figureColumn(ctx.headerOf("yearEnd"), ctx.amount),
      ...FORECAST_PERIODS.flatMap((p) => [
        figureColumn(`Utfall mot prognos ${p}`, ctx.amount),
        figureColumn(`Utfall mot prognos ${p}, andel`, "share"),
      ]),
    ],
    rows: accuracy.sections
      .filter((section) => section.lines.length > 0)
      .flatMap(({ source, lines, total }): TableRow[] => [
        { kind: "group", text: ACCURACY_GROUPS[source].name },
        ...lines.map((l): TableRow => ({
          kind: "line",
          cells: [{ value: l.label }, ...cells(l.figures)],
        })),
        {
          kind: "sum",
          cells: [{ value: `${ACCURACY_GROUPS[source].total} (${ctx.unit})` }, ...cells(total)],
        },
      ]),
  };
  return [
    heading,
    // The sentence introduces the table (they keep together on a page); the notes follow it.
    { kind: "paragraph", text: sentence },
    ...withRoundingNote(
      table,
      ctx.roundingDiffers(
        sums,
        keys.map((key) => ({ key }))
      )
    ),
    { kind: "paragraph", text: ACCURACY_NOTE, style: "note" },
    { kind: "spacer" },
  ];
}

/** Under the driftsredovisning: the two views' totals differing by rounding, said once. */
function roundingNote(rollup: Rollup, unit: string | null): Block[] {
  const text = roundingDifferenceText(
    rollup.incomeStatement.total,
    rollup.operatingStatement.total,
    rollup.crossCheck,
    unit
  );
  return text === null ? [] : [{ kind: "paragraph", text, style: "note" }];
}

/**
 * The driftsredovisning's table with its notes: the RR/DR sentence ends in the same "Avrundnings-
 * differenser kan förekomma." as the table's own rounding note, so that note goes when it is there.
 */
function operatingWithNotes(table: readonly Block[], rrDr: readonly Block[]): Block[] {
  if (rrDr.length === 0) return [...table];
  const own = (b: Block) => b.kind === "paragraph" && b.text === ROUNDING_NOTE;
  return [...table.filter((b) => !own(b)), ...rrDr];
}

/**
 * Rapport Ekonomi's content: the summary is the economy sentence, the body Resultaträkning to
 * Väsentliga avvikelser (the Avstämning among them). `amounts`: the roll-up and the thresholds in the report unit (reportUnit.ts); `templateHeader`:
 * the workbook's template's column headers (see templateHeaders.ts).
 */
export function economyParts(
  amounts: ReportAmounts,
  settings: SettingValues,
  reconciliation: string,
  templateHeader: HeaderOf
): SheetParts {
  const { rollup, thresholds } = amounts;
  const periodBudget = [...rollup.incomeStatement.lines, ...rollup.operatingStatement.lines].some(
    (l) => l.figures.periodBudget !== null
  );
  const wording: Partial<Record<LedgerKey, string>> = {
    ...ledgerLabels(settings.year, settings.period, rollup.basis),
    ...DEVIATION_HEADERS,
  };
  const ctx: Context = {
    settings,
    basis: rollup.basis,
    headerOf: (key) => wording[key] ?? templateHeader("incomeStatement", key),
    unit: amounts.unit ?? "belopp",
    reportUnit: amounts.unit,
    amount: amounts.format,
    roundingDiffers: (sums, columns) =>
      roundingDiffers(
        sums,
        columns.map((c) => c.key),
        shownDecimals(amounts.unit)
      ),
    shown: (columns, figures) =>
      columns.filter(
        (c) =>
          (c.basis === undefined || c.basis === rollup.basis) &&
          (periodBudget || !c.periodBudget) &&
          (!c.change || figures.some((f) => f.previousForecast !== null))
      ),
  };
  const units = unitTable(rollup, ctx);
  const perUnit: Block[] = units
    ? [{ kind: "heading", text: "Per rapporterande enhet" }, ...units, { kind: "spacer" }]
    : [];
  const summary: Block[] = [
    { kind: "paragraph", text: economySummary(rollup, settings, thresholds, amounts.unit) },
  ];
  const body: Block[] = [
    { kind: "heading", text: "Resultaträkning" },
    ...incomeStatementTable(rollup, ctx),
    ...otherComments(
      rollup,
      "incomeStatement",
      rollup.incomeStatement.lines.map(({ line }) => ({
        label: line.cells.post.value,
        row: line.row,
        comment: line.cells.comment.value,
      }))
    ),
    { kind: "spacer" },
    { kind: "heading", text: "Driftsredovisning" },
    ...operatingWithNotes(operatingStatementTable(rollup, ctx), roundingNote(rollup, amounts.unit)),
    ...otherComments(
      rollup,
      "operatingStatement",
      rollup.operatingStatement.lines.map(({ line }) => ({
        label: line.cells.activity.value,
        row: line.row,
        comment: line.cells.comment.value,
      }))
    ),
    { kind: "spacer" },
    ...perUnit,
    {
      kind: "heading",
      text: "Avstämning mellan resultaträkning och driftsredovisning",
      working: true,
    },
    { kind: "paragraph", text: reconciliation, working: true },
    { kind: "spacer" },
    { kind: "heading", text: "Volymer" },
    ...(rollup.volumes.lines.length > 0
      ? volumesTable(rollup, ctx)
      : [{ kind: "paragraph" as const, text: "Inga volymer redovisas.", style: "note" as const }]),
    { kind: "spacer" },
    { kind: "heading", text: "Investeringar" },
    ...(rollup.investments.lines.length > 0
      ? investmentsTable(rollup, ctx)
      : [
          {
            kind: "paragraph" as const,
            text: "Inga investeringar redovisas.",
            style: "note" as const,
          },
        ]),
    { kind: "spacer" },
    ...(rollup.forecastAccuracy ? forecastAccuracyBlocks(rollup.forecastAccuracy, ctx) : []),
    { kind: "heading", text: "Väsentliga avvikelser" },
    ...materialDeviationBlocks(rollup, ctx, thresholds),
  ];
  return { summary, body, orientation: "landscape", width: SHEET_WIDTH };
}

/**
 * `top`: the title, after the draft banner when there is one; `goalCounts`: Rapport Verksamhet's
 * mål counts sentence (template v3), for the Sammanfattning; null without mål.
 */
export function economySheet(
  top: readonly Block[],
  parts: SheetParts,
  goalCounts: string | null = null
): ReportSheet {
  const blocks: Block[] = [
    ...top,
    { kind: "paragraph", text: "Uppföljning ekonomi", style: "subtitle" },
    { kind: "heading", text: "Sammanfattning" },
    ...parts.summary,
    ...(goalCounts ? [{ kind: "paragraph" as const, text: goalCounts }] : []),
    { kind: "spacer" },
    ...parts.body,
  ];
  const { orientation, width } = parts;
  return { name: ECONOMY_SHEET, orientation, width, blocks };
}
