/** A host's `deliver` that keeps what it was given, for tests of the workbook operations. */
import type { Delivery, MadeFile, Operations, WorkbookEngine } from "../../src/app/operation";

export function recordingDelivery(workbooks: Delivery["workbooks"] = "download") {
  const delivered: MadeFile[] = [];
  const released: string[] = [];
  const delivery: Delivery = {
    workbooks,
    ready: () => undefined,
    deliver: async (file) => {
      delivered.push(file);
      return { how: "downloaded", fileName: file.fileName, url: `blob:${file.fileName}` };
    },
    release: (d) => void released.push(d.fileName),
  };
  return { delivery, delivered, released };
}

/** A page's operations on `engine`, delivering into `delivered`. */
export function recordingOperations(engine: WorkbookEngine) {
  const recorded = recordingDelivery();
  const operations: Operations = {
    engine,
    delivery: recorded.delivery,
    wordDocument: () => ({ kind: "download" }),
    picksUnits: "page",
  };
  return { operations, delivered: recorded.delivered };
}
