import { Button, Caption1, Field, Input } from "@fluentui/react-components";
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
import { OperationMessage, RunStatus, type OperationProps } from "./OperationStatus";
import { useOperationRun, useOperationStyles } from "./useOperationRun";

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
}: OperationProps & { host: AppHost; operations: Operations }) {
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
      <RunStatus
        state={state}
        steps={markReadySteps(operations.writeReadyMark !== undefined)}
        failedTitle="Klarmarkera gick inte"
      />
      {outcome?.kind === "marked" && (
        <OperationMessage
          intent="success"
          title="Arbetsboken är klarmarkerad"
          lines={markReadyMessage(outcome)}
          values={[outcome.from, outcome.values.readyBy, outcome.delivered?.fileName ?? ""]}
        />
      )}
      {outcome?.kind === "refused" && (
        // The refusal is one sentence of the core's around the file's name: isolated whole, as a failure is.
        <OperationMessage
          intent="error"
          title="Arbetsboken klarmarkerades inte"
          lines={[outcome.message]}
          values={[outcome.message]}
        />
      )}
    </section>
  );
}
