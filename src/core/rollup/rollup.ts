/**
 * The roll-up: everything the report computes from the Model. Full precision throughout; only the
 * report's number formats and text round. Linear in the number of rows.
 */
import type {
  IncomeLine,
  InvestmentLine,
  Model,
  ModelCell,
  OperatingLine,
  SettingValues,
  VolumeLine,
} from "../model";
import { isBlank } from "../parse/values";
import { periodEnd } from "../period";
import {
  countActions,
  countControls,
  countRisks,
  type ActionCounts,
  type ControlCounts,
  type RiskCounts,
} from "./counts";
import { crossCheck, type CrossCheckResult } from "./crossCheck";
import { groupBy } from "./groupBy";
import { ledgerFigures, sumFigures, type LedgerFigures } from "./ledger";
import {
  isMaterialDeviation,
  rankDeviations,
  shareOfBudget,
  thresholdsOf,
  type DeviationSource,
  type MaterialDeviation,
  type MaterialityThresholds,
} from "./materiality";
import { VOLUME_DEVIATION } from "../template/columns";
import { forecastAccuracy, type ForecastAccuracy } from "./forecastAccuracy";
import { difference, sumPresent } from "./sum";
import { yearEndBasis, yearEndValue, type YearEndBasis } from "./yearEnd";

export interface LineRollup<L, F> {
  readonly line: L;
  readonly figures: F;
}

export interface IncomeStatementRollup {
  readonly lines: readonly LineRollup<IncomeLine, LedgerFigures>[];
  /** Summa intäkter: rows of Typ Intäkt. */
  readonly income: LedgerFigures;
  /** Summa kostnader: rows of Typ Kostnad. */
  readonly costs: LedgerFigures;
  /** Summa totalt: every row (a row without a valid Typ is a finding, but still part of the ledger). */
  readonly total: LedgerFigures;
}

export interface OperatingGroup {
  /** Verksamhetsområde; null for rows that leave it empty. */
  readonly area: string | null;
  readonly lines: readonly LineRollup<OperatingLine, LedgerFigures>[];
  readonly subtotal: LedgerFigures;
}

export interface OperatingStatementRollup {
  readonly lines: readonly LineRollup<OperatingLine, LedgerFigures>[];
  /** Rows by Verksamhetsområde in order of first appearance; null when the column is not used. */
  readonly groups: readonly OperatingGroup[] | null;
  /** Totalt. */
  readonly total: LedgerFigures;
}

export interface VolumeFigures {
  readonly budgetVolume: number | null;
  readonly forecastVolume: number | null;
  /** Volym prognos − Volym budget. */
  readonly volumeDeviation: number | null;
  readonly amountDeviation: number | null;
}

export interface VolumesRollup {
  readonly lines: readonly LineRollup<VolumeLine, VolumeFigures>[];
  /** Sum of Avvikelse belopp (volumes in different units are not summed). */
  readonly amountDeviation: number | null;
}

export interface InvestmentFigures {
  readonly budget: number | null;
  readonly actual: number | null;
  readonly forecast: number | null;
  readonly previousForecast: number | null;
  /** The year's figure (yearEnd.ts), its deviation from budget and its change since last tertial. */
  readonly yearEnd: number | null;
  readonly deviation: number | null;
  readonly forecastChange: number | null;
}

export interface InvestmentsRollup {
  readonly lines: readonly LineRollup<InvestmentLine, InvestmentFigures>[];
  readonly total: InvestmentFigures;
}

