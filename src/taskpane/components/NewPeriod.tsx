import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { CalendarArrowRight20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { userMessage } from "../../app/errorMessage";
import {
  newPeriodMessage,
  newPeriodNote,
  startNewPeriod,
  type NewPeriodDone,
} from "../../app/newPeriod";
import type { Delivered, Operations } from "../../app/operation";
import { newPeriodSteps, type NewPeriodStep } from "../../app/progress";
import { ProgressView } from "./ProgressView";
import { UserText, WithUserValues } from "./UserText";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
  line: { margin: 0 },
});

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "busy"; readonly step: NewPeriodStep }
  | { readonly kind: "done"; readonly done: NewPeriodDone }
  | { readonly kind: "failed"; readonly message: string };

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
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "idle" });
  // A run shows its outcome only while its host is still the current one (browser mode may
  // open another workbook meanwhile).
  const current = useRef(host);
  current.current = host;
  useEffect(() => setState({ kind: "idle" }), [host]);
  // The last download's URL stays valid until the next one, so a slow download is never cut off.
  const last = useRef<Delivered | null>(null);

  const run = async () => {
    const show = (next: State) => {
      if (current.current === host) setState(next);
    };
    show({ kind: "busy", step: "read" });
    onBusy?.(true);
    try {
      const done = await startNewPeriod(host, (step) => show({ kind: "busy", step }));
      if (last.current) host.delivery.release(last.current);
      last.current = done.delivered;
      show({ kind: "done", done });
    } catch (error) {
      show({ kind: "failed", message: userMessage(error) });
    } finally {
      onBusy?.(false);
    }
  };

  const message =
    state.kind === "done" ? newPeriodMessage(state.done, host.delivery.workbooks) : null;
  return (
    <section className={styles.root} aria-label="Ny period" data-new-period="">
      <Button
        icon={<CalendarArrowRight20Regular />}
        disabledFocusable={disabled || state.kind === "busy"}
        onClick={() => void run()}
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
