/**
 * Draws the add-in's PNG icons from the SVG sources in assets/ with headless Chromium:
 * icon-{16,32,64,80}.png (the add-in and the "Visa Tertial" button) and generera-{16,32,80}.png
 * (the "Generera rapport" button). The PNGs are committed; run this only after editing an SVG:
 *   npx tsx scripts/icons.ts        (Chromium from PATH, or CHROMIUM_PATH=<executable>)
 */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const ASSETS = path.join(__dirname, "..", "assets");

const ICONS: readonly { readonly source: string; readonly sizes: readonly number[] }[] = [
  { source: "icon", sizes: [16, 32, 64, 80] },
  { source: "generera", sizes: [16, 32, 80] },
];

function findChromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new Error("Chromium not found: install Debian's chromium or set CHROMIUM_PATH.");
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium() });
  try {
    for (const { source, sizes } of ICONS) {
      const svg = await fs.readFile(path.join(ASSETS, `${source}.svg`), "utf8");
      for (const size of sizes) {
        const page = await browser.newPage({ viewport: { width: size, height: size } });
        await page.setContent(
          `<html><body style="margin:0"><img style="display:block;width:${size}px;height:${size}px" ` +
            `src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}"></body></html>`
        );
        const file = path.join(ASSETS, `${source}-${size}.png`);
        await page.screenshot({ path: file, omitBackground: true });
        await page.close();
        console.log(`wrote assets/${source}-${size}.png`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
