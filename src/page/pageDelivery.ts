/**
 * The page's `deliver`: a download (browser mode for every file, the Excel pane for the Word
 * document where Excel on the web can download). Nothing is uploaded.
 */
import type { Delivery } from "../app/operation";
import { createDownload, revokeDownload, startDownload } from "./download";

export const pageDownloads: Delivery = {
  workbooks: "download",
  ready: () => undefined,
  deliver: async (file) => {
    const download = createDownload(file);
    startDownload(download);
    return { how: "downloaded", fileName: download.fileName, url: download.url };
  },
  release: (delivered) => {
    if (delivered.how === "downloaded") revokeDownload(delivered);
  },
};
