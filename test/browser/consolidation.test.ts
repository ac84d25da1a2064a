/**
 * Sammanställ in the page, on real files (Node has File): three units' workbooks written by the
 * test, with Excel's lock file of one and a file that is no workbook, become one consolidated
 * workbook whose totals are the units' sums; a file of another Period is refused by name.
 */
import { consolidateUnits, type ConsolidateRequest } from "../../src/app/consolidation";
import type { PickedFile } from "../../src/app/operation";
import { pageEngine } from "../../src/page/pageEngine";
import { recordingOperations } from "../helpers/recordingDelivery";
import type { Consolidation } from "../../src/core/consolidate/consolidate";
import { analyse, type Analysis } from "../../src/core/pipeline";
import { LEDGER_AMOUNT_KEYS } from "../../src/core/rollup/ledger";
import type { WorkbookContent } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/workbookBytes";
import { TODAY, UNITS } from "../core/consolidate/units";
import { readSources } from "../../src/xlsx/consolidate/sourcesMarker";
import { sheetRows } from "../helpers/sheetRows";
import { malformedParts } from "../helpers/wellFormedParts";

/** A template workbook's bytes, as a File holds them. */
const templateBytes = async (content: WorkbookContent) =>
  (await workbookBytes(buildWorkbook(LATEST_TEMPLATE, content))) as Uint8Array<ArrayBuffer>;

async function unitFiles(): Promise<File[]> {
  const files = [];
  for (const unit of UNITS) files.push(new File([await templateBytes(unit.content)], unit.file));
  return files;
}

const LOCK = new File(["Eva Ekonom"], "~$IFO.xlsx");
const BROKEN = new File(["inte en arbetsbok"], "Trasig.xlsx");

/** Sammanställ as the pane runs it (the page's engine), with the delivered file kept. */
async function consolidateWorkbooks(
  units: readonly PickedFile[],
  options: Omit<ConsolidateRequest, "units">
) {
  const { operations, delivered } = recordingOperations(pageEngine);
  const outcome = await consolidateUnits(operations, { ...options, units });
  if ("refused" in outcome) return outcome;
  expect(delivered).toHaveLength(1);
  return { consolidation: outcome.consolidation, file: delivered[0] };
}

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

