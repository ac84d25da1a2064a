/**
 * Sammanställning through real workbooks: three units are written with buildWorkbook, read back
 * with exceljs, analysed and reduced; their consolidation is written, read back and analysed.
 */
import { consolidate, type Consolidation } from "../../../src/core/consolidate/consolidate";
import { summarySheet } from "../../../src/core/consolidate/summarySheet";
import { layoutSheet } from "../../../src/core/layout/layout";
import { consolidationTotals, sourcesText } from "../../../src/core/consolidate/summaryText";
import { ConsolidationRefusedError } from "../../../src/core/consolidate/refusal";
import { derivedCode, unitCodes } from "../../../src/core/consolidate/unitCode";
import { reduceUnit, type UnitReport } from "../../../src/core/consolidate/unitReport";
import { analyse, generateReport, type Analysis } from "../../../src/core/pipeline";
import { LEDGER_AMOUNT_KEYS } from "../../../src/core/rollup/ledger";
import type { RowSpec, WorkbookContent } from "../../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import { enteredIn, TODAY, UNITS } from "./units";
import { reportSheets } from "../../../src/core/layout/layout";
import { writtenSnapshot } from "../../helpers/writtenSnapshot";

async function analysed(content: WorkbookContent, file: string): Promise<Analysis> {
  return analyse(await writtenSnapshot(content, file), { today: TODAY });
}

const withSettings = (content: WorkbookContent, settings: WorkbookContent["settings"]) => ({
  ...content,
  settings: { ...content.settings, ...settings },
});

