import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { FolderOpen20Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { userMessage } from "../../app/errorMessage";
import { fillFromKolada, KOLADA_NOTE, koladaMessage, type KoladaDone } from "../../app/kolada";
import type { Delivered, Operations } from "../../app/operation";
import { koladaSteps, type KoladaStep } from "../../app/progress";
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
  | { readonly kind: "busy"; readonly step: KoladaStep }
  | { readonly kind: "done"; readonly done: KoladaDone }
  | { readonly kind: "failed"; readonly message: string };

/**
 * Hämta från Kolada-fil: the user picks saved Kolada responses; the open workbook with the Kolada
 * indicators filled is opened in Excel or downloaded in browser mode (src/app/kolada.ts).
 */
export function KoladaFill({
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
  const input = useRef<HTMLInputElement>(null);
  const current = useRef(host);
  current.current = host;
  useEffect(() => setState({ kind: "idle" }), [host]);
  const last = useRef<Delivered | null>(null);

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = "";
    if (files.length === 0) return;
    const show = (next: State) => {
      if (current.current === host) setState(next);
    };
    show({ kind: "busy", step: "read" });
    onBusy?.(true);
    try {
      const done = await fillFromKolada(host, files, (step) => show({ kind: "busy", step }));
      if (done.delivered) {
        if (last.current) host.delivery.release(last.current);
        last.current = done.delivered;
      }
      show({ kind: "done", done });
    } catch (error) {
      show({ kind: "failed", message: userMessage(error) });
    } finally {
      onBusy?.(false);
    }
  };

  const message = state.kind === "done" ? koladaMessage(state.done, host.delivery.workbooks) : null;
  return (
    <section className={styles.root} aria-label="Hämta från Kolada-fil" data-kolada="">
      <Button
        icon={<FolderOpen20Regular />}
        disabledFocusable={disabled || state.kind === "busy"}
        onClick={() => input.current?.click()}
      >
        Hämta från Kolada-fil
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        multiple
        hidden
        onChange={(event) => void onPick(event)}
        data-kolada-input=""
      />
      <Caption1>{KOLADA_NOTE}</Caption1>
      {state.kind === "busy" && (
        <ProgressView steps={koladaSteps(host.delivery.workbooks)} step={state.step} />
      )}
      {state.kind === "done" && message && (
        <MessageBar layout="multiline" intent={message.intent}>
          <MessageBarBody>
            <MessageBarTitle>{message.title}</MessageBarTitle>
            {message.lines.map((line) => (
              <p key={line} className={styles.line}>
                <WithUserValues text={line} values={[state.done.fileName, state.done.from]} />
              </p>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "failed" && (
        <MessageBar intent="error" politeness="assertive">
          <MessageBarBody>
            <MessageBarTitle>Hämta från Kolada-fil gick inte</MessageBarTitle>
            <UserText>{state.message}</UserText>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
