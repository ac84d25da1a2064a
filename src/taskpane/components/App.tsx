import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { DocumentTable20Regular, TaskListLtr20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { countBySeverity, type Finding } from "../../core/findings";
import type { AppHost } from "../../app/appHost";
import { isNotTertialWorkbook, userMessage } from "../../app/errorMessage";
import { describeCounts, SHOW_ALL, type SeverityFilter } from "../state/findingsView";
import { GENERATE_STEPS, VALIDATE_STEPS, type Step } from "../../app/progress";
import { reportStatus } from "../state/reportStatus";
import { useRibbonOutcome, type RibbonOutcomeSource } from "../useRibbonOutcome";
import {
  generateWorkbookReport,
  validateWorkbook,
  type Generated,
  type OnStep,
  type Validated,
} from "../../app/workflow";
import { ConsolidateWorkbooks } from "./ConsolidateWorkbooks";
import { FindingsPanel } from "./FindingsPanel";
import { ImportActuals } from "./ImportActuals";
import { MarkReady } from "./MarkReady";
import { KoladaFill } from "./KoladaFill";
import { NewPeriod } from "./NewPeriod";
import { NotTertialWorkbook } from "./NotTertialWorkbook";
import { OutcomeView } from "./OutcomeView";
import { ProgressView } from "./ProgressView";
import { ReportMessage } from "./ReportMessage";
import { SummaryPanel } from "./SummaryPanel";
import { WordDownload } from "./WordDownload";
import { WorkbookHeaderView } from "./WorkbookHeaderView";
import { UserText } from "./UserText";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    fontFamily: tokens.fontFamilyBase,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Read by screen readers, not shown: the findings list itself says the same on screen.
  announcer: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** Where a report's fel are listed, as the end of `… fel, som listas <here>.` */
function findingsListedIn(host: AppHost): string {
  return host.reportInWorkbook
    ? "på bladet Kontrollresultat och under Fynd nedan"
    : "på bladet Kontrollresultat i rapporten och under Fynd nedan";
}

/** What a screen reader hears when a run ends (the progress status disappears with the run). */
function announcement(result: Validated | Generated | null): string {
  if (result === null) return "";
  const counts = countBySeverity(result.analysis.findings);
  const title = isGenerated(result) ? reportStatus(counts, "").title : "Valideringen är klar";
  return `${title}: ${describeCounts(counts)}.`;
}

export interface AppProps {
  /** Null in browser mode until the user opens a workbook. */
  readonly host: AppHost | null;
  /** Where the ribbon command leaves its outcome (inside Excel only). */
  readonly ribbon?: RibbonOutcomeSource;
  /**
   * Browser mode: how the user opens a workbook (file picker, drop zone), shown above the
   * actions. Each workbook opened (each new host) is validated at once. `primary`: opening
   * another workbook is the way forward (none is open, or the open one cannot be used and no
   * other way is offered), so its button is the pane's one primary button.
   */
  readonly opener?: (primary: boolean) => ReactNode;
  /** Browser mode: the report's download, shown after Generera rapport. */
  readonly reportDownload?: ReactNode;
}

interface Busy {
  readonly steps: readonly Step[];
  readonly step: Step;
}

function isGenerated(result: Validated | Generated): result is Generated {
  return "summary" in result;
}

/** A failure to show: the message, and whether the workbook is not a Tertial workbook at all. */
interface Failure {
  readonly message: string;
  readonly notTertial: boolean;
}

function failure(error: unknown): Failure {
  return { message: userMessage(error), notTertial: isNotTertialWorkbook(error) };
}

export function App({ host, ribbon, opener, reportDownload }: AppProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<Busy | null>(null);
  // A workbook operation (Ny period, Klarmarkera, Kolada, Importera utfall) is running: the others wait.
  const [operationBusy, setOperationBusy] = useState(false);
  const [result, setResult] = useState<Validated | Generated | null>(null);
  const [resultAt, setResultAt] = useState<string | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  // The last read of the workbook failed: nothing can be reported from it (a CSV, a foreign
  // workbook, a report), so only Validera, to read it again, is left.
  const [unreadable, setUnreadable] = useState(false);
  const [filter, setFilter] = useState<SeverityFilter>(SHOW_ALL);
  const ribbonOutcome = useRibbonOutcome(ribbon);
  // A run shows its outcome only while its host is still the current one: in browser mode the
  // user may open another workbook before the last one is read.
  const currentHost = useRef(host);
  currentHost.current = host;

  const run = useCallback(
    async (
      steps: readonly Step[],
      action: (host: AppHost, onStep: OnStep) => Promise<Validated | Generated>
    ) => {
      if (host === null) return;
      const current = () => currentHost.current === host;
      setError(null);
      setBusy({ steps, step: steps[0] });
      try {
        const outcome = await action(host, (step) => {
          if (current()) setBusy({ steps, step });
        });
        if (current()) {
          setResult(outcome);
          setResultAt(new Date().toISOString());
          setUnreadable(false);
        }
      } catch (e) {
        if (current()) {
          // The last result no longer describes the workbook: show the failure alone.
          setResult(null);
          setResultAt(null);
          setError(failure(e));
          setUnreadable(true);
        }
      } finally {
        if (current()) setBusy(null);
      }
    },
    [host]
  );

  const opensWorkbooks = opener !== undefined;
  useEffect(() => {
    // A new workbook: nothing shown belongs to it yet.
    setResult(null);
    setResultAt(null);
    setError(null);
    setBusy(null);
    setUnreadable(false);
    if (opensWorkbooks) void run(VALIDATE_STEPS, validateWorkbook);
  }, [run, opensWorkbooks]);

  const navigate = useCallback(async (go: () => Promise<void>) => {
    setError(null);
    try {
      await go();
    } catch (e) {
      setError(failure(e));
    }
  }, []);

  const selectCell = host?.selectCell;
  const showSheet = host?.showSheet;
  const onSelectCell = selectCell
    ? (sheet: string, cell: string) => void navigate(() => selectCell.call(host, sheet, cell))
    : undefined;
  const onSelectFinding = onSelectCell
    ? (finding: Finding) => onSelectCell(finding.sheet, finding.cell)
    : undefined;
  const onShowSheet = showSheet
    ? (name: string) => void navigate(() => showSheet.call(host, name))
    : undefined;

  // The ribbon's outcome shows until the pane has a newer result of its own.
  const showRibbon =
    ribbonOutcome !== null && (resultAt === null || ribbonOutcome.finishedAt > resultAt);
  const header =
    result?.header ?? (ribbonOutcome?.kind === "generated" ? ribbonOutcome.header : null);

  return (
    <main className={styles.root}>
      <WorkbookHeaderView
        header={header}
        hint={opensWorkbooks ? null : "Välj Validera för att läsa arbetsboken."}
      />
      {opener?.(host === null || (unreadable && !(error?.notTertial && host.newWorkbook)))}
      {host && (
        // disabledFocusable: while busy the buttons keep the keyboard focus instead of dropping it.
        <div className={styles.actions} role="group" aria-label="Åtgärder">
          <Button
            appearance="secondary"
            icon={<TaskListLtr20Regular />}
            disabledFocusable={busy !== null || operationBusy}
            onClick={() => void run(VALIDATE_STEPS, validateWorkbook)}
          >
            Validera
          </Button>
          {!unreadable && (
            <Button
              appearance="primary"
              icon={<DocumentTable20Regular />}
              disabledFocusable={busy !== null || operationBusy}
              onClick={() => void run(GENERATE_STEPS, generateWorkbookReport)}
            >
              Generera rapport
            </Button>
          )}
        </div>
      )}
      {busy && <ProgressView steps={busy.steps} step={busy.step} />}
      {host?.operations?.readOpenWorkbook && !unreadable && (
        <NewPeriod
          host={host.operations}
          disabled={busy !== null || operationBusy}
          onBusy={setOperationBusy}
        />
      )}
      {host?.operations?.readOpenWorkbook && !unreadable && (
        <MarkReady
          host={host}
          operations={host.operations}
          disabled={busy !== null || operationBusy}
          onBusy={setOperationBusy}
        />
      )}
      {host?.operations?.readOpenWorkbook && !unreadable && (
        <KoladaFill
          host={host.operations}
          disabled={busy !== null || operationBusy}
          onBusy={setOperationBusy}
        />
      )}
      {host?.operations?.readOpenWorkbook && !unreadable && (
        <ImportActuals
          host={host.operations}
          disabled={busy !== null || operationBusy}
          onBusy={setOperationBusy}
        />
      )}
      <div className={styles.announcer} aria-live="polite" aria-atomic="true" data-announcer="">
        {busy ? "" : announcement(result)}
      </div>
      {error?.notTertial && (
        <NotTertialWorkbook message={error.message} offer={host?.newWorkbook} />
      )}
      {error && !error.notTertial && (
        <MessageBar intent="error" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>Det gick inte</MessageBarTitle>
            <UserText>{error.message}</UserText>
          </MessageBarBody>
        </MessageBar>
      )}
      {showRibbon && ribbonOutcome && (
        <OutcomeView
          outcome={ribbonOutcome}
          onShowSheet={onShowSheet}
          onSelectCell={onSelectCell}
        />
      )}
      {host && result && isGenerated(result) && !showRibbon && (
        <>
          <ReportMessage
            status={reportStatus(result.counts, findingsListedIn(host))}
            download={reportDownload}
          />
          {host.operations && (
            <WordDownload
              doc={result.doc}
              workbookName={result.header.fileName}
              operations={host.operations}
            />
          )}
          <SummaryPanel outcome={result} onShowSheet={onShowSheet} onSelectCell={onSelectCell} />
        </>
      )}
      {result && (
        <FindingsPanel
          findings={result.analysis.findings}
          filter={filter}
          onFilterChange={setFilter}
          onSelect={onSelectFinding}
        />
      )}
      {host?.operations?.picksUnits === "pane" && (
        <ConsolidateWorkbooks operations={host.operations} />
      )}
      {/* Beside the page in both hosts (webpack copies it); a window of its own. */}
      <Link href="hjalp.html" target="_blank" rel="noopener">
        Hjälp: så använder du Tertial
      </Link>
    </main>
  );
}
