import { makeStyles } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AppHost, NewWorkbookOffer } from "../../app/appHost";
import type { Delivered, MadeFile, Operations } from "../../app/operation";
import { REPORT_FILE_WORDS } from "../../app/reportFileName";
import { useFileDrop } from "../useFileDrop";
import { App } from "./App";
import { ConsolidateWorkbooks } from "./ConsolidateWorkbooks";
import { OpenWorkbook } from "./OpenWorkbook";
import { ReportDownload } from "./ReportDownload";

const useStyles = makeStyles({
  // A browser window is wider than a task pane: keep the pane's column readable.
  page: { maxWidth: "760px", margin: "0 auto" },
});

interface Opened {
  readonly host: AppHost;
  readonly fileName: string;
}

type Download = Extract<Delivered, { how: "downloaded" }>;

export interface BrowserAppProps {
  /** Browser mode's operations before a workbook is opened (Sammanställ on dropped files). */
  readonly operations: Operations;
  /** The host on an opened workbook; `onReport` receives each generated report. */
  readonly openWorkbook: (file: File, onReport: (report: MadeFile) => void) => AppHost;
  /** Ladda ned tom mall, offered on the start page. */
  readonly template?: NewWorkbookOffer;
}

/**
 * Tertial as a plain web page: the task pane on a workbook the user opens or drops, read with
 * exceljs in the page; Generera rapport downloads a new report workbook.
 */
export function BrowserApp({ operations, openWorkbook, template }: BrowserAppProps) {
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [download, setDownload] = useState<Download | null>(null);
  const [units, setUnits] = useState<readonly File[] | null>(null);
  const current = useRef<AppHost | null>(null);
  const shownDownload = useRef<Download | null>(null);
  const { delivery } = operations;

  const replaceDownload = useCallback(
    (next: Download | null) => {
      if (shownDownload.current) delivery.release(shownDownload.current);
      shownDownload.current = next;
      setDownload(next);
    },
    [delivery]
  );

  useEffect(() => () => replaceDownload(null), [replaceDownload]);

  const open = useCallback(
    (file: File) => {
      setUnits(null);
      replaceDownload(null);
      const host = openWorkbook(file, (report) => {
        if (current.current !== host) return; // a report of a workbook no longer open
        void delivery.deliver(report, REPORT_FILE_WORDS).then((next) => {
          if (next.how === "downloaded") replaceDownload(next);
        });
      });
      current.current = host;
      setOpened({ host, fileName: file.name });
    },
    [replaceDownload, openWorkbook, delivery]
  );

  const dragging = useFileDrop((files) => {
    if (files.length === 1) open(files[0]);
    else if (files.length > 1) setUnits(files);
  });

  return (
    <div className={styles.page}>
      <App
        host={opened?.host ?? null}
        opener={(primary) => (
          <>
            <OpenWorkbook
              fileName={opened?.fileName ?? null}
              primary={primary}
              dragging={dragging}
              onOpen={open}
              onOpenSeveral={setUnits}
              template={template}
            />
            {units && <ConsolidateWorkbooks operations={operations} files={units} />}
          </>
        )}
        reportDownload={download && <ReportDownload download={download} />}
      />
    </div>
  );
}
