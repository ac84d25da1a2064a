/**
 * Ny period edits a copy of the input's package (src/xlsx/cycle/rollPackage.ts): the example
 * year rolls to exactly what a rebuild from the Model would hold, and a workbook with what users
 * add (test/fixtures/roll-additions/make.py) keeps all of it over T1 → T2 → Helår → T1 → T2, as an
 * independent reader (openpyxl) sees it. What cannot be carried is named.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { planNextPeriod } from "../../src/core/cycle/plan";
import { parseModel } from "../../src/core/parse/parseModel";
import { analyse } from "../../src/core/pipeline";
import { contentOf } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import {
  nextPeriodWorkbook,
  type NextPeriodWorkbook,
} from "../../src/xlsx/cycle/nextPeriodWorkbook";
import { DateStyles } from "../../src/xlsx/cycle/dateStyles";
import { valueCell } from "../../src/xlsx/cycle/tableRows";
import { unexplainedLosses, userAdditions } from "../../src/xlsx/cycle/userAdditions";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/workbookBytes";
import { openpyxlInventory, type OpenpyxlInventory } from "../helpers/openpyxlInventory";
import { malformedParts } from "../helpers/wellFormedParts";

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, "..", "..");
const YEAR = path.join(ROOT, "templates", "exempel-2024-ar");
const ADDITIONS = path.join(ROOT, "test", "fixtures", "roll-additions", "T1-tillagg.xlsx");
const NAME = "arbetsbok.xlsx";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "tertial-roll-package-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const read = async (file: string) => new Uint8Array(await fs.readFile(file));
const contentOfBytes = async (bytes: Uint8Array) =>
  contentOf(parseModel(await readSnapshotFromBuffer(bytes, NAME)));

async function written(bytes: Uint8Array, name: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

describe("the example year", () => {
  it.each(["T1", "T2", "Helår"])(
    "%s rolls to what a rebuild from the Model holds, well-formed, with nothing named",
    async (period) => {
      const bytes = await read(path.join(YEAR, `${period}.xlsx`));
      const plan = planNextPeriod(await readSnapshotFromBuffer(bytes, NAME));
      const rebuilt = await workbookBytes(buildWorkbook(LATEST_TEMPLATE, plan.content));
      const edited = await nextPeriodWorkbook(bytes, NAME);

      expect(edited.notCarried).toEqual([]);
      expect(await contentOfBytes(edited.bytes)).toEqual(await contentOfBytes(rebuilt));
      expect(await malformedParts(edited.bytes)).toEqual([]);
      const inventory = openpyxlInventory(await written(edited.bytes, `${period}-next.xlsx`));
      const before = openpyxlInventory(path.join(YEAR, `${period}.xlsx`));
      expect(inventory.sheets).toEqual(before.sheets);
      expect(inventory.formulas).toEqual(before.formulas);
    }
  );
});

interface Step {
  readonly result: NextPeriodWorkbook;
  readonly inventory: OpenpyxlInventory;
}

describe("what the user added, over two years of rolls (T1 2024 → T2 2026)", () => {
  let input: OpenpyxlInventory;
  const steps: Step[] = [];
  beforeAll(async () => {
    input = openpyxlInventory(ADDITIONS);
    let bytes: Uint8Array = await read(ADDITIONS);
    for (let i = 1; i <= 7; i++) {
      const result = await nextPeriodWorkbook(bytes, NAME);
      steps.push({
        result,
        inventory: openpyxlInventory(await written(result.bytes, `steg${i}.xlsx`)),
      });
      bytes = result.bytes;
    }
  });
  const periods = () => steps.map((s) => `${s.result.next.period} ${s.result.next.year}`);

  it("rolls through the year end", () => {
    expect(periods()).toEqual([
      "T2 2024",
      "Helår 2024",
      "T1 2025",
      "T2 2025",
      "Helår 2025",
      "T1 2026",
      "T2 2026",
    ]);
    expect(steps[2].result.droppedActions).toEqual(["Å3"]);
  });

  it("keeps the own sheet with its chart and formulas", () => {
    for (const { inventory } of steps) {
      expect(inventory.sheets).toEqual(input.sheets);
      expect(inventory.charts.Analys).toBe(1);
      expect(inventory.formulas["Analys!B2"]).toBe("=SUM(Resultaträkning!H4:H12)");
    }
    // Å5's row moves up when the year end drops Å3: the formula follows it.
    expect(steps.map((s) => s.inventory.formulas["Analys!B3"])).toEqual([
      "=Åtgärder!J8",
      "=Åtgärder!J8",
      ...Array(5).fill("=Åtgärder!J7"),
    ]);
  });

  it("keeps the own column in Resultaträkning with its values, formula and number format", () => {
    for (const { inventory } of steps) {
      expect(inventory.tables.Resultaträkning).toEqual({ tblResultatrakning: "A3:N12" });
      for (const cell of ["N3", "N4", "N6", "N7"]) {
        expect(inventory.cells[`Resultaträkning!${cell}`]).toEqual(
          input.cells[`Resultaträkning!${cell}`]
        );
      }
      expect(inventory.cells["Resultaträkning!N6"]).toEqual(["0.125", "0.00%"]);
      expect(inventory.formulas["Resultaträkning!N5"]).toBe("=H5*2");
    }
  });

  it("keeps notes below the table, cell comments and the own Inställningar row", () => {
    for (const { inventory } of steps) {
      expect(inventory.cells["Resultaträkning!A15"]).toEqual(input.cells["Resultaträkning!A15"]);
      expect(inventory.comments["Resultaträkning!C4"]).toBe("Kontrollerat mot bokslutet.");
      expect(inventory.tables.Inställningar).toEqual(input.tables.Inställningar);
      // The own row is the one below version 3's 18 settings (make.py).
      expect(inventory.cells["Inställningar!A22"]?.[0]).toBe("Kontaktperson");
      expect(inventory.cells["Inställningar!B22"]?.[0]).toBe("Anna Andersson");
    }
  });

  it("moves the own column, a comment and a link in Åtgärder with their rows when a row is dropped", () => {
    const chefs = (inventory: OpenpyxlInventory) =>
      Array.from({ length: 7 }, (_, i) => [
        inventory.cells[`Åtgärder!A${4 + i}`]?.[0] ?? null,
        inventory.cells[`Åtgärder!J${4 + i}`]?.[0] ?? null,
      ]);
    const before = chefs(input).filter(([id]) => id !== "Å3");
    for (const { inventory } of steps.slice(2)) {
      expect(chefs(inventory).slice(0, 6)).toEqual(before);
      expect(chefs(inventory)[6]).toEqual([null, null]);
      const comments = Object.entries(inventory.comments).filter(([at]) =>
        at.startsWith("Åtgärder!")
      );
      expect(comments).toEqual([["Åtgärder!C7", "Följ upp med fordonsansvarig."]]);
      expect(inventory.links).toEqual({ "Åtgärder!C7": "https://kommun.example/fordon" });
    }
    expect(steps[1].inventory.comments["Åtgärder!C8"]).toBe("Följ upp med fordonsansvarig.");
    expect(steps[1].inventory.links).toEqual({ "Åtgärder!C8": "https://kommun.example/fordon" });
  });

  it("keeps a kept cell's formula, and names it when the year end empties it without a value", () => {
    expect(steps.slice(0, 2).map((s) => s.inventory.formulas["Resultaträkning!G6"])).toEqual([
      "=11+0.5",
      "=11+0.5",
    ]);
    expect(steps[2].result.notCarried).toEqual([
      expect.objectContaining({ sheet: "Resultaträkning", where: "cell G6" }),
    ]);
    expect(steps[2].result.notCarried[0].what).toContain("=11+0.5");
    const others = steps.filter((_, i) => i !== 2).map((s) => s.result.notCarried);
    expect(others).toEqual(others.map(() => []));
  });

  it("carries a date typed in an amount cell as a date: still a fel after the roll", async () => {
    const felAtC8 = async (bytes: Uint8Array) =>
      analyse(await readSnapshotFromBuffer(bytes, NAME)).findings.filter(
        (f) => f.sheet === "Resultaträkning" && f.cell === "C8" && f.severity === "fel"
      ).length;
    expect(await felAtC8(await read(ADDITIONS))).toBe(1);
    for (const step of steps.slice(0, 2)) {
      expect(await felAtC8(step.result.bytes)).toBe(1);
      expect(step.inventory.cells["Resultaträkning!C8"][0]).toBe("1997-05-25 00:00:00");
    }
  });

  it("writes only well-formed parts: the hostile text reaches Historik replaced visibly", async () => {
    for (const step of steps) expect(await malformedParts(step.result.bytes)).toEqual([]);
    const history = Object.entries(steps[0].inventory.cells).filter(([at]) =>
      at.startsWith("Historik!")
    );
    expect(history.map(([, [value]]) => value)).toContain("Kommentar med \uFFFD i sig");
    expect(JSON.stringify(steps[0].inventory.cells)).not.toMatch(/\uFFFE/);
  });

  it("holds the same user additions after every roll as before it", async () => {
    const kinds = async (bytes: Uint8Array) =>
      (await userAdditions(bytes, await readSnapshotFromBuffer(bytes, NAME)))
        .map((a) => `${a.sheet}: ${a.what}`)
        .sort();
    const before = await kinds(await read(ADDITIONS));
    expect(before).toEqual(
      expect.arrayContaining([
        "Analys: ett eget blad",
        "Analys: en ritning (diagram, bilder, former)",
        "Resultaträkning: den egna kolumnen Egen analys i tabellen tblResultatrakning",
        "Resultaträkning: en kommentar",
        "Resultaträkning: en cell utanför tabellen",
        "Inställningar: den egna raden Kontaktperson i Inställningar",
        "Åtgärder: den egna kolumnen Ansvarig chef i tabellen tblAtgarder",
      ])
    );
    for (const step of steps) expect(await kinds(step.result.bytes)).toEqual(before);
  });
});

describe("rolling a period again", () => {
  it("keeps what the user added and names nothing", async () => {
    const t2 = await nextPeriodWorkbook(await read(ADDITIONS), NAME);
    const helar = await nextPeriodWorkbook(t2.bytes, NAME);
    // Period set back to T2 by hand, and rolled again.
    const back = path.join(dir, "tillbaka.xlsx");
    const script =
      "import sys, openpyxl\n" +
      "wb = openpyxl.load_workbook(sys.argv[1])\n" +
      "ws = wb['Inställningar']\n" +
      "next(r for r in ws.iter_rows() if r[0].value == 'Period')[1].value = 'T2'\n" +
      "wb.save(sys.argv[2])\n";
    const run = spawnSync(
      "/usr/bin/python3",
      ["-c", script, await written(helar.bytes, "helar.xlsx"), back],
      { encoding: "utf8" }
    );
    expect(run.stderr).toBe("");

    const again = await nextPeriodWorkbook(await read(back), NAME);

    expect(again.notCarried).toEqual([]);
    expect(again.historyTotal).toBeGreaterThanOrEqual(helar.historyTotal);
    const inventory = openpyxlInventory(await written(again.bytes, "igen.xlsx"));
    const input = openpyxlInventory(ADDITIONS);
    expect(inventory.sheets).toEqual(input.sheets);
    expect(inventory.charts.Analys).toBe(1);
    expect(inventory.comments).toEqual(input.comments);
    expect(inventory.formulas["Resultaträkning!N5"]).toBe("=H5*2");
  });
});

describe("values keep their type", () => {
  it("a date moved into another amount column is a date there, and a date in a text column stays one", async () => {
    const file = path.join(dir, "datum.xlsx");
    const script =
      "import sys, datetime, openpyxl\n" +
      "wb = openpyxl.load_workbook(sys.argv[1])\n" +
      "wb['Resultaträkning']['H5'] = datetime.datetime(2024, 3, 1)\n" +
      "wb['Åtgärder']['H4'] = datetime.datetime(2024, 2, 1)\n" +
      "wb.save(sys.argv[2])\n";
    const run = spawnSync("/usr/bin/python3", ["-c", script, path.join(YEAR, "T1.xlsx"), file], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");

    const result = await nextPeriodWorkbook(await read(file), NAME);

    // Prognos helår moves to Prognos föregående tertial (column I): still a date, still a fel.
    const inventory = openpyxlInventory(await written(result.bytes, "datum-T2.xlsx"));
    expect(inventory.cells["Resultaträkning!I5"][0]).toBe("2024-03-01 00:00:00");
    expect(inventory.cells["Åtgärder!H4"][0]).toBe("2024-02-01 00:00:00");
    const { findings } = analyse(await readSnapshotFromBuffer(result.bytes, NAME));
    expect(findings).toContainEqual(
      expect.objectContaining({ sheet: "Resultaträkning", cell: "I5", severity: "fel" })
    );
    expect(await malformedParts(result.bytes)).toEqual([]);
  });
});

describe("a workbook of an older Mallversion", () => {
  it("is rebuilt as the latest, and each addition the rebuild loses is named", async () => {
    const file = path.join(dir, "v1-tillagg.xlsx");
    const script =
      "import sys, openpyxl\n" +
      "wb = openpyxl.load_workbook(sys.argv[1])\n" +
      "wb.create_sheet('Egen')['A1'] = 'Mina siffror'\n" +
      "wb['Risker']['A20'] = 'Anteckning'\n" +
      "wb.save(sys.argv[2])\n";
    const run = spawnSync(
      "/usr/bin/python3",
      ["-c", script, path.join(ROOT, "templates", "exempel-2024-T2.xlsx"), file],
      { encoding: "utf8" }
    );
    expect(run.stderr).toBe("");

    const result = await nextPeriodWorkbook(await read(file), NAME);

    expect(parseModel(await readSnapshotFromBuffer(result.bytes, NAME)).template.version).toBe(
      LATEST_TEMPLATE.version
    );
    expect(result.notCarried).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "Egen", what: expect.stringMatching(/^ett eget blad: /) }),
        expect.objectContaining({ sheet: "Risker", where: "cell A20" }),
      ])
    );
    expect(openpyxlInventory(await written(result.bytes, "latest.xlsx")).sheets).not.toContain(
      "Egen"
    );
  });
});

describe("valueCell", () => {
  it("writes hostile text visibly replaced, so the part stays well-formed", () => {
    const dates = new DateStyles(
      '<styleSheet><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>'
    );
    expect(valueCell("a\uFFFEb_xFFFE_c<&", 0, dates).content).toBe(
      '<is><t xml:space="preserve">a\uFFFDb\uFFFDc&lt;&amp;</t></is>'
    );
    expect(dates.changedXml()).toBeNull();
  });

  it("gives a Date a date style, adding one when the cell's style is not", () => {
    const styles =
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts>' +
      '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>';
    const dates = new DateStyles(styles);
    const cell = valueCell(new Date(Date.UTC(1997, 4, 25)), 1, dates);
    expect(cell).toEqual({ attributes: ' s="2"', content: "<v>35575</v>" });
    expect(dates.changedXml()).toContain('<cellXfs count="3">');
    expect(dates.changedXml()).toContain('<xf numFmtId="14"');
  });
});

describe("unexplainedLosses, the roll's own check", () => {
  const comment = (where: string) => ({ sheet: "Åtgärder", where, what: "en kommentar" });
  const sheet = {
    sheet: "Analys",
    where: "delen xl/worksheets/sheet12.xml",
    what: "ett eget blad",
  };

  it("accepts what moved, and names what went missing unnamed", () => {
    expect(unexplainedLosses([comment("cell C8"), sheet], [comment("cell C7"), sheet], [])).toEqual(
      []
    );
    expect(
      unexplainedLosses([comment("cell C8"), comment("cell C9"), sheet], [comment("cell C8")], [])
    ).toEqual([
      { ...comment("cell C9"), what: "en kommentar: Tertial kunde inte föra över den" },
      { ...sheet, what: "ett eget blad: Tertial kunde inte föra över den" },
    ]);
  });

  it("does not name twice a comment already named as taken out with its row", () => {
    const named = [
      {
        sheet: "Åtgärder",
        where: "cell C9",
        what: "en kommentar på en rad som inte följer med till nästa period",
      },
    ];
    expect(
      unexplainedLosses([comment("cell C8"), comment("cell C9")], [comment("cell C8")], named)
    ).toEqual([]);
  });
});
