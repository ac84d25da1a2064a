/**
 * The example year's T2 (or Helår) written again as template v3 with a Rapporttext row in every
 * Avsnitt, five mål and indicators (document 004's goals), saved and read back: a real workbook.
 * Korttidsboende's comment is taken out, so its material deviation is a fel and the report a draft
 * (the example year itself is klar-able; these tests print the draft's banner and Kontrollresultat).
 */
import path from "node:path";
import type { Snapshot } from "../../src/core/snapshot";
import { parseModel } from "../../src/core/parse/parseModel";
import { contentOf, type WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";

const YEAR = path.join(__dirname, "..", "..", "templates", "exempel-2024-ar");

/** Rapporttext rows by column key, in an order unlike the chapters' (the report orders them). */
export const TEXTS = [
  { section: "Övrigt", text: "Övrig text om lokalerna." },
  { section: "Sammanfattning", text: "Nämnden prognostiserar ett underskott.\nÅtgärder pågår." },
  { section: "Personal", heading: "Sjukfrånvaro", text: "Sjukfrånvaron minskar sakta." },
  { section: "Uppdrag och ansvar", text: "Nämnden ansvarar för äldreomsorgen." },
  // A row without Rubrik continues its chapter where it stands: before the Rubrik rows.
  { section: "Väsentliga händelser", text: "Ett nytt verksamhetssystem infördes." },
  { section: "Väsentliga händelser", heading: "Nytt boende", text: "Boendet öppnade i maj." },
  { section: "Ekonomisk analys", text: "Personalkostnaderna driver underskottet." },
  { section: "Ekonomisk analys", heading: "Hemtjänst", text: "Hemtjänsten har fler timmar." },
  { section: "Åtgärder för ekonomi i balans", text: "Bemanningen ses över." },
  { section: "Förväntad utveckling", text: "Fler äldre de kommande åren." },
] as const;

export const GOALS = [
  ["M1", "Mer effektiva och ändamålsenliga arbetssätt", "Uppfyllt"],
  ["M2", "Samordnade vård- och omsorgsprocesser", "Delvis uppfyllt"],
  ["M3", "Minskad sjukfrånvaro", "Delvis uppfyllt"],
  ["M4", "God kvalitet i hemtjänsten", "Ej uppfyllt"],
  ["M5", "Trygg och säker vård", "Kan inte bedömas"],
].map(([id, goal, assessment]) => ({
  id,
  goal,
  level: "Nämnd",
  assessment,
  analysis: `Analys av ${id}.`,
}));

const INDICATORS = [
  // Exactly at Målvärde is reached.
  ["I1", "M1", "Andel digitala besök", "Mål", "%", "Högre är bättre", 20, 30, 30],
  // A Personal indicator with a Mål-ID: under M3 and in Personal.
  ["I2", "M3", "Sjukfrånvaro", "Personal", "%", "Lägre är bättre", 9.1, 8, 8.6],
  ["I3", "M2", "Väntetid", "Mål", "dagar", "Lägre är bättre", 12, 10, 12],
  ["I4", "M2", "Nöjda brukare", "Mål", "%", "Högre är bättre", 85, 90, 80],
  // No Riktning: no Trend, no Uppnått (a varning).
  ["I5", null, "Personalomsättning", "Personal", "%", null, 14, 12, 13],
].map(([id, goalId, indicator, area, measure, direction, priorYear, target, actual]) => ({
  id,
  goalId,
  indicator,
  area,
  measure,
  direction,
  priorYear,
  target,
  actual,
}));

/** The example year's period (`T2.xlsx`, `Helår.xlsx`) as a v3 draft with texts, mål and indicators. */
export async function v3Workbook(file: string): Promise<Snapshot> {
  const content = contentOf(parseModel(await readSnapshotFromFile(path.join(YEAR, file))));
  const workbook = buildWorkbook(LATEST_TEMPLATE, {
    version: LATEST_TEMPLATE.version,
    settings: { ...content.settings, templateVersion: LATEST_TEMPLATE.version },
    tables: {
      ...content.tables,
      operatingStatement: content.tables!.operatingStatement!.map((row) =>
        row.activity === "Korttidsboende" ? { ...row, comment: null } : row
      ),
      reportText: TEXTS,
      goals: GOALS,
      indicators: INDICATORS,
    },
  } as WorkbookContent);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return readSnapshotFromBuffer(bytes, `v3-${file}`);
}
