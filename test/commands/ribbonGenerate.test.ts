import { MissingTableError } from "../../src/core/errors";
import { ribbonGenerate } from "../../src/commands/ribbonGenerate";
import { createOfficeHost } from "../../src/excel/officeHost";
import { outcomeDialogDocument, outcomeDialogUrl } from "../../src/app/outcomeDialog";
import { loadOutcome } from "../../src/app/storedOutcome";
import { FakeExcel } from "../excel/fake/fakeExcel";
import { WorkbookState } from "../excel/fake/workbookState";
import { makeSnapshot } from "../helpers/snapshot";

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

const DOC = "https://kommun.sharepoint.com/sites/ekonomi/Vård 2024 T2.xlsx";
const NOW = new Date(Date.UTC(2024, 8, 2, 12, 3));

function run(snapshot = makeSnapshot()) {
  const excel = new FakeExcel(WorkbookState.fromSnapshot(snapshot));
  const storage = new MemoryStore();
  const host = createOfficeHost({ run: excel.run, isSetSupported: () => true });
  return {
    excel,
    storage,
    done: ribbonGenerate({ host, storage, documentUrl: DOC, now: () => NOW }),
  };
}

describe("the ribbon's Generera rapport", () => {
  it("writes the report, shows its first sheet and leaves the outcome for the pane", async () => {
    const { excel, storage, done } = run();
    const outcome = await done;
    expect(outcome.kind).toBe("generated");
    if (outcome.kind !== "generated") return;
    expect(outcome.finishedAt).toBe(NOW.toISOString());
    expect(excel.workbook.activeSheet).toBe(outcome.sheetNames[0]);
    expect(excel.workbook.selection).toEqual({ sheet: outcome.sheetNames[0], address: "A1" });
    for (const name of outcome.sheetNames) expect(excel.workbook.sheet(name)).toBeDefined();
    expect(loadOutcome(storage, DOC)).toEqual(outcome);
    // Read, write (the report fits one request), bring the first sheet to the front.
    expect(excel.syncs).toHaveLength(3);
  });

  it("keeps the outcome when the report sheet cannot be brought to the front", async () => {
    const excel = new FakeExcel(WorkbookState.fromSnapshot(makeSnapshot()));
    const host = {
      ...createOfficeHost({ run: excel.run, isSetSupported: () => true }),
      showSheet: () => Promise.reject(new Error("the sheet was renamed meanwhile")),
    };
    const storage = new MemoryStore();
    const outcome = await ribbonGenerate({ host, storage, documentUrl: DOC, now: () => NOW });
    expect(outcome.kind).toBe("generated");
    expect(loadOutcome(storage, DOC)).toEqual(outcome);
  });

  it("stores the Swedish error, and writes nothing, for a workbook it cannot use", async () => {
    const base = makeSnapshot();
    const { excel, storage, done } = run({
      ...base,
      tables: base.tables.filter((t) => t.name !== "tblRisker"),
    });
    const outcome = await done;
    expect(outcome).toEqual({
      kind: "failed",
      finishedAt: NOW.toISOString(),
      message: new MissingTableError("test.xlsx", "tblRisker", "Risker").message,
    });
    expect(loadOutcome(storage, DOC)).toEqual(outcome);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(base.sheetNames);
  });
});

describe("the outcome dialog's address", () => {
  it("opens the pane's page next to the command's, naming the document", () => {
    const url = outcomeDialogUrl("https://localhost:3000/commands.html?_host_Info=Excel", DOC);
    expect(url.startsWith("https://localhost:3000/taskpane.html?visa=utfall&dokument=")).toBe(true);
    expect(outcomeDialogDocument(new URL(url).search)).toBe(DOC);
    expect(outcomeDialogDocument("?_host_Info=Excel")).toBeNull();
  });
});
