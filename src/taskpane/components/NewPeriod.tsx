import { Button, Caption1 } from "@fluentui/react-components";
import { CalendarArrowRight20Regular } from "@fluentui/react-icons";
import {
  newPeriodMessage,
  newPeriodNote,
  startNewPeriod,
  type NewPeriodDone,
} from "../../app/newPeriod";
import type { Operations } from "../../app/operation";
import { newPeriodSteps, type NewPeriodStep } from "../../app/progress";
import { OperationMessage, RunStatus, type OperationProps } from "./OperationStatus";
import { useOperationRun, useOperationStyles } from "./useOperationRun";

/**
 * Ny period: the next period's workbook made from the open one, opened in Excel or downloaded in
 * browser mode. `disabled` while another run of the pane is busy; `onBusy` tells the pane while
 * this one is, so Validera and Generera rapport wait for it.
 */
export function NewPeriod({ host, disabled, onBusy }: OperationProps & { host: Operations }) {
  const styles = useOperationStyles();
  const { state, run } = useOperationRun<NewPeriodStep, NewPeriodDone>(
    host,
    (d) => host.delivery.release(d),
    onBusy
  );
  const start = () =>
    run(
      "read",
      (onStep) => startNewPeriod(host, onStep),
      (done) => done.delivered
    );

  const message =
    state.kind === "done" ? newPeriodMessage(state.done, host.delivery.workbooks) : null;
  return (
    <section className={styles.root} aria-label="Ny period" data-new-period="">
      <Button
        icon={<CalendarArrowRight20Regular />}
        disabledFocusable={disabled || state.kind === "busy"}
        onClick={() => void start()}
      >
        Ny period
      </Button>
      <Caption1>{newPeriodNote(host)}</Caption1>
      <RunStatus
        state={state}
        steps={newPeriodSteps(host.delivery.workbooks)}
        failedTitle="Ny period gick inte"
      />
      {state.kind === "done" && message && (
        <OperationMessage
          intent={
            state.done.summary.fel > 0 || state.done.summary.notCarried.length > 0
              ? "warning"
              : "success"
          }
          title={message.title}
          lines={message.lines}
          values={[state.done.summary.fileName, state.done.from]}
        />
      )}
    </section>
  );
}