describe("consolidating three units", () => {
  let units: Analysis[];
  let reports: UnitReport[];
  let result: Consolidation;
  let nämnd: Analysis;

  beforeAll(async () => {
    units = await Promise.all(UNITS.map((u) => analysed(u.content, u.file)));
    reports = units.map(reduceUnit);
    result = consolidate(reports);
    nämnd = await analysed(result.content, "nämnd.xlsx");
  });

  it("gives every total the sum of the units' totals", () => {
    const sum = (of: (a: Analysis) => number | null) =>
      units.reduce((total, a) => total + (of(a) ?? 0), 0);
    for (const key of LEDGER_AMOUNT_KEYS) {
      const income = nämnd.rollup.incomeStatement.total[key];
      const operating = nämnd.rollup.operatingStatement.total[key];
      if (key === "budget" || key === "forecast" || key === "actual") {
        expect(income).toBeCloseTo(
          sum((a) => a.rollup.incomeStatement.total[key]),
          9
        );
        expect(operating).toBeCloseTo(
          sum((a) => a.rollup.operatingStatement.total[key]),
          9
        );
      } else {
        expect(income).toBeNull(); // no unit gave it
      }
    }
    const deviation = nämnd.rollup.incomeStatement.total.deviation;
    expect(deviation).toBeCloseTo(
      sum((a) => a.rollup.incomeStatement.total.deviation),
      9
    );
    expect(nämnd.rollup.investments.total.forecast).toBeCloseTo(
      sum((a) => a.rollup.investments.total.forecast),
      9
    );
    // The figures themselves: −632 − 190 − 305 and −651 − 193 − 315.
    expect(nämnd.rollup.incomeStatement.total.budget).toBe(-1127);
    expect(nämnd.rollup.incomeStatement.total.forecast).toBe(-1159);
  });

  it("sums Resultaträkning per Post, a Post missing in a unit counting as 0", () => {
    const posts = nämnd.model.incomeStatement.map((l) => [
      l.cells.post.value,
      l.cells.budget.value,
      l.cells.forecast.value,
    ]);
    expect(posts).toEqual([
      ["Verksamhetens intäkter", 98, 101],
      ["Personalkostnader", -1220, -1255],
      ["Avskrivningar", -5, -5],
    ]);
  });

  it("keeps Driftsredovisning per unit's verksamhet, the unit as Verksamhetsområde where none was given", () => {
    const lines = nämnd.model.operatingStatement.map((l) => [
      l.cells.activity.value,
      l.cells.area.value,
      l.cells.reportingUnit.value,
    ]);
    expect(lines).toEqual([
      ["Hemtjänst", "Äldreomsorg", "Äldreomsorg"],
      ["Särskilt boende", "Äldreomsorg", "Äldreomsorg"],
      ["Barn och unga", "Individ- och familjeomsorg", "Individ- och familjeomsorg"],
      ["Vuxna", "Individ- och familjeomsorg", "Individ- och familjeomsorg"],
      ["Daglig verksamhet", "Funktionsstöd", "Funktionsstöd"],
    ]);
  });

  it("makes IDs unique with the unit's code, and references still resolve", () => {
    const riskIds = nämnd.model.risks.map((r) => r.cells.id.value);
    expect(riskIds).toEqual(["ÄO-R1", "ÄO-R2", "IF-R1", "IF-R2", "FS-R1", "FS-R2"]);
    expect(nämnd.model.actions.map((a) => [a.cells.id.value, a.cells.riskId.value])).toEqual([
      ["ÄO-Å1", "ÄO-R1"],
      ["IF-Å1", "IF-R1"],
      ["FS-Å1", "FS-R1"],
    ]);
    for (const c of nämnd.model.controls) expect(riskIds).toContain(c.cells.riskId.value);
    const codes = new Set(nämnd.findings.map((f) => f.code));
    expect(codes.has("id-dubblett")).toBe(false);
    expect(codes.has("risk-id-okant")).toBe(false);
    expect(codes.has("hantera-utan-atgard")).toBe(false);
  });

  it("fills Rapporterande enhet on every row of every carried table", () => {
    for (const table of ["volumes", "investments", "risks", "actions", "controls"] as const) {
      const units = nämnd.model.tables[table].rows.map((r) => r.cells.reportingUnit?.value);
      expect(units).toEqual(
        ["Äldreomsorg", "Individ- och familjeomsorg", "Funktionsstöd"].flatMap((u) =>
          Array<string>(units.length / 3).fill(u)
        )
      );
    }
  });

  it("is a valid v2 workbook without fel; Inställningar from the first unit, not ready", () => {
    expect(nämnd.model.template.version).toBe(LATEST_TEMPLATE.version);
    expect(nämnd.findings.filter((f) => f.severity === "fel")).toEqual([]);
    const s = nämnd.model.settings.values;
    expect([s.organisation, s.year, s.period, s.unit]).toEqual([
      "Vård- och omsorgsnämnden",
      2024,
      "T2",
      "mnkr",
    ]);
    expect([s.materialAmount, s.materialPercent, s.assessment]).toEqual([100, 50, "Tillräcklig"]);
    expect([s.readyMark, s.reportingUnit, s.unitCode]).toEqual(["Nej", null, null]);
    expect(result.settingsFile).toBe("Äldreomsorg.xlsx");
  });

  it("summarises each unit: name, code, ready-mark, findings and totals", () => {
    expect(
      result.units.map((u) => [u.file, u.name, u.code, u.codeDerived, u.readyMark, u.budget])
    ).toEqual([
      ["Äldreomsorg.xlsx", "Äldreomsorg", "ÄO", false, "Ja", -632],
      ["IFO.xlsx", "Individ- och familjeomsorg", "IF", true, "Ja", -190],
      ["Funktionsstöd.xlsx", "Funktionsstöd", "FS", false, "Nej", -305],
    ]);
    // IFO is marked Ja without a date: its own varning, counted on its row.
    const ifo = units[1].findings.filter((f) => f.code === "klarmarkering-ofullstandig");
    expect(ifo).toHaveLength(1);
    expect(result.units[1].varning).toBe(
      units[1].findings.filter((f) => f.severity === "varning").length
    );
  });

  it("keeps a unit's own Rapporterande enhet on a row after the unit's name", () => {
    const [elderly, ...rest] = reports;
    const [first, second, ...others] = elderly.content.tables?.risks ?? [];
    const divided: UnitReport = {
      ...elderly,
      content: {
        ...elderly.content,
        tables: {
          ...elderly.content.tables,
          risks: [
            { ...first, reportingUnit: "Hemtjänst Nord" } as RowSpec,
            { ...second, reportingUnit: " äldreomsorg " } as RowSpec,
            ...others,
          ],
        },
      },
    };
    const risks = consolidate([divided, ...rest]).content.tables?.risks ?? [];
    expect(risks.slice(0, 2).map((r: RowSpec) => r.reportingUnit)).toEqual([
      "Äldreomsorg / Hemtjänst Nord",
      "Äldreomsorg",
    ]);
  });

  it("names a consolidated workbook without Rapporterande enhet by its Organisation, a unit's never", () => {
    const nämnd = (file: string, organisation: string): UnitReport => ({
      ...reports[0],
      file,
      organisation,
      reportingUnit: null,
      unitCode: null,
      consolidated: true,
      digest: `innehållet i ${file}`,
    });
    const over = consolidate([
      nämnd("SN.xlsx", "Socialnämnden"),
      nämnd("VON.xlsx", "Vård- och omsorgsnämnden"),
      { ...reports[1], reportingUnit: null, file: "Stab.xlsx", digest: "Stab" },
    ]);
    expect(over.units.map((u) => [u.name, u.nameFrom, u.code])).toEqual([
      ["Socialnämnden", "organisation", "SN"],
      ["Vård- och omsorgsnämnden", "organisation", "VON"],
      ["Stab", "file", "ST"],
    ]);
    expect(() =>
      consolidate([nämnd("SN.xlsx", "Socialnämnden"), nämnd("SN2.xlsx", " Socialnämnden")])
    ).toThrow(
      'SN2.xlsx och SN.xlsx är båda sammanställningar för Organisation "Socialnämnden" (utan ' +
        "Rapporterande enhet)."
    );
  });

  it("takes Organisation from the option and the settings from a settings workbook", () => {
    const settings = {
      materialAmount: 2,
      materialPercent: 4,
      reportingUnit: "VON",
      unitCode: "VO",
    };
    const given = consolidate(reports, {
      organisation: "Socialnämnden",
      settingsFrom: { file: "nämndens inställningar.xlsx", settings },
    });
    expect(given.content.settings).toMatchObject({ organisation: "Socialnämnden", ...settings });
    expect(given.settingsFile).toBe("nämndens inställningar.xlsx");
    expect(given.organisationGiven).toBe(true);
  });

  it("reports Rapport Ekonomi's budget, prognos and avvikelse per unit; a unit's own report has no such table", () => {
    const economy = (analysis: Analysis) => {
      const grid = reportSheets(generateReport(analysis).doc).find(
        (g) => g.name === "Rapport Ekonomi"
      );
      return (grid?.rows ?? []).map((r) =>
        r.map((c) => c?.value ?? null).filter((v) => v !== null)
      );
    };
    const rows = economy(nämnd);
    const at = rows.findIndex((r) => r[0] === "Per rapporterande enhet");
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at + 1, at + 6)).toEqual([
      [
        "Rapporterande enhet (mnkr)",
        "Utfall jan–aug 2024",
        "Budget 2024",
        "Prognos helår 2024",
        "Avvikelse prognos helår mot budget",
      ],
      ["Äldreomsorg", -219, -632, -651, -19],
      ["Individ- och familjeomsorg", -66, -190, -193, -3],
      ["Funktionsstöd", -102, -305, -315, -10],
      ["Totalt (mnkr)", -387, -1127, -1159, -32],
    ]);
    expect(economy(units[0]).some((r) => r[0] === "Per rapporterande enhet")).toBe(false);
  });

  it("refuses a fourth file of another Period, naming it", async () => {
    const t1 = reduceUnit(
      await analysed(
        withSettings(UNITS[0].content, { period: "T1", reportingUnit: "Stab", unitCode: "ST" }),
        "Stab T1.xlsx"
      )
    );
    const refused = () => consolidate([...reports, t1]);
    expect(refused).toThrow(ConsolidationRefusedError);
    expect(refused).toThrow(/^Stab T1\.xlsx har Period T1, men Äldreomsorg\.xlsx har T2\./);
    // Relabelling a T1 as T2 would falsify it: the advice is to choose other workbooks.
    expect(refused).toThrow(
      / Välj arbetsböcker från samma period och mallversion, eller lämna Stab T1\.xlsx utanför sammanställningen\.$/
    );
    expect(refused).not.toThrow(/Rätta/);
  });

  it("refuses two files of the same Rapporterande enhet, and two of the same Enhetskod", () => {
    // Changed since copied (another digest): the same unit by its Rapporterande enhet.
    const copy = { ...reports[0], file: "Kopia.xlsx", unitCode: "ÄK", digest: "ändrad" };
    expect(() => consolidate([...reports, copy])).toThrow(
      /^Kopia\.xlsx och Äldreomsorg\.xlsx har båda Rapporterande enhet "Äldreomsorg"/
    );
    const sameCode = { ...reports[2], file: "FS2.xlsx", reportingUnit: "Stöd", digest: "FS2" };
    expect(() => consolidate([...reports, sameCode])).toThrow(/har båda Enhetskod "FS"/);
  });

  it("refuses when År or Mallversion differ too", () => {
    for (const [change, label] of [
      [{ year: 2023 }, "År"],
      [{ version: 1 }, "Mallversion"],
    ] as const) {
      const other = {
        ...reports[2],
        ...change,
        file: "Annan.xlsx",
        reportingUnit: "Annan",
        unitCode: "AN",
      };
      expect(() => consolidate([...reports, other])).toThrow(
        new RegExp(`^Annan\\.xlsx har ${label} `)
      );
    }
  });
});

