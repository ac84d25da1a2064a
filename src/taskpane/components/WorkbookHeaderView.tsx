import { Body1, makeStyles, Title3, tokens } from "@fluentui/react-components";
import type { WorkbookHeader } from "../../app/workbookHeader";
import { UserText } from "./UserText";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Which workbook the pane works on: Organisation, År, Period and template version; before it is
 * read, the hint (if any) says how to start.
 */
export function WorkbookHeaderView({
  header,
  hint,
}: {
  header: WorkbookHeader | null;
  hint: string | null;
}) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h1">Tertial</Title3>
      {header ? (
        <dl className={styles.facts} aria-label={`Arbetsboken ${header.fileName}`}>
          <dt className={styles.term}>Organisation</dt>
          <dd className={styles.value}>
            <UserText>{header.organisation}</UserText>
          </dd>
          <dt className={styles.term}>År</dt>
          <dd className={styles.value}>
            <UserText>{header.year}</UserText>
          </dd>
          <dt className={styles.term}>Period</dt>
          <dd className={styles.value}>
            <UserText>{header.period}</UserText>
          </dd>
          <dt className={styles.term}>Mallversion</dt>
          <dd className={styles.value}>
            <UserText>{header.templateVersion}</UserText>
          </dd>
        </dl>
      ) : (
        hint && <Body1>{hint}</Body1>
      )}
    </header>
  );
}
