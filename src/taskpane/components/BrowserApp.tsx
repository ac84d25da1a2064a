import { makeStyles } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { createBrowserHost, type ReportFile } from "../../browser/browserHost";
import {
  createDownload,
  revokeDownload,
  startDownload,
  type Download,
} from "../../browser/download";
import type { AppHost } from "../../app/appHost";
import { browserNewPeriod } from "../../browser/newPeriod";
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

/**
 * Tertial as a plain web page: the task pane on a workbook the user opens or drops, read with
 * exceljs in the page; Generera rapport downloads a new report workbook.
 */
export function BrowserApp() {
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [download, setDownload] = useState<Download | null>(null);
  const [units, setUnits] = useState<readonly File[] | null>(null);
  const current = useRef<AppHost | null>(null);
  const shownDownload = useRef<Download | null>(null);

  const replaceDownload = useCallback((next: Download | null) => {
    if (shownDownload.current) revokeDownload(shownDownload.current);
    shownDownload.current = next;
    setDownload(next);
  }, []);

  useEffect(() => () => replaceDownload(null), [replaceDownload]);

  const open = useCallback(
    (file: File) => {
      setUnits(null);
      replaceDownload(null);
      const host: AppHost = {
        ...createBrowserHost(file, (report: ReportFile) => {
          if (current.current !== host) return; // a report of a workbook no longer open
          const next = createDownload(report);
          startDownload(next);
          replaceDownload(next);
        }),
        newPeriod: browserNewPeriod(file),
      };
      current.current = host;
      setOpened({ host, fileName: file.name });
    },
    [replaceDownload]
  );

  const dragging = useFileDrop((files) => {
    if (files.length === 1) open(files[0]);
    else if (files.length > 1) setUnits(files);
  });

  return (
    <div className={styles.page}>
      <App
        host={opened?.host ?? null}
        opener={
          <>
            <OpenWorkbook
              fileName={opened?.fileName ?? null}
              dragging={dragging}
              onOpen={open}
              onOpenSeveral={setUnits}
            />
            {units && <ConsolidateWorkbooks files={units} />}
          </>
        }
        reportDownload={download && <ReportDownload download={download} />}
      />
    </div>
  );
}
