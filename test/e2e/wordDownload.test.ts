/**
 * Ladda ned som Word in browser mode: the docx chunk is fetched only on the click, and the
 * download is a valid Word document (a zip with word/document.xml) with the report's headings,
 * the same document `tertial rapport --format docx` writes.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { paragraphs } from "../docx/documentXml";
import { seriousViolations } from "./axe";
import {
  chooseWorkbook,
  EXAMPLE,
  findingsHeading,
  generateButton,
  paneInBrowser,
  screenshot,
} from "./chromium";
import { runTertial } from "./cli";

const pane = paneInBrowser("tertial-e2e-word-");

const wordButton = (p: Page) => p.getByRole("button", { name: "Ladda ned som Word" });
const docxChunkRequests = () => pane.session.requests.filter((r) => /\/docx\.js$/.test(r.url));

async function headingsOf(bytes: Uint8Array): Promise<{ style: string | null; text: string }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const body = await zip.file("word/document.xml")!.async("string");
  return paragraphs(body).filter((p) => /^(Title|Heading[123])$/.test(p.style ?? ""));
}

it("downloads the report as a Word document with its headings, loading the docx chunk only then", async () => {
  await chooseWorkbook(pane.page, EXAMPLE);
  await findingsHeading(pane.page).waitFor();
  const workbook = pane.page.waitForEvent("download");
  await generateButton(pane.page).click();
  await workbook;
  await wordButton(pane.page).waitFor();
  expect(docxChunkRequests()).toEqual([]);

  const download = pane.page.waitForEvent("download");
  await wordButton(pane.page).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("exempel-2024-T2-rapport.docx");
  expect(docxChunkRequests()).toHaveLength(1);
  const bytes = await fs.readFile(await file.path());
  expect(bytes.subarray(0, 2).toString()).toBe("PK");

  const headings = await headingsOf(bytes);
  expect(headings[0]).toEqual({
    style: "Title",
    text: "Utkast: Vård- och omsorgsnämnden – Delårsrapport augusti 2024",
  });
  expect(headings.filter((h) => h.style === "Heading1").map((h) => h.text)).toEqual([
    "Sammanfattning",
    "Ekonomi",
    "Samlad riskbild",
    "Intern kontroll",
    "Kontrollresultat",
  ]);
  for (const text of [
    "Resultaträkning",
    "Driftsredovisning",
    "Riskmatris",
    "Väsentliga avvikelser",
  ]) {
    expect(headings).toContainEqual({ style: "Heading2", text });
  }

  // The same headings as the CLI's document of the same workbook.
  const cliDocument = path.join(pane.dir, "cli-rapport.docx");
  expect(runTertial(["rapport", EXAMPLE, "-o", cliDocument]).status).toBe(1);
  expect(headings).toEqual(await headingsOf(await fs.readFile(cliDocument)));

  await pane.page
    .getByText("Word-dokumentet laddas ned som exempel-2024-T2-rapport.docx", { exact: false })
    .waitFor();
  await screenshot(pane.page, "4-word");
  expect(await seriousViolations(pane.page, "word")).toEqual([]);
});
