import { Button, Caption1 } from "@fluentui/react-components";
import { FolderOpen20Regular } from "@fluentui/react-icons";
import { useRef, type ChangeEvent } from "react";
import { fillFromKolada, KOLADA_NOTE, koladaMessage, type KoladaDone } from "../../app/kolada";
import type { Operations } from "../../app/operation";
import { koladaSteps, type KoladaStep } from "../../app/progress";
import { OperationMessage, RunStatus, type OperationProps } from "./OperationStatus";
import { useOperationRun, useOperationStyles } from "./useOperationRun";

/**
 * Hämta från Kolada-fil: the user picks saved Kolada responses; the open workbook with the Kolada
 * indicators filled is opened in Excel or downloaded in browser mode (src/app/kolada.ts).
 */
export function KoladaFill({ host, disabled, onBusy }: OperationProps & { host: Operations }) {
  const styles = useOperationStyles();
  const { state, run } = useOperationRun<KoladaStep, KoladaDone>(
    host,
    (d) => host.delivery.release(d),
    onBusy
  );
  const input = useRef<HTMLInputElement>(null);

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = "";
    if (files.length === 0) return;
    await run(
      "read",
      (onStep) => fillFromKolada(host, files, onStep),
      (done) => done.delivered
    );
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
      <RunStatus
        state={state}
        steps={koladaSteps(host.delivery.workbooks)}
        failedTitle="Hämta från Kolada-fil gick inte"
      />
      {state.kind === "done" && message && (
        <OperationMessage
          intent={message.intent}
          title={message.title}
          lines={message.lines}
          values={[state.done.fileName, state.done.from]}
        />
      )}
    </section>
  );
}
