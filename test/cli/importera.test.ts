/**
 * `tertial importera` end to end: the template with its Kommun-Bas mapping, a generated SIE 4
 * ledger, the import, then `validera` and `rapport` on the result. The expected figures are
 * summed here from the generated amounts (in öre, by account class), not by the import's code.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { importCommand } from "../../src/cli/importCommand";
import { reportCommand } from "../../src/cli/reportCommand";
import { runCommand } from "../../src/cli/runCommand";
import { validateCommand } from "../../src/cli/validateCommand";
import { parseModel } from "../../src/core/parse/parseModel";
import type { RowOf } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../../src/xlsx/template/saveWorkbook";
import { sha256, useInProcessCli } from "./inProcess";

const io = useInProcessCli("tertial-importera-");

async function exitCodeOf(command: () => Promise<number>): Promise<number | undefined> {
  await runCommand(command);
  const code = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return code;
}

/** The Post each Kommun-Bas kontogrupp goes to, written out here as the template's README lists it. */
function postOf(account: string): string | null {
  const group = Number(account.slice(0, 2));
  if (group === 30 || (group >= 32 && group <= 34) || (group >= 36 && group <= 39))
    return "Övriga intäkter";
  if (group === 31) return "Taxor och avgifter";
  if (group === 35) return "Bidrag (intäkter)";
  if (group >= 40 && group <= 49) return "Köp av verksamhet";
  if (group >= 50 && group <= 59) return "Personalkostnader";
  if (group >= 60 && group <= 79) return "Övriga driftskostnader";
  return null; // class 8 (skatter, utjämning, finansiella poster) is no nämnd's Post
}

const POSTS = [
  ["Taxor och avgifter", "Intäkt"],
  ["Bidrag (intäkter)", "Intäkt"],
  ["Övriga intäkter", "Intäkt"],
  ["Köp av verksamhet", "Kostnad"],
  ["Personalkostnader", "Kostnad"],
  ["Övriga driftskostnader", "Kostnad"],
] as const;
const ACCOUNTS = ["3110", "3510", "3610", "4610", "5011", "5411", "6110", "7010", "7810", "1930"];
/** Dimension 1 (ansvar): 100–199 Hemtjänst, 200–299 Särskilt boende. */
const OBJECTS = { "110": "Hemtjänst", "120": "Hemtjänst", "210": "Särskilt boende" } as const;

/** A deterministic generator (Park–Miller), so a failure can be rerun as it was. */
function random(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 48271) % 2147483647;
    return state % max;
  };
}

interface Generated {
  readonly sie: string;
  /** Expected per Post / Verksamhet / total, by [column]: öre in the template's sign. */
  readonly expected: Map<string, { actual: number; actualPriorYear: number; periodBudget: number }>;
}

/** A SIE 4 file: #PSALDO {} totals and object rows for 2023 and 2024, #PBUDGET for 2024. */
function generateLedger(seed: number): Generated {
  const next = random(seed);
  const lines = [
    "#FLAGGA 0",
    "#FORMAT PC8",
    "#SIETYP 4",
    '#FNAMN "Exempelkommun"',
    "#RAR 0 20240101 20241231",
    "#RAR -1 20230101 20231231",
    '#DIM 1 "Ansvar"',
    ...ACCOUNTS.map((a) => `#KONTO ${a} "Konto ${a}"`),
  ];
  const expected: Generated["expected"] = new Map();
  const add = (
    name: string,
    column: "actual" | "actualPriorYear" | "periodBudget",
    ore: number
  ) => {
    const row = expected.get(name) ?? { actual: 0, actualPriorYear: 0, periodBudget: 0 };
    row[column] -= ore; // ledger debit positive → template sign
    expected.set(name, row);
  };
  for (const [label, index, year] of [
    ["#PSALDO", 0, 2024],
    ["#PSALDO", -1, 2023],
    ["#PBUDGET", 0, 2024],
  ] as const) {
    const column =
      label === "#PBUDGET" ? "periodBudget" : index === 0 ? "actual" : "actualPriorYear";
    for (const account of ACCOUNTS) {
      const sign = account.startsWith("3") ? -1 : 1;
      for (let month = 1; month <= 12; month++) {
        const period = `${year}${String(month).padStart(2, "0")}`;
        let total = 0;
        for (const [object, activity] of Object.entries(OBJECTS)) {
          const ore = sign * next(500_000_000) + (next(10) === 0 ? -sign * next(1000) : 0);
          total += ore;
          lines.push(
            `${label} ${index} ${period} ${account} {1 "${object}"} ${(ore / 100).toFixed(2)}`
          );
          const post = postOf(account);
          if (month <= 8 && post !== null) add(activity, column, ore);
        }
        lines.push(`${label} ${index} ${period} ${account} {} ${(total / 100).toFixed(2)}`);
        const post = postOf(account);
        if (month <= 8 && post !== null) {
          add(post, column, total);
          add("total", column, total);
        }
      }
    }
  }
  return { sie: `${lines.join("\r\n")}\r\n`, expected };
}

