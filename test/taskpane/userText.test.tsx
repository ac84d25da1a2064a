/**
 * User text in the pane is a bidi isolate: a right-to-left override (U+202E) in the Organisation
 * or a file name cannot reorder the pane's own words. The components are rendered to HTML as the
 * pane renders them, and that HTML is laid out by Chromium (Debian's, through playwright-core, as
 * the end-to-end tests use it) to see where each word lands.
 */
import { chromium, type Browser } from "playwright-core";
import { renderToStaticMarkup } from "react-dom/server";
import { UserText, WithUserValues } from "../../src/taskpane/components/UserText";
import { WorkbookHeaderView } from "../../src/taskpane/components/WorkbookHeaderView";

const RLO = "\u202e";
const ORGANISATION = `${RLO}Vård- och omsorgsnämnden`;
const FILE_NAME = `${ORGANISATION} 2024 T2.xlsx`;

const header = renderToStaticMarkup(
  <WorkbookHeaderView
    header={{
      fileName: "t1.xlsx",
      organisation: ORGANISATION,
      year: "2024",
      period: "T2",
      templateVersion: "2",
    }}
    hint={null}
  />
);

/** Ny period's done message, as the pane shows it and as it would without isolation. */
const line = `Den laddas ned som ${FILE_NAME} (oftast till mappen Hämtade filer).`;
const isolatedLine = renderToStaticMarkup(
  <p id="isolated">
    <WithUserValues text={line} values={[FILE_NAME, "t1.xlsx"]} />
  </p>
);

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
});

afterAll(async () => {
  await browser.close();
});

/** The left edge of each word's first occurrence in the element with `id`, in CSS pixels. */
async function leftEdges(html: string, id: string, words: readonly string[]): Promise<number[]> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><html lang="sv"><body>${html}</body></html>`);
    return await page.evaluate(
      ({ id, words }) => {
        const root = document.getElementById(id);
        if (root === null) throw new Error(`no #${id}`);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const texts: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
        return words.map((word) => {
          const text = texts.find((t) => t.data.includes(word));
          if (text === undefined) throw new Error(`no ${word}`);
          const range = document.createRange();
          range.setStart(text, text.data.indexOf(word));
          range.setEnd(text, text.data.indexOf(word) + word.length);
          return range.getBoundingClientRect().left;
        });
      },
      { id, words }
    );
  } finally {
    await page.close();
  }
}

describe("UserText", () => {
  it("renders the header's Organisation, År and Period each as an isolate of its own", () => {
    expect(header).toMatch(new RegExp(`<dd[^>]*><bdi>${ORGANISATION}</bdi></dd>`));
    expect(header).toMatch(/<dd[^>]*><bdi>2024<\/bdi><\/dd>/);
    expect(header).toMatch(/<dd[^>]*><bdi>T2<\/bdi><\/dd>/);
    expect(renderToStaticMarkup(<UserText>{FILE_NAME}</UserText>)).toBe(`<bdi>${FILE_NAME}</bdi>`);
  });

  it("isolates the Organisation in the header as Chromium lays it out", async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(`<!doctype html><html lang="sv"><body>${header}</body></html>`);
      // What holds the Organisation's text, and how the browser's bidi treats it.
      const holder = await page.evaluate((organisation) => {
        const dd = [...document.querySelectorAll("dd")].find((e) => e.textContent === organisation);
        const element = dd?.firstChild?.nodeType === Node.TEXT_NODE ? dd : dd?.firstElementChild;
        return element && [element.tagName, getComputedStyle(element).unicodeBidi];
      }, ORGANISATION);
      expect(holder).toEqual(["BDI", "isolate"]);
    } finally {
      await page.close();
    }
  });

  it("keeps the words after a file name with an RLO in their order, which plain text does not", async () => {
    const words = ["Den", "oftast", "Hämtade", "filer"];
    const plain = await leftEdges(`<p id="plain">${line}</p>`, "plain", words);
    // Without isolation the override runs to the end of the line: the words after it reversed.
    expect(plain[1]).toBeGreaterThan(plain[2]);
    const isolated = await leftEdges(isolatedLine, "isolated", words);
    expect(isolated).toEqual([...isolated].sort((a, b) => a - b));
    expect(isolatedLine).toContain(`<bdi>${FILE_NAME}</bdi> (oftast`);
  });
});
