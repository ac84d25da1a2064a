/**
 * The built `tertial` command as users run it, for what every command shares: writing never
 * destroys (--force, Tertial's own report, FIFOs and devices, read-only files and folders,
 * signals), clean terminal output (escape codes from cells, a closed pipe) and the command-line
 * conventions in Swedish (help, --version, usage errors, exit codes, progress).
 * Real files in a temporary folder; the process runs as root here, so read-only files and
 * folders are made with chmod a-w, which Tertial honours for root too (see outputFile.ts).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs, { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Finding } from "../../src/core/findings";
import type { RowOf, WorkbookContent } from "../../src/core/template/content";
import { isTertialReport } from "../../src/xlsx/render/reportMarker";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { largeContent } from "../../bench/largeContent";
import { DEFAULT_SETTINGS } from "../helpers/snapshot";
import { buildCli, CLI, ROOT } from "./builtCli";
import { withUserSheet } from "../helpers/userSheet";

const EXAMPLE = path.join(ROOT, "templates", "exempel-2024-T2.xlsx");
const REPORT_SHEETS = [
  "Rapport Ekonomi",
  "Rapport Riskbild",
  "Rapport Internkontroll",
  "Kontrollresultat",
];
/** What must never reach a terminal: ESC, C0/C1 controls but tab and newline, bidi controls. */
// eslint-disable-next-line no-control-regex -- the characters under test
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NO_STACK = /\n\s+at /;

let dir: string;

beforeAll(async () => {
  const build = await buildCli();
  expect(build.output).not.toMatch(/error TS/);
  expect(build.status).toBe(0);
});

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), "tertial-cli-"));
});

afterEach(async () => {
  execFileSync("chmod", ["-R", "u+w", dir]);
  await fsp.rm(dir, { recursive: true, force: true });
});

