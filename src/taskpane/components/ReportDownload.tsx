import { Link } from "@fluentui/react-components";
import type { Delivered } from "../../app/operation";
import { UserText } from "./UserText";

/** After Generera rapport in browser mode: where the report went, and a link to fetch it again. */
export function ReportDownload({
  download,
}: {
  download: Extract<Delivered, { how: "downloaded" }>;
}) {
  return (
    <>
      Den laddas ned som <UserText>{download.fileName}</UserText> (oftast till mappen Hämtade
      filer). Din arbetsbok ändrades inte.{" "}
      <Link href={download.url} download={download.fileName}>
        Ladda ned rapporten igen
      </Link>
    </>
  );
}