export interface Rollup {
  /**
   * What the year's figure is: the forecast, or at Helår the outcome (yearEnd.ts). Every
   * deviation below is taken from it, and the report words itself by it.
   */
  readonly basis: YearEndBasis;
  readonly incomeStatement: IncomeStatementRollup;
  readonly operatingStatement: OperatingStatementRollup;
  readonly volumes: VolumesRollup;
  readonly investments: InvestmentsRollup;
  /** Resultaträkning against driftsredovisning, one result per amount column both tables have. */
  readonly crossCheck: readonly CrossCheckResult[];
  /** Rows at or over the thresholds, largest |deviation| first. */
  readonly materialDeviations: readonly MaterialDeviation[];
  readonly risks: RiskCounts;
  readonly actions: ActionCounts;
  readonly controls: ControlCounts;
  /** Prognossäkerhet: at Helår (with År filled in), the T1 and T2 forecasts against the outcome; else null. */
  readonly forecastAccuracy: ForecastAccuracy | null;
  /** Last day of the period (2024-08-31 for T2 2024); null when År or Period is missing. */
  readonly periodEnd: Date | null;
}

function rollupIncomeStatement(
  lines: readonly IncomeLine[],
  basis: YearEndBasis
): IncomeStatementRollup {
  const rolled = lines.map((line) => ({ line, figures: ledgerFigures(line, basis) }));
  const ofType = (type: string) =>
    rolled.filter((r) => r.line.cells.type.value === type).map((r) => r.figures);
  return {
    lines: rolled,
    income: sumFigures(ofType("Intäkt")),
    costs: sumFigures(ofType("Kostnad")),
    total: sumFigures(rolled.map((r) => r.figures)),
  };
}

function rollupOperatingStatement(
  lines: readonly OperatingLine[],
  basis: YearEndBasis
): OperatingStatementRollup {
  const rolled = lines.map((line) => ({ line, figures: ledgerFigures(line, basis) }));
  const total = sumFigures(rolled.map((r) => r.figures));
  if (!rolled.some((r) => r.line.cells.area.value !== null)) {
    return { lines: rolled, groups: null, total };
  }
  const groups = [...groupBy(rolled, (r) => r.line.cells.area.value)].map(([area, members]) => ({
    area,
    lines: members,
    subtotal: sumFigures(members.map((m) => m.figures)),
  }));
  return { lines: rolled, groups, total };
}

function rollupVolumes(lines: readonly VolumeLine[]): VolumesRollup {
  const rolled = lines.map((line) => {
    const { budgetVolume, forecastVolume, amountDeviation } = line.cells;
    return {
      line,
      figures: {
        budgetVolume: budgetVolume.value,
        forecastVolume: forecastVolume.value,
        volumeDeviation: VOLUME_DEVIATION.compute({
          forecastVolume: forecastVolume.value,
          budgetVolume: budgetVolume.value,
        }),
        amountDeviation: amountDeviation.value,
      },
    };
  });
  return {
    lines: rolled,
    amountDeviation: sumPresent(rolled.map((r) => r.figures.amountDeviation)),
  };
}

type InvestmentAmounts = Pick<
  InvestmentFigures,
  "budget" | "actual" | "forecast" | "previousForecast"
>;

function investmentFigures(amounts: InvestmentAmounts, yearEnd: number | null): InvestmentFigures {
  return {
    ...amounts,
    yearEnd,
    deviation: difference(yearEnd, amounts.budget),
    forecastChange: difference(yearEnd, amounts.previousForecast),
  };
}

function rollupInvestments(
  lines: readonly InvestmentLine[],
  basis: YearEndBasis
): InvestmentsRollup {
  const rolled = lines.map((line) => {
    const { budget, actual, forecast, previousForecast } = line.cells;
    const amounts = {
      budget: budget.value,
      actual: actual.value,
      forecast: forecast.value,
      previousForecast: previousForecast.value,
    };
    return { line, figures: investmentFigures(amounts, yearEndValue(basis, amounts)) };
  });
  const sum = (key: keyof InvestmentAmounts | "yearEnd") =>
    sumPresent(rolled.map((r) => r.figures[key]));
  return {
    lines: rolled,
    total: investmentFigures(
      {
        budget: sum("budget"),
        actual: sum("actual"),
        forecast: sum("forecast"),
        previousForecast: sum("previousForecast"),
      },
      sum("yearEnd")
    ),
  };
}