/** Runs the CLI in the temporary folder, with file names as a user would type them. */
function tertial(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(run.error).toBeUndefined(); // a timeout would mean a blocked write
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

const at = (name: string) => path.join(dir, name);
const sha256 = async (name: string) =>
  createHash("sha256")
    .update(await fsp.readFile(at(name)))
    .digest("hex");
const filesIn = async () => (await fsp.readdir(dir)).sort();

async function copyExample(name = "exempel.xlsx"): Promise<string> {
  await fsp.copyFile(EXAMPLE, at(name));
  return name;
}

async function write(name: string, content: WorkbookContent): Promise<string> {
  await saveWorkbook(buildWorkbook(LATEST_TEMPLATE, content), at(name));
  return name;
}

async function sheetNames(name: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(at(name));
  return workbook.worksheets.map((w) => w.name);
}

const PROGRESS = (label: string) => `${label} … \\d+,\\d s\\n`;

const ACTION: RowOf<"actions"> = {
  id: "Å1",
  riskId: "R1",
  text: "Kartlägga orsaken",
  status: "Pågående",
  endDate: new Date(Date.UTC(2024, 11, 31)),
  followUpDate: new Date(Date.UTC(2024, 8, 10)),
  comment: "Pågår.",
};

/** A clean workbook, with the given names and action rows. */
const content = (
  names: { post?: string; risk?: string } = {},
  actions: readonly RowOf<"actions">[] = [ACTION]
): WorkbookContent => ({
  settings: DEFAULT_SETTINGS,
  tables: {
    incomeStatement: [
      {
        post: names.post ?? "Personalkostnader",
        type: "Kostnad",
        actual: -510,
        budget: -763.5,
        forecast: -765,
        comment: "Fler timanställda under sommaren.",
      },
    ],
    operatingStatement: [
      {
        activity: "Hemtjänst",
        actual: -510,
        budget: -763.5,
        forecast: -765,
        comment: "Fler timanställda under sommaren.",
      },
    ],
    risks: [
      {
        id: "R1",
        title: names.risk ?? "Brister i bemanningen",
        likelihood: 3,
        impact: 3,
        treatment: "Hantera",
      },
    ],
    actions: [...actions],
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

describe("writing never destroys", () => {
  it("rapport run twice on the same default target: both succeed, the second replaces the first", async () => {
    const input = await copyExample();
    const first = tertial("rapport", input);
    expect(first.status).toBe(1);
    const report = "exempel-rapport.xlsx";
    expect(await isTertialReport(await fsp.readFile(at(report)))).toBe(true);
    await fsp.utimes(at(report), new Date(0), new Date(0));

    const second = tertial("rapport", input);
    expect(second.stderr).not.toContain("Fel:");
    expect(second.status).toBe(1);
    expect((await fsp.stat(at(report))).mtimeMs).toBeGreaterThan(0); // written anew
    expect(await sheetNames(report)).toEqual(REPORT_SHEETS);
    expect(await filesIn()).toEqual(["exempel-rapport.xlsx", "exempel.xlsx"]);
  });

  it("rapport refuses its own report once a user added a sheet to it; --force replaces it", async () => {
    const input = await copyExample();
    expect(tertial("rapport", input).status).toBe(1);
    // The user's copy: Tertial's report with a sheet of notes (added the way Excel stores one).
    const report = "exempel-rapport.xlsx";
    await fsp.writeFile(
      at(report),
      await withUserSheet(await fsp.readFile(at(report)), "Mina anteckningar")
    );
    expect(await sheetNames(report)).toEqual([...REPORT_SHEETS, "Mina anteckningar"]);
    const edited = await sha256(report);

    const refused = tertial("rapport", input);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `Fel: ${report} finns redan; använd --force för att ersätta den, eller ange en annan fil med -o.\n`
    );
    expect(refused.stdout).toBe("");
    expect(await sha256(report)).toBe(edited);

    expect(tertial("rapport", input, "--force").status).toBe(1);
    expect(await sheetNames(report)).toEqual(REPORT_SHEETS);
  });

  it("rapport never replaces a template or a filled workbook without --force, even one Tertial wrote", async () => {
    const input = await copyExample();
    expect(tertial("mall", "-o", "exempel-rapport.xlsx").status).toBe(0);
    const template = await sha256("exempel-rapport.xlsx");
    const run = tertial("rapport", input);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Fel: exempel-rapport\.xlsx finns redan; använd --force/);
    expect(await sha256("exempel-rapport.xlsx")).toBe(template);

    await write("ifylld.xlsx", content());
    const filled = await sha256("ifylld.xlsx");
    expect(tertial("rapport", input, "-o", "ifylld.xlsx").status).toBe(2);
    expect(await sha256("ifylld.xlsx")).toBe(filled);
    expect(tertial("rapport", input, "-f", "-o", "ifylld.xlsx").status).toBe(1);
    expect(await sheetNames("ifylld.xlsx")).toEqual(REPORT_SHEETS);
  });

  it("mall refuses an existing file, even its own template, unless --force", async () => {
    expect(tertial("mall", "-o", "mall.xlsx").status).toBe(0);
    const before = await sha256("mall.xlsx");
    const again = tertial("mall", "-o", "mall.xlsx");
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(
      "Fel: mall.xlsx finns redan; använd --force för att ersätta den, eller ange en annan fil med -o.\n"
    );
    expect(await sha256("mall.xlsx")).toBe(before);
    const forced = tertial("mall", "-o", "mall.xlsx", "--force");
    expect(forced.status).toBe(0);
    expect(await filesIn()).toEqual(["mall.xlsx"]);
  });

  it("ny-period writes the next period beside the input, says so, and refuses to write it twice", async () => {
    const input = await copyExample();
    const before = await sha256(input);
    const run = tertial("ny-period", input);
    expect(run.status).toBe(1); // the example's fel, carried with a warning
    expect(run.stderr).toMatch(
      /^Läser exempel\.xlsx … \d+,\d s\nVarning: exempel\.xlsx har \d+ fel\. .*\nSkriver Vård- och omsorgsnämnden 2024 Helår\.xlsx … \d+,\d s\n$/
    );
    expect(run.stdout).toBe(
      "Skrev Vård- och omsorgsnämnden 2024 Helår.xlsx: Helår 2024 (mallversion 3), efter T2 2024. " +
        `Historik fick ${/Historik fick (\d+)/.exec(run.stdout)?.[1]} nya rader ` +
        `(${/\((\d+) totalt\)/.exec(run.stdout)?.[1]} totalt).\n`
    );
    expect(await filesIn()).toEqual(["Vård- och omsorgsnämnden 2024 Helår.xlsx", "exempel.xlsx"]);
    expect(await sha256(input)).toBe(before);
    const again = tertial("ny-period", input);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(
      "Fel: Vård- och omsorgsnämnden 2024 Helår.xlsx finns redan; använd --force"
    );
    const help = tertial("help", "ny-period");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('tertial ny-period "Vård- och omsorgsnämnden 2024 T1.xlsx"');
  });

  it.each([[[]], [["--force"]]])(
    "refuses a FIFO as target without blocking on it (%j)",
    async (extra) => {
      const input = await copyExample();
      execFileSync("mkfifo", [at("pipe.xlsx")]);
      for (const args of [
        ["rapport", input, "-o", "pipe.xlsx", ...extra],
        ["mall", "-o", "pipe.xlsx", ...extra],
      ]) {
        const run = tertial(...args);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(
          "Fel: pipe.xlsx är en namngiven pipe (FIFO), inte en vanlig fil. Tertial skriver bara " +
            "till vanliga filer, även med --force. Ange en annan fil med -o.\n"
        );
      }
      expect(fs.lstatSync(at("pipe.xlsx")).isFIFO()).toBe(true);
    }
  );

  it.each([[[]], [["--force"]]])("refuses /dev/zero as target (%j)", async (extra) => {
    const input = await copyExample();
    await fsp.symlink("/dev/zero", at("noll.xlsx"));
    for (const target of ["/dev/zero", "noll.xlsx"]) {
      const run = tertial("rapport", input, "-o", target, ...extra);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `Fel: ${target} är en enhet, inte en vanlig fil. Tertial skriver bara till vanliga ` +
          "filer, även med --force. Ange en annan fil med -o.\n"
      );
    }
  });

  it("refuses an existing target without --force and replaces it with --force", async () => {
    const input = await copyExample();
    await fsp.writeFile(at("min-rapport.xlsx"), "ekonomens egen fil");
    const refused = tertial("rapport", input, "-o", "min-rapport.xlsx");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^Fel: min-rapport\.xlsx finns redan; använd --force/);
    expect(await fsp.readFile(at("min-rapport.xlsx"), "utf8")).toBe("ekonomens egen fil");
    expect(tertial("rapport", input, "-o", "min-rapport.xlsx", "--force").status).toBe(1);
    expect(await sheetNames("min-rapport.xlsx")).toEqual(REPORT_SHEETS);
  });

  it.each([[[]], [["--force"]]])(
    "refuses a read-only target and a read-only folder, saying which (%j)",
    async (extra) => {
      const input = await copyExample();
      await fsp.writeFile(at("låst.xlsx"), "låst");
      await fsp.chmod(at("låst.xlsx"), 0o444);
      const file = tertial("rapport", input, "-o", "låst.xlsx", ...extra);
      expect(file.status).toBe(2);
      expect(file.stderr).toBe(
        "Fel: låst.xlsx är skrivskyddad och ersätts inte, inte heller med --force. " +
          "Ta bort skrivskyddet eller ange en annan fil med -o.\n"
      );
      expect(await fsp.readFile(at("låst.xlsx"), "utf8")).toBe("låst");

      await fsp.mkdir(at("arkiv"));
      await fsp.chmod(at("arkiv"), 0o555);
      const folder = tertial("mall", "-o", path.join("arkiv", "mall.xlsx"), ...extra);
      expect(folder.status).toBe(2);
      expect(folder.stderr).toBe(
        `Fel: Mappen arkiv är skrivskyddad, så ${path.join("arkiv", "mall.xlsx")} kan inte ` +
          "skrivas där. Ange en fil i en annan mapp med -o.\n"
      );
      expect(await fsp.readdir(at("arkiv"))).toEqual([]);
    }
  );

  it('refuses -o "" and an -o that is not .xlsx, before reading anything', async () => {
    const input = await copyExample();
    const empty = tertial("rapport", input, "-o", "");
    expect(empty.stderr).toBe("Fel: Ange ett filnamn efter -o, t.ex. -o rapport.xlsx.\n");
    expect(empty.status).toBe(2);
    const pdf = tertial("rapport", input, "-o", "rapport.pdf");
    expect(pdf.stderr).toBe(
      "Fel: rapport.pdf: filen blir en Excel-arbetsbok, så namnet måste sluta på .xlsx, t.ex. -o rapport.xlsx " +
        "(eller -o rapport.docx för ett Word-dokument).\n"
    );
    expect(pdf.status).toBe(2);
    expect(tertial("mall", "-o", "mall.ods").status).toBe(2);
    expect(await filesIn()).toEqual(["exempel.xlsx"]);
  });

  it("still refuses -o naming the input itself", async () => {
    const input = await copyExample();
    const before = await sha256(input);
    const run = tertial("rapport", input, "-o", input, "--force");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Fel: rapporten kan inte skrivas över arbetsboken exempel\.xlsx/);
    expect(await sha256(input)).toBe(before);
  });

  /**
   * Stops the CLI the moment its temporary file appears (SIGSTOP), checks the file is there, then
   * sends the signal and lets it go on. A stop that comes after the rename is tried again, and so
   * is a signal Node had not read when the write's last step finished (its signal watcher does not
   * keep the process alive: the report is then whole and the exit code the command's own).
   */
  async function interruptWrite(input: string, signal: "SIGINT" | "SIGTERM") {
    for (let attempt = 1; ; attempt++) {
      const child = spawn(process.execPath, [CLI, "rapport", input], { cwd: dir });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      let caught = false;
      const watcher = fs.watch(dir, (_event, name) => {
        if (caught || !name?.endsWith(".tmp")) return;
        child.kill("SIGSTOP");
        caught = fs.readdirSync(dir).some((f) => f.endsWith(".tmp"));
        if (caught) child.kill(signal);
        child.kill("SIGCONT");
      });
      const [code, killedBy] = await new Promise<[number | null, string | null]>((resolve) =>
        child.on("exit", (c, s) => resolve([c, s]))
      );
      watcher.close();
      const tooLate =
        caught && !stderr.includes("Avbrutet.") && fs.existsSync(at("big-rapport.xlsx"));
      if ((caught && !tooLate) || attempt === 3) return { caught, code, killedBy, stderr };
      await fsp.rm(at("big-rapport.xlsx"), { force: true });
    }
  }

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)(
    "%s during the write of a large report: exit %i and no temporary file left",
    async (signal, exitCode) => {
      await fsp.writeFile(
        at("big.xlsx"),
        new Uint8Array(
          (await buildWorkbook(
            LATEST_TEMPLATE,
            largeContent({ risks: 200, actions: 2_000, controls: 400, operating: 200 })
          ).xlsx.writeBuffer()) as ArrayBuffer
        )
      );
      const run = await interruptWrite("big.xlsx", signal);
      expect(run.caught).toBe(true); // the signal came while the temporary file was being written
      expect(run.killedBy).toBeNull();
      expect(run.code).toBe(exitCode);
      expect(run.stderr).toMatch(/Skriver big-rapport\.xlsx … \nAvbrutet\.\n$/);
      expect(await filesIn()).toEqual(["big.xlsx"]);
    }
  );
});

