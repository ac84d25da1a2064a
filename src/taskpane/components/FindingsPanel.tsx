import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  Subtitle2,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { Checkmark20Regular, Circle20Regular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { countBySeverity, SEVERITIES, type Finding } from "../../core/findings";
import {
  describeCounts,
  findingLabel,
  groupBySheet,
  toggleSeverity,
  SEVERITY_WORD,
  visibleFindings,
  type SeverityFilter,
  type SheetGroup,
} from "../state/findingsView";
import { SeverityIcon } from "./SeverityIcon";
import { UserText } from "./UserText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  filterLabel: { fontWeight: tokens.fontWeightSemibold },
  sheet: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  finding: {
    justifyContent: "flex-start",
    textAlign: "left",
    width: "100%",
    alignItems: "flex-start",
    fontWeight: tokens.fontWeightRegular,
  },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  cell: { fontWeight: tokens.fontWeightSemibold },
  plain: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalXS,
    // The icon keeps its size beside a message that wraps.
    "& > svg": { flexShrink: 0 },
  },
});

export interface FindingsPanelProps {
  readonly findings: readonly Finding[];
  readonly filter: SeverityFilter;
  readonly onFilterChange: (filter: SeverityFilter) => void;
  /** Selects the finding's cell; absent where there is no workbook on screen. */
  readonly onSelect?: (finding: Finding) => void;
}

/** Findings by sheet, with severity filter buttons; each finding jumps to its cell. */
export function FindingsPanel({ findings, filter, onFilterChange, onSelect }: FindingsPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const filterLabelId = useId();
  const totals = countBySeverity(findings);
  const groups = groupBySheet(findings, filter);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        Fynd: {describeCounts(totals)}
      </Subtitle2>
      {findings.length === 0 ? (
        <Body1>Inga fynd: arbetsboken följer mallen och reglerna.</Body1>
      ) : (
        <>
          {/* Filters: pressed = shown. isAccessible gives the pressed state Fluent's strong
              brand fill, and the check mark says it without colour. */}
          <div className={styles.filters} role="group" aria-labelledby={filterLabelId}>
            <Body1 id={filterLabelId} className={styles.filterLabel}>
              Visa:
            </Body1>
            {SEVERITIES.map((severity) => (
              <ToggleButton
                key={severity}
                checked={filter[severity]}
                isAccessible
                icon={filter[severity] ? <Checkmark20Regular /> : <Circle20Regular />}
                onClick={() => onFilterChange(toggleSeverity(filter, severity))}
              >
                {severity === "fel" ? "Fel" : "Varningar"} ({totals[severity]})
              </ToggleButton>
            ))}
          </div>
          {groups.length === 0 && <Body1>Inga fynd med vald allvarlighet.</Body1>}
          {groups.map((group) => (
            <SheetFindings key={group.sheet} group={group} onSelect={onSelect} />
          ))}
        </>
      )}
    </section>
  );
}

function SheetFindings({
  group,
  onSelect,
}: {
  group: SheetGroup;
  onSelect?: (f: Finding) => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const [showAll, setShowAll] = useState(false);
  const shown = visibleFindings(group, showAll);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.sheet}>
        <UserText>{group.sheet}</UserText> <Caption1>({describeCounts(group.counts)})</Caption1>
      </h3>
      <ul className={styles.list}>
        {shown.map((finding) => (
          <li key={`${finding.cell}:${finding.code}:${finding.message}`}>
            {onSelect ? (
              <Button
                appearance="subtle"
                className={styles.finding}
                icon={<SeverityIcon severity={finding.severity} />}
                aria-label={findingLabel(finding)}
                onClick={() => onSelect(finding)}
              >
                <FindingText finding={finding} />
              </Button>
            ) : (
              <div className={styles.plain}>
                <SeverityIcon severity={finding.severity} />
                <FindingText finding={finding} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {shown.length < group.findings.length && (
        <Button appearance="transparent" onClick={() => setShowAll(true)}>
          Visa alla {group.findings.length} fynd på bladet <UserText>{group.sheet}</UserText>
        </Button>
      )}
    </section>
  );
}

function FindingText({ finding }: { finding: Finding }) {
  const styles = useStyles();
  return (
    <span className={styles.text}>
      <span className={styles.cell}>
        {SEVERITY_WORD[finding.severity]} · {finding.cell}
      </span>
      <span>
        <UserText>{finding.message}</UserText>
      </span>
    </span>
  );
}
