import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Label,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import {
  Dismiss20Regular,
  DocumentSettings20Regular,
  FolderOpen20Regular,
  Merge20Regular,
} from "@fluentui/react-icons";
import { useId, useRef, useState, type ChangeEvent } from "react";
import { unitRows } from "../../app/consolidationView";
import type { Operations } from "../../app/operation";
import { formatNumber } from "../../core/format";
import { useConsolidation } from "../useConsolidation";
import { ConsolidationStatus } from "./ConsolidationStatus";
import { ConsolidationTable } from "./ConsolidationTable";
import { UserText } from "./UserText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  field: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

/** What the settings choice means, said under it (and read with its buttons). */
const settingsHint = (file: File | null) =>
  file
    ? `Vald: ${file.name}. Gränserna för väsentlig avvikelse och bedömningen av intern kontroll ` +
      "kommer från den."
    : "Ingen vald: gränserna för väsentlig avvikelse och bedömningen av intern kontroll kommer " +
      "från den första enheten.";

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "Sammanställ 3 arbetsböcker". */
export const consolidateLabel = (n: number) =>
  `Sammanställ ${formatNumber(n, 0)} ${n === 1 ? "arbetsbok" : "arbetsböcker"}`;

export interface ConsolidateWorkbooksProps {
  /**
   * Browser mode: the workbooks dropped or picked together. Absent in Excel, where the panel
   * has its own file picker.
   */
  readonly files?: readonly File[];
  /** The host's engine and deliver: Excel opens the consolidated workbook, a page downloads it. */
  readonly operations: Operations;
}

/**
 * Sammanställ: the units' workbooks into one new nämnd workbook with a Sammanställning sheet,
 * downloaded (browser mode) or opened as a new workbook (Excel); the per-unit table shows at once
 * which files could not be used, which units are not marked ready and which carry fel.
 */
export function ConsolidateWorkbooks({ files: given, operations }: ConsolidateWorkbooksProps) {
  const styles = useStyles();
  const headingId = useId();
  const settingsLabelId = useId();
  const settingsHintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const settingsInput = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<readonly File[]>([]);
  const files = given ?? picked;
  const { state, organisation, setOrganisation, settingsFile, chooseSettings, run } =
    useConsolidation(operations, files);

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    // Cleared, so that choosing the same files again (after editing them) reads them again.
    event.target.value = "";
    if (chosen.length > 0) setPicked(chosen);
  };

  const onPickSettings = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (chosen) chooseSettings(chosen);
  };

  const busy = state.kind === "busy";
  const consolidation =
    state.kind === "done" || state.kind === "failed" ? state.consolidation : null;
  const unit = consolidation?.content.settings?.unit;
  const rows = consolidation
    ? unitRows(consolidation.units, consolidation.unusable, typeof unit === "string" ? unit : null)
    : state.kind === "failed"
      ? unitRows([], state.unusable, null)
      : [];

  return (
    <section className={styles.root} aria-labelledby={headingId} data-consolidate="">
      <Subtitle2 as="h2" id={headingId}>
        Sammanställ enheter
      </Subtitle2>
      {operations.picksUnits === "pane" && (
        <>
          <Body1>
            Välj enheternas arbetsböcker (flera på en gång). Tertial sammanställer dem till en ny
            arbetsbok för nämnden; den här arbetsboken och enheternas filer ändras inte.
          </Body1>
          <div className={styles.row}>
            <Button
              icon={<FolderOpen20Regular />}
              disabledFocusable={busy}
              onClick={() => input.current?.click()}
            >
              Välj arbetsböcker
            </Button>
          </div>
          <input
            ref={input}
            type="file"
            accept={XLSX_TYPES}
            multiple
            hidden
            onChange={onPick}
            data-consolidate-input=""
          />
        </>
      )}
      {files.length > 0 && (
        <>
          <Body1>
            {formatNumber(files.length, 0)}{" "}
            {files.length === 1 ? "arbetsbok vald" : "arbetsböcker valda"}:
          </Body1>
          <ul className={styles.files}>
            {files.map((file, i) => (
              <li key={`${i}:${file.name}`}>
                <UserText>{file.name}</UserText>
              </li>
            ))}
          </ul>
          <Field
            label="Organisation (valfritt)"
            hint="Nämndens namn i den sammanställda arbetsboken. Tomt: den första enhetens Organisation."
          >
            <Input
              value={organisation}
              onChange={(_, data) => setOrganisation(data.value)}
              disabled={busy}
            />
          </Field>
          <div role="group" aria-labelledby={settingsLabelId} className={styles.field}>
            <Label id={settingsLabelId}>Inställningar från (valfritt)</Label>
            <div className={styles.row}>
              <Button
                icon={<DocumentSettings20Regular />}
                aria-describedby={settingsHintId}
                disabledFocusable={busy}
                onClick={() => settingsInput.current?.click()}
              >
                {settingsFile ? "Välj en annan arbetsbok" : "Välj arbetsbok"}
              </Button>
              {settingsFile && (
                <Button
                  appearance="subtle"
                  icon={<Dismiss20Regular />}
                  aria-label={`Ta bort ${settingsFile.name} som inställningar`}
                  disabledFocusable={busy}
                  onClick={() => chooseSettings(null)}
                >
                  Ta bort
                </Button>
              )}
            </div>
            <Caption1 id={settingsHintId} className={styles.hint}>
              {settingsHint(settingsFile)}
            </Caption1>
            <input
              ref={settingsInput}
              type="file"
              accept={XLSX_TYPES}
              hidden
              onChange={onPickSettings}
              data-consolidate-settings-input=""
            />
          </div>
          <div className={styles.row}>
            <Button
              appearance="primary"
              icon={<Merge20Regular />}
              disabledFocusable={busy}
              onClick={() => void run()}
            >
              {consolidateLabel(files.length)}
            </Button>
          </div>
        </>
      )}
      <ConsolidationStatus state={state} fileCount={files.length} />
      {rows.length > 0 && (
        <>
          <ConsolidationTable rows={rows} caption="Enheterna i sammanställningen" />
          {state.kind === "done" && (
            <Caption1>
              Samma uppgifter står på bladet Sammanställning i den nya arbetsboken.
            </Caption1>
          )}
        </>
      )}
    </section>
  );
}
