/**
 * Issue 19's case: a T2 workbook straight out of Ny period, with only the internal-control results
 * filled, is no final report. `tertial rapport` exits 1 and writes a draft whose summary says the
 * budget comparison could not be made, never that no deviation is material.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { newPeriodCommand } from "../../src/cli/newPeriodCommand";
import { reportCommand } from "../../src/cli/reportCommand";
import { runCommand } from "../../src/cli/runCommand";
import { parseModel } from "../../src/core/parse/parseModel";
import { analyse } from "../../src/core/pipeline";
import { ECONOMY_SHEET } from "../../src/core/report/productSheets";
import { contentOf } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { filled, T1_2024 } from "../core/cycle/yearContent";
import { useInProcessCli } from "./inProcess";
import { sheetRows } from "../helpers/sheetRows";

const io = useInProcessCli("tertial-ofullstandig-");

it("exits 1 with a draft for T2 out of Ny period with only the control results filled", async () => {
  const t1 = path.join(io.dir, "t1.xlsx");
  await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, T1_2024), t1);
  await runCommand(() => newPeriodCommand(t1, {}));
  expect(process.exitCode).toBe(0);
  const rolled = path.join(io.dir, "Vård- och omsorgsnämnden 2024 T2.xlsx");

  const t2 = path.join(io.dir, "t2.xlsx");
  const onlyControls = filled(contentOf(parseModel(await readSnapshotFromFile(rolled))), {
    income: {},
    operating: {},
    investments: {},
    controls: { K3: { result: "Kontroll genomförd utan avvikelse", comment: "Inga fel." } },
  });
  await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, onlyControls), t2);
  const { findings } = analyse(await readSnapshotFromFile(t2));
  const missing = findings.filter((f) => f.code === "utfall-saknas" || f.code === "prognos-saknas");
  // Every budgeted row of both ledgers and Investeringar lacks both figures.
  const budgeted = ["incomeStatement", "operatingStatement", "investments"] as const;
  const budgetedRows = budgeted.reduce((n, key) => n + (T1_2024.tables?.[key]?.length ?? 0), 0);
  expect(missing).toHaveLength(2 * budgetedRows);

  expect(await reportCommand(t2, {})).toBe(1);
  const report = path.join(io.dir, "t2-rapport.xlsx");
  expect(io.stdout).toContain(`Rapporten är skapad som utkast i ${report}`);
  const rows = await sheetRows(await fs.readFile(report), ECONOMY_SHEET);
  const economy = rows
    .flat()
    .filter((v) => typeof v === "string")
    .join("\n");
  expect(economy).toContain(
    "Jämförelsen mot budget kan inte göras: ingen rad har både Budget helår och Prognos helår."
  );
  expect(economy).not.toContain("Ingen avvikelse mot budget är väsentlig");
  expect(economy).toContain("UTKAST");
});
