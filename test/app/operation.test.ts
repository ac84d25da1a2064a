/**
 * The workbook-operation contract, with a recording engine and deliver: each operation checks the
 * host can deliver before any work, announces its steps, and hands exactly one file of the right
 * name and type to the host's one `deliver`, in its own words.
 */
import { HostError } from "../../src/app/appHost";
import { CONSOLIDATE_WORDS, consolidateUnits } from "../../src/app/consolidation";
import { NEW_PERIOD_WORDS, startNewPeriod } from "../../src/app/newPeriod";
import type {
  Delivery,
  NextPeriodFile,
  Operations,
  OperationWords,
  WorkbookEngine,
} from "../../src/app/operation";
import type { NewPeriodStep } from "../../src/app/progress";
import { downloadWordDocument, WORD_DOCUMENT_WORDS } from "../../src/app/wordDocument";
import { UnusableWorkbookError } from "../../src/core/errors";
import type { ReportDoc } from "../../src/core/report/reportDoc";

const NEXT: NextPeriodFile = {
  bytes: new Uint8Array([1, 2, 3]),
  fileName: "Nämnden 2024 Helår.xlsx",
  closed: { year: 2024, period: "T2" },
  next: { year: 2024, period: "Helår" },
  templateVersion: 2,
  historyAdded: 1,
  historyTotal: 1,
  droppedActions: [],
  fel: 0,
  notCarried: [],
};

class Refusal extends UnusableWorkbookError {
  readonly code = "test-refusal";
}

/** Operations whose every call is logged in order; `refuse` makes `ready` throw. */
function recorded(workbooks: Delivery["workbooks"], refuse = false) {
  const log: string[] = [];
  const words: OperationWords[] = [];
  const engine: WorkbookEngine = {
    nextPeriod: async (workbook) => {
      log.push(`nextPeriod ${workbook.fileName}`);
      return NEXT;
    },
    markReady: async (workbook) => {
      log.push(`markReady ${workbook.fileName}`);
      return { kind: "refused", message: "Har fel.", fel: 1 };
    },
    consolidate: async (input) => {
      log.push(`consolidate ${input.units.map((u) => u.name).join(",")}`);
      return { refused: new Refusal("Enheterna gäller olika perioder."), unusable: [] };
    },
    wordDocument: async () => {
      log.push("wordDocument");
      return new Uint8Array([9]);
    },
    kolada: async (workbook) => {
      log.push(`kolada ${workbook.fileName}`);
      return { fill: { municipality: "0381", year: 2024, cells: [], notFilled: [] }, bytes: null };
    },
    importActuals: async (workbook, ledger) => {
      log.push(`importActuals ${workbook.fileName} ${ledger.name}`);
      throw new Refusal("Filen innehåller inte år 2024.");
    },
  };
  const delivery: Delivery = {
    workbooks,
    ready: (w) => {
      log.push(`ready ${w.name}`);
      if (refuse) throw new HostError(w.withoutExcel("https://tertial.example/taskpane.html"));
    },
    deliver: async (file, w) => {
      log.push(`deliver ${file.type} ${file.fileName}`);
      words.push(w);
      return workbooks === "open"
        ? { how: "opened", fileName: file.fileName }
        : { how: "downloaded", fileName: file.fileName, url: "blob:x" };
    },
    release: () => undefined,
  };
  const operations: Operations = {
    engine,
    delivery,
    wordDocument: () => ({ kind: "download" }),
    picksUnits: "page",
    readOpenWorkbook: async (w) => {
      log.push(`read ${w.name}`);
      return { fileName: "Nämnden 2024 T2.xlsx", bytes: new Uint8Array([7]) };
    },
  };
  return { operations, log, words };
}

describe("Ny period", () => {
  it.each(["open", "download"] as const)(
    "checks, reads, makes and delivers once, announcing each step (%s)",
    async (workbooks) => {
      const { operations, log, words } = recorded(workbooks);
      const steps: NewPeriodStep[] = [];
      const done = await startNewPeriod(operations, (step) => steps.push(step));
      expect(steps).toEqual(["read", "rollForward", workbooks]);
      expect(log).toEqual([
        "ready Ny period",
        "read Ny period",
        "nextPeriod Nämnden 2024 T2.xlsx",
        "deliver xlsx Nämnden 2024 Helår.xlsx",
      ]);
      expect(words).toEqual([NEW_PERIOD_WORDS]);
      expect(done.from).toBe("Nämnden 2024 T2.xlsx");
      expect(done.summary.fileName).toBe(NEXT.fileName);
      expect(done.delivered.fileName).toBe(NEXT.fileName);
    }
  );

  it("reads nothing where the host cannot deliver, and says so in the operation's words", async () => {
    const { operations, log } = recorded("open", true);
    await expect(startNewPeriod(operations, () => undefined)).rejects.toThrow(
      /^Spara arbetsboken och gör nästa period från den sparade filen: i Tertial i webbläsaren \(https:\/\/tertial\.example\/taskpane\.html: öppna filen och välj Ny period\)/
    );
    expect(log).toEqual(["ready Ny period"]);
  });
});

describe("Sammanställ", () => {
  it("makes nothing where the host cannot deliver", async () => {
    const { operations, log } = recorded("open", true);
    await expect(
      consolidateUnits(operations, { units: [], today: new Date(Date.UTC(2024, 8, 20)) })
    ).rejects.toThrow(CONSOLIDATE_WORDS.withoutExcel("https://tertial.example/taskpane.html"));
    expect(log).toEqual(["ready Sammanställ"]);
  });

  it("delivers nothing when the units are refused, and passes the refusal on", async () => {
    const { operations, log } = recorded("download");
    const file = { name: "IFO.xlsx", size: 1, arrayBuffer: async () => new ArrayBuffer(1) };
    const outcome = await consolidateUnits(operations, { units: [file] });
    expect("refused" in outcome && outcome.refused.message).toBe(
      "Enheterna gäller olika perioder."
    );
    expect(log).toEqual(["ready Sammanställ", "consolidate IFO.xlsx"]);
  });
});

it("Ladda ned som Word delivers one .docx named after the workbook", async () => {
  const { operations, log, words } = recorded("open");
  const doc: ReportDoc = {
    sheets: [],
    draft: null,
    about: { title: "Rapport", organisation: null, report: "Rapport", period: null },
  };
  const delivered = await downloadWordDocument(operations, doc, "IFO 2024 T2.xlsx");
  expect(log).toEqual(["wordDocument", "deliver docx IFO 2024 T2-rapport.docx"]);
  expect(words).toEqual([WORD_DOCUMENT_WORDS]);
  expect(delivered.fileName).toBe("IFO 2024 T2-rapport.docx");
});
