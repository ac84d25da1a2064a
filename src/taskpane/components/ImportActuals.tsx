import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { ArrowImport20Regular } from "@fluentui/react-icons";
import { useRef, useState, type ChangeEvent } from "react";
import {
  applyImport,
  importMessage,
  importNote,
  previewImport,
  previewTitle,
  UNDO_WARNING,
  type ImportApplied,
  type ImportPreview,
} from "../../app/importActuals";
import type { Operations } from "../../app/operation";
import { IMPORT_PREVIEW_STEPS, importApplySteps, type ImportStep } from "../../app/progress";
import { ImportPreviewTable } from "./ImportPreviewTable";
import { OperationMessage, RunStatus, type OperationProps } from "./OperationStatus";
import { useOperationRun, useOperationStyles } from "./useOperationRun";
import { WithUserValues } from "./UserText";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  lines: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** A preview waiting for the user's answer, or the preview with where the import went. */
interface ImportDone {
  readonly preview: ImportPreview;
  readonly applied: ImportApplied | null;
}

/**
 * Importera utfall: the user picks a ledger export (SIE 4 or CSV) and sees every cell that
 * changes, before → after, what did not fit and the reconciliation; only "Importera" acts: in
 * Excel it writes those cells into the open workbook (after a copy of it as it was, when "Skapa
 * kopia först" is ticked), in browser mode it downloads the imported copy (src/app/importActuals.ts).
 */
export function ImportActuals({ host, disabled, onBusy }: OperationProps & { host: Operations }) {
  const styles = useOperationStyles();
  const { state, run, clear } = useOperationRun<ImportStep, ImportDone>(
    host,
    (d) => host.delivery.release(d),
    onBusy
  );
  const [steps, setSteps] = useState<readonly ImportStep[]>(IMPORT_PREVIEW_STEPS);
  // Ticked by default: Excel's undo may not undo what an add-in writes.
  const [copyFirst, setCopyFirst] = useState(true);
  const input = useRef<HTMLInputElement>(null);
  const intoWorkbook = host.writeImportedCells !== undefined;

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const [ledger] = event.target.files ?? [];
    event.target.value = "";
    if (!ledger) return;
    setSteps(IMPORT_PREVIEW_STEPS);
    await run(
      "read",
      async (onStep) => ({ preview: await previewImport(host, ledger, onStep), applied: null }),
      () => null
    );
  };

  const confirm = async (preview: ImportPreview) => {
    const copy = intoWorkbook && copyFirst;
    const applySteps = importApplySteps(intoWorkbook ? "workbook" : host.delivery.workbooks, copy);
    setSteps(applySteps);
    await run(
      applySteps[0],
      async (onStep) => ({ preview, applied: await applyImport(host, preview, copy, onStep) }),
      ({ applied }) =>
        applied?.kind === "delivered"
          ? applied.delivered
          : applied?.kind === "written"
            ? applied.copy
            : null
    );
  };

  const done = state.kind === "done" ? state.done : null;
  const waiting = done !== null && done.applied === null ? done.preview : null;
  return (
    <section className={styles.root} aria-label="Importera utfall" data-import-actuals="">
      <Button
        icon={<ArrowImport20Regular />}
        disabledFocusable={disabled || state.kind === "busy"}
        onClick={() => input.current?.click()}
      >
        Importera utfall
      </Button>
      <input
        ref={input}
        type="file"
        accept=".se,.sie,.si,.csv,text/csv"
        hidden
        onChange={(event) => void onPick(event)}
        data-import-input=""
      />
      <Caption1>{importNote(host)}</Caption1>
      <RunStatus state={state} steps={steps} failedTitle="Importera utfall gick inte" />
      {waiting && (
        <PreviewPane
          preview={waiting}
          intoWorkbook={intoWorkbook}
          copyFirst={copyFirst}
          onCopyFirst={setCopyFirst}
          disabled={disabled}
          onConfirm={() => void confirm(waiting)}
          onCancel={clear}
        />
      )}
      {done?.applied && (
        <OperationMessage
          {...importMessage(done.preview, done.applied)}
          values={[
            done.preview.from,
            done.applied.kind === "delivered"
              ? done.applied.delivered.fileName
              : (done.applied.copy?.fileName ?? ""),
          ]}
        />
      )}
    </section>
  );
}

function PreviewPane({
  preview,
  intoWorkbook,
  copyFirst,
  onCopyFirst,
  disabled,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreview;
  intoWorkbook: boolean;
  copyFirst: boolean;
  onCopyFirst: (copyFirst: boolean) => void;
  disabled: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useOperationStyles();
  const local = useStyles();
  const changes = preview.rows.length > 0;
  const values = [preview.from, preview.fileName];
  const paragraphs = (lines: readonly string[]) =>
    lines.map((line) => (
      <p key={line} className={styles.line}>
        <WithUserValues text={line} values={values} />
      </p>
    ));
  return (
    <>
      <Body1 as="h3" className={styles.line}>
        <WithUserValues text={previewTitle(preview)} values={values} />
      </Body1>
      <div className={local.lines} data-import-summary="">
        {paragraphs([...preview.summary, ...preview.reconciliation])}
      </div>
      {preview.gaps.length > 0 && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Det här kom inte med</MessageBarTitle>
            {paragraphs(preview.gaps)}
          </MessageBarBody>
        </MessageBar>
      )}
      {changes && <ImportPreviewTable rows={preview.rows} />}
      {changes && intoWorkbook && (
        <>
          <MessageBar layout="multiline" intent="warning">
            <MessageBarBody>{UNDO_WARNING}</MessageBarBody>
          </MessageBar>
          <Checkbox
            label="Skapa kopia först"
            checked={copyFirst}
            onChange={(_, data) => onCopyFirst(data.checked === true)}
          />
        </>
      )}
      {/* Not primary: the pane keeps one primary button (Generera rapport). */}
      <div className={local.actions}>
        {changes && (
          <Button icon={<ArrowImport20Regular />} disabledFocusable={disabled} onClick={onConfirm}>
            Importera
          </Button>
        )}
        <Button onClick={onCancel}>{changes ? "Avbryt" : "Stäng"}</Button>
      </div>
    </>
  );
}