/** A T2 2024 workbook in tkr with every Post of the default mapping and the two verksamheter. */
async function workbook(
  file: string,
  accountMapping?: { accountFrom: number; accountTo: number; post: string }[],
  withObjects = true
): Promise<void> {
  // Budget and forecast sum to the Driftsredovisning's −100 000, so the cross-check agrees.
  const planned = (post: string, type: string) =>
    type === "Intäkt" ? 100_000 : post === "Personalkostnader" ? -200_000 : -100_000;
  const income: Partial<RowOf<"incomeStatement">>[] = POSTS.map(([post, type]) => ({
    post,
    type,
    budget: planned(post, type),
    forecast: planned(post, type),
    comment: `Kommentar till ${post}.`,
  }));
  await saveWorkbook(
    buildWorkbook(LATEST_TEMPLATE, {
      settings: { organisation: "Vård- och omsorgsnämnden", year: 2024, period: "T2", unit: "tkr" },
      tables: {
        incomeStatement: income,
        operatingStatement: [
          { activity: "Hemtjänst", budget: -50_000, forecast: -50_000 },
          { activity: "Särskilt boende", budget: -50_000, forecast: -50_000 },
        ],
        ...(accountMapping ? { accountMapping } : {}),
        objectMapping: withObjects
          ? [
              { dimension: 1, objectFrom: "100", objectTo: "199", activity: "Hemtjänst" },
              { dimension: 1, objectFrom: "200", objectTo: "299", activity: "Särskilt boende" },
            ]
          : [],
      },
    } as never),
    file
  );
}

const TKR = 100_000; // öre

/** Every cell (sheet!A1) whose value differs between two workbooks, read by openpyxl, not Tertial. */
const DIFFERENT_CELLS = `
import sys, openpyxl
a, b = (openpyxl.load_workbook(f) for f in sys.argv[1:3])
assert a.sheetnames == b.sheetnames, (a.sheetnames, b.sheetnames)
for name in a.sheetnames:
    x, y = a[name], b[name]
    for r in range(1, max(x.max_row, y.max_row) + 1):
        for c in range(1, max(x.max_column, y.max_column) + 1):
            if x.cell(r, c).value != y.cell(r, c).value:
                print(f"{name}!{x.cell(r, c).coordinate}")
`;