describe("unit codes", () => {
  it.each([
    ["Individ- och familjeomsorg", "IF"],
    ["Äldreomsorgen", "ÄL"],
    ["Stöd och service", "SS"],
    ["Kultur, fritid och idrott", "KFI"],
    ["Socialnämnden", "SN"],
    ["Vård- och omsorgsnämnden", "VON"],
    ["Barn- och utbildningsnämnd", "BUN"],
    ["Kommunstyrelsen", "KS"],
    ["Nämnden", "NÄ"],
  ])("derives %s → %s", (name, code) => expect(derivedCode(name)).toBe(code));

  it("numbers a derived code another unit has, and leaves given codes alone", () => {
    expect(
      unitCodes([
        { name: "Stöd och service", given: null },
        { name: "Skola", given: "SS" },
        { name: "Särskilt stöd", given: null },
      ])
    ).toEqual([
      { code: "SS2", derived: true },
      { code: "SS", derived: false },
      { code: "SS3", derived: true },
    ]);
  });
});

describe("the Sammanställning sheet", () => {
  it("has a row per unit with its totals, a sum row, and a row per unusable file with its reason", async () => {
    const units = await Promise.all(UNITS.map((u) => analysed(u.content, u.file)));
    const result = consolidate(units.map(reduceUnit), {
      unusable: [{ file: "~$Äldreomsorg.xlsx", reason: "Excels låsfil för en öppen arbetsbok." }],
    });
    const grid = layoutSheet(summarySheet(result));
    const rows = grid.rows.map((r) => r.map((c) => c?.value ?? null));
    const row = (first: string) => rows.find((r) => r[0] === first) ?? [];
    expect(grid.name).toBe("Sammanställning");
    expect(row("Äldreomsorg.xlsx").slice(0, 11)).toEqual([
      "Äldreomsorg.xlsx",
      "Äldreomsorg",
      "ÄO",
      "Ja",
      "Eva Ekonom",
      "2024-09-12",
      0,
      1, // Klarmarkerad Ja typed by hand on a v3 workbook: klarmarkering-utan-kontrollsumma
      -632,
      -651,
      -19,
    ]);
    expect(row("Funktionsstöd.xlsx")[11]).toContain("Inte klarmarkerad.");
    expect(row("IFO.xlsx")[11]).toContain("koden IF är härledd ur namnet");
    expect(row("Summa").slice(8, 11)).toEqual([-1127, -1159, -32]);
    expect(row("~$Äldreomsorg.xlsx")[1]).toBe("Excels låsfil för en öppen arbetsbok.");
    const text = rows.flat().filter((v): v is string => typeof v === "string");
    expect(text).toContain(
      "Tre enheter är sammanställda, två av dem klarmarkerade. En fil kunde inte användas " +
        "(se tabellen nedan); deras siffror ingår inte."
    );
    expect(text.some((t) => t.includes("kommer från Äldreomsorg.xlsx"))).toBe(true);
  });
  it("at Helår shows each unit's outcome, not a forecast, with the avvikelse from it", async () => {
    const helår = await Promise.all(
      UNITS.map((u) => analysed(withSettings(u.content, { period: "Helår" }), u.file))
    );
    const result = consolidate(helår.map(reduceUnit));
    const grid = layoutSheet(summarySheet(result));
    const rows = grid.rows.map((r) => r.map((c) => c?.value ?? null));
    expect(rows.flat()).toContain("Utfall helår (mnkr)");
    expect(rows.flat()).not.toContain("Prognos helår (mnkr)");
    const total = (a: Analysis) => a.rollup.incomeStatement.total;
    const first = rows.find((r) => r[0] === "Äldreomsorg.xlsx") ?? [];
    expect(first.slice(8, 11)).toEqual([
      total(helår[0]).budget,
      total(helår[0]).actual,
      (total(helår[0]).actual ?? NaN) - (total(helår[0]).budget ?? NaN),
    ]);
    expect(total(helår[0]).actual).not.toBe(total(helår[0]).forecast);
  });
});

