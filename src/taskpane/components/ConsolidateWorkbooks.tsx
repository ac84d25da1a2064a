import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Label,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import {
  Dismiss20Regular,
  DocumentSettings20Regular,
  FolderOpen20Regular,
  Merge20Regular,
} from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { consolidatedFileName, consolidationHeadline, unitRows } from "../../app/consolidationView";
import { consolidationTotals } from "../../core/consolidate/summaryText";
import { userMessage } from "../../app/errorMessage";
import { consolidateWorkbooks, type ConsolidationOutcome } from "../../browser/consolidation";
import {
  createDownload,
  revokeDownload,
  startDownload,
  type Download,
} from "../../browser/download";
import type { Consolidation, UnusableFile } from "../../core/consolidate/consolidate";
import { formatNumber } from "../../core/format";
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

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "busy"; readonly index: number; readonly name: string }
  | {
      readonly kind: "done";
      readonly consolidation: Consolidation;
      /** The download in browser mode; null where Excel opened the workbook. */
      readonly download: Download | null;
    }
  | {
      readonly kind: "failed";
      readonly message: string;
      /** What was read before it failed, if anything. */
      readonly consolidation: Consolidation | null;
      readonly unusable: readonly UnusableFile[];
    };

export interface ConsolidateWorkbooksProps {
  /**
   * Browser mode: the workbooks dropped or picked together. Absent in Excel, where the panel
   * has its own file picker.
   */
  readonly files?: readonly File[];
  /** Excel: opens the consolidated workbook as a new workbook. Absent: it is downloaded. */
  readonly openInExcel?: (bytes: () => Promise<Uint8Array>) => Promise<void>;
}

/**
 * Sammanställ: the units' workbooks into one new nämnd workbook with a Sammanställning sheet,
 * downloaded (browser mode) or opened as a new workbook (Excel); the per-unit table shows at once
 * which files could not be used, which units are not marked ready and which carry fel.
 */
export function ConsolidateWorkbooks({ files: given, openInExcel }: ConsolidateWorkbooksProps) {
  const styles = useStyles();
  const headingId = useId();
  const settingsLabelId = useId();
  const settingsHintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const settingsInput = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<readonly File[]>([]);
  const [organisation, setOrganisation] = useState("");
  const [settingsFile, setSettingsFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const shown = useRef<Download | null>(null);
  const files = given ?? picked;

  // Each run, and each new set of files, takes a new number: a run shows its outcome only while
  // its number is the latest (the user may drop other files while one is read).
  const latest = useRef(0);

  const replaceDownload = (next: Download | null) => {
    if (shown.current) revokeDownload(shown.current);
    shown.current = next;
  };
  // Other files make the last result stale; its download URL is freed then and on unmount.
  useEffect(() => {
    latest.current += 1;
    setState({ kind: "idle" });
    return () => {
      if (shown.current) revokeDownload(shown.current);
      shown.current = null;
    };
  }, [files]);

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    // Cleared, so that choosing the same files again (after editing them) reads them again.
    event.target.value = "";
    if (chosen.length > 0) setPicked(chosen);
  };

  // Another settings workbook (or none) makes the last result stale too.
  const chooseSettings = (file: File | null) => {
    latest.current += 1;
    replaceDownload(null);
    setState({ kind: "idle" });
    setSettingsFile(file);
  };

  const onPickSettings = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (chosen) chooseSettings(chosen);
  };

  const run = async () => {
    const id = ++latest.current;
    const show = (next: State) => {
      if (latest.current === id) setState(next);
    };
    let outcome: ConsolidationOutcome | null = null;
    const make = async () => {
      outcome = await consolidateWorkbooks(files, {
        organisation,
        settings: settingsFile ?? undefined,
        onFile: (index, name) => show({ kind: "busy", index, name }),
      });
      if ("refused" in outcome) throw outcome.refused;
      return outcome.file;
    };
    show({ kind: "busy", index: 0, name: files[0]?.name ?? "" });
    try {
      let download: Download | null = null;
      if (openInExcel) await openInExcel(async () => (await make()).bytes);
      else download = createDownload(await make());
      const done = outcome as ConsolidationOutcome | null;
      if (latest.current !== id || !done || !("consolidation" in done)) {
        if (download) revokeDownload(download);
        return;
      }
      if (download) startDownload(download);
      replaceDownload(download);
      setState({ kind: "done", consolidation: done.consolidation, download });
    } catch (error) {
      const failed = outcome as ConsolidationOutcome | null;
      show({
        kind: "failed",
        message: userMessage(error),
        consolidation: failed && "consolidation" in failed ? failed.consolidation : null,
        unusable: failed && "refused" in failed ? failed.unusable : [],
      });
    }
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
      {openInExcel && (
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
      <div aria-live="polite">
        {state.kind === "busy" && (
          <>
            <Body1 role="status">
              Läser {formatNumber(state.index + 1, 0)} av {formatNumber(files.length, 0)}:{" "}
              <UserText>{state.name}</UserText>
            </Body1>
            <ProgressBar value={state.index / Math.max(files.length, 1)} aria-hidden />
          </>
        )}
        {state.kind === "done" && (
          <MessageBar
            intent={
              state.consolidation.unusable.length > 0 ||
              state.consolidation.units.some((u) => u.fel > 0 || u.readyMark !== "Ja")
                ? "warning"
                : "success"
            }
          >
            <MessageBarBody>
              <MessageBarTitle>Sammanställningen är klar</MessageBarTitle>
              {consolidationHeadline(state.consolidation)}{" "}
              {consolidationTotals(state.consolidation)}{" "}
              {state.download ? (
                <>
                  Den laddas ned som <UserText>{state.download.fileName}</UserText> (oftast till
                  mappen Hämtade filer).{" "}
                  <Link href={state.download.url} download={state.download.fileName}>
                    Ladda ned sammanställningen igen
                  </Link>
                </>
              ) : (
                <>
                  Den är öppnad som en ny arbetsbok i Excel; spara den, till exempel som{" "}
                  <UserText>{consolidatedFileName(state.consolidation)}</UserText>.
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "failed" && (
          <MessageBar intent="error" politeness="assertive">
            <MessageBarBody>
              <MessageBarTitle>Det gick inte att sammanställa</MessageBarTitle>
              <UserText>{state.message}</UserText>
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
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