function differentCells(before: string, after: string): string[] {
  const run = spawnSync("/usr/bin/python3", ["-c", DIFFERENT_CELLS, before, after], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.split("\n").filter(Boolean).sort();
}

describe("tertial importera", () => {
  it("fills Utfall, Utfall fg år and Periodbudget from a SIE file; validera and rapport agree with the ledger's sums", async () => {
    const input = path.join(io.dir, "nämnd.xlsx");
    await workbook(input);
    const { sie, expected } = generateLedger(20241);
    const ledgerFile = path.join(io.dir, "huvudbok.se");
    await fs.writeFile(ledgerFile, sie, "latin1");
    const before = await sha256(input);
    const output = path.join(io.dir, "importerad.xlsx");

    expect(await exitCodeOf(() => importCommand(input, ledgerFile, { output }))).toBe(0);

    expect(await sha256(input)).toBe(before);
    const model = parseModel(await readSnapshotFromFile(output));
    // Only the three imported columns of the ledger rows changed (openpyxl's view of both files).
    const imported = [...model.incomeStatement, ...model.operatingStatement].flatMap((line) =>
      [line.cells.actual, line.cells.actualPriorYear, line.cells.periodBudget].map(
        (cell) => `${line.sheet}!${cell.address}`
      )
    );
    expect(differentCells(input, output)).toEqual(imported.sort());
    const named = [
      ...model.incomeStatement.map((line) => ({ line, name: line.cells.post.value })),
      ...model.operatingStatement.map((line) => ({ line, name: line.cells.activity.value })),
    ];
    for (const { line, name } of named) {
      const want = expected.get(String(name));
      expect(want).toBeDefined();
      expect(line.cells.actual.raw).toBe(want!.actual / TKR);
      expect(line.cells.actualPriorYear.raw).toBe(want!.actualPriorYear / TKR);
      expect(line.cells.periodBudget.raw).toBe(want!.periodBudget / TKR);
    }
    // Kept as they were: what the import does not fill.
    expect(model.incomeStatement.map((r) => r.cells.comment.value)).toEqual(
      POSTS.map(([post]) => `Kommentar till ${post}.`)
    );
    expect(model.accountMapping.length).toBeGreaterThan(0);
    expect(io.stdout).toContain("huvudbok.se: SIE typ 4, teckenkodning");
    expect(io.stdout).toContain('#FNAMN "Exempelkommun", #RAR 0 = 2024, -1 = 2023');
    expect(io.stdout).toContain("på 6 rader på Resultaträkning och 2 på Driftsredovisning");
    expect(io.stdout).toMatch(/Avstämning Utfall period: .* – stämmer\./);

    // validera: the RR/DR cross-check agrees, exactly.
    const printed = io.stdout.length;
    await exitCodeOf(() => validateCommand(output, { json: true }));
    const findings = JSON.parse(io.stdout.slice(printed)) as { code: string }[];
    expect(findings.filter((f) => f.code === "avstamning-differens")).toEqual([]);

    // rapport: the economy sheet's totals are the ledger's.
    const report = path.join(io.dir, "rapport.xlsx");
    await exitCodeOf(() => reportCommand(output, { output: report }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(report);
    const numbers: number[] = [];
    book.getWorksheet("Rapport Ekonomi")?.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "number") numbers.push(cell.value);
      })
    );
    const total = expected.get("total")!;
    for (const ore of [total.actual, total.actualPriorYear]) {
      expect(numbers.some((n) => Math.abs(n - ore / TKR) < 1e-9)).toBe(true);
    }
  });
});

