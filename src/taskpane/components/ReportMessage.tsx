import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ReportStatus } from "../state/reportStatus";

/**
 * After Generera rapport: finished or a draft (with its fel), and in browser mode where the
 * download went.
 */
export function ReportMessage({
  status,
  download,
}: {
  status: ReportStatus;
  download?: ReactNode;
}) {
  return (
    <MessageBar intent={status.draft ? "warning" : "success"}>
      <MessageBarBody>
        <MessageBarTitle>{status.title}</MessageBarTitle>
        {status.detail}
        {status.detail && download && " "}
        {download}
      </MessageBarBody>
    </MessageBar>
  );
}
