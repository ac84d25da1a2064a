import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { CalendarArrowRight20Regular } from "@fluentui/react-icons";
import {
  newPeriodMessage,
  newPeriodNote,
  startNewPeriod,
  type NewPeriodDone,
} from "../../app/newPeriod";
import type { Operations } from "../../app/operation";
import { newPeriodSteps, type NewPeriodStep } from "../../app/progress";
import { ProgressView } from "./ProgressView";
import { useOperationRun, useOperationStyles } from "./useOperationRun";
import { UserText, WithUserValues } from "./UserText";

/**
 * Ny period: the next period's workbook made from the open one, opened in Excel or downloaded in
 * browser mode. `disabled` while another run of the pane is busy; `onBusy` tells the pane while
 * this one is, so Validera and Generera rapport wait for it.
 */
export function NewPeriod({
  host,
  disabled,
  onBusy,
}: {
  host: Operations;
  disabled: boolean;
  onBusy?: (busy: boolean) => void;
}) {
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
      {state.kind === "busy" && (
        <ProgressView steps={newPeriodSteps(host.delivery.workbooks)} step={state.step} />
      )}
      {state.kind === "done" && message && (
        // multiline: the file name and the lines wrap, so a 360 px pane never grows wider.
        <MessageBar
          layout="multiline"
          intent={
            state.done.summary.fel > 0 || state.done.summary.notCarried.length > 0
              ? "warning"
              : "success"
          }
        >
          <MessageBarBody>
            <MessageBarTitle>{message.title}</MessageBarTitle>
            {message.lines.map((line) => (
              <p key={line} className={styles.line}>
                <WithUserValues
                  text={line}
                  values={[state.done.summary.fileName, state.done.from]}
                />
              </p>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "failed" && (
        <MessageBar intent="error" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>Ny period gick inte</MessageBarTitle>
            <UserText>{state.message}</UserText>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
