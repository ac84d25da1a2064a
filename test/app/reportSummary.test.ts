import path from "node:path";
import { analyse, generateReport } from "../../src/core/pipeline";
import { summariseReport } from "../../src/app/reportSummary";
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
  });
});
