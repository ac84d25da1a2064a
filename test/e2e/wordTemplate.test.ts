/**
 * The pane's Word-mall in browser mode: a kommun's template picked beside Ladda ned som Word
 * gives the downloaded document the template's styles, header and footer, the same document
 * `tertial rapport --word-mall` writes; a file that is no Word template is refused in Swedish,
 * naming it, and the report downloads again once the template is removed.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import { paragraphs } from "../docx/documentXml";
import { FOOTER_TEXT, kommunTemplate, TEMPLATE_FONT } from "../helpers/wordTemplateFixture";
import { seriousViolations } from "./axe";
import {
  chooseWorkbook,
  EXAMPLE,
  findingsHeading,
  generateButton,
  nextFileChooser,
  paneInBrowser,
  screenshot,
} from "./chromium";
import { runTertial } from "./cli";

const pane = paneInBrowser("tertial-e2e-word-mall-");

const wordButton = (p: Page) => p.getByRole("button", { name: "Ladda ned som Word" });

async function pickTemplate(file: string): Promise<void> {
  const chooser = await nextFileChooser(pane.page);
  await pane.page.getByRole("button", { name: /^(Välj|Byt) Word-mall$/ }).click();
  await (await chooser.opened).setFiles(file);
  await pane.page.getByText(`Word-mall: ${path.basename(file)}`).waitFor();
}

async function downloadWord(): Promise<Uint8Array> {
  const download = pane.page.waitForEvent("download");
  await wordButton(pane.page).click();
  return fs.readFile(await (await download).path());
}

async function partsOf(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? null;
  const body = (await text("word/document.xml"))!;
  return {
    styles: (await text("word/styles.xml"))!,
    footer: await text("word/mall-footer-default.xml"),
    headings: paragraphs(body).filter((p) => /^(Title|Heading[123])$/.test(p.style ?? "")),
  };
}

it("downloads the report in a picked Word-mall, as tertial rapport --word-mall writes it", async () => {
  const mall = path.join(pane.dir, "kommunmall.dotx");
  await fs.writeFile(mall, await kommunTemplate({ swedish: true, dotx: true }));
  await chooseWorkbook(pane.page, EXAMPLE);
  await findingsHeading(pane.page).waitFor();
  const workbook = pane.page.waitForEvent("download");
  await generateButton(pane.page).click();
  await workbook;
  await wordButton(pane.page).waitFor();

  await pickTemplate(mall);
  const document = await partsOf(await downloadWord());
  expect(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(document.styles)![0]).toContain(
    `w:ascii="${TEMPLATE_FONT}"`
  );
  expect(document.footer).toContain(FOOTER_TEXT);

  const cliDocument = path.join(pane.dir, "cli-rapport.docx");
  expect(runTertial(["rapport", EXAMPLE, "-o", cliDocument, "--word-mall", mall]).status).toBe(1);
  const cli = await partsOf(await fs.readFile(cliDocument));
  expect(document.headings).toEqual(cli.headings);
  expect(document.styles).toBe(cli.styles);
  expect(document.footer).toBe(cli.footer);

  await screenshot(pane.page, "word-mall");
  expect(await seriousViolations(pane.page, "word-mall")).toEqual([]);
});

it("refuses a file that is no Word template, naming it, and downloads without it once removed", async () => {
  const notATemplate = path.join(pane.dir, "anteckningar.docx");
  await fs.writeFile(notATemplate, "Detta är ingen Word-fil.");
  await pickTemplate(notATemplate);
  await wordButton(pane.page).click();
  await pane.page
    .getByRole("alert")
    .getByText("Word-mallen anteckningar.docx är ingen Word-fil (.docx eller .dotx).", {
      exact: false,
    })
    .waitFor();

  await pane.page.getByRole("button", { name: "Ta bort Word-mallen" }).click();
  const document = await partsOf(await downloadWord());
  expect(document.footer).toBeNull();
  expect(document.styles).toContain('w:ascii="Arial"');
});
