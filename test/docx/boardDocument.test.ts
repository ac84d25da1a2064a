/**
 * The nämnd's document apart from the ekonom's checks, and styles a kommun can adopt. A final
 * report (no fel) holds no Kontrollresultat and no Avstämning; a draft keeps them and says UTKAST
 * in the page header of every section. Every paragraph resolves to Normal, the default paragraph
 * style, or to a style based on it. Read back from the written document's XML.
 */
import { analyse, generateReport } from "../../src/core/pipeline";
import { reportDocumentBytes } from "../../src/docx/wordReport";
import { makeSnapshot, type RowSpec } from "../helpers/snapshot";
import { docxParts, paragraphs } from "./documentXml";

const TODAY = new Date(Date.UTC(2024, 8, 20));
const LINE: RowSpec = {
  Post: "Lokalhyror",
  Typ: "Kostnad",
  "Budget helår": -64.1,
  "Utfall period": -42.7,
  "Prognos helår": -64.1,
};
const ACTIVITY: RowSpec = {
  Verksamhet: "Hemtjänst",
  "Budget helår": -64.1,
  "Utfall period": -42.7,
  "Prognos helår": -64.1,
};

async function documentOf(line: RowSpec, activity: RowSpec = ACTIVITY) {
  const snapshot = makeSnapshot({ incomeStatement: [line], operatingStatement: [activity] });
  const analysis = analyse(snapshot, { today: TODAY });
  const report = generateReport(analysis);
  return {
    report,
    findings: analysis.findings,
    parts: await docxParts(await reportDocumentBytes(report.doc)),
  };
}

const bodyText = (parts: Record<string, string>) =>
  paragraphs(parts["word/document.xml"])
    .map((p) => p.text)
    .join("\n");

const headers = (parts: Record<string, string>) =>
  Object.keys(parts).filter((name) => /^word\/header\d+\.xml$/.test(name));

describe("the final Word document", () => {
  it("holds no Kontrollresultat and no Avstämning, and no UTKAST anywhere", async () => {
    const { report, parts } = await documentOf(LINE);
    expect(report.doc.draft).toBeNull();
    // The report has them (the xlsx report keeps Kontrollresultat); the nämnd's document does not.
    expect(report.doc.sheets.map((s) => s.name)).toContain("Kontrollresultat");
    const text = bodyText(parts);
    expect(text).not.toMatch(/Kontrollresultat|Avstämning|Inga fel/);
    expect(
      paragraphs(parts["word/document.xml"])
        .filter((p) => p.style === "Heading1")
        .map((p) => p.text)
    ).toEqual(["Sammanfattning", "Ekonomi", "Samlad riskbild", "Intern kontroll"]);
    // No part left out leaves two gaps in a row.
    expect(parts["word/document.xml"]).not.toMatch(
      /(<w:p><w:pPr><w:pStyle w:val="Tabelltext"\/><\/w:pPr><\/w:p>){2}/
    );
    for (const name of headers(parts)) expect(parts[name]).not.toMatch(/UTKAST/);
  });
});

describe("the draft Word document", () => {
  it("keeps the ekonom's checks and says UTKAST in every section's page header", async () => {
    // Typ "Kostnadd" is not in the list: one fel.
    const { report, parts } = await documentOf({ ...LINE, Typ: "Kostnadd" });
    expect(report.doc.draft).not.toBeNull();
    const text = bodyText(parts);
    expect(text).toContain("Kontrollresultat");
    expect(text).toContain("Avstämning mellan resultaträkning och driftsredovisning");
    const sections = parts["word/document.xml"].match(/<w:sectPr\b/g) ?? [];
    const defaultHeaders =
      parts["word/document.xml"].match(/<w:headerReference w:type="default"/g) ?? [];
    expect(defaultHeaders).toHaveLength(sections.length);
    expect(headers(parts).length).toBeGreaterThanOrEqual(sections.length);
    for (const name of headers(parts)) expect(parts[name]).toMatch(/<w:t[^>]*>UTKAST<\/w:t>/);
  });
});

describe("the document's styles", () => {
  it.each([
    ["final", LINE],
    ["draft", { ...LINE, Typ: "Kostnadd" }],
  ])(
    "resolve every paragraph of the %s document to Normal or a style based on it",
    async (_, line) => {
      const { parts } = await documentOf(line);
      const styles = parts["word/styles.xml"];
      const defined = new Map(
        [...styles.matchAll(/<w:style w:type="paragraph"([^>]*)>(.*?)<\/w:style>/gs)].map((m) => [
          /w:styleId="([^"]*)"/.exec(m[1])![1],
          {
            isDefault: /w:default="1"/.test(m[1]),
            basedOn: /<w:basedOn w:val="([^"]*)"\/>/.exec(m[2])?.[1],
          },
        ])
      );
      // Normal is defined, the one default paragraph style, based on nothing.
      expect(defined.get("Normal")).toEqual({ isDefault: true, basedOn: undefined });
      expect([...defined].filter(([, s]) => s.isDefault).map(([id]) => id)).toEqual(["Normal"]);
      // Every other paragraph style leads back to Normal.
      for (const [id] of defined) {
        const seen = new Set<string>();
        let current: string | undefined = id;
        while (current !== undefined && current !== "Normal" && !seen.has(current)) {
          seen.add(current);
          current = defined.get(current)?.basedOn;
        }
        expect([id, current]).toEqual([id, "Normal"]);
      }
      // Every paragraph of the body, headers and footers names a defined style or none (Normal).
      const xmlParts = Object.keys(parts).filter((n) =>
        /^word\/(document|header\d+|footer\d+)\.xml$/.test(n)
      );
      for (const name of xmlParts) {
        for (const p of paragraphs(parts[name])) {
          if (p.style !== null)
            expect([name, p.style, defined.has(p.style)]).toEqual([name, p.style, true]);
        }
      }
    }
  );
});
