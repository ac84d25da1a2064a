/** The main flow with the keyboard only: open, Validera, filter, Generera rapport, download again. */
import type { Page } from "playwright-core";
import { seriousViolations } from "./axe";
import {
  EXAMPLE,
  findingsHeading,
  nextFileChooser,
  openTertial,
  screenshot,
  shownFindings,
  startSession,
  type Session,
} from "./chromium";

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  page = await openTertial(session);
});

afterAll(() => session?.close());

/** The focused element's visible text (a button's label). */
const focused = () =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? "");

async function tabTo(label: string | RegExp, maxPresses = 10): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    const text = await focused();
    if (typeof label === "string" ? text === label : label.test(text)) return;
  }
  throw new Error(`Tab never reached ${String(label)}`);
}

it("runs Öppna arbetsbok, Validera, the filter and Generera rapport from the keyboard", async () => {
  await page.keyboard.press("Tab");
  expect(await focused()).toBe("Öppna arbetsbok");
  const chooser = await nextFileChooser(page);
  await page.keyboard.press("Enter");
  await (await chooser.opened).setFiles(EXAMPLE);
  await findingsHeading(page).waitFor();
  // Opening validates at once; the focus stays on the button that opened the file.
  expect(await focused()).toBe("Öppna arbetsbok");
  const all = await shownFindings(page);

  await tabTo("Validera");
  await page.keyboard.press("Enter");
  await page.getByRole("status").waitFor({ state: "detached" });
  expect(await shownFindings(page)).toEqual(all);
  // The outcome is announced to screen readers once the progress status is gone.
  expect(await page.locator("[data-announcer]").textContent()).toBe(
    "Valideringen är klar: 8 fel och 10 varningar."
  );

  await tabTo("Generera rapport");
  await screenshot(page, "4-tangentbord");
  let download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  expect((await download).suggestedFilename()).toBe("exempel-2024-T2-rapport.xlsx");

  await tabTo("Ladda ned rapporten igen");
  download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  expect((await download).suggestedFilename()).toBe("exempel-2024-T2-rapport.xlsx");

  await tabTo(/^Fel \(\d+\)$/, 30);
  await page.keyboard.press("Space");
  const warnings = await shownFindings(page);
  expect(warnings.length).toBeGreaterThan(0);
  expect(warnings).toEqual(all.filter((f) => f.severity === "varning"));
  expect(await seriousViolations(page, "tangentbord")).toEqual([]);
});
