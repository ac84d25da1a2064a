import {
  Caption1,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import {
  CheckmarkCircle20Filled,
  DismissCircle20Filled,
  ErrorCircle20Filled,
  Warning20Filled,
} from "@fluentui/react-icons";
import { STATUS_WORDS, type UnitRow, type UnitStatus } from "../../app/consolidationView";
import { UserText } from "./UserText";

const useStyles = makeStyles({
  // A task pane is narrow: the text wraps inside its cells instead of widening the table.
  table: { tableLayout: "fixed", width: "100%" },
  unitColumn: { width: "34%" },
  deviationColumn: { width: "26%", textAlign: "right" },
  // The header's text sits in a flex button slot: textAlign alone leaves it at the left.
  figureHeader: { justifyContent: "flex-end" },
  cell: { verticalAlign: "top", overflowWrap: "anywhere", paddingBlock: tokens.spacingVerticalXS },
  name: { display: "block", fontWeight: tokens.fontWeightSemibold },
  status: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  statusWord: { fontWeight: tokens.fontWeightSemibold },
  detail: { display: "block" },
  amount: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

/** The icon repeats the status word beside it, so it is hidden from screen readers. */
function StatusIcon({ status }: { status: UnitStatus }) {
  switch (status) {
    case "unusable":
      return <DismissCircle20Filled aria-hidden primaryFill={tokens.colorPaletteRedForeground1} />;
    case "fel":
      return <ErrorCircle20Filled aria-hidden primaryFill={tokens.colorPaletteRedForeground1} />;
    case "notReady":
      return <Warning20Filled aria-hidden primaryFill={tokens.colorPaletteDarkOrangeForeground1} />;
    case "ready":
      return (
        <CheckmarkCircle20Filled aria-hidden primaryFill={tokens.colorPaletteGreenForeground1} />
      );
  }
}

/**
 * Sammanställ's per-unit result: one row per file, its status in words (Kan inte användas, Har
 * fel, Inte klarmarkerad, Klar), who marked it ready and its fel and varningar, and its avvikelse.
 */
export function ConsolidationTable({
  rows,
  caption,
}: {
  rows: readonly UnitRow[];
  caption: string;
}) {
  const styles = useStyles();
  return (
    <Table size="small" className={styles.table} aria-label={caption} data-consolidation-table="">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.unitColumn}>Enhet</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell
            className={styles.deviationColumn}
            button={{ className: styles.figureHeader }}
          >
            Avvikelse helår
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.file}>
            <TableCell className={styles.cell}>
              {row.name !== null && (
                <span className={styles.name}>
                  <UserText>{row.name}</UserText>
                </span>
              )}
              <Caption1>
                <UserText>{row.file}</UserText>
              </Caption1>
            </TableCell>
            <TableCell className={styles.cell}>
              {row.statuses.map((status) => (
                <span key={status} className={styles.status}>
                  <StatusIcon status={status} />
                  <span className={styles.statusWord}>{STATUS_WORDS[status]}</span>
                </span>
              ))}
              {row.details.map((detail) => (
                <Caption1 key={detail} className={styles.detail}>
                  <UserText>{detail}</UserText>
                </Caption1>
              ))}
            </TableCell>
            <TableCell className={mergeClasses(styles.cell, styles.amount)}>
              {row.deviation ?? "–"}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
