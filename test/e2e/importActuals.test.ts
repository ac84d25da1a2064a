/**
 * Importera utfall in browser mode, in a 360 px pane: the example's T2 (made from its T1 by
 * `tertial ny-period`, so template v3 with the Kommun-Bas default mapping) opened, a generated SIE
 * file picked; the preview lists every cell that changes and the reconciliation, and nothing is
 * downloaded until Importera. The download, read back with exceljs, has per Post the ledger's
 * sums computed here from the generated amounts (in öre), and the opened file is unchanged.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { formatImported } from "../../src/core/importing/importText";
import { parseModel } from "../../src/core/parse/parseModel";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { seriousViolations } from "./axe";
import {
  chooseWorkbook,
  findingsHeading,
  nextFileChooser,
  openTertial,
  ROOT,
  screenshot,
  startSession,
  type Session,
} from "./chromium";
import { runTertial } from "./cli";

const T1 = path.join(ROOT, "templates", "exempel-2024-ar", "T1.xlsx");
const MNKR = 100_000_000; // öre

/** Kommun-Bas account → the Post the template's default mapping gives it (its README's table). */
const ACCOUNTS: Record<string, string> = {
  "3110": "Taxor och avgifter",
  "3510": "Bidrag (intäkter)",
  "3610": "Övriga intäkter",
  "4610": "Köp av verksamhet",
  "5011": "Personalkostnader",
  "5411": "Personalkostnader",
  "6110": "Övriga driftskostnader",
};

let session: Session;
let dir: string;
let workbook: string;
let ledger: string;
/** Per Post, öre in the template's sign: January–August (T2) of 2024 and of 2023. */
const expected = new Map<string, { actual: number; priorYear: number }>();

