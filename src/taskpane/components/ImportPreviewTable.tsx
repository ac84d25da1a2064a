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
import type { PreviewRow } from "../../app/importActuals";
import { UserText } from "./UserText";

const useStyles = makeStyles({
  // A task pane is narrow: the text wraps inside its cells instead of widening the table.
  table: { tableLayout: "fixed", width: "100%" },
  rowColumn: { width: "50%" },
  figureHeader: { justifyContent: "flex-end" },
  cell: { verticalAlign: "top", overflowWrap: "anywhere", paddingBlock: tokens.spacingVerticalXS },
  name: { display: "block", fontWeight: tokens.fontWeightSemibold },
  where: { display: "block" },
  amount: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  // Before above after: two amounts side by side do not fit a 360 px pane in mnkr to the öre.
  figure: { display: "block" },
  after: { display: "block", fontWeight: tokens.fontWeightSemibold },
});

/** Importera utfall's preview: every cell that changes, its row and column, before → after. */
export function ImportPreviewTable({ rows }: { rows: readonly PreviewRow[] }) {
  const styles = useStyles();
  const amount = mergeClasses(styles.cell, styles.amount);
  return (
    <Table
      size="small"
      className={styles.table}
      aria-label="Celler som ändras"
      data-import-preview=""
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.rowColumn}>Rad</TableHeaderCell>
          <TableHeaderCell button={{ className: styles.figureHeader }}>
            Före → efter
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={`${row.sheet}!${row.cell}`}>
            <TableCell className={styles.cell}>
              <span className={styles.name}>
                <UserText>{row.name}</UserText>
              </span>
              <Caption1 className={styles.where}>
                {row.sheet} {row.cell}, {row.header}
              </Caption1>
            </TableCell>
            <TableCell className={amount}>
              <span className={styles.figure}>
                <UserText>{row.before}</UserText> →
              </span>
              <span className={styles.after}>{row.after}</span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
