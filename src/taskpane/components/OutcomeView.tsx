import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { describeCounts } from "../state/findingsView";
import { reportStatus } from "../state/reportStatus";
import { formatFinishedAt, type StoredOutcome } from "../../app/storedOutcome";
import { SummaryPanel, type SummaryPanelProps } from "./SummaryPanel";

export interface OutcomeViewProps {
  readonly outcome: StoredOutcome;
  readonly onShowSheet?: SummaryPanelProps["onShowSheet"];
  readonly onSelectCell?: SummaryPanelProps["onSelectCell"];
}

/** What the ribbon's Generera rapport did: a message bar, and the summary when it succeeded. */
export function OutcomeView({ outcome, onShowSheet, onSelectCell }: OutcomeViewProps) {
  const when = formatFinishedAt(outcome.finishedAt);
  if (outcome.kind === "failed") {
    return (
      <MessageBar intent="error" politeness="assertive">
        <MessageBarBody>
          <MessageBarTitle>Generera rapport ({when}) gick inte</MessageBarTitle>
          {outcome.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const status = reportStatus(outcome.counts, "på bladet Kontrollresultat");
  return (
    <>
      <MessageBar intent={status.draft ? "warning" : "success"}>
        <MessageBarBody>
          <MessageBarTitle>
            {status.draft ? `${status.title} (${when})` : `Rapporten genererades ${when}`}
          </MessageBarTitle>
          {status.detail ?? `Kontrollen gav ${describeCounts(outcome.counts)}.`}
          {outcome.counts.fel + outcome.counts.varning > 0 &&
            " Välj Validera för att se fynden och gå till cellerna."}
        </MessageBarBody>
      </MessageBar>
      <SummaryPanel outcome={outcome} onShowSheet={onShowSheet} onSelectCell={onSelectCell} />
      {!onShowSheet && (
        <Body1>Rapportbladen finns i arbetsboken: {outcome.sheetNames.join(", ")}.</Body1>
      )}
    </>
  );
}