describe("clean terminal output", () => {
  /** A screen clear, a window title and a right-to-left override, as a cell holds them. */
  const ESCAPES = "\u001b[2J\u001b]0;hackad\u0007\u202e";
  /** The same as the builder writes it: exceljs drops raw controls, so they go in escaped below. */
  const STORED = "{ESC}[2J{ESC}]0;hackad{BEL}\u202e";

  /** Writes the workbook and stores {ESC}/{BEL} the way Excel stores controls: _x001B_, _x0007_. */
  async function writeWithControls(name: string, workbookContent: WorkbookContent) {
    await write(name, workbookContent);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await fsp.readFile(at(name)));
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(strings).toContain("{ESC}");
    zip.file(
      "xl/sharedStrings.xml",
      strings.replace(/\{ESC\}/g, "_x001B_").replace(/\{BEL\}/g, "_x0007_")
    );
    await fsp.writeFile(at(name), await zip.generateAsync({ type: "uint8array" }));
  }

  it("validera strips escape codes and bidi controls from cell text; --json keeps them exactly", async () => {
    await writeWithControls(
      "fel.xlsx",
      content({ risk: `Brist${STORED}i rutinen` }, [{ ...ACTION, status: `Pågår${STORED}nu` }])
    );
    const json = tertial("validera", "fel.xlsx", "--json");
    const findings = JSON.parse(json.stdout) as Finding[];
    expect(findings.map((f) => f.message).join("\n")).toContain(`"Pågår${ESCAPES}nu"`);
    expect(json.stdout).toContain("\\u001b[2J"); // escaped by JSON, never raw
    expect(json.stdout).not.toContain("\u001b");

    const text = tertial("validera", "fel.xlsx");
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('Status "Pågårnu" är');
    expect(text.stdout + text.stderr).not.toMatch(UNSAFE);
  });

  it("rapport strips them from the names it prints; the report keeps them", async () => {
    await writeWithControls(
      "ren.xlsx",
      content({ post: `Personal${STORED}kostnader`, risk: `Risk${STORED}` })
    );
    const run = tertial("rapport", "ren.xlsx");
    expect(run.stdout).toContain("personalkostnader");
    expect(run.stdout + run.stderr).not.toMatch(UNSAFE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(at("ren-rapport.xlsx"));
    const texts: string[] = [];
    workbook
      .getWorksheet("Rapport Ekonomi")!
      .eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
    expect(texts.join("\n")).toContain("\u202e");
  });

  it("ends quietly when the reader closes the pipe early (validera | head -1)", async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => ({
      ...ACTION,
      id: `Å${i + 1}`,
      status: "pagaende",
    }));
    await write("många.xlsx", content({}, many));
    for (const args of ["", " --json"]) {
      const run = spawnSync(
        "sh",
        ["-c", `"${process.execPath}" "${CLI}" validera många.xlsx${args} | head -1`],
        {
          cwd: dir,
          encoding: "utf8",
        }
      );
      expect(run.stdout).toBe(args ? "[\n" : "Åtgärder\n");
      // Only the progress line: no EPIPE, no stack trace.
      expect(run.stderr).toMatch(new RegExp(`^${PROGRESS("Läser många.xlsx")}$`));
    }
  });
});

