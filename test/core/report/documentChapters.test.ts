/**
 * The Word document's chapters (documentChapters.ts) against the sheets they are made of: for any
 * Rapporttext rows, mål and indicators, the chapters are the delårsrapport's in its order, each
 * only with content, and everything the sheets say reaches the document (nothing is lost in the
 * reordering); the economy's, risks' and kontroller's tables are the sheets' very blocks.
 */
import fc from "fast-check";
import { analyse, generateReport } from "../../../src/core/pipeline";
import { boardChapters, type Block, type ReportDoc } from "../../../src/core/report/reportDoc";
import { LISTS } from "../../../src/core/template/lists";
import { CHAPTER_ORDER } from "../../helpers/chapterOrder";
import { makeSnapshot, type RowSpec } from "../../helpers/snapshot";
import { LEDGERS } from "../validate/run";

const docOf = (tables: Record<string, RowSpec[]> = {}): ReportDoc =>
  generateReport(analyse(makeSnapshot({ ...LEDGERS, ...tables }))).doc;

const chapterNames = (doc: ReportDoc) => (doc.chapters ?? []).map((c) => c.name);

/**
 * What a block says, apart from the frame the sheets and chapters each give it (banner, title,
 * subtitle, spacer, a chapter's own heading): its text, or a table's or grid's whole content.
 */
function said(block: Block): string[] {
  switch (block.kind) {
    case "paragraph":
      return block.style === "subtitle" || block.style === "utkast" ? [] : [block.text];
    case "text":
      return [block.heading, block.text];
    case "heading":
      return [block.text];
    case "table":
    case "grid":
      return [JSON.stringify(block.rows)];
    default:
      return [];
  }
}

const FRAME = new Set([...LISTS.avsnitt, "Uppföljning av mål"]);

describe("the document's chapters", () => {
  it("of a workbook without texts and mål: Sammanfattning, Ekonomi, riskbild, kontroll", () => {
    const doc = docOf();
    expect(chapterNames(doc)).toEqual([
      "Sammanfattning",
      "Ekonomi",
      "Samlad riskbild",
      "Intern kontroll",
      "Kontrollresultat",
    ]);
    const [summary, economy] = doc.chapters!;
    // The economy sentence moved out of Ekonomi into the one Sammanfattning.
    const economySheet = doc.sheets[0];
    const sentence = economySheet.blocks.find(
      (b, i) => b.kind === "paragraph" && economySheet.blocks[i - 1]?.kind === "heading"
    );
    expect(summary.blocks).toContain(sentence);
    expect(economy.blocks).not.toContain(sentence);
    // The same table objects: built once, framed twice.
    const tables = (blocks: readonly Block[]) => blocks.filter((b) => b.kind === "table");
    expect(tables(economy.blocks)).toEqual(tables(economySheet.blocks));
    expect(tables(economy.blocks)[0]).toBe(tables(economySheet.blocks)[0]);
    // A final report's document leaves the ekonom's checks out.
    expect(doc.draft).toBeNull();
    expect(boardChapters(doc).map((c) => c.name)).not.toContain("Kontrollresultat");
    expect(boardChapters(doc)[1].blocks.some((b) => b.kind === "heading" && b.working)).toBe(false);
  });

  it("puts a unit's text under its name in Ekonomisk analys, its Rubrik below it", () => {
    const doc = docOf({
      reportText: [
        {
          Avsnitt: "Ekonomisk analys",
          Rubrik: "Hemtjänst",
          Text: "Fler timmar.",
          "Rapporterande enhet": "Enhet Norr",
        },
      ],
    });
    const economy = doc.chapters!.find((c) => c.name === "Ekonomi")!;
    expect(
      economy.blocks.slice(1, 4).map((b) => (b.kind === "text" ? [b.heading, b.level] : b))
    ).toEqual([
      { kind: "heading", text: "Ekonomisk analys", level: 2 },
      { kind: "heading", text: "Enhet Norr", level: 3 },
      ["Hemtjänst", 3],
    ]);
  });

  it("for any texts, mål and indicators: the delårsrapport's order, empty chapters left out, nothing lost", () => {
    const textRow = fc.record({
      Avsnitt: fc.constantFrom(...LISTS.avsnitt),
      Rubrik: fc.option(fc.constantFrom("Rubrik A", "Rubrik B"), { nil: null }),
      Text: fc.constantFrom("Ett stycke.", "Två\nstycken."),
    });
    const goalCount = fc.integer({ min: 0, max: 3 });
    const areas = fc.array(fc.constantFrom("Mål", "Personal", "Verksamhet"), { maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(textRow, { maxLength: 8 }),
        goalCount,
        areas,
        (texts, goals, indicatorAreas) => {
          const doc = docOf({
            reportText: texts,
            goals: Array.from({ length: goals }, (_, i) => ({
              "Mål-ID": `M${i + 1}`,
              Mål: `Mål ${i + 1}`,
              Målnivå: "Nämnd",
              Bedömning: "Uppfyllt",
              Analys: "Analys.",
            })),
            indicators: indicatorAreas.map((area, i) => ({
              "Indikator-ID": `I${i + 1}`,
              "Mål-ID": goals > 0 ? "M1" : null,
              Indikator: `Indikator ${i + 1}`,
              Område: area,
              Riktning: "Högre är bättre",
              Utfall: i,
            })),
          });
          const names = chapterNames(doc);
          // In the delårsrapport's order, each once.
          expect(names).toEqual(CHAPTER_ORDER.filter((n) => names.includes(n)));
          const sections = new Set(texts.map((t) => t.Avsnitt));
          const expected = CHAPTER_ORDER.filter(
            (n) =>
              ["Sammanfattning", "Ekonomi", "Samlad riskbild", "Intern kontroll"].includes(n) ||
              sections.has(n as (typeof LISTS.avsnitt)[number]) ||
              (n === "Uppföljning av mål" && goals > 0) ||
              (n === "Personal" && indicatorAreas.includes("Personal")) ||
              n === "Kontrollresultat"
          );
          expect(names).toEqual(expected);
          // Everything the sheets say is in the chapters.
          const inChapters = new Set((doc.chapters ?? []).flatMap((c) => c.blocks.flatMap(said)));
          const lost = doc.sheets
            .flatMap((s) => s.blocks.flatMap(said))
            .filter((t) => !inChapters.has(t) && !FRAME.has(t) && t !== "Sammanfattning");
          expect(lost).toEqual([]);
        }
      ),
      { numRuns: 40 }
    );
  });
});
