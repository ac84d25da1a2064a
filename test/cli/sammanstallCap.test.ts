/**
 * `tertial sammanstall` never writes a table its own reader would refuse: with the read cap set
 * to 20 rows, three units of 8 risks each (24 rows together) are refused before anything is
 * written, naming the table, the count and the cap (exit 2). The cap is lowered here so the test
 * runs on small real workbooks; the real figures (6 × 9,000 åtgärder) are in the core's test.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { consolidateCommand } from "../../src/cli/consolidateCommand";
import { runCommand } from "../../src/cli/runCommand";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { UNITS } from "../core/consolidate/units";
import { useInProcessCli } from "./inProcess";

jest.mock("../../src/core/limits", () => ({
  ...jest.requireActual<object>("../../src/core/limits"),
  MAX_TABLE_ROWS: 20,
}));

const io = useInProcessCli("tertial-sammanstall-tak-");

it("refuses a table over the read cap up front, naming it, writing nothing", async () => {
  const files: string[] = [];
  for (const unit of UNITS) {
    const file = path.join(io.dir, unit.file);
    const risks = Array.from({ length: 8 }, (_, i) => ({
      id: `R${i + 1}`,
      title: `Risk ${i + 1}`,
    }));
    const content = { ...unit.content, tables: { ...unit.content.tables, risks } };
    await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, content), file);
    files.push(file);
  }
  const target = path.join(io.dir, "nämnd.xlsx");
  await runCommand(() => consolidateCommand(files, { output: target }));
  expect(process.exitCode).toBe(2);
  expect(io.stderr).toContain(
    "Fel: Sammanställningen skulle få 24 rader i tabellen tblRisker på bladet Risker, men Tertial " +
      "läser högst 20 rader per tabell"
  );
  expect(io.stderr).toContain("Sammanställ enheterna i mindre grupper");
  await expect(fs.stat(target)).rejects.toThrow();
  expect((await fs.readdir(io.dir)).sort()).toEqual(UNITS.map((u) => u.file).sort());
});
