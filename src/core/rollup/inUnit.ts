/**
 * The roll-up in another amount unit: the report's (Rapportenhet) where it differs from the
 * workbook's Enhet. Every amount is scaled at full precision (amountUnit.ts), nothing rounded;
 * shares, volumes and counts stay as they are. The rules judge the roll-up in Enhet, so a finding
 * and the report's row still come from the same figures.
 */
import { convertAmount, type AmountUnit } from "../amountUnit";
import { FORECAST_PERIODS, type AccuracyFigures, type ForecastAccuracy } from "./forecastAccuracy";
import type { LedgerFigures } from "./ledger";
import type { MaterialDeviation, MaterialityThresholds } from "./materiality";
import type { InvestmentFigures, LineRollup, Rollup, VolumeFigures } from "./rollup";

type Scale = (value: number | null) => number | null;

/** Every field is an amount: LedgerFigures, InvestmentFigures. */
function scaleAll<F extends { readonly [K in keyof F]: number | null }>(
  figures: F,
  scale: Scale
): F {
  const scaled: Record<string, number | null> = {};
  for (const [key, value] of Object.entries<number | null>(figures)) scaled[key] = scale(value);
  return scaled as F;
}

function scaleLines<L, F>(
  lines: readonly LineRollup<L, F>[],
  scaleFigures: (figures: F) => F
): LineRollup<L, F>[] {
  return lines.map(({ line, figures }) => ({ line, figures: scaleFigures(figures) }));
}

function scaleAccuracy(accuracy: ForecastAccuracy, scale: Scale): ForecastAccuracy {
  const figures = (f: AccuracyFigures): AccuracyFigures => ({
    outcome: scale(f.outcome),
    periods: Object.fromEntries(
      FORECAST_PERIODS.map((p) => {
        const { forecast, miss, share } = f.periods[p];
        return [p, { forecast: scale(forecast), miss: scale(miss), share }];
      })
    ) as AccuracyFigures["periods"],
  });
  return {
    ...accuracy,
    sections: accuracy.sections.map((section) => ({
      ...section,
      lines: section.lines.map((l) => ({ ...l, figures: figures(l.figures) })),
      total: figures(section.total),
    })),
    largest: accuracy.largest && { ...accuracy.largest, miss: scale(accuracy.largest.miss) ?? 0 },
  };
}

/** The roll-up with its amounts in `to` instead of `from`: the same object when they are alike. */
export function rollupInUnit(rollup: Rollup, from: AmountUnit, to: AmountUnit): Rollup {
  if (from === to) return rollup;
  const scale: Scale = (value) => (value === null ? null : convertAmount(value, from, to));
  const ledger = (f: LedgerFigures) => scaleAll(f, scale);
  const investment = (f: InvestmentFigures) => scaleAll(f, scale);
  const volume = (f: VolumeFigures): VolumeFigures => ({
    ...f,
    amountDeviation: scale(f.amountDeviation),
  });
  const { incomeStatement, operatingStatement, volumes, investments } = rollup;
  return {
    ...rollup,
    incomeStatement: {
      lines: scaleLines(incomeStatement.lines, ledger),
      income: ledger(incomeStatement.income),
      costs: ledger(incomeStatement.costs),
      total: ledger(incomeStatement.total),
    },
    operatingStatement: {
      lines: scaleLines(operatingStatement.lines, ledger),
      groups:
        operatingStatement.groups?.map((g) => ({
          area: g.area,
          lines: scaleLines(g.lines, ledger),
          subtotal: ledger(g.subtotal),
        })) ?? null,
      total: ledger(operatingStatement.total),
    },
    volumes: {
      lines: scaleLines(volumes.lines, volume),
      amountDeviation: scale(volumes.amountDeviation),
    },
    investments: {
      lines: scaleLines(investments.lines, investment),
      total: investment(investments.total),
    },
    crossCheck: rollup.crossCheck.map((r) => ({
      ...r,
      incomeStatement: { ...r.incomeStatement, total: scale(r.incomeStatement.total) ?? 0 },
      operatingStatement: {
        ...r.operatingStatement,
        total: scale(r.operatingStatement.total) ?? 0,
      },
      difference: scale(r.difference) ?? 0,
      tolerance: scale(r.tolerance) ?? 0,
    })),
    materialDeviations: rollup.materialDeviations.map((d): MaterialDeviation => ({
      ...d,
      budget: scale(d.budget),
      yearEnd: scale(d.yearEnd),
      deviation: scale(d.deviation) ?? 0,
    })),
    forecastAccuracy: rollup.forecastAccuracy && scaleAccuracy(rollup.forecastAccuracy, scale),
  };
}

/** The materiality thresholds in `to`: the amount scales, the percent does not. */
export function thresholdsInUnit(
  thresholds: MaterialityThresholds,
  from: AmountUnit,
  to: AmountUnit
): MaterialityThresholds {
  return {
    ...thresholds,
    amount: thresholds.amount === null ? null : convertAmount(thresholds.amount, from, to),
  };
}