/** A SIE 4 file of monthly movements (#PSALDO {} totals) for 2024 and 2023, CP437 written as latin1. */
function generateLedger(): string {
  let state = 20242;
  const next = (max: number) => (state = (state * 48271) % 2147483647) % max;
  const lines = [
    "#FLAGGA 0",
    "#FORMAT PC8",
    "#SIETYP 3",
    '#FNAMN "Exempelkommun"',
    "#RAR 0 20240101 20241231",
    "#RAR -1 20230101 20231231",
    "#PSALDO 0 202403 1930 {} 123456.00", // a balance account: never imported
  ];
  for (const [index, year] of [
    [0, 2024],
    [-1, 2023],
  ] as const) {
    for (const [account, post] of Object.entries(ACCOUNTS)) {
      for (let month = 1; month <= 12; month++) {
        const ore = (account.startsWith("3") ? -1 : 1) * next(400_000_000);
        lines.push(
          `#PSALDO ${index} ${year}${String(month).padStart(2, "0")} ${account} {} ${(ore / 100).toFixed(2)}`
        );
        if (month > 8) continue;
        const sums = expected.get(post) ?? { actual: 0, priorYear: 0 };
        if (index === 0)
          sums.actual -= ore; // debit positive → costs negative
        else sums.priorYear -= ore;
        expected.set(post, sums);
      }
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const importButton = (p: Page) => p.getByRole("button", { name: "Importera utfall" });
const confirmButton = (p: Page) => p.getByRole("button", { name: "Importera", exact: true });

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-e2e-importera-"));
  session = await startSession();
  workbook = path.join(dir, "ÄO T2.xlsx");
  expect(runTertial(["ny-period", T1, "-o", workbook]).status).toBe(0);
  ledger = path.join(dir, "huvudbok 2024.se");
  await fs.writeFile(ledger, generateLedger(), "latin1");
});

afterAll(async () => {
  await session?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function pickLedger(page: Page): Promise<void> {
  const chooser = await nextFileChooser(page);
  await importButton(page).click();
  await (await chooser.opened).setFiles(ledger);
}

it("previews every changed cell, then downloads the imported copy with the ledger's sums", async () => {
  const before = sha256(await fs.readFile(workbook));
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  await openTertial(session, page);
  await chooseWorkbook(page, workbook);
  await findingsHeading(page).waitFor();
  const downloads: string[] = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));

  await pickLedger(page);
  const preview = page.locator("[data-import-preview]");
  await preview.waitFor();

  // Six Posts of the mapping, two columns each; Periodbudget is not in the file.
  expect(await preview.locator("tbody tr").count()).toBe(expected.size * 2);
  const personal = expected.get("Personalkostnader")!;
  await expect(
    page.getByText("12 celler ändras i ÄO T2.xlsx", { exact: true }).count()
  ).resolves.toBe(1);
  const summary = await page.locator("[data-import-summary]").innerText();
  expect(summary).toContain("huvudbok 2024.se: SIE typ 3, teckenkodning");
  expect(summary).toContain('#FNAMN "Exempelkommun", #RAR 0 = 2024, -1 = 2023');
  expect(summary).toContain("Rörde inte Periodbudget: filen har ingen budget (#PBUDGET).");
  expect(summary).toContain("Driftsredovisning fylldes inte");
  // Before → after of one row, the after being the sum computed here, shown in mnkr.
  const personalRow = preview.locator("tbody tr").filter({ hasText: "Personalkostnader" });
  await expect(personalRow.first().innerText()).resolves.toContain(
    formatImported(personal.actual / MNKR, "mnkr")
  );
  await screenshot(page, "importera-forhandsvisning-360");
  expect(await seriousViolations(page, "importera")).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(downloads).toEqual([]);

  const download = page.waitForEvent("download");
  await confirmButton(page).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe("ÄO T2 importerad.xlsx");
  const bytes = new Uint8Array(await fs.readFile(await saved.path()));
  await page.getByText("Den importerade arbetsboken är skapad").waitFor();
  await page.getByText("ÄO T2.xlsx ändrades inte.").waitFor();

  const model = parseModel(await readSnapshotFromBuffer(bytes, saved.suggestedFilename()));
  const input = parseModel(await readSnapshotFromBuffer(await fs.readFile(workbook), "in.xlsx"));
  for (const row of model.incomeStatement) {
    const want = expected.get(String(row.cells.post.value));
    const was = input.incomeStatement.find((r) => r.row === row.row)!;
    if (want === undefined) {
      // A Post the mapping does not name keeps its values.
      expect(row.cells.actual.raw).toEqual(was.cells.actual.raw);
      continue;
    }
    expect(row.cells.actual.raw).toBe(want.actual / MNKR);
    expect(row.cells.actualPriorYear.raw).toBe(want.priorYear / MNKR);
    expect(row.cells.periodBudget.raw).toEqual(was.cells.periodBudget.raw);
  }
  expect(model.operatingStatement.map((r) => r.cells.actual.raw)).toEqual(
    input.operatingStatement.map((r) => r.cells.actual.raw)
  );
  expect(sha256(await fs.readFile(workbook))).toBe(before);
  await page.close();
});

it("a file without the workbook's År: the refusal in Swedish, nothing downloaded", async () => {
  const page = await openTertial(session);
  await chooseWorkbook(page, workbook);
  await findingsHeading(page).waitFor();
  const downloads: string[] = [];
  page.on("download", (d) => downloads.push(d.suggestedFilename()));
  const other = path.join(dir, "huvudbok 2022.se");
  await fs.writeFile(other, "#RAR 0 20220101 20221231\r\n#PSALDO 0 202203 5011 {} 100.00\r\n");
  const chooser = await nextFileChooser(page);
  await importButton(page).click();
  await (await chooser.opened).setFiles(other);

  const failure = page.locator(".fui-MessageBar").filter({ hasText: "Importera utfall gick inte" });
  await failure.waitFor();
  expect(await failure.innerText()).toContain("2024");
  expect(await page.locator("[data-import-preview]").count()).toBe(0);
  expect(downloads).toEqual([]);
  await page.close();
});
