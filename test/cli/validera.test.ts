/**
 * `tertial validera` as users run it: the built CLI (bin/tertial.js) on real .xlsx files written
 * with the template builder and on the bundled example. Asserts stdout, --json, stderr and the
 * exit codes 0/1/2.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Finding } from "../../src/core/findings";
import type { RowOf, WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { buildCli, CLI, ROOT } from "./builtCli";
import { headerAddress, rowAddress } from "./workbookCells";
import { DEFAULT_SETTINGS } from "../helpers/snapshot";
import { readWorkbook } from "../xlsx/templateSummary";

let dir: string;

beforeAll(async () => {
  const build = await buildCli();
  expect(build.output).not.toMatch(/error TS/);
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

const SETTINGS: WorkbookContent["settings"] = DEFAULT_SETTINGS;

const ACTION: RowOf<"actions"> = {
  id: "Å1",
  riskId: "R1",
  text: "Kartlägga orsaken",
  status: "Pågående",
  endDate: utc("2024-12-31"),
  followUpDate: utc("2024-09-10"),
  comment: "Pågår.",
};

const content = (actions: RowOf<"actions">[]): WorkbookContent => ({
  settings: SETTINGS,
  tables: {
    incomeStatement: [
      {
        post: "Personalkostnader",
        type: "Kostnad",
        actual: -500.2,
        budget: -763.5,
        forecast: -763.5,
      },
    ],
    operatingStatement: [
      { activity: "Hemtjänst", actual: -500.2, budget: -763.5, forecast: -763.5 },
    ],
    risks: [{ id: "R1", title: "Brister", likelihood: 3, impact: 3, treatment: "Hantera" }],
    actions,
    controls: [
      {
        id: "K1",
        activity: "Stickprov",
        timing: "T2",
        result: "Kontroll genomförd utan avvikelse",
      },
    ],
  },
});

async function write(name: string, workbookContent: WorkbookContent): Promise<ExcelJS.Workbook> {
  const workbook = buildWorkbook(LATEST_TEMPLATE, workbookContent);
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
    await write("varning.xlsx", content([{ ...ACTION, endDate: utc("2024-06-30") }]));
    const run = validera("varning.xlsx");
    expect(run.stdout).toMatch(/\n0 fel och 1 varning i varning\.xlsx\n$/);
    expect(run.status).toBe(0);
  });

  it("exits 1 and lists fel and varningar by sheet with cell addresses", async () => {
    const workbook = await write(
      "fel.xlsx",
      content([
        { ...ACTION, status: "pagaende" },
        { ...ACTION, id: "Å2", status: "Ej påbörjad", endDate: utc("2024-06-30") },
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
    const workbook = await write("fel.xlsx", content([{ ...ACTION, status: "pagaende" }]));
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
      // Nothing is said about reading a file that is not there: only the error.
      const reading = text ? `Läser ${name} … \\n` : "";
      expect(run.stderr).toMatch(new RegExp(`^${reading}Fel: .*${name}`));
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(run.status).toBe(2);
    }
  });

  it("shows no more of the machine's paths than the user typed", async () => {
    await write("fel.xlsx", content([{ ...ACTION, status: "pagaende" }]));
    await fs.writeFile(path.join(dir, "trasig.xlsx"), "inte en arbetsbok");
    for (const name of ["fel.xlsx", "trasig.xlsx", "saknas.xlsx"]) {
      const run = validera(name);
      expect(run.stdout + run.stderr).not.toContain(dir);
      expect(run.stdout + run.stderr).not.toContain(ROOT);
    }
  });
});

const EXAMPLE = path.join("templates", "exempel-2024-T2.xlsx");
/** The same workbook opened and saved by LibreOffice (see its README). */
const RESAVED = path.join("test", "fixtures", "libreoffice", "exempel-2024-T2.xlsx");

const valideraJson = (file: string) =>
  spawnSync(process.execPath, [CLI, "validera", file, "--json"], { cwd: ROOT, encoding: "utf8" });

type Expected = readonly [Finding["severity"], string, string, string];

