import {
  loadOutcome,
  outcomeKey,
  parseOutcome,
  saveOutcome,
  type StoredOutcome,
} from "../../src/app/storedOutcome";

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const GENERATED: StoredOutcome = {
  kind: "generated",
  finishedAt: "2024-09-02T12:03:00.000Z",
  header: {
    fileName: "Vård 2024 T2.xlsx",
    organisation: "Vård- och omsorgsnämnden",
    year: "2024",
    period: "T2",
    templateVersion: "1",
  },
  sheetNames: ["Rapport ekonomi", "Kontrollresultat"],
  summary: {
    totalForecast: "\u22121\u00a0092,2\u00a0mnkr",
    totalLabel: "Summa totalt, prognos helår",
    totalDeviation: "\u221251,2\u00a0mnkr",
    largestDeviations: [],
    materialDeviationCount: 0,
    materialDeviationText: "",
  },
  counts: { fel: 2, varning: 1 },
};

describe("stored ribbon outcome", () => {
  it("round-trips per document, so another workbook does not see it", () => {
    const store = new MemoryStore();
    saveOutcome(store, "https://contoso.sharepoint.com/a.xlsx", GENERATED);
    expect(loadOutcome(store, "https://contoso.sharepoint.com/a.xlsx")).toEqual(GENERATED);
    expect(loadOutcome(store, "https://contoso.sharepoint.com/b.xlsx")).toBeNull();
  });

  it("keeps failures with their Swedish message", () => {
    const store = new MemoryStore();
    const failed: StoredOutcome = {
      kind: "failed",
      finishedAt: "2024-09-02T12:03:00.000Z",
      message: "test.xlsx saknar tabellen tblAtgarder (bladet Åtgärder).",
    };
    saveOutcome(store, "", failed);
    expect(store.items.has(outcomeKey(""))).toBe(true);
    expect(loadOutcome(store, "")).toEqual(failed);
  });

  it.each(["", "{", "null", "[]", '{"kind":"generated","finishedAt":"x"}', '{"kind":"failed"}'])(
    "ignores what it did not write: %s",
    (json) => expect(parseOutcome(json)).toBeNull()
  );
});
