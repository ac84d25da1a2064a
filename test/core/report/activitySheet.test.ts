import { analyse, generateReport, type GeneratedReport } from "../../../src/core/pipeline";
import { countGoals, goalCountsText } from "../../../src/core/report/goalText";
import type { Block, ReportSheet, TableBlock } from "../../../src/core/report/reportDoc";
import { reportDocumentBytes } from "../../../src/docx/wordReport";
import { docxParts, paragraphs, tableCells, tableRows } from "../../docx/documentXml";
import { makeSnapshot, type RowSpec } from "../../helpers/snapshot";
import { LEDGERS } from "../validate/run";

const goal = (id: string, assessment: string | null, extra: RowSpec = {}): RowSpec => ({
  "Mål-ID": id,
  Mål: `Mål ${id}`,
  Målnivå: "Nämnd",
  Bedömning: assessment,
  Analys: assessment ? `Analys av ${id}.` : null,
  ...extra,
});

const indicator = (id: string, goalId: string | null, extra: RowSpec = {}): RowSpec => ({
  "Indikator-ID": id,
  "Mål-ID": goalId,
  Indikator: `Indikator ${id}`,
  Område: "Mål",
  Riktning: "Högre är bättre",
  ...extra,
});

/** M1's indicator shows a Kolada value; M2's and the Personal one (no value yet) do not. */
const koladaSnapshot = () =>
  makeSnapshot({
    ...LEDGERS,
    goals: [goal("M1", "Uppfyllt"), goal("M2", "Uppfyllt")],
    indicators: [
      indicator("I1", "M1", { Källa: "Kolada:N00945", Utfall: 12 }),
      indicator("I2", "M2", { Källa: "Egen mätning", Utfall: 3 }),
      // A Kolada source without a value yet shows nothing from Kolada.
      indicator("I3", null, { Område: "Personal", Källa: "Kolada:N00090" }),
    ],
  });

const TEXTS: RowSpec[] = [
  { Avsnitt: "Personal", Text: "Personaltext." },
  { Avsnitt: "Sammanfattning", Text: "Första stycket.\nAndra stycket." },
  { Avsnitt: "Väsentliga händelser", Rubrik: "Nytt boende", Text: "Boendet öppnade i maj." },
  { Avsnitt: "Förväntad utveckling", Text: "Fler äldre." },
];

function activityReport(period = "T2"): GeneratedReport {
  const snapshot = makeSnapshot(
    {
      ...LEDGERS,
      reportText: TEXTS,
      goals: [
        goal("M1", "Uppfyllt"),
        goal("M2", "Delvis uppfyllt", { Målnivå: "Kommunfullmäktige" }),
        goal("M3", "Delvis uppfyllt"),
        goal("M4", "Ej uppfyllt"),
        goal("M5", null),
      ],
      indicators: [
        indicator("I1", "M1", { "Utfall fg år": 80, Målvärde: 85, Utfall: 85 }),
        indicator("I2", "M1", {
          Riktning: "Lägre är bättre",
          "Utfall fg år": 9.1,
          Målvärde: 8,
          Utfall: 8.6,
        }),
        indicator("I3", "M2", { "Utfall fg år": 5, Utfall: 5 }),
        indicator("I4", null, { Område: "Personal", Riktning: null, Utfall: 7.25 }),
      ],
    },
    { period }
  );
  return generateReport(analyse(snapshot));
}

function activity(period = "T2"): ReportSheet {
  const sheet = activityReport(period).doc.sheets.find((s) => s.name === "Rapport Verksamhet");
  expect(sheet).toBeDefined();
  return sheet!;
}

const headingsOf = (blocks: readonly Block[], level: number) =>
  blocks.flatMap((b) => (b.kind === "heading" && (b.level ?? 2) === level ? [b.text] : []));