function expected(workbook: ExcelJS.Workbook): Expected[] {
  const ledger = (sheet: string, keyHeader: string, key: string) =>
    rowAddress(workbook, sheet, keyHeader, key, "Kommentar");
  const action = (id: string, header: string) =>
    rowAddress(workbook, "Åtgärder", "Åtgärds-ID", id, header);
  const control = (id: string, header: string) =>
    rowAddress(workbook, "Internkontroll", "Kontroll-ID", id, header);
  const material = "vasentlig-avvikelse-utan-kommentar";
  const late = "atgard-forsenad";
  return [
    // Neither report publishes a bedömning av intern kontroll; a delårsrapport should have one.
    [
      "varning",
      "bedomning-saknas",
      "Inställningar",
      rowAddress(workbook, "Inställningar", "Inställning", "Bedömning av intern kontroll", "Värde"),
    ],
    // Thresholds 5 mnkr or 10 %. 004 comments none of these rows in its economic analysis:
    // Taxor och avgifter +4,7 (10,7 % of 44,0), Bidrag (intäkter) −5,5.
    ["fel", material, "Resultaträkning", ledger("Resultaträkning", "Post", "Taxor och avgifter")],
    ["fel", material, "Resultaträkning", ledger("Resultaträkning", "Post", "Bidrag (intäkter)")],
    // 004: Utfall jan–aug 2023 is −673,4 by type but −670,3 by activity: beyond rounding.
    [
      "fel",
      "avstamning-differens",
      "Driftsredovisning",
      headerAddress(workbook, "Driftsredovisning", "Utfall period fg år", 0),
    ],
    // Korttidsboende −5,3; Öppen verksamhet socialpsykiatri −1,1 (26,8 %); Nämnd +0,2 (12,5 %).
    [
      "fel",
      material,
      "Driftsredovisning",
      ledger("Driftsredovisning", "Verksamhet", "Korttidsboende"),
    ],
    [
      "fel",
      material,
      "Driftsredovisning",
      ledger("Driftsredovisning", "Verksamhet", "Öppen verksamhet socialpsykiatri"),
    ],
    // 004: Bostadsanpassning's Utfall jan–aug 2023 is printed +1,6, the sign error behind the difference.
    [
      "varning",
      "nettokostnad-positiv",
      "Driftsredovisning",
      rowAddress(
        workbook,
        "Driftsredovisning",
        "Verksamhet",
        "Bostadsanpassning",
        "Utfall period fg år"
      ),
    ],
    ["fel", material, "Driftsredovisning", ledger("Driftsredovisning", "Verksamhet", "Nämnd")],
    // 001: five åtgärder are Pågående with slutdatum 2023-12-31, long past by 2024-08-31.
    ["varning", late, "Åtgärder", action("Å1", "Slutdatum")],
    ["varning", late, "Åtgärder", action("Å2", "Slutdatum")],
    // 001: Å2's latest follow-up is dated 2023-10-31, before the workbook's year.
    ["varning", "uppfoljningsdatum-orimligt", "Åtgärder", action("Å2", "Uppföljningsdatum")],
    ["varning", late, "Åtgärder", action("Å3", "Slutdatum")],
    ["varning", late, "Åtgärder", action("Å4", "Slutdatum")],
    ["varning", late, "Åtgärder", action("Å8", "Slutdatum")],
    // 004 ch. 10: K1 and K5 show stor avvikelse; the report has no column for an action.
    ["varning", "kontroll-atgard-saknas", "Internkontroll", control("K1", "Åtgärd vid avvikelse")],
    // 004 ch. 10: hot och våld (K3) and sjukfrånvaro (K4) have comments but no Resultat.
    ["fel", "kontroll-resultat-saknas", "Internkontroll", control("K3", "Resultat")],
    ["fel", "kontroll-resultat-saknas", "Internkontroll", control("K4", "Resultat")],
    ["varning", "kontroll-atgard-saknas", "Internkontroll", control("K5", "Åtgärd vid avvikelse")],
  ];
}

/*
 * The bundled example (templates/exempel-2024-T2.xlsx: document 004's economy and internkontroll,
 * document 001's risks and åtgärder, in a 2024 T2 workbook). Every finding is listed and was
 * reviewed against the source documents; any other finding would be false.
 */
describe("tertial validera on the example workbook", () => {
  let workbook: ExcelJS.Workbook;
  let findings: Finding[];
  let status: number | null;

  beforeAll(async () => {
    const run = valideraJson(EXAMPLE);
    findings = JSON.parse(run.stdout) as Finding[];
    status = run.status;
    // Through the reader's repair: exceljs alone cannot load the template's calculated columns.
    workbook = await readWorkbook(await fs.readFile(path.join(ROOT, EXAMPLE)));
  });

  it("finds exactly the errors the published reports contain, in reading order", () => {
    expect(findings.map((f) => [f.severity, f.code, f.sheet, f.cell])).toEqual(expected(workbook));
    expect(status).toBe(1);
  });

  it("names the column, both totals and the difference in the cross-check finding", () => {
    const crossCheck = findings.find((f) => f.code === "avstamning-differens");
    expect(crossCheck?.message).toContain(
      "Utfall period fg år stämmer inte mellan tabellerna: resultaträkningen summerar till " +
        "−673,4\u00a0mnkr och driftsredovisningen till −670,3\u00a0mnkr, en skillnad på 3,1\u00a0mnkr."
    );
  });

  it("flags only the follow-up dated before 2024; 001's others are from January 2024", () => {
    const followUps = findings.filter((f) => f.code === "uppfoljningsdatum-orimligt");
    expect(followUps.map((f) => f.message)).toEqual([
      expect.stringContaining("Uppföljningsdatum 2023-10-31 ligger före 2024"),
    ]);
  });

  it("gives the same findings for the copy LibreOffice saved, cached formula results and all", () => {
    const resaved = valideraJson(RESAVED);
    expect(JSON.parse(resaved.stdout)).toEqual(findings);
    expect(resaved.status).toBe(1);
  });
});
