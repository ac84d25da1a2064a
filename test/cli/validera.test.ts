/**
 * `tertial validera` as users run it: the built CLI (bin/tertial.js) on real .xlsx files written
 * with the template builder. Asserts stdout, --json, stderr and the exit codes 0/1/2.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import type { Finding } from "../../src/core/findings";
import type { RowSpec, WorkbookContent } from "../../src/core/template/content";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { headerAddress } from "./workbookCells";

const ROOT = path.join(__dirname, "..", "..");
const CLI = path.join(ROOT, "bin", "tertial.js");

let dir: string;

beforeAll(() => {
  const build = spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, encoding: "utf8" });
  expect(build.stdout + build.stderr).not.toMatch(/error TS/);
  expect(build.status).toBe(0);
});

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-validera-"));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Runs the CLI from the folder the files are in, with the file name as a user would type it. */
function validera(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, "validera", ...args], {
    cwd: dir,
    encoding: "utf8",
  });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

const SETTINGS: WorkbookContent["settings"] = {
  organisation: "Vård- och omsorgsnämnden",
  year: 2024,
  period: "T2",
  unit: "mnkr",
  materialAmount: 1,
  materialPercent: 5,
  assessment: "Delvis tillräcklig",
  assessmentAnalysis: "Analys.",
  templateVersion: 1,
};

const ACTION: RowSpec = {
  "Åtgärds-ID": "Å1",
  "Risk-ID": "R1",
  Åtgärd: "Kartlägga orsaken",
  Status: "Pågående",
  Slutdatum: utc("2024-12-31"),
  Uppföljningsdatum: utc("2024-09-10"),
  "Kommentar vid senaste uppföljning": "Pågår.",
};

const content = (actions: RowSpec[]): WorkbookContent => ({
  settings: SETTINGS,
  tables: {
    incomeStatement: [
      {
        Post: "Personalkostnader",
        Typ: "Kostnad",
        "Budget helår": -763.5,
        "Prognos helår": -763.5,
      },
    ],
    operatingStatement: [
      { Verksamhet: "Hemtjänst", "Budget helår": -763.5, "Prognos helår": -763.5 },
    ],
    risks: [
      { "Risk-ID": "R1", Risk: "Brister", Sannolikhet: 3, Konsekvens: 3, Riskhantering: "Hantera" },
    ],
    actions,
    controls: [
      {
        "Kontroll-ID": "K1",
        Kontrollaktivitet: "Stickprov",
        Tidpunkt: "T2",
        Resultat: "Kontroll genomförd utan avvikelse",
      },
    ],
  },
});

async function write(name: string, workbookContent: WorkbookContent): Promise<ExcelJS.Workbook> {
  const workbook = buildWorkbook(workbookContent);
  await saveWorkbook(workbook, path.join(dir, name));
  return workbook;
}

const PROGRESS = (name: string) => new RegExp(`^Läser ${name} … \\d+,\\d s\\n$`);

describe("tertial validera", () => {
  it("exits 0 and says so for a workbook without findings", async () => {
    await write("ren.xlsx", content([ACTION]));
    const run = validera("ren.xlsx");
    expect(run.stdout).toBe("Inga fel eller varningar i ren.xlsx\n");
    expect(run.stderr).toMatch(PROGRESS("ren.xlsx"));
    expect(run.status).toBe(0);
  });

  it("exits 0 when there are only varningar", async () => {
    await write("varning.xlsx", content([{ ...ACTION, Slutdatum: utc("2024-06-30") }]));
    const run = validera("varning.xlsx");
    expect(run.stdout).toMatch(/\n0 fel och 1 varning i varning\.xlsx\n$/);
    expect(run.status).toBe(0);
  });

  it("exits 1 and lists fel and varningar by sheet with cell addresses", async () => {
    const workbook = await write(
      "fel.xlsx",
      content([
        { ...ACTION, Status: "pagaende" },
        { ...ACTION, "Åtgärds-ID": "Å2", Status: "Ej påbörjad", Slutdatum: utc("2024-06-30") },
      ])
    );
    const at = (header: string, row: number) => headerAddress(workbook, "Åtgärder", header, row);
    const run = validera("fel.xlsx");
    expect(run.stdout).toBe(
      [
        "Åtgärder",
        `  ${at("Status", 1)}  fel      Status "pagaende" är nästan rätt. Skriv Pågående (välj gärna i listan). [status-ogiltig]`,
        `  ${at("Slutdatum", 2)}  varning  Åtgärden Å2 har status Ej påbörjad men slutdatum 2024-06-30, före periodens ` +
          "slut 2024-08-31: den är försenad. Sätt rätt status, eller skriv ett nytt slutdatum och förklara " +
          "förseningen i kommentaren. [atgard-forsenad]",
        "",
        "1 fel och 1 varning i fel.xlsx",
        "",
      ].join("\n")
    );
    expect(run.stderr).toMatch(PROGRESS("fel.xlsx"));
    expect(run.status).toBe(1);
  });

  it("prints only a JSON array of the findings with --json", async () => {
    const workbook = await write("fel.xlsx", content([{ ...ACTION, Status: "pagaende" }]));
    const run = validera("fel.xlsx", "--json");
    const findings = JSON.parse(run.stdout) as Finding[];
    expect(findings).toEqual([
      {
        severity: "fel",
        code: "status-ogiltig",
        sheet: "Åtgärder",
        cell: headerAddress(workbook, "Åtgärder", "Status", 1),
        message: 'Status "pagaende" är nästan rätt. Skriv Pågående (välj gärna i listan).',
      },
    ]);
    expect(run.stderr).toMatch(PROGRESS("fel.xlsx"));
    expect(run.status).toBe(1);
  });

  it("prints an empty JSON array and exits 0 for a clean workbook with --json", async () => {
    await write("ren.xlsx", content([ACTION]));
    const run = validera("ren.xlsx", "--json");
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it.each([
    ["a file that is not a workbook", "anteckningar.xlsx", "inte en arbetsbok"],
    ["a file that does not exist", "saknas.xlsx", null],
  ])("exits 2 for %s, with a Swedish message and nothing on stdout", async (_case, name, text) => {
    if (text) await fs.writeFile(path.join(dir, name), text);
    for (const args of [[name], [name, "--json"]]) {
      const run = validera(...args);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(new RegExp(`^Läser ${name} … \\nFel: .*${name}`));
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(run.status).toBe(2);
    }
  });

  it("shows no more of the machine's paths than the user typed", async () => {
    await write("fel.xlsx", content([{ ...ACTION, Status: "pagaende" }]));
    await fs.writeFile(path.join(dir, "trasig.xlsx"), "inte en arbetsbok");
    for (const name of ["fel.xlsx", "trasig.xlsx", "saknas.xlsx"]) {
      const run = validera(name);
      expect(run.stdout + run.stderr).not.toContain(dir);
      expect(run.stdout + run.stderr).not.toContain(ROOT);
    }
  });
});
