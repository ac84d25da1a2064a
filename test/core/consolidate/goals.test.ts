/** Sammanställ of two units with mål, indikatorer and Rapporttext (template v3). */
import { consolidate, type Consolidation } from "../../../src/core/consolidate/consolidate";
import { reduceUnit } from "../../../src/core/consolidate/unitReport";
import { analyse, generateReport, type Analysis } from "../../../src/core/pipeline";
import type { WorkbookContent } from "../../../src/core/template/content";
import { TODAY, UNITS } from "./units";
import { writtenSnapshot } from "../../helpers/writtenSnapshot";

async function analysed(content: WorkbookContent, file: string): Promise<Analysis> {
  return analyse(await writtenSnapshot(content, file), { today: TODAY });
}

/** Both units break the kommun's KF-mål KF1 down into their own M1, and number them alike. */
const goalTables = (name: string, assessment: string) => ({
  goals: [
    {
      id: "M1",
      goal: `${name}: minskad sjukfrånvaro`,
      level: "Nämnd",
      parentId: "KF1",
      assessment,
      analysis: "Analys.",
    },
    {
      id: "M2",
      goal: `${name}: trygg vård`,
      level: "Enhet",
      parentId: "M1",
      assessment,
      analysis: "Analys.",
    },
  ],
  indicators: [
    {
      id: "I1",
      goalId: "M1",
      indicator: "Sjukfrånvaro",
      area: "Mål",
      direction: "Lägre är bättre",
      priorYear: 9,
      target: 8,
      actual: 8.5,
    },
  ],
  reportText: [{ section: "Väsentliga händelser", text: `${name} öppnade ett nytt boende.` }],
});

const withGoals = (i: number, assessment: string): WorkbookContent => {
  const content = UNITS[i].content;
  return { ...content, tables: { ...content.tables, ...goalTables(UNITS[i].file, assessment) } };
};

describe("consolidating two units with mål och indikatorer", () => {
  let result: Consolidation;
  let nämnd: Analysis;

  beforeAll(async () => {
    const units = await Promise.all([
      analysed(withGoals(0, "Uppfyllt"), UNITS[0].file),
      analysed(withGoals(1, "Ej uppfyllt"), UNITS[1].file),
    ]);
    result = consolidate(units.map(reduceUnit));
    nämnd = await analysed(result.content, "nämnd.xlsx");
  });

  it("prefixes Mål-ID and the references inside the unit; a KF-mål's ID stays as it is", () => {
    expect(nämnd.model.goals.map((g) => [g.cells.id.value, g.cells.parentId.value])).toEqual([
      ["ÄO-M1", "KF1"],
      ["ÄO-M2", "ÄO-M1"],
      ["IF-M1", "KF1"],
      ["IF-M2", "IF-M1"],
    ]);
    expect(nämnd.model.indicators.map((i) => [i.cells.id.value, i.cells.goalId.value])).toEqual([
      ["ÄO-I1", "ÄO-M1"],
      ["IF-I1", "IF-M1"],
    ]);
    const codes = new Set(nämnd.findings.map((f) => f.code));
    expect(codes.has("id-dubblett")).toBe(false);
    expect(codes.has("risk-id-okant")).toBe(false);
  });

  it("keeps each unit's Rapporttext rows with the unit as Rapporterande enhet", () => {
    expect(
      nämnd.model.reportText.map((r) => [r.cells.text.value, r.cells.reportingUnit.value])
    ).toEqual([
      [`${UNITS[0].file} öppnade ett nytt boende.`, expect.any(String)],
      [`${UNITS[1].file} öppnade ett nytt boende.`, expect.any(String)],
    ]);
    const [a, b] = nämnd.model.reportText.map((r) => r.cells.reportingUnit.value);
    expect(a).not.toBe(b);
  });

  it("writes each unit's text under the unit's name as a heading in its chapter", () => {
    const blocks = generateReport(nämnd).doc.sheets.find(
      (s) => s.name === "Rapport Verksamhet"
    )!.blocks;
    const at = blocks.findIndex((b) => b.kind === "paragraph" && b.text.startsWith(UNITS[1].file));
    const unit = nämnd.model.reportText[1].cells.reportingUnit.value;
    expect(blocks[at - 1]).toEqual({ kind: "heading", text: unit, level: 2 });
  });

  it("counts every unit's mål in the report's summary", () => {
    const sheet = generateReport(nämnd).doc.sheets.find((s) => s.name === "Rapport Verksamhet")!;
    expect(sheet.blocks).toContainEqual({
      kind: "paragraph",
      text: "Två av fyra mål bedöms uppfyllas, två inte.",
    });
  });
});