describe("Sammanställ three units, a lock file and a broken file", () => {
  let inputs: File[];
  let before: Uint8Array[];
  let consolidation: Consolidation;
  let file: { fileName: string; bytes: Uint8Array };
  let units: Analysis[];
  let nämnd: Analysis;
  const read: string[] = [];

  beforeAll(async () => {
    inputs = [...(await unitFiles()), LOCK, BROKEN];
    before = await Promise.all(inputs.map(bytesOf));
    const outcome = await consolidateWorkbooks(inputs, {
      organisation: "Socialnämnden",
      today: TODAY,
      onFile: (index, name) => read.push(`${index}:${name}`),
    });
    if ("refused" in outcome) throw outcome.refused;
    ({ consolidation, file } = outcome);
    units = await Promise.all(
      inputs
        .slice(0, 3)
        .map(async (f) =>
          analyse(await readSnapshotFromBuffer(await bytesOf(f), f.name), { today: TODAY })
        )
    );
    nämnd = analyse(await readSnapshotFromBuffer(file.bytes, file.fileName), { today: TODAY });
  });

  it("reads every file, one after another, in the order given", () => {
    expect(read).toEqual(inputs.map((f, i) => `${i}:${f.name}`));
  });

  it("names the workbook after the nämnd, year and period", () => {
    expect(file.fileName).toBe("Socialnämnden 2024 T2 sammanställning.xlsx");
  });

  it("writes a valid template workbook whose every total is the sum of the units' totals", () => {
    expect(nämnd.model.template.version).toBe(LATEST_TEMPLATE.version);
    expect(nämnd.findings.filter((f) => f.severity === "fel")).toEqual([]);
    const sum = (of: (a: Analysis) => number | null) =>
      units.reduce((total, a) => total + (of(a) ?? 0), 0);
    let compared = 0;
    for (const key of LEDGER_AMOUNT_KEYS) {
      for (const table of ["incomeStatement", "operatingStatement"] as const) {
        const total = nämnd.rollup[table].total[key];
        if (units.every((a) => a.rollup[table].total[key] === null)) {
          expect(total).toBeNull();
          continue;
        }
        expect(total).toBeCloseTo(
          sum((a) => a.rollup[table].total[key]),
          9
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(6); // budget, forecast, actual in both tables
    expect(nämnd.rollup.incomeStatement.total.forecast).toBe(-1159);
    expect(nämnd.model.settings.values.organisation).toBe("Socialnämnden");
  });

  it("reports the lock file and the broken file with their reasons, on the result and the sheet", async () => {
    expect(consolidation.units.map((u) => u.file)).toEqual(UNITS.map((u) => u.file));
    expect(consolidation.unusable.map((u) => u.file)).toEqual(["~$IFO.xlsx", "Trasig.xlsx"]);
    expect(consolidation.unusable[0].reason).toMatch(/^Excels låsfil/);
    expect(consolidation.unusable[1].reason).toContain("Trasig.xlsx är ingen Excel-arbetsbok");

    const rows = await sheetRows(file.bytes, "Sammanställning");
    const byFile = new Map(rows.map((r) => [r[0], r]));
    expect(byFile.get("Äldreomsorg.xlsx")?.slice(1, 4)).toEqual(["Äldreomsorg", "ÄO", "Ja"]);
    expect(byFile.get("Funktionsstöd.xlsx")?.[3]).toBe("Nej");
    expect(String(byFile.get("~$IFO.xlsx")?.[1])).toMatch(/^Excels låsfil/);
    expect(String(byFile.get("Trasig.xlsx")?.[1])).toContain("är ingen Excel-arbetsbok");
  });

  it("leaves the picked files' bytes as they were", async () => {
    const after = await Promise.all(inputs.map(bytesOf));
    expect(after.map((b, i) => Buffer.from(b).equals(Buffer.from(before[i])))).toEqual(
      inputs.map(() => true)
    );
  });
});

it("refuses a fourth file of another Period, naming it, and still lists the unusable files", async () => {
  const t1 = new File(
    [
      await templateBytes({
        ...UNITS[0].content,
        settings: {
          ...UNITS[0].content.settings,
          period: "T1",
          reportingUnit: "Stab",
          unitCode: "ST",
        },
      }),
    ],
    "Stab T1.xlsx"
  );
  const outcome = await consolidateWorkbooks([...(await unitFiles()), BROKEN, t1], {
    today: TODAY,
  });
  if (!("refused" in outcome)) throw new Error("expected a refusal");
  expect(outcome.refused.message).toMatch(
    /^Stab T1\.xlsx har Period T1, men Äldreomsorg\.xlsx har T2\./
  );
  expect(outcome.unusable.map((u) => u.file)).toEqual(["Trasig.xlsx"]);
});

it("says which picked file could no longer be read, and does not drop it", async () => {
  const [first, ...rest] = await unitFiles();
  const gone = {
    name: "Borta.xlsx",
    size: 100,
    arrayBuffer: () => Promise.reject(new DOMException("changed", "NotReadableError")),
  };
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const outcome = await consolidateWorkbooks([first, gone, ...rest], { today: TODAY });
  if ("refused" in outcome) throw outcome.refused;
  expect(outcome.consolidation.unusable).toEqual([
    {
      file: "Borta.xlsx",
      reason:
        "Borta.xlsx kunde inte läsas. Har filen ändrats, flyttats eller tagits bort sedan du " +
        "valde den? Välj arbetsböckerna igen.",
    },
  ]);
  expect(outcome.consolidation.units).toHaveLength(3);
});

describe("Sammanställ with Inställningar from a chosen workbook", () => {
  it("takes the thresholds from it and names it on Sammanställning", async () => {
    const chosen = new File(
      [
        await templateBytes({
          settings: { ...UNITS[1].content.settings, materialAmount: 5, materialPercent: 3 },
        }),
      ],
      "Nämndens gränser.xlsx"
    );
    const outcome = await consolidateWorkbooks(await unitFiles(), {
      today: TODAY,
      settings: chosen,
    });
    if ("refused" in outcome) throw outcome.refused;
    expect(outcome.consolidation.settingsFile).toBe("Nämndens gränser.xlsx");
    const nämnd = analyse(await readSnapshotFromBuffer(outcome.file.bytes, "nämnd.xlsx"), {
      today: TODAY,
    });
    expect(nämnd.model.settings.values.materialAmount).toBe(5);
    expect(nämnd.model.settings.values.materialPercent).toBe(3);
    const text = (await sheetRows(outcome.file.bytes, "Sammanställning")).flat().map(String);
    expect(text.join(" ")).toContain(
      "Gränserna för väsentlig avvikelse och bedömningen av intern kontroll kommer från " +
        "Nämndens gränser.xlsx."
    );
  });

  it("refuses a settings file that is no workbook, naming it, before reading the units", async () => {
    const read: string[] = [];
    const outcome = await consolidateWorkbooks(await unitFiles(), {
      today: TODAY,
      settings: new File(["inte en arbetsbok"], "Gränser.xlsx"),
      onFile: (_, name) => read.push(name),
    });
    if (!("refused" in outcome)) throw new Error("expected a refusal");
    expect(outcome.refused.message).toMatch(
      /^Inställningarna \(gränserna för väsentlig avvikelse och bedömningen av intern kontroll\) skulle komma från Gränser\.xlsx, men den kan inte användas: Gränser\.xlsx är ingen Excel-arbetsbok/
    );
    expect(outcome.refused.message).toMatch(
      /Välj en annan arbetsbok för inställningarna, eller ingen/
    );
    expect(read).toEqual([]);
  });
});

describe("each unit once in the page", () => {
  it("refuses the same bytes dropped twice under two names, naming both", async () => {
    const [first, ...rest] = await unitFiles();
    const again = new File([await first.arrayBuffer()], "äldreomsorg (1).xlsx");
    const outcome = await consolidateWorkbooks([first, ...rest, again], { today: TODAY });
    if (!("refused" in outcome)) throw new Error("expected a refusal");
    expect(outcome.refused.message).toMatch(
      /^äldreomsorg \(1\)\.xlsx och Äldreomsorg\.xlsx har samma innehåll, så det är samma enhet två gånger/
    );
  });

  it("refuses a consolidation dropped together with a unit it was made from", async () => {
    const units = await unitFiles();
    const first = await consolidateWorkbooks(units, { today: TODAY });
    if ("refused" in first) throw first.refused;
    const earlier = new File([first.file.bytes as Uint8Array<ArrayBuffer>], "nämnd.xlsx");
    const outcome = await consolidateWorkbooks([...units, earlier], { today: TODAY });
    if (!("refused" in outcome)) throw new Error("expected a refusal");
    expect(outcome.refused.message).toMatch(
      /^nämnd\.xlsx är en sammanställning som redan innehåller enheten "Äldreomsorg" \(från Äldreomsorg\.xlsx\), och Äldreomsorg\.xlsx är samma enhet/
    );
    // Alone, the earlier consolidation is a nämnd like any other: a kommunstyrelse may take it.
    const alone = await consolidateWorkbooks([earlier], { today: TODAY });
    if ("refused" in alone) throw alone.refused;
    expect(alone.consolidation.sources.map((s) => s.file)).toEqual([
      "nämnd.xlsx",
      ...UNITS.map((u) => u.file),
    ]);
  });
});

it("records its units in a well-formed part, whatever their file names, and reads them back", async () => {
  const hostile = 'R&D <"_xFFFE_"> \u0001 ÅÄÖ.xlsx';
  const [first, ...rest] = await unitFiles();
  const renamed = new File([await first.arrayBuffer()], hostile);
  const outcome = await consolidateWorkbooks([renamed, ...rest], { today: TODAY });
  if ("refused" in outcome) throw outcome.refused;
  expect(await malformedParts(outcome.file.bytes)).toEqual([]);
  const sources = await readSources(outcome.file.bytes);
  expect(sources.map((s) => s.file)).toEqual([hostile, ...rest.map((f) => f.name)]);
  expect(sources.map((s) => s.digest)).toEqual(outcome.consolidation.sources.map((s) => s.digest));
});
