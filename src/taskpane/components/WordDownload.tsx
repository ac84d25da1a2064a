import { Button, Caption1, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import {
  Dismiss20Regular,
  DocumentText20Regular,
  FolderOpen20Regular,
} from "@fluentui/react-icons";
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import { userMessage } from "../../app/errorMessage";
import type { Delivered, Operations } from "../../app/operation";
import { downloadWordDocument, WORD_TEMPLATE_NOTE } from "../../app/wordDocument";
import type { ReportDoc } from "../../core/report/reportDoc";
import { UserText } from "./UserText";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
  template: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
});

type State =
  | { readonly kind: "idle" }
  | { readonly kind: "busy" }
  | { readonly kind: "done"; readonly download: Delivered }
  | { readonly kind: "failed"; readonly message: string };

/**
 * After Generera rapport: the same report as a Word document. Where the pane can download, the
 * button renders it (the docx chunk loads on the first click) and downloads it; where it cannot
 * (Excel on Windows and Mac), the pane says where to get it instead. Beside it, an optional
 * Word-mall: the kommun's template whose styles, header and footer the document takes.
 */
export function WordDownload({
  doc,
  workbookName,
  operations,
}: {
  doc: ReportDoc;
  workbookName: string;
  operations: Operations;
}) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: "idle" });
  const shown = useRef<Delivered | null>(null);
  const [template, setTemplate] = useState<File | null>(null);
  const templateInput = useRef<HTMLInputElement>(null);
  const release = operations.delivery.release;
  // Asked when the report is shown, not when the host is made (Office's platform facts).
  const offer = useMemo(() => operations.wordDocument(), [operations]);

  // A new report makes the last document stale; its URL is freed when replaced or unmounted.
  useEffect(() => {
    setState({ kind: "idle" });
    return () => {
      if (shown.current) release(shown.current);
      shown.current = null;
    };
  }, [doc, release]);

  if (offer.kind === "elsewhere") {
    return (
      <div className={styles.root} data-word-download="">
        <Text>{offer.explanation}</Text>
        {offer.openBrowser && (
          <Button icon={<DocumentText20Regular />} onClick={() => offer.openBrowser?.open()}>
            {offer.openBrowser.label}
          </Button>
        )}
      </div>
    );
  }

  const pickTemplate = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0] ?? null;
    event.target.value = "";
    if (picked) setTemplate(picked);
  };

  const download = async () => {
    setState({ kind: "busy" });
    try {
      const next = await downloadWordDocument(operations, doc, workbookName, template ?? undefined);
      if (shown.current) release(shown.current);
      shown.current = next;
      setState({ kind: "done", download: next });
    } catch (error) {
      setState({ kind: "failed", message: userMessage(error) });
    }
  };

  return (
    <div className={styles.root} data-word-download="">
      <Button
        icon={<DocumentText20Regular />}
        disabledFocusable={state.kind === "busy"}
        onClick={() => void download()}
      >
        Ladda ned som Word
      </Button>
      <div className={styles.template} data-word-template="">
        <Button
          icon={<FolderOpen20Regular />}
          disabledFocusable={state.kind === "busy"}
          onClick={() => templateInput.current?.click()}
        >
          {template ? "Byt Word-mall" : "Välj Word-mall"}
        </Button>
        <input
          ref={templateInput}
          type="file"
          accept=".dotx,.docx"
          hidden
          onChange={pickTemplate}
          data-word-template-input=""
        />
        {template && (
          <>
            <Text>
              Word-mall: <UserText>{template.name}</UserText>
            </Text>
            <Button
              appearance="subtle"
              icon={<Dismiss20Regular />}
              disabledFocusable={state.kind === "busy"}
              onClick={() => setTemplate(null)}
            >
              Ta bort Word-mallen
            </Button>
          </>
        )}
      </div>
      {!template && <Caption1>{WORD_TEMPLATE_NOTE}</Caption1>}
      <div aria-live="polite">
        {state.kind === "busy" && <Text>Word-dokumentet skapas …</Text>}
        {state.kind === "done" && (
          <Text>
            Word-dokumentet laddas ned som <UserText>{state.download.fileName}</UserText> (oftast
            till mappen Hämtade filer).{" "}
            {state.download.how === "downloaded" && (
              <Link href={state.download.url} download={state.download.fileName}>
                Ladda ned dokumentet igen
              </Link>
            )}
          </Text>
        )}
        {state.kind === "failed" && (
          <Text role="alert">
            <UserText>{state.message}</UserText>
          </Text>
        )}
      </div>
    </div>
  );
}
