import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { CheckmarkStarburst20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { AppHost } from "../../app/appHost";
import {
  markReady,
  markReadyMessage,
  markReadyNote,
  type MarkReadyOutcome,
} from "../../app/markReady";
import type { Operations } from "../../app/operation";
import { markReadySteps, type MarkReadyStep } from "../../app/progress";
import { calendarDay } from "../../core/validate";
import { ProgressView } from "./ProgressView";
import { useOperationRun, useOperationStyles } from "./useOperationRun";
import { UserText, WithUserValues } from "./UserText";

/**
 * Klarmarkera: the open workbook checked and, free of fel, marked ready with the seal of its data
 * (Excel: its four ready-mark cells; browser mode: a marked copy downloaded). `disabled` while
 * another run of the pane is busy; `onBusy` tells the pane while this one is.
 */
export function MarkReady({
  host,
  operations,
  disabled,
  onBusy,
}: {
  host: AppHost;
  operations: Operations;
  disabled: boolean;
  onBusy?: (busy: boolean) => void;
}) {
  const styles = useOperationStyles();
  const [by, setBy] = useState("");
  const { state, run } = useOperationRun<MarkReadyStep, MarkReadyOutcome>(
    host,
    (d) => operations.delivery.release(d),
    onBusy
  );
  const start = () =>
    run(
      "read",
      (onStep) => markReady(host, by, calendarDay(new Date()), onStep),
      (outcome) => (outcome.kind === "marked" ? outcome.delivered : null)
    );

  const outcome = state.kind === "done" ? state.done : null;
  return (
    <section className={styles.root} aria-label="Klarmarkera" data-mark-ready="">
      <Field label="Klarmarkerad av" hint="Ditt namn, som det ska stå i arbetsboken.">
        <Input
          value={by}
          onChange={(_, data) => setBy(data.value)}
          disabled={state.kind === "busy"}
        />
      </Field>
      <Button
        icon={<CheckmarkStarburst20Regular />}
        disabledFocusable={disabled || state.kind === "busy" || by.trim() === ""}
        onClick={() => void start()}
      >
        Klarmarkera
      </Button>
      <Caption1>{markReadyNote(operations)}</Caption1>
      {state.kind === "busy" && (
        <ProgressView
          steps={markReadySteps(operations.writeReadyMark !== undefined)}
          step={state.step}
        />
      )}
      {outcome?.kind === "marked" && (
        <MessageBar layout="multiline" intent="success">
          <MessageBarBody>
            <MessageBarTitle>Arbetsboken är klarmarkerad</MessageBarTitle>
            {markReadyMessage(outcome).map((line) => (
              <p key={line} className={styles.line}>
                <WithUserValues
                  text={line}
                  values={[outcome.from, outcome.values.readyBy, outcome.delivered?.fileName ?? ""]}
                />
              </p>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "refused" && (
        <MessageBar layout="multiline" intent="error" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>Arbetsboken klarmarkerades inte</MessageBarTitle>
            <UserText>{outcome.message}</UserText>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "failed" && (
        <MessageBar layout="multiline" intent="error" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>Klarmarkera gick inte</MessageBarTitle>
            <UserText>{state.message}</UserText>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
