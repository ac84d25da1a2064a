import { Body1, Caption1, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { describeCounts } from "../state/findingsView";
import type { ReportOutcome } from "../../app/workflow";
import { UserText } from "./UserText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  figures: {
    display: "grid",
    gridTemplateColumns: "1fr max-content",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
  },
  amount: { margin: 0, fontWeight: tokens.fontWeightSemibold, textAlign: "right" },
  subheading: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface SummaryPanelProps {
  readonly outcome: ReportOutcome;
  /** Jumps to a report sheet or to a cell; absent where there is no workbook on screen. */
  readonly onShowSheet?: (name: string) => void;
  readonly onSelectCell?: (sheet: string, cell: string) => void;
}

/** After Generera rapport: Summa totalt and its avvikelse, the largest deviations, the sheets written. */
export function SummaryPanel({ outcome, onShowSheet, onSelectCell }: SummaryPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const { summary } = outcome;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        Rapporten
      </Subtitle2>
      <dl className={styles.figures}>
        <dt>{summary.totalLabel}</dt>
        <dd className={styles.amount}>{summary.totalForecast ?? "–"}</dd>
        <dt>Avvikelse mot budget</dt>
        <dd className={styles.amount}>{summary.totalDeviation ?? "–"}</dd>
      </dl>

      <h3 className={styles.subheading}>Största väsentliga avvikelser</h3>
      {summary.largestDeviations.length === 0 ? (
        <Body1>Inga väsentliga avvikelser.</Body1>
      ) : (
        <ol className={styles.list}>
          {summary.largestDeviations.map((d) => (
            <li key={`${d.sheet}!${d.cell}`}>
              {onSelectCell ? (
                <Link
                  as="button"
                  onClick={() => onSelectCell(d.sheet, d.cell)}
                  aria-label={`${d.label}: ${d.deviation}. Gå till kommentaren i ${d.sheet}, cell ${d.cell}.`}
                >
                  <UserText>{d.label}</UserText>: {d.deviation}
                </Link>
              ) : (
                <>
                  <UserText>{d.label}</UserText>: {d.deviation}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {summary.materialDeviationCount > summary.largestDeviations.length && (
        <Caption1>
          <UserText>{summary.materialDeviationText}</UserText>
        </Caption1>
      )}
      {summary.goalCountsText && (
        <Caption1>
          <UserText>{summary.goalCountsText}</UserText>
        </Caption1>
      )}

      <h3 className={styles.subheading}>Rapportblad</h3>
      <ul className={styles.list}>
        {outcome.sheetNames.map((name) => (
          <li key={name}>
            {onShowSheet ? (
              <Link
                as="button"
                onClick={() => onShowSheet(name)}
                aria-label={`Visa bladet ${name}`}
              >
                {name}
              </Link>
            ) : (
              name
            )}
          </li>
        ))}
      </ul>
      <Caption1>Kontrollen gav {describeCounts(outcome.counts)}.</Caption1>
    </section>
  );
}
