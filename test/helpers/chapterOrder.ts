/**
 * The delårsrapport's chapters in the order the Word document prints them, written out here and
 * not read from documentChapters.ts, so that the tests hold the code to the order the issue asks
 * for. Kontrollresultat, the findings, closes the document.
 */
export const CHAPTER_ORDER = [
  "Sammanfattning",
  "Uppdrag och ansvar",
  "Väsentliga händelser",
  "Uppföljning av mål",
  "Ekonomi",
  "Personal",
  "Samlad riskbild",
  "Intern kontroll",
  "Förväntad utveckling",
  "Övrigt",
  "Kontrollresultat",
] as const;