describe("consolidating units entered in different Enhet", () => {
  let same: Consolidation;
  let mixed: Consolidation;
  let mixedReports: UnitReport[];

  beforeAll(async () => {
    const reportsOf = (contents: readonly WorkbookContent[]) =>
      Promise.all(contents.map((c, i) => analysed(c, UNITS[i].file))).then((a) =>
        a.map(reduceUnit)
      );
    const [elderly, family, disability] = UNITS.map((u) => u.content);
    same = consolidate(await reportsOf([elderly, family, disability]));
    mixedReports = await reportsOf([
      elderly,
      enteredIn(family, "tkr", 1_000),
      enteredIn(disability, "kr", 1_000_000),
    ]);
    mixed = consolidate(mixedReports);
  });

  it("converts every amount to the first file's Enhet, the same sums as if all were in it", async () => {
    expect(mixed.unit).toBe("mnkr");
    expect(mixed.content.settings?.unit).toBe("mnkr");
    const [sameNämnd, mixedNämnd] = await Promise.all([
      analysed(same.content, "nämnd.xlsx"),
      analysed(mixed.content, "nämnd.xlsx"),
    ]);
    for (const key of LEDGER_AMOUNT_KEYS) {
      for (const ledger of ["incomeStatement", "operatingStatement"] as const) {
        const want = sameNämnd.rollup[ledger].total[key];
        const got = mixedNämnd.rollup[ledger].total[key];
        if (want === null) expect(got).toBeNull();
        else expect(got).toBeCloseTo(want, 9);
      }
    }
    expect(mixedNämnd.rollup.investments.total.budget).toBeCloseTo(
      sameNämnd.rollup.investments.total.budget ?? NaN,
      9
    );
    mixed.units.forEach((u, i) => expect(u.budget).toBeCloseTo(same.units[i].budget ?? NaN, 9));
    expect(mixedNämnd.findings.map((f) => f.code)).toEqual(sameNämnd.findings.map((f) => f.code));
  });

  it("says which units were converted, on the sheet and in the totals' sentence", () => {
    expect(mixed.units.map((u) => u.convertedFrom)).toEqual([null, "tkr", "kr"]);
    const sentence =
      "Beloppen från IFO.xlsx (tkr) och Funktionsstöd.xlsx (kr) är omräknade till mnkr, " +
      "Enhet i Äldreomsorg.xlsx.";
    expect(consolidationTotals(mixed)).toContain(sentence);
    expect(consolidationTotals(same)).not.toContain("omräknade");
    const texts = summarySheet(mixed).blocks.flatMap((b) =>
      b.kind === "paragraph"
        ? [b.text]
        : b.kind === "table"
          ? b.rows.flatMap((r) =>
              r.kind === "group" ? [r.text] : r.cells.map((c) => String(c.value))
            )
          : []
    );
    expect(texts.some((t) => t.includes(sentence))).toBe(true);
    expect(texts.some((t) => t.includes("Enhet tkr omräknad till mnkr."))).toBe(true);
  });

  it("converts to the settings workbook's Enhet when it names one, thresholds and all", async () => {
    const settings = enteredIn(UNITS[1].content, "tkr", 1_000).settings ?? {};
    const inTkr = consolidate(mixedReports, { settingsFrom: { file: "nämnd.xlsx", settings } });
    expect(inTkr.unit).toBe("tkr");
    expect(inTkr.units.map((u) => u.convertedFrom)).toEqual(["mnkr", null, "kr"]);
    expect(inTkr.content.settings?.materialAmount).toBe(100_000);
    inTkr.units.forEach((u, i) =>
      expect(u.budget).toBeCloseTo((same.units[i].budget ?? NaN) * 1_000, 6)
    );
    const table = summarySheet(inTkr).blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" && table.columns.map((c) => c.format)).toContain("wholeAmount");
  });

  it("carries Rapportenhet from the first file, or from the settings workbook, and says so", () => {
    const [first, ...rest] = mixedReports;
    expect(first.content.settings?.reportUnit ?? null).toBeNull();
    expect(mixed.content.settings?.reportUnit).toBeNull();
    const firstInTkr = { ...first, content: withSettings(first.content, { reportUnit: "tkr" }) };
    const fromFirst = consolidate([firstInTkr, ...rest]);
    expect(fromFirst.content.settings?.reportUnit).toBe("tkr");
    expect(sourcesText(fromFirst)).toContain("Rapportenhet tkr kommer från Äldreomsorg.xlsx.");
    const settings = { ...UNITS[1].content.settings, reportUnit: "mnkr", unit: "kr" };
    const fromSettings = consolidate([firstInTkr, ...rest], {
      settingsFrom: { file: "nämnd.xlsx", settings },
    });
    expect(fromSettings.unit).toBe("kr");
    expect(fromSettings.content.settings?.reportUnit).toBe("mnkr");
    expect(sourcesText(fromSettings)).toContain("Rapportenhet mnkr kommer från nämnd.xlsx.");
  });
});
