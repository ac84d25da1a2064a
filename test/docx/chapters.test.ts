/**
 * Golden test of the Word report's chapters on a v3 workbook: the example year's T2 (and Helår)
 * written again as template v3 with a Rapporttext row in every Avsnitt, five mål and indicators,
 * saved and read back. The document has the delårsrapport's chapters as Heading 1 in its order,
 * each Rapporttext row under its chapter, one Sammanfattning with the counts, and each indicator's
 * trend and "uppnått" as words.
 */
import { analyse, generateReport, type GeneratedReport } from "../../src/core/pipeline";
import { STYLES } from "../../src/core/layout/styles";
import { reportDocumentBytes } from "../../src/docx/wordReport";
import { CHAPTER_ORDER } from "../helpers/chapterOrder";
import { docxParts, paragraphs, tableCells, type DocxParagraph } from "./documentXml";
import { GOALS, TEXTS, v3Workbook } from "./v3Workbook";

async function v3Report(file: string): Promise<GeneratedReport> {
  return generateReport(analyse(await v3Workbook(file)));
}

async function body(report: GeneratedReport): Promise<string> {
  return (await docxParts(await reportDocumentBytes(report.doc)))["word/document.xml"];
}

/**
 * Each body paragraph (not a table cell's) with the Heading 1, 2 and 3 it stands under; a heading
 * stands under those above its own level.
 */
function outline(xml: string): { p: DocxParagraph; under: (string | null)[] }[] {
  const outside = xml.replace(/<w:tbl>.*?<\/w:tbl>/gs, "");
  const under: (string | null)[] = [null, null, null];
  return paragraphs(outside).map((p) => {
    const level = Number(/^Heading([123])$/.exec(p.style ?? "")?.[1] ?? 4);
    for (let k = level - 1; k < 3; k++) under[k] = null;
    const above = [...under];
    if (level <= 3) under[level - 1] = p.text;
    return { p, under: above };
  });
}

