import {
  Body1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from "@fluentui/react-components";
import { consolidatedFileName, consolidationHeadline } from "../../app/consolidationView";
import { isReady } from "../../core/consolidate/isReady";
import { consolidationTotals } from "../../core/consolidate/summaryText";
import { formatNumber } from "../../core/format";
import type { ConsolidationState } from "../useConsolidation";
import { UserText } from "./UserText";

/** Sammanställ's progress and outcome, announced as they change. */
export function ConsolidationStatus({
  state,
  fileCount,
}: {
  state: ConsolidationState;
  fileCount: number;
}) {
  return (
    <div aria-live="polite">
      {state.kind === "busy" && (
        <>
          <Body1 role="status">
            Läser {formatNumber(state.index + 1, 0)} av {formatNumber(fileCount, 0)}:{" "}
            <UserText>{state.name}</UserText>
          </Body1>
          <ProgressBar value={state.index / Math.max(fileCount, 1)} aria-hidden />
        </>
      )}
      {state.kind === "done" && (
        <MessageBar
          intent={
            state.consolidation.unusable.length > 0 ||
            state.consolidation.units.some((u) => u.fel > 0 || !isReady(u))
              ? "warning"
              : "success"
          }
        >
          <MessageBarBody>
            <MessageBarTitle>Sammanställningen är klar</MessageBarTitle>
            {consolidationHeadline(state.consolidation)} {consolidationTotals(state.consolidation)}{" "}
            {state.delivered.how === "downloaded" ? (
              <>
                Den laddas ned som <UserText>{state.delivered.fileName}</UserText> (oftast till
                mappen Hämtade filer).{" "}
                <Link href={state.delivered.url} download={state.delivered.fileName}>
                  Ladda ned sammanställningen igen
                </Link>
              </>
            ) : (
              <>
                Den är öppnad som en ny arbetsbok i Excel; spara den, till exempel som{" "}
                <UserText>{consolidatedFileName(state.consolidation)}</UserText>.
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "failed" && (
        <MessageBar intent="error" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>Det gick inte att sammanställa</MessageBarTitle>
            <UserText>{state.message}</UserText>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
