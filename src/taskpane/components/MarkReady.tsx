import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkStarburst20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import type { AppHost } from "../../app/appHost";
import { userMessage } from "../../app/errorMessage";
import {
  markReady,
  markReadyMessage,
  markReadyNote,
  type MarkReadyOutcome,
} from "../../app/markReady";
import type { Delivered, Operations } from "../../app/operation";
import { markReadySteps, type MarkReadyStep } from "../../app/progress";
import { calendarDay } from "../../core/validate";
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
  | { readonly kind: "busy"; readonly step: MarkReadyStep }
  | { readonly kind: "done"; readonly outcome: MarkReadyOutcome }
  | { readonly kind: "failed"; readonly message: string };

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
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [by, setBy] = useState("");
  const current = useRef(host);
  current.current = host;
  useEffect(() => setState({ kind: "idle" }), [host]);
  const last = useRef<Delivered | null>(null);

  const run = async () => {
    const show = (next: State) => {
      if (current.current === host) setState(next);
    };
    show({ kind: "busy", step: "read" });
    onBusy?.(true);
    try {
      const outcome = await markReady(host, by, calendarDay(new Date()), (step) =>
        show({ kind: "busy", step })
      );
      if (outcome.kind === "marked" && outcome.delivered) {
        if (last.current) operations.delivery.release(last.current);
        last.current = outcome.delivered;
      }
      show({ kind: "done", outcome });
    } catch (error) {
      show({ kind: "failed", message: userMessage(error) });
    } finally {
      onBusy?.(false);
    }
  };

  const outcome = state.kind === "done" ? state.outcome : null;
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
        onClick={() => void run()}
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