describe("Rapport Verksamhet", () => {
  it("has the chapters as level 1 headings in the delårsrapport's order, empty ones left out", () => {
    expect(headingsOf(activity().blocks, 1)).toEqual([
      "Sammanfattning",
      "Väsentliga händelser",
      "Uppföljning av mål",
      "Personal",
      "Förväntad utveckling",
    ]);
  });

  it("puts every Rapporttext row under its chapter, a Rubrik one level below it", () => {
    const blocks = activity().blocks;
    const chapterOf = (find: (b: Block) => boolean) => {
      const at = blocks.findIndex(find);
      const before = blocks.slice(0, at).filter((b) => b.kind === "heading" && b.level === 1);
      return (before[before.length - 1] as { text: string }).text;
    };
    const paragraph = (text: string) => (b: Block) => b.kind === "paragraph" && b.text === text;
    expect(chapterOf(paragraph("Första stycket."))).toBe("Sammanfattning");
    expect(chapterOf(paragraph("Andra stycket."))).toBe("Sammanfattning");
    expect(chapterOf(paragraph("Personaltext."))).toBe("Personal");
    expect(chapterOf(paragraph("Fler äldre."))).toBe("Förväntad utveckling");
    const rubrik = blocks.find((b) => b.kind === "text" && b.heading === "Nytt boende");
    expect(rubrik).toMatchObject({ level: 2, text: "Boendet öppnade i maj." });
    expect(chapterOf((b) => b === rubrik)).toBe("Väsentliga händelser");
  });

  it("counts every mål, the unbedömda as ej bedömt, in words of the expected outcome during the year", () => {
    expect(activity("T2").blocks).toContainEqual({
      kind: "paragraph",
      text: "Ett av fem mål bedöms uppfyllas, två delvis, ett inte och ett är ej bedömt.",
    });
    expect(activity("Helår").blocks).toContainEqual({
      kind: "paragraph",
      text: "Ett av fem mål uppfylldes, två delvis, ett inte och ett är ej bedömt.",
    });
  });

  it("gives each mål its level, bedömning as symbol and word with a colour, analys and indicators", () => {
    const blocks = activity().blocks;
    const m1 = blocks.findIndex((b) => b.kind === "heading" && b.text === "M1 Mål M1");
    expect(blocks[m1 + 1]).toEqual({
      kind: "grid",
      keepWithNext: true,
      columns: [{ width: 18 }, { width: "rest" }],
      rows: [
        [{ value: "Målnivå", emphasis: "label" }, { value: "Nämnd" }],
        [
          { value: "Bedömning", emphasis: "label" },
          { value: "● Uppfyllt", emphasis: "status.utan-avvikelse" },
        ],
      ],
    });
    expect(blocks[m1 + 2]).toEqual({
      kind: "paragraph",
      text: "Analys av M1.",
      keepWithNext: true,
    });
    const table = blocks[m1 + 3] as TableBlock;
    expect(table.columns.map((c) => c.header)).toEqual([
      "Indikator",
      "Utfall fg år",
      "Målvärde",
      "Utfall",
      "Trend",
      "Uppnått",
    ]);
    // I1 exactly at Målvärde is reached; I2 lower-is-better, better than last year, not reached.
    expect(table.rows.map((r) => (r.kind === "line" ? r.cells.map((c) => c.value) : []))).toEqual([
      ["Indikator I1", "80", "85", "85", "Förbättrad", "Ja"],
      ["Indikator I2", "9,1", "8", "8,6", "Förbättrad", "Nej"],
    ]);
    const m5 = blocks.findIndex((b) => b.kind === "heading" && b.text === "M5 Mål M5");
    expect(blocks[m5 + 1]).toMatchObject({
      rows: [expect.anything(), [expect.anything(), { value: "– Ej bedömt" }]],
    });
  });

  it("keeps a mål's details with its analys, and the analys with its indicator table, not with the next mål", () => {
    const blocks = activity().blocks;
    const after = (heading: string) =>
      blocks.slice(blocks.findIndex((b) => b.kind === "heading" && b.text === heading) + 1);
    // M1 has indicators: grid and analys keep with the table.
    expect(
      after("M1 Mål M1")
        .slice(0, 3)
        .map((b) => [b.kind, "keepWithNext" in b])
    ).toEqual([
      ["grid", true],
      ["paragraph", true],
      ["table", false],
    ]);
    // M3 has none: the grid keeps with the analys, which leaves the next mål free.
    expect(
      after("M3 Mål M3")
        .slice(0, 3)
        .map((b) => [b.kind, "keepWithNext" in b])
    ).toEqual([
      ["grid", true],
      ["paragraph", false],
      ["heading", false],
    ]);
    // M5 has neither analys nor indicators: nothing of its own to keep with.
    expect(after("M5 Mål M5")[0]).toMatchObject({ kind: "grid" });
    expect(after("M5 Mål M5")[0]).not.toHaveProperty("keepWithNext");
  });

  it("prints an equal value as Oförändrad, and '–' where a value or the Riktning is missing", () => {
    const blocks = activity().blocks;
    const tables = blocks.filter((b): b is TableBlock => b.kind === "table");
    const cells = (t: TableBlock) =>
      t.rows[0].kind === "line" ? t.rows[0].cells.map((c) => c.value) : [];
    expect(cells(tables[1])).toEqual(["Indikator I3", "5", "–", "5", "Oförändrad", "–"]);
    // The Personal indicator sits in Personal, after its text, under a heading of its own.
    expect(cells(tables[2])).toEqual(["Indikator I4", "–", "–", "7,25", "–", "–"]);
    expect(blocks.slice(blocks.indexOf(tables[2]) - 2, blocks.indexOf(tables[2]))).toEqual([
      { kind: "paragraph", text: "Personaltext." },
      { kind: "heading", text: "Indikatorer", level: 2 },
    ]);
  });

  it("adds the mål counts to Rapport Ekonomi's generated Sammanfattning", () => {
    const snapshot = makeSnapshot({
      ...LEDGERS,
      goals: [goal("M1", "Uppfyllt"), goal("M2", null)],
    });
    const economy = generateReport(analyse(snapshot)).doc.sheets[0];
    const at = economy.blocks.findIndex((b) => b.kind === "heading" && b.text === "Sammanfattning");
    expect(economy.blocks[at + 2]).toEqual({
      kind: "paragraph",
      text: "Ett av två mål bedöms uppfyllas, ett är ej bedömt.",
    });
  });

  it("credits Kolada under each indicator table that shows a Kolada value, and only there", () => {
    const blocks = generateReport(analyse(koladaSnapshot())).doc.sheets.find(
      (s) => s.name === "Rapport Verksamhet"
    )!.blocks;
    const afterTables = blocks.flatMap((b, i) =>
      b.kind === "table" ? [blocks[i + 1]?.kind === "paragraph" ? blocks[i + 1] : null] : []
    );
    expect(afterTables).toEqual([
      { kind: "paragraph", text: "Källa: Kolada", style: "note" },
      null,
      null,
    ]);
  });

  it("is not written for a workbook without text, mål or indicators", () => {
    const doc = generateReport(analyse(makeSnapshot(LEDGERS))).doc;
    expect(doc.sheets.map((s) => s.name)).not.toContain("Rapport Verksamhet");
  });
});

