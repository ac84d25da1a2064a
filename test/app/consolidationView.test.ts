/** Sammanställ's per-unit table, headline and file name as the pane shows them. */
import {
  consolidatedFileName,
  consolidationHeadline,
  STATUS_WORDS,
  unitRows,
} from "../../src/app/consolidationView";
import { consolidationTotals } from "../../src/core/consolidate/summaryText";
import type { Consolidation, UnitSummary } from "../../src/core/consolidate/consolidate";

const unit = (summary: Partial<UnitSummary> & Pick<UnitSummary, "file" | "name">): UnitSummary => ({
  nameFrom: "reportingUnit",
  consolidated: false,
  code: "XX",
  codeDerived: false,
  convertedFrom: null,
  readyMark: "Ja",
  readyBy: null,
  readyDate: null,
  changedAfterReady: false,
  fel: 0,
  varning: 0,
  budget: null,
  yearEnd: null,
  deviation: null,
  ...summary,
});

const UNITS = [
  unit({
    file: "Äldreomsorg.xlsx",
    name: "Äldreomsorg",
    readyBy: "Eva Ekonom",
    readyDate: new Date(Date.UTC(2024, 8, 12)),
    budget: -632,
    yearEnd: -651,
    deviation: -19,
  }),
  unit({ file: "IFO.xlsx", name: "IFO", fel: 2, varning: 1, readyMark: "Nej", deviation: -3.25 }),
  unit({ file: "Stab.xlsx", name: "Stab", nameFrom: "file", readyMark: null, budget: 10 }),
];
const UNUSABLE = [{ file: "Trasig.xlsx", reason: "Trasig.xlsx är ingen Excel-arbetsbok (.xlsx)." }];

const consolidation = (settings: Record<string, unknown>, units = UNITS, unusable = UNUSABLE) =>
  ({ units, unusable, content: { version: 2, settings } }) as unknown as Consolidation;

it("says each unit's status in words: Klar, Har fel and Inte klarmarkerad, Kan inte användas; and a conversion", () => {
  // Stab entered its amounts in tkr: converted to the consolidation's mnkr, and the row says so.
  const units = UNITS.map((u) =>
    u.file === "Stab.xlsx" ? { ...u, convertedFrom: "tkr" as const } : u
  );
  const rows = unitRows(units, UNUSABLE, "mnkr");
  expect(rows.map((r) => [r.file, r.name, r.statuses.map((s) => STATUS_WORDS[s])])).toEqual([
    ["Äldreomsorg.xlsx", "Äldreomsorg", ["Klar"]],
    ["IFO.xlsx", "IFO", ["Har fel", "Inte klarmarkerad"]],
    ["Stab.xlsx", "Stab", ["Inte klarmarkerad"]],
    ["Trasig.xlsx", null, ["Kan inte användas"]],
  ]);
  expect(rows.map((r) => r.details)).toEqual([
    ["Klarmarkerad av Eva Ekonom 2024-09-12", "0 fel och 0 varningar"],
    ["2 fel och 1 varning"],
    [
      "0 fel och 0 varningar",
      "Rapporterande enhet saknas; filnamnet används.",
      "Enhet tkr omräknad till mnkr",
    ],
    ["Trasig.xlsx är ingen Excel-arbetsbok (.xlsx)."],
  ]);
  expect(rows.map((r) => r.deviation)).toEqual(["−19,0\u00a0mnkr", "−3,3\u00a0mnkr", null, null]);
});

it("sums up what needs the controller's attention", () => {
  expect(consolidationHeadline(consolidation({}))).toBe(
    "3 av 4 filer sammanställda. 1 fil kunde inte användas, 2 enheter är inte klarmarkerade, 1 enhet har fel."
  );
  expect(consolidationHeadline(consolidation({}, [UNITS[0]], []))).toBe(
    "1 av 1 fil sammanställd. Alla enheter är klarmarkerade och utan fel."
  );
  expect(consolidationTotals(consolidation({ unit: "mnkr" }))).toBe(
    "Budget helår −622,0\u00a0mnkr, prognos helår −651,0\u00a0mnkr, avvikelse −22,3\u00a0mnkr."
  );
});

it("names the workbook after Organisation, År and Period, without characters a file name cannot hold", () => {
  expect(
    consolidatedFileName(
      consolidation({ organisation: "Vård- och omsorgsnämnden", year: 2024, period: "T2" })
    )
  ).toBe("Vård- och omsorgsnämnden 2024 T2 sammanställning.xlsx");
  expect(
    consolidatedFileName(
      consolidation({ organisation: 'Bygg/Miljö: "nämnd"?', year: 2024, period: "T1" })
    )
  ).toBe("Bygg Miljö nämnd 2024 T1 sammanställning.xlsx");
  expect(consolidatedFileName(consolidation({ organisation: null }))).toBe("Sammanställning.xlsx");
  expect(
    consolidatedFileName(
      consolidation({ organisation: "Soc\u202eialnämnden\u200f", year: 2024, period: "T1" })
    )
  ).toBe("Socialnämnden 2024 T1 sammanställning.xlsx");
});

it("cuts a 300-character Organisation at a word, so the name stays within 120 bytes", () => {
  const organisation = "Nämnden för vård, omsorg och socialtjänst i Ålidens kommun "
    .repeat(5)
    .trim();
  const name = consolidatedFileName(consolidation({ organisation, year: 2024, period: "Helår" }));
  expect(name).toBe(
    "Nämnden för vård, omsorg och socialtjänst i Ålidens kommun Nämnden för vård 2024 Helår sammanställning.xlsx"
  );
  expect(Buffer.byteLength(name, "utf8")).toBeLessThanOrEqual(120);
});