/** What the material-deviation judgement needs of a ledger or investment row. */
interface DeviationLine {
  readonly sheet: string;
  readonly row: number;
  readonly cells: { readonly comment: ModelCell<string> };
}

interface DeviationFigures {
  readonly budget: number | null;
  readonly yearEnd: number | null;
  readonly deviation: number | null;
}

/** The row as a material deviation, or null when its deviation is missing or below the thresholds. */
function materialDeviation(
  source: DeviationSource,
  label: string | null,
  { line, figures }: LineRollup<DeviationLine, DeviationFigures>,
  thresholds: MaterialityThresholds
): MaterialDeviation | null {
  const { budget, yearEnd, deviation } = figures;
  if (deviation === null || !isMaterialDeviation(deviation, budget, thresholds)) return null;
  const { comment } = line.cells;
  return {
    source,
    label: label ?? "",
    budget,
    yearEnd,
    deviation,
    share: shareOfBudget(deviation, budget),
    comment: comment.value,
    commented: !isBlank(comment.raw),
    sheet: line.sheet,
    row: line.row,
    commentCell: comment.address,
  };
}

function materialDeviations(
  settings: SettingValues,
  income: IncomeStatementRollup,
  operating: OperatingStatementRollup,
  investments: InvestmentsRollup
): MaterialDeviation[] {
  const thresholds = thresholdsOf(settings);
  const found = [
    ...income.lines.map((r) =>
      materialDeviation("incomeStatement", r.line.cells.post.value, r, thresholds)
    ),
    ...operating.lines.map((r) =>
      materialDeviation("operatingStatement", r.line.cells.activity.value, r, thresholds)
    ),
    ...investments.lines.map((r) =>
      materialDeviation("investments", r.line.cells.name.value, r, thresholds)
    ),
  ];
  return rankDeviations(found.filter((d): d is MaterialDeviation => d !== null));
}

/** Prognossäkerhet at Helår: each ledger and investment row's outcome and T2 forecast, keyed. */
function accuracy(
  model: Model,
  basis: YearEndBasis,
  income: IncomeStatementRollup,
  operating: OperatingStatementRollup,
  investments: InvestmentsRollup
): ForecastAccuracy | null {
  const { year } = model.settings.values;
  if (basis !== "outcome" || year === null) return null;
  const input = (
    label: string | null,
    f: { yearEnd: number | null; previousForecast: number | null }
  ) => ({
    label,
    outcome: f.yearEnd,
    previousForecast: f.previousForecast,
  });
  return forecastAccuracy(model, year, {
    incomeStatement: income.lines.map((r) => input(r.line.cells.post.value, r.figures)),
    operatingStatement: operating.lines.map((r) => input(r.line.cells.activity.value, r.figures)),
    investments: investments.lines.map((r) => input(r.line.cells.name.value, r.figures)),
  });
}

export function rollup(model: Model): Rollup {
  const { year, period } = model.settings.values;
  const end = year !== null && period !== null ? periodEnd(year, period) : null;
  const basis = yearEndBasis(period);
  const incomeStatement = rollupIncomeStatement(model.incomeStatement, basis);
  const operatingStatement = rollupOperatingStatement(model.operatingStatement, basis);
  const investments = rollupInvestments(model.investments, basis);
  return {
    basis,
    incomeStatement,
    operatingStatement,
    volumes: rollupVolumes(model.volumes),
    investments,
    crossCheck: crossCheck(model),
    materialDeviations: materialDeviations(
      model.settings.values,
      incomeStatement,
      operatingStatement,
      investments
    ),
    risks: countRisks(model.risks),
    actions: countActions(model.actions, end),
    controls: countControls(model.controls),
    forecastAccuracy: accuracy(model, basis, incomeStatement, operatingStatement, investments),
    periodEnd: end,
  };
}