describe("Rapport Verksamhet in Word", () => {
  /**
   * "Källa: Kolada" printed at the next page's top would credit nothing: the last row of the table
   * it follows keeps with it (so Word and LibreOffice keep the table with the note), and a table
   * with no note after it keeps nothing, free to end a page.
   */
  it("keeps an indicator table's last row with the Kolada note under it, and only there", async () => {
    const bytes = await reportDocumentBytes(generateReport(analyse(koladaSnapshot())).doc);
    const xml = (await docxParts(bytes))["word/document.xml"];
    const indicatorTables = [
      ...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>(<w:p(?: [^>]*)?>.*?<\/w:p>|<w:p\/>)?/gs),
    ].filter((m) => tableCells(m[1])[0] === "Indikator");
    const seen = indicatorTables.map((m) => ({
      credited: paragraphs(m[2] ?? "")[0]?.text === "Källa: Kolada",
      lastRowKeeps: tableRows(m[1]).at(-1)!.includes("<w:keepNext/>"),
    }));
    // M1's table with its note, M2's and Personal's without.
    expect(seen).toEqual([
      { credited: true, lastRowKeeps: true },
      { credited: false, lastRowKeeps: false },
      { credited: false, lastRowKeeps: false },
    ]);
  });

  it("writes the chapters as Rubrik 1, a mål and a Rubrik as Rubrik 2, and the indicator words", async () => {
    const bytes = await reportDocumentBytes(activityReport().doc);
    const xml = (await docxParts(bytes))["word/document.xml"];
    const byStyle = (style: string) =>
      paragraphs(xml)
        .filter((p) => p.style === style)
        .map((p) => p.text);
    expect(byStyle("Heading1")).toEqual(
      expect.arrayContaining(["Sammanfattning", "Uppföljning av mål", "Personal"])
    );
    expect(byStyle("Heading2")).toEqual(expect.arrayContaining(["Nytt boende", "M1 Mål M1"]));
    expect(tableCells(xml)).toEqual(
      expect.arrayContaining(["Förbättrad", "Oförändrad", "Ja", "Nej"])
    );
  });
});

describe("goalCountsText", () => {
  it("says 'Inget' when no mål is uppfyllt, and nothing for a workbook without mål", () => {
    expect(goalCountsText(countGoals(["Ej uppfyllt", "Kan inte bedömas"]), "T1")).toBe(
      "Inget av två mål bedöms uppfyllas, ett inte och ett kan inte bedömas."
    );
    expect(goalCountsText(countGoals([null, null]), "T2")).toBe(
      "Inget av två mål bedöms uppfyllas, två är ej bedömda."
    );
    expect(goalCountsText(countGoals([]), "T2")).toBe("");
  });
});