describe("command-line conventions in Swedish", () => {
  const version = (
    JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }
  ).version;

  it.each(["--version", "-V"])("%s prints the version and exits 0", (flag) => {
    expect(tertial(flag)).toEqual({ stdout: `${version}\n`, stderr: "", status: 0 });
  });

  it("--help is in Swedish, lists the commands, the exit codes and examples, and exits 0", () => {
    const help = tertial("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Användning: tertial \[flaggor\] \[kommando\]\n/);
    for (const words of [
      "Flaggor:",
      "Kommandon:",
      "-V, --version",
      "-h, --help",
      "validera [flaggor] <fil>",
      "rapport [flaggor] <fil>",
      "mall [flaggor]",
      "help [kommando]",
      "Slutkoder:",
      "  0  kontrollen är gjord och hittade inga fel",
      "  1  kontrollen hittade minst ett fel",
      "  2  arbetsboken gick inte att använda",
      "Exempel:",
    ])
      expect(help.stdout).toContain(words);
    expect(help.stdout).not.toMatch(
      /Usage|Options|Commands|Arguments|display help|default:|output the/
    );
  });

  it.each([
    ["validera", "tertial validera nämnd-T2.xlsx --json"],
    ["rapport", "-f, --force"],
    ["mall", "tertial mall -o"],
    ["klarmarkera", "--av <namn>"],
    ["importera", "tertial importera nämnd-T2.xlsx huvudbok.se"],
  ])("each command's help (%s) has its options, exit codes and an example", (command, words) => {
    for (const run of [tertial(command, "--help"), tertial("help", command)]) {
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Användning: tertial ${command} \\[flaggor\\]`));
      expect(run.stdout).toContain(words);
      expect(run.stdout).toContain("Exempel:\n  tertial");
      expect(run.stdout).toMatch(/Slutkod/);
      expect(run.stdout).not.toMatch(/Usage|Options|Arguments|display help|default:/);
    }
  });

  it.each([
    [
      ["validera", "a.xlsx", "--jsn"],
      "Fel: okänd flagga '--jsn'\n(Menade du --json?)\n(Skriv tertial validera --help för hjälp.)\n",
    ],
    [["validera"], "Fel: argumentet <fil> saknas\n(Skriv tertial validera --help för hjälp.)\n"],
    [
      ["validera", "a.xlsx", "b.xlsx"],
      "Fel: för många argument till 'validera': det ska vara 1, men det var 2\n(Skriv tertial validera --help för hjälp.)\n",
    ],
    [
      ["valider", "a.xlsx"],
      "Fel: okänt kommando 'valider'\n(Menade du validera?)\n(Skriv tertial --help för hjälp.)\n",
    ],
    [
      ["rapport", "a.xlsx", "-o"],
      "Fel: flaggan '-o, --output <ut>' saknar värde\n(Skriv tertial rapport --help för hjälp.)\n",
    ],
    [["--forse"], "Fel: okänd flagga '--forse'\n(Skriv tertial --help för hjälp.)\n"],
    [
      ["klarmarkera", "a.xlsx", "-o", "b.xlsx"],
      "Fel: flaggan '--av <namn>' måste anges\n(Skriv tertial klarmarkera --help för hjälp.)\n",
    ],
  ])("a usage error %j exits 2 with a Swedish message", (args, message) => {
    expect(tertial(...args)).toEqual({ stdout: "", stderr: message, status: 2 });
  });

  it("tertial without a command shows the help on stderr and exits 2", () => {
    const run = tertial();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^Användning: tertial/);
  });

  it("rapport shows progress on stderr; a draft report is worded as a draft", async () => {
    const input = await copyExample();
    const run = tertial("rapport", input);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${PROGRESS("Läser exempel.xlsx")}${PROGRESS("Skapar exempel-rapport.xlsx")}${PROGRESS("Skriver exempel-rapport.xlsx")}$`
      )
    );
    expect(run.stdout).toMatch(
      /^Rapporten är skapad som utkast i exempel-rapport\.xlsx \(Rapport Ekonomi, Rapport Riskbild, Rapport Internkontroll, Kontrollresultat\), eftersom arbetsboken har 8 fel\. Rätta dem och kör tertial rapport igen för en färdig rapport\.\n/
    );
  });

  it("rapport without fel calls the report saved, not a draft", async () => {
    await write("ren.xlsx", content());
    const run = tertial("rapport", "ren.xlsx");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Rapporten är sparad i ren-rapport\.xlsx \(Rapport Ekonomi, /);
    expect(run.stdout).not.toContain("utkast");
  });

  it.each(["validera", "rapport"])(
    "%s says nothing about reading a file that is not there",
    (command) => {
      const run = tertial(command, "saknas.xlsx");
      expect(run).toEqual({
        stdout: "",
        stderr:
          "Fel: Filen saknas.xlsx finns inte. Kontrollera namnet och sökvägen och försök igen.\n",
        status: 2,
      });
      expect(run.stderr).not.toMatch(NO_STACK);
    }
  );
});
