/**
 * `tertial rapport --format docx --word-mall <mall>`: the Word document in the kommun's own
 * template, made here as a Swedish Word would save it (Heading 1 as `Rubrik1`), as .docx and as
 * .dotx. The template's Normal font, heading colour, table style, header with its logo and
 * footer win; Tertial's own styles fill in; the result is a .docx Tertial recognises as its own,
 * and LibreOffice prints it (pages 1 and 2 saved as PNGs in test-output/word-mall/). Bad templates are
 * refused in Swedish, with exit 2 and nothing written.
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { reportCommand, type ReportCommandOptions } from "../../src/cli/reportCommand";
import { runCommand } from "../../src/cli/runCommand";
import { isTertialDocument } from "../../src/docx/documentMarker";
import { MAX_WORD_TEMPLATE_BYTES } from "../../src/docx/wordTemplate";
import { malformedParts } from "../helpers/wellFormedParts";
import { missingPrintTools, pageLines, pdfPageCount, printToPdf } from "../helpers/printToPdf";
import {
  FIRST_PAGE_TEXT,
  FOOTER_TEXT,
  HEADING_COLOUR,
  kommunTemplate,
  logoPng,
  TEMPLATE_FONT,
} from "../helpers/wordTemplateFixture";
import { sha256, useInProcessCli } from "./inProcess";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");
const PICTURES = path.join(__dirname, "..", "..", "test-output", "word-mall");
const DOCUMENT_MAIN =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

const io = useInProcessCli("tertial-word-mall-");

async function exitCodeOf(options: ReportCommandOptions): Promise<number | undefined> {
  const input = path.join(io.dir, "exempel.xlsx");
  await fs.copyFile(EXAMPLE, input);
  await runCommand(() => reportCommand(input, options));
  return process.exitCode as number | undefined;
}

async function writeTemplate(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(io.dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

const styleOf = (styles: string, id: string) =>
  new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? null;

async function parts(file: string) {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? null;
  return { zip, text };
}

describe("tertial rapport --word-mall", () => {
  it.each([
    ["a Swedish Word's .docx", "mall.docx", { swedish: true }],
    ["a .dotx", "mall.dotx", { swedish: true, dotx: true }],
  ])(
    "takes styles, header and footer from %s and writes a .docx Tertial recognises",
    async (_, name, kind) => {
      const mall = await writeTemplate(name, await kommunTemplate(kind));
      const before = await sha256(mall);
      const output = path.join(io.dir, "nämnd.docx");
      expect(await exitCodeOf({ output, wordMall: mall })).toBe(1);
      expect(await sha256(mall)).toBe(before);
      expect(await isTertialDocument(await fs.readFile(output))).toBe(true);
      expect(await malformedParts(await fs.readFile(output))).toEqual([]);

      const { zip, text } = await parts(output);
      expect(await text("[Content_Types].xml")).toContain(
        `<Override ContentType="${DOCUMENT_MAIN}" PartName="/word/document.xml"/>`
      );
      expect(await text("[Content_Types].xml")).not.toContain("template.main");

      const styles = (await text("word/styles.xml"))!;
      // The template's Normal font and heading colour won.
      expect(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0]).toContain(
        `w:ascii="${TEMPLATE_FONT}"`
      );
      const heading1 = styleOf(styles, "Heading1")!;
      expect(heading1).toContain(`<w:color w:val="${HEADING_COLOUR}"/>`);
      expect(heading1).toContain('<w:name w:val="heading 1"/>');
      expect(heading1).toContain("<w:keepNext/>");
      expect(styleOf(styles, "Rubrik1")).toBeNull();
      expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1);
      // The template's table style came along; Tertial's own styles fill what it lacks.
      expect(styleOf(styles, "Normaltabell")).toContain('<w:name w:val="Normal Table"/>');
      for (const own of ["Tabelltext", "TabelltextLiten", "Anteckning", "Utkast"]) {
        expect(styleOf(styles, own)).not.toBeNull();
      }
      expect(styleOf(styles, "Tabelltext")).toContain('w:ascii="Arial"');

      // The header's logo: the template's image, copied with its relationship.
      const header = (await text("word/mall-header-default.xml"))!;
      const embed = /r:embed="([^"]+)"/.exec(header)![1];
      const rels = (await text("word/_rels/mall-header-default.xml.rels"))!;
      const target = new RegExp(`Id="${embed}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      const image = await zip.file(`word/${target}`)!.async("uint8array");
      expect(Buffer.from(image).equals(Buffer.from(logoPng()))).toBe(true);
      expect(header).toContain("UTKAST");
      expect(await text("word/mall-header-first.xml")).toContain(FIRST_PAGE_TEXT);
      expect(await text("word/mall-footer-default.xml")).toContain(FOOTER_TEXT);

      // Every chapter's section has the kommun's header and footer; the first its title page.
      const sections = (await text("word/document.xml"))!.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)!;
      expect(sections.length).toBeGreaterThan(1);
      sections.forEach((section, i) => {
        expect(section).toContain(
          '<w:headerReference w:type="default" r:id="rIdMallHeaderDefault"/>'
        );
        expect(section).toContain(
          '<w:footerReference w:type="default" r:id="rIdMallFooterDefault"/>'
        );
        expect(section.includes("<w:titlePg/>")).toBe(i === 0);
      });
      // Tertial's own page header is not written beside the template's.
      expect(
        Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n))
      ).toEqual([]);

      // The marker covers the copied parts: a logo swapped and saved makes it the user's.
      zip.file(`word/${target}`, new Uint8Array([1, 2, 3]));
      const edited = await zip.generateAsync({ type: "uint8array" });
      expect(await isTertialDocument(edited)).toBe(false);
    }
  );

  it("refuses --word-mall when only the workbook is written", async () => {
    const mall = await writeTemplate("mall.dotx", await kommunTemplate({ dotx: true }));
    expect(await exitCodeOf({ format: "xlsx", wordMall: mall })).toBe(2);
    expect(io.stderr).toContain("--word-mall gäller Word-dokumentet");
    expect(await fs.readdir(io.dir)).toEqual(expect.not.arrayContaining(["exempel-rapport.xlsx"]));
  });

  const strict = async () => {
    const zip = await JSZip.loadAsync(await kommunTemplate());
    const styles = await zip.file("word/styles.xml")!.async("string");
    zip.file(
      "word/styles.xml",
      styles.replace(
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
        'xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"'
      )
    );
    return zip.generateAsync({ type: "uint8array" });
  };

  const withoutStyles = async () => {
    const zip = await JSZip.loadAsync(await kommunTemplate());
    zip.remove("word/styles.xml");
    return zip.generateAsync({ type: "uint8array" });
  };

  it.each([
    [
      "not a zip",
      "mall.dotx",
      async () => new TextEncoder().encode("Detta är ingen mall."),
      "är ingen Word-fil (.docx eller .dotx)",
    ],
    [
      "a workbook",
      "mall.docx",
      async () => new Uint8Array(await fs.readFile(EXAMPLE)),
      "är inget Word-dokument och ingen Word-mall",
    ],
    ["in Strict Open XML", "strikt.docx", strict, "är sparad i formatet Strikt Open XML"],
    ["without styles", "mall.docx", withoutStyles, "har inga formatmallar (word/styles.xml)"],
    [
      "too large",
      "stor.dotx",
      async () => new Uint8Array(MAX_WORD_TEMPLATE_BYTES + 1),
      "är för stor (20,0 MB; Tertial läser Word-mallar upp till 20 MB)",
    ],
  ])(
    "refuses a template that is %s, naming it, and writes nothing",
    async (_, name, bytes, message) => {
      const mall = await writeTemplate(name, await bytes());
      expect(await exitCodeOf({ format: "xlsx,docx", wordMall: mall })).toBe(2);
      expect(io.stderr).toContain(`Fel: Word-mallen ${mall} ${message}`);
      expect(io.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect((await fs.readdir(io.dir)).sort()).toEqual(["exempel.xlsx", name].sort());
    }
  );

  it("refuses a template that does not exist", async () => {
    const mall = path.join(io.dir, "saknas.dotx");
    expect(await exitCodeOf({ format: "docx", wordMall: mall })).toBe(2);
    expect(io.stderr).toContain(`Fel: Filen ${mall} finns inte.`);
    expect(await fs.readdir(io.dir)).toEqual(["exempel.xlsx"]);
  });
});

if (missingPrintTools.length > 0) {
  it(`skipped: ${missingPrintTools.join(", ")} not installed, so the report in a kommun's template was not printed`, () => {
    console.warn(
      `SKIPPED test/cli/rapportWordMall.test.ts: install ${missingPrintTools.join(", ")} to print it.`
    );
  });
} else {
  describe("the report in a kommun's template printed by LibreOffice", () => {
    it("shows the first-page header, then the default header and the footer, with UTKAST on every page", async () => {
      const mall = await writeTemplate(
        "mall.dotx",
        await kommunTemplate({ swedish: true, dotx: true })
      );
      const output = path.join(io.dir, "nämnd.docx");
      expect(await exitCodeOf({ output, wordMall: mall })).toBe(1);
      const pdf = printToPdf(output, io.dir, 90_000);
      const count = pdfPageCount(pdf);
      expect(count).toBeGreaterThan(2);
      const pages = Array.from({ length: count }, (_, i) => pageLines(pdf, i + 1, "").join("\n"));
      expect(pages[0]).toContain(FIRST_PAGE_TEXT);
      expect(pages[0]).not.toContain(FOOTER_TEXT);
      for (const page of pages.slice(1)) {
        expect(page).not.toContain(FIRST_PAGE_TEXT);
        expect(page).toContain(FOOTER_TEXT);
      }
      expect(pages.filter((page) => !page.includes("UTKAST"))).toEqual([]);
      // The logo is printed on every page: pdfimages lists one image per page.
      const images = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" })
        .split("\n")
        .slice(2)
        .filter((line) => line.trim() !== "")
        .map((line) => Number(line.trim().split(/\s+/)[0]));
      expect(new Set(images).size).toBe(count);
      await fs.mkdir(PICTURES, { recursive: true });
      execFileSync("pdftoppm", [
        "-f",
        "1",
        "-l",
        "2",
        "-r",
        "70",
        "-png",
        pdf,
        path.join(PICTURES, "sida"),
      ]);
    }, 150_000);
  });
}
