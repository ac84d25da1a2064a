/** axe-core in the page: injected from node_modules (no request), run on the whole document. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { SCREENSHOTS } from "./chromium";

const AXE_SCRIPT = require.resolve("axe-core/axe.min.js");

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** All violations axe finds now; they are also saved as test-output/e2e/axe-<name>.json. */
export async function axeViolations(page: Page, name: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    // Evaluated through the DevTools protocol, which the page's CSP does not govern: a <script>
    // tag with axe inline (addScriptTag) is refused, as the CSP means it to be.
    await page.evaluate(await fs.readFile(AXE_SCRIPT, "utf8"));
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(" ")),
    }));
  });
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await fs.writeFile(
    path.join(SCREENSHOTS, `axe-${name}.json`),
    `${JSON.stringify(violations, null, 2)}\n`
  );
  return violations;
}

/** Serious and critical violations, one line each: what a test expects to be empty. */
export async function seriousViolations(page: Page, name: string): Promise<string[]> {
  return (await axeViolations(page, name))
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.join(", ")}`);
}