describe("tertial importera: what did not fit, and refusals", () => {
  const SMALL =
    '#SIETYP 3\r\n#RAR 0 20240101 20241231\r\n#KONTO 8410 "Räntekostnader"\r\n' +
    '#PSALDO 0 202402 5011 {} 1000.00\r\n#PSALDO 0 202402 5011 {1 "110"} 900.00\r\n' +
    '#PSALDO 0 202402 5011 {1 "999"} 100.00\r\n' +
    '#PSALDO 0 202403 8410 {} 250.50\r\n#PSALDO 0 202403 8410 {1 "999"} 250.50\r\n';

  async function files(
    ledger: string,
    accountMapping?: Parameters<typeof workbook>[1],
    withObjects = true
  ) {
    const input = path.join(io.dir, "nämnd.xlsx");
    await workbook(input, accountMapping, withObjects);
    const ledgerFile = path.join(io.dir, "huvudbok.se");
    await fs.writeFile(ledgerFile, ledger, "latin1");
    return { input, ledgerFile, output: path.join(io.dir, "ut.xlsx") };
  }

  it("still writes, exit 1, naming the unmapped account and object with their amounts", async () => {
    const { input, ledgerFile, output } = await files(SMALL, [
      { accountFrom: 5000, accountTo: 5999, post: "Personalkostnader" },
    ]);
    expect(await exitCodeOf(() => importCommand(input, ledgerFile, { output }))).toBe(1);
    const model = parseModel(await readSnapshotFromFile(output));
    expect(
      model.incomeStatement.find((r) => r.cells.post.value === "Personalkostnader")?.cells.actual
        .raw
    ).toBe(-1);
    expect(io.stdout).toContain(
      "Konto 8410 Räntekostnader (Utfall period −0,2505\u00a0tkr) hör inte till någon Post i tblKontomappning"
    );
    expect(io.stdout).toContain(
      "Objekt 999 i dimension 1 (Utfall period −0,1\u00a0tkr) hör inte till någon Verksamhet"
    );
    expect(io.stdout).toContain("Rörde inte Utfall period fg år: filen har inget föregående år.");
    expect(io.stdout).toContain("Rörde inte Periodbudget: filen har ingen budget (#PBUDGET).");
  });

  it("says the Driftsredovisning was not filled, exit 1, when tblObjektmappning is empty", async () => {
    const { input, ledgerFile, output } = await files(SMALL, undefined, false);
    expect(await exitCodeOf(() => importCommand(input, ledgerFile, { output }))).toBe(1);
    expect(io.stdout).toContain(
      "Driftsredovisning fylldes inte: tblObjektmappning på bladet Kontoplan har inga rader"
    );
    const model = parseModel(await readSnapshotFromFile(output));
    expect(model.operatingStatement.map((r) => r.cells.actual.raw)).toEqual([null, null]);
  });

  it("refuses with exit 2 and writes nothing when the file lacks the workbook's År", async () => {
    const { input, ledgerFile, output } = await files(SMALL.replace(/2024/g, "2022"));
    expect(await exitCodeOf(() => importCommand(input, ledgerFile, { output }))).toBe(2);
    expect(io.stderr).toContain(
      "huvudbok.se innehåller inte år 2024, arbetsbokens År (filen har 2022)"
    );
    await expect(fs.stat(output)).rejects.toThrow();
  });

  it("refuses a folder given as the ledger, in Swedish, naming it and the file to give", async () => {
    const { input, output } = await files(SMALL);
    const folder = path.join(io.dir, "export");
    await fs.mkdir(folder);
    expect(await exitCodeOf(() => importCommand(input, folder, { output }))).toBe(2);
    expect(io.stderr).toContain(
      `${folder} är en mapp, inte en fil. Ange sökvägen till exportfilen från ekonomisystemet (.se, .sie, .si eller .csv).`
    );
    expect(io.stderr).not.toContain("arbetsboken (.xlsx)");
    await expect(fs.stat(output)).rejects.toThrow();
  });

  it("refuses overlapping ranges, a file that is no ledger, and an existing target without --force", async () => {
    const overlapping = await files(SMALL, [
      { accountFrom: 5000, accountTo: 5999, post: "Personalkostnader" },
      { accountFrom: 50, accountTo: 50, post: "Övriga driftskostnader" },
    ]);
    expect(
      await exitCodeOf(() => importCommand(overlapping.input, overlapping.ledgerFile, overlapping))
    ).toBe(2);
    expect(io.stderr).toContain("intervallen på bladet Kontoplan överlappar");
    await expect(fs.stat(overlapping.output)).rejects.toThrow();

    const { input, ledgerFile, output } = await files("Hej, detta är ett brev.\n");
    expect(await exitCodeOf(() => importCommand(input, ledgerFile, { output }))).toBe(2);
    expect(io.stderr).toContain("huvudbok.se är varken en SIE-fil eller en CSV-fil");
    await expect(fs.stat(output)).rejects.toThrow();

    await fs.writeFile(ledgerFile, SMALL, "latin1");
    await fs.writeFile(output, "redan här");
    expect(await exitCodeOf(() => importCommand(input, ledgerFile, { output }))).toBe(2);
    expect(await fs.readFile(output, "utf8")).toBe("redan här");
    expect(await exitCodeOf(() => importCommand(input, ledgerFile, { output, force: true }))).toBe(
      1
    );
  });
});
