import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { DocumentAdd20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import { useId, useRef, useState, type ChangeEvent } from "react";
import type { NewWorkbookOffer } from "../../app/appHost";
import { UserText } from "./UserText";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

const XLSX_TYPES = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface OpenWorkbookProps {
  /** The workbook open now, if any. */
  readonly fileName: string | null;
  /** Opening a workbook is the way forward: Öppna arbetsbok is the pane's primary button. */
  readonly primary: boolean;
  /** Files are being dragged over the page. */
  readonly dragging: boolean;
  readonly onOpen: (file: File) => void;
  /** Several workbooks picked at once (to consolidate); the picker then takes several. */
  readonly onOpenSeveral?: (files: File[]) => void;
  /** Ladda ned tom mall, offered while no workbook is open. */
  readonly template?: NewWorkbookOffer;
}

/**
 * Browser mode's way to a workbook: Öppna arbetsbok (a file picker) or a file dropped on the page.
 * The picker is a hidden input behind a real button, so keyboard users reach it like any button.
 */
export function OpenWorkbook({
  fileName,
  primary,
  dragging,
  onOpen,
  onOpenSeveral,
  template,
}: OpenWorkbookProps) {
  const styles = useStyles();
  const [templateDone, setTemplateDone] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const fileId = useId();

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Cleared, so that choosing the same file again (after editing it) opens it again.
    event.target.value = "";
    if (files.length === 1) onOpen(files[0]);
    else if (files.length > 1) onOpenSeveral?.(files);
  };

  return (
    <div className={mergeClasses(styles.zone, dragging && styles.dragging)}>
      <Body1 id={fileId}>
        {fileName === null ? (
          "Ingen arbetsbok är öppen."
        ) : (
          <>
            Arbetsbok:{" "}
            <span className={styles.fileName}>
              <UserText>{fileName}</UserText>
            </span>
          </>
        )}
      </Body1>
      <div className={styles.row}>
        <Button
          appearance={primary ? "primary" : "secondary"}
          icon={<FolderOpen20Regular />}
          aria-describedby={fileId}
          onClick={() => input.current?.click()}
        >
          Öppna arbetsbok
        </Button>
        <Body1>
          {dragging
            ? "Släpp arbetsboken för att öppna den."
            : "eller dra en arbetsbok (.xlsx) hit."}
        </Body1>
      </div>
      {onOpenSeveral && (
        <Caption1>Välj eller dra flera arbetsböcker på en gång för att sammanställa dem.</Caption1>
      )}
      <Caption1>Filen läses bara här i webbläsaren och skickas ingenstans.</Caption1>
      {template && fileName === null && (
        <div className={styles.row}>
          <Button
            icon={<DocumentAdd20Regular />}
            onClick={() => void template.create().then(() => setTemplateDone(true))}
          >
            {template.label}
          </Button>
          <Caption1 role="status">{templateDone && template.done}</Caption1>
        </div>
      )}
      <input
        ref={input}
        type="file"
        accept={XLSX_TYPES}
        multiple={onOpenSeveral !== undefined}
        hidden
        onChange={onChange}
      />
    </div>
  );
}