describe("the Word report of a v3 workbook, T2", () => {
  let report: GeneratedReport;
  let xml: string;
  beforeAll(async () => {
    report = await v3Report("T2.xlsx");
    xml = await body(report);
  }, 60_000);

  it("has the delårsrapport's chapters as Heading 1, in its order", () => {
    const headings = paragraphs(xml)
      .filter((p) => p.style === "Heading1")
      .map((p) => p.text);
    // v3Workbook takes back one fel: a draft, which ends with the ekonom's checks.
    expect(report.doc.draft).not.toBeNull();
    expect(headings).toEqual(CHAPTER_ORDER);
    expect(paragraphs(xml).filter((p) => p.text === "Sammanfattning")).toHaveLength(1);
  });

  it("puts every Rapporttext row under its chapter, a Rubrik one level below it", () => {
    const lines = outline(xml);
    for (const row of TEXTS) {
      const economy = row.section === "Ekonomisk analys" || row.section.startsWith("Åtgärder");
      const chapter = economy ? ["Ekonomi", row.section] : [row.section];
      for (const text of row.text.split("\n")) {
        const found = lines.filter((l) => l.p.text === text && l.p.style === null);
        const heading = "heading" in row ? row.heading : null;
        expect([text, found.map((l) => l.under)]).toEqual([
          text,
          [[...chapter, ...(heading ? [heading] : []), null, null].slice(0, 3)],
        ]);
      }
      if ("heading" in row) {
        const level = chapter.length + 1;
        expect(lines.map((l) => l.p)).toContainEqual({
          style: `Heading${level}`,
          text: row.heading,
        });
      }
    }
  });

  it("opens with one Sammanfattning: the ekonom's text, then the economy, mål, risk and kontroll counts", () => {
    const lines = outline(xml)
      .filter((l) => l.under[0] === "Sammanfattning" && l.p.style === null)
      .map((l) => l.p.text);
    expect(lines.slice(0, 2)).toEqual([
      "Nämnden prognostiserar ett underskott.",
      "Åtgärder pågår.",
    ]);
    expect(lines[2]).toMatch(/Helårsprognosen är 1\s092,4\smnkr/);
    expect(lines[3]).toBe(
      "Ett av fem mål bedöms uppfyllas, två delvis, ett inte och ett kan inte bedömas."
    );
    expect(lines[4]).toMatch(/risk/);
    expect(lines[lines.length - 1]).toMatch(/kontroll/);
    // The riskbild has no Sammanfattning of its own in the document.
    const riskLines = outline(xml).filter((l) => l.under[0] === "Samlad riskbild");
    expect(riskLines.map((l) => l.p.text)).not.toContain(lines[4]);
  });

  it("follows up each mål: the counts, then per mål its level, bedömning in colour and analys", () => {
    const goals = outline(xml).filter((l) => l.under[0] === "Uppföljning av mål");
    expect(goals[0].p.text).toBe(
      "Ett av fem mål bedöms uppfyllas, två delvis, ett inte och ett kan inte bedömas."
    );
    expect(goals.filter((l) => l.p.style === "Heading2").map((l) => l.p.text)).toEqual(
      GOALS.map((g) => `${g.id} ${g.goal}`)
    );
    const cells = tableCells(xml);
    expect(cells).toEqual(
      expect.arrayContaining([
        "● Uppfyllt",
        "▲ Delvis uppfyllt",
        "■ Ej uppfyllt",
        "○ Kan inte bedömas",
        "Nämnd",
      ])
    );
    const cellXml = (text: string) =>
      [...xml.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].find((m) => tableCells(m[0])[0] === text)?.[0];
    expect(cellXml("● Uppfyllt")).toContain(`w:fill="${STYLES["status.utan-avvikelse"].fill}"`);
    expect(cellXml("■ Ej uppfyllt")).toContain(`w:fill="${STYLES["status.stor-avvikelse"].fill}"`);
    for (const g of GOALS) expect(goals.map((l) => l.p.text)).toContain(g.analysis);
  });

  it("prints each indicator as a row with its trend and 'uppnått' as words", () => {
    const cells = tableCells(xml);
    const row = (name: string) => {
      const at = cells.flatMap((c, i) => (c === name ? [i] : []));
      return at.map((i) => cells.slice(i, i + 6));
    };
    expect(row("Andel digitala besök (%)")).toEqual([
      ["Andel digitala besök (%)", "20", "30", "30", "Förbättrad", "Ja"],
    ]);
    // Under its mål and in Personal.
    expect(row("Sjukfrånvaro (%)")).toEqual([
      ["Sjukfrånvaro (%)", "9,1", "8", "8,6", "Förbättrad", "Nej"],
      ["Sjukfrånvaro (%)", "9,1", "8", "8,6", "Förbättrad", "Nej"],
    ]);
    expect(row("Väntetid (dagar)")).toEqual([
      ["Väntetid (dagar)", "12", "10", "12", "Oförändrad", "Nej"],
    ]);
    expect(row("Nöjda brukare (%)")).toEqual([
      ["Nöjda brukare (%)", "85", "90", "80", "Försämrad", "Nej"],
    ]);
    expect(row("Personalomsättning (%)")).toEqual([
      ["Personalomsättning (%)", "14", "12", "13", "–", "–"],
    ]);
  });

  it("ends Personal with the Område Personal indicators under a heading of their own, not the last Rubrik's", () => {
    const personal = outline(
      xml.replace(/<w:tbl>.*?<\/w:tbl>/gs, "<w:p><w:r><w:t>TABELL</w:t></w:r></w:p>")
    ).filter((l) => l.under[0] === "Personal");
    expect(personal.map((l) => [l.p.style, l.p.text, l.under.slice(1)])).toEqual([
      ["Heading2", "Sjukfrånvaro", [null, null]],
      [null, "Sjukfrånvaron minskar sakta.", ["Sjukfrånvaro", null]],
      // At the Rubrik's level: the table is the chapter's, not Sjukfrånvaro's.
      ["Heading2", "Indikatorer", [null, null]],
      [null, "TABELL", ["Indikatorer", null]],
    ]);
  });

  it("keeps Ekonomisk analys before the economy's tables and Åtgärder för ekonomi i balans after them", () => {
    const economy = outline(xml)
      .filter((l) => l.under[0] === "Ekonomi" && l.p.style === "Heading2")
      .map((l) => l.p.text);
    expect(economy[0]).toBe("Ekonomisk analys");
    expect(economy[1]).toBe("Resultaträkning");
    expect(economy.at(-1)).toBe("Åtgärder för ekonomi i balans");
    expect(economy).toContain("Väsentliga avvikelser");
  });
});

describe("the Word report of a v3 workbook, Helår", () => {
  it("words the mål counts as the year's outcome", async () => {
    const xml = await body(await v3Report("Helår.xlsx"));
    const texts = paragraphs(xml).map((p) => p.text);
    const counts = "Ett av fem mål uppfylldes, två delvis, ett inte och ett kan inte bedömas.";
    // In the Sammanfattning and in Uppföljning av mål.
    expect(texts.filter((t) => t === counts)).toHaveLength(2);
    expect(texts.join("\n")).not.toMatch(/bedöms uppfyllas/);
  }, 60_000);
});
