import path from "node:path";
import { analyse, generateReport } from "../../src/core/pipeline";
import { summariseReport } from "../../src/app/reportSummary";
import { makeSnapshot } from "../helpers/snapshot";
import { LEDGERS } from "../core/validate/run";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");

describe("the pane's summary after Generera rapport", () => {
  it("counts väsentliga avvikelser per table with the report's own sentence, never the two ledger views added up", async () => {
    const analysis = analyse(await readSnapshotFromFile(EXAMPLE));
    const report = generateReport(analysis);
    const summary = summariseReport(analysis.model, report.rollup);

    expect(summary.materialDeviationCount).toBe(10);
    expect(summary.materialDeviationText).toMatch(
      /^Fyra poster i resultaträkningen och sex verksamheter i driftsredovisningen har väsentliga avvikelser/
    );
    expect(report.summary).toContain(summary.materialDeviationText);
    // The example has no mål yet: the pane says nothing about them.
    expect(summary.goalCountsText).toBeNull();
  });

  it("counts the mål with Rapport Verksamhet's sentence", () => {
    const snapshot = makeSnapshot({
      ...LEDGERS,
      goals: [
        { "Mål-ID": "M1", Mål: "Ett", Målnivå: "Nämnd", Bedömning: "Uppfyllt", Analys: "A." },
        { "Mål-ID": "M2", Mål: "Två", Målnivå: "Nämnd" },
      ],
    });
    const analysis = analyse(snapshot);
    const summary = summariseReport(analysis.model, analysis.rollup);
    expect(summary.goalCountsText).toBe("Ett av två mål bedöms uppfyllas, ett är ej bedömt.");
    const activity = generateReport(analysis).doc.sheets.find(
      (s) => s.name === "Rapport Verksamhet"
    );
    expect(activity?.blocks).toContainEqual({ kind: "paragraph", text: summary.goalCountsText });
  });

  it("labels Summa totalt's year figure by period: the forecast, at Helår the outcome", async () => {
    const year = path.join(__dirname, "..", "..", "templates", "exempel-2024-ar");
    const summaries = await Promise.all(
      ["T2", "Helår"].map(async (period) => {
        const analysis = analyse(await readSnapshotFromFile(path.join(year, `${period}.xlsx`)));
        return summariseReport(analysis.model, analysis.rollup);
      })
    );
    expect(summaries.map((s) => [s.totalLabel, s.totalForecast])).toEqual([
      ["Summa totalt, prognos helår", "\u22121\u00a0092,4\u00a0mnkr"],
      ["Summa totalt, utfall helår", "\u22121\u00a0087,3\u00a0mnkr"],
    ]);
    expect(summaries[1].totalDeviation).toBe("\u221246,3\u00a0mnkr");
  });
});
