/**
 * What the report says changed since the last period, through real roll-forwards: a small
 * nämnd's T1 is written, read back with exceljs, rolled to T2, filled (a status changed, a risk
 * and an åtgärd added, a risk re-rated) and rolled on to Helår and to T1 of the next year. Rapport
 * Riskbild marks the changes and counts them; Rapport Internkontroll groups the kontroller by
 * when they were reported. A first T1 and a version-1 workbook look as they always have.
 */
import { rollForward } from "../../../src/core/cycle/nextPeriod";
import type { Model } from "../../../src/core/model";
import { parseModel } from "../../../src/core/parse/parseModel";
import { analyse, generateReport } from "../../../src/core/pipeline";
import { reportSheets } from "../../../src/core/layout/layout";
import { plainText } from "../../../src/core/report/plainText";
import type { Block, Cell, ReportSheet } from "../../../src/core/report/reportDoc";
import { sinceLastPeriod } from "../../../src/core/report/sinceLastPeriod";
import type { RowOf, WorkbookContent } from "../../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import { TEMPLATE_V1 } from "../../../src/core/template/v1";
import type { TemplateDefinition } from "../../../src/core/template/definition";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../../src/xlsx/template/saveWorkbook";
import { filled, HELAR_FILLING, T1_2024, T2_FILLING } from "../cycle/yearContent";

async function written(
  content: WorkbookContent,
  template: TemplateDefinition = LATEST_TEMPLATE
): Promise<{ model: Model; bytes: Uint8Array }> {
  const bytes = await workbookBytes(buildWorkbook(template, content));
  const snapshot = await readSnapshotFromBuffer(bytes, "arbetsbok.xlsx");
  return { model: parseModel(snapshot), bytes };
}

const TODAY = new Date(Date.UTC(2025, 0, 15));

async function reportOf(content: WorkbookContent, template?: TemplateDefinition) {
  const { bytes } = await written(content, template);
  return generateReport(
    analyse(await readSnapshotFromBuffer(bytes, "arbetsbok.xlsx"), { today: TODAY })
  );
}

const sheet = (doc: { sheets: readonly ReportSheet[] }, name: string) =>
  doc.sheets.find((s) => s.name === name)!;

const paragraphsOf = (s: ReportSheet) =>
  s.blocks.flatMap((b) => (b.kind === "paragraph" && !b.style ? [b.text] : []));

const headingsOf = (s: ReportSheet) =>
  s.blocks.flatMap((b) => (b.kind === "heading" ? [b.text] : []));

/** The first column of every åtgärd table row, in order (the status cells). */
const statusCells = (s: ReportSheet): Cell[] =>
  s.blocks.flatMap((b) =>
    b.kind === "table" && b.columns[0].header === "Åtgärdens status"
      ? b.rows.flatMap((r) => (r.kind === "group" ? [] : [r.cells[0]]))
      : []
  );

/** Every detail grid row of a risk, as label → cell. */
const riskDetails = (s: ReportSheet, heading: string): Map<string, Cell> => {
  const i = s.blocks.findIndex((b) => b.kind === "heading" && b.text.startsWith(heading));
  const grid = s.blocks[i + 1] as Extract<Block, { kind: "grid" }>;
  return new Map(grid.rows.map((r) => [String(r[0].value), r[1]]));
};

/** Kontroll tables under their headings: heading → [Kontroll, Resultat] per row. */
const controlGroups = (s: ReportSheet): Record<string, (string | number | null)[][]> => {
  const groups: Record<string, (string | number | null)[][]> = {};
  let heading = "";
  for (const b of s.blocks) {
    if (b.kind === "heading") heading = b.text;
    if (b.kind === "table" && b.columns[0].header === "Risk")
      groups[heading] = b.rows.flatMap((r) =>
        r.kind === "group" ? [] : [[r.cells[1].value, r.cells[2].value]]
      );
  }
  return groups;
};

/** T2 as the ekonom fills it: T2_FILLING, plus a risk and an åtgärd identified, R1 re-rated. */
function t2Filled(rolled: WorkbookContent): WorkbookContent {
  const content = filled(rolled, T2_FILLING);
  const tables = content.tables!;
  const r3: RowOf<"risks"> = {
    id: "R3",
    title: "Hot och våld",
    likelihood: 2,
    impact: 3,
    treatment: "Hantera",
  };
  const a4: RowOf<"actions"> = {
    id: "Å4",
    riskId: "R3",
    text: "Utbildning i konflikthantering",
    status: "Ej påbörjad",
    endDate: new Date(Date.UTC(2024, 11, 31)),
  };
  return {
    ...content,
    tables: {
      ...tables,
      risks: [...tables.risks!.map((r) => (r.id === "R1" ? { ...r, likelihood: 4 } : r)), r3],
      actions: [...tables.actions!, a4],
    },
  };
}

describe("changes since the last period, T1 → T2 → Helår → T1 of the next year", () => {
  let t2: WorkbookContent;
  let helar: WorkbookContent;
  let next: WorkbookContent;

  beforeAll(async () => {
    t2 = t2Filled(rollForward((await written(T1_2024)).model).content);
    helar = filled(rollForward((await written(t2)).model).content, HELAR_FILLING);
    next = rollForward((await written(helar)).model).content;
  });

  it("leaves a first T1 and a version-1 workbook as they were", async () => {
    expect(sinceLastPeriod((await written(T1_2024)).model)).toBeNull();
    for (const [content, template, asked] of [
      // No bedömning is asked at T1, so an empty one is left out rather than reported missing.
      [T1_2024, LATEST_TEMPLATE, []],
      [
        { ...T1_2024, settings: { ...T1_2024.settings, period: "T2" } },
        TEMPLATE_V1,
        ["Bedömning av intern kontroll"],
      ],
    ] as const) {
      const { doc } = await reportOf(content, template);
      const text = plainText(doc);
      expect(text).not.toMatch(/sedan T|Rapporterade/);
      expect(headingsOf(sheet(doc, "Rapport Internkontroll"))).toEqual([
        ...asked,
        "Resultat av kontrollerna",
        "Kontroller per process",
      ]);
    }
  });

  it("a first T1: a kontroll due at T2 is planned, not missing its result", async () => {
    const { doc } = await reportOf(T1_2024);
    const control = sheet(doc, "Rapport Internkontroll");
    expect(paragraphsOf(control)).toContain(
      "Internkontrollplanen innehåller tre kontroller. En har genomförts utan avvikelse, en har " +
        "genomförts med mindre avvikelse och en är planerad senare under året."
    );
    expect(plainText(doc)).toContain("Beslut enligt delegation | Planerad till T2");
    expect(plainText(doc)).not.toMatch(/saknar resultat|Bedömningen är inte ifylld/);
  });

  it("names the control table after its grouping: by process only when there is one", async () => {
    const noProcess = {
      ...T1_2024,
      tables: {
        ...T1_2024.tables,
        controls: T1_2024.tables!.controls!.map((c) => ({ ...c, process: null })),
      },
    };
    const control = sheet((await reportOf(noProcess)).doc, "Rapport Internkontroll");
    expect(headingsOf(control)).toEqual(["Resultat av kontrollerna", "Kontroller"]);
  });

  it("T2: marks the åtgärd whose status changed, the new risk and åtgärd, and the new riskvärde", async () => {
    const risk = sheet((await reportOf(t2)).doc, "Rapport Riskbild");
    expect(statusCells(risk).map((c) => c.value)).toEqual([
      "► Pågående", // Å1, unchanged
      "● Avslutad", // Å2, Avslutad in T1 too
      "□ Avbruten\nÄndrad sedan T1:\nPågående → Avbruten",
      "○ Ej påbörjad\nNy sedan T1",
    ]);
    expect(riskDetails(risk, "R3").get("Förändring")).toEqual({
      value: "Ny risk sedan T1",
      emphasis: "change",
    });
    expect(riskDetails(risk, "R1").get("Riskvärde")).toEqual({
      value: "12 (sannolikhet 4 × konsekvens 3)\nÄndrat sedan T1: 9 → 12",
      emphasis: "change",
    });
    expect(riskDetails(risk, "R2").has("Förändring")).toBe(false);
    expect(riskDetails(risk, "R2").get("Riskvärde")?.emphasis).toBeUndefined();
    expect(paragraphsOf(risk)).toContain(
      "Sedan T1 har en risk och en åtgärd tillkommit, en åtgärd bytt status och en risk fått ändrat riskvärde."
    );
  });

  it("T2: separates the kontroll reported in T1 from those reported now", async () => {
    const control = sheet((await reportOf(t2)).doc, "Rapport Internkontroll");
    expect(controlGroups(control)).toEqual({
      // K2 is Löpande: its T1 result went to Historik, and T2's is not reported yet.
      "Rapporterade i T2 2024": [
        ["Avstämning av lönelistor", "– Resultat saknas"],
        ["Beslut enligt delegation", "● Kontroll genomförd utan avvikelse"],
      ],
      "Rapporterade tidigare under året": [
        ["Stickprov av fakturor", "● Kontroll genomförd utan avvikelse\nRapporterad i T1"],
      ],
    });
    expect(paragraphsOf(control)).toContain(
      // The sentence counts the table's two rows, the one without a result too.
      "Två kontroller ska rapporteras i T2 2024 (en saknar resultat) och en rapporterades " +
        "tidigare under året."
    );
  });

  it("Helår: nothing new in the risk picture, and each kontroll under the period it was reported in", async () => {
    const { doc } = await reportOf(helar);
    const risk = sheet(doc, "Rapport Riskbild");
    expect(statusCells(risk).every((c) => !String(c.value).includes("sedan"))).toBe(true);
    expect(paragraphsOf(risk)).toContain(
      "Sedan T2 har inga risker eller åtgärder tillkommit och ingen åtgärd har bytt status."
    );
    const control = sheet(doc, "Rapport Internkontroll");
    expect(controlGroups(control)).toEqual({
      "Rapporterade vid helår 2024": [["Avstämning av lönelistor", "– Resultat saknas"]],
      "Rapporterade tidigare under året": [
        ["Stickprov av fakturor", "● Kontroll genomförd utan avvikelse\nRapporterad i T1"],
        ["Beslut enligt delegation", "● Kontroll genomförd utan avvikelse\nRapporterad i T2"],
      ],
    });
  });

  it("T1 of the next year: compares with Helår of the year before", async () => {
    const since = sinceLastPeriod((await written(next)).model);
    expect(since?.label).toBe("Helår 2024");
    const risk = sheet((await reportOf(next)).doc, "Rapport Riskbild");
    // Å2 (Avslutad) and Å3 (Avbruten) are left behind at the year end; Å1 and Å4 carry on,
    // unchanged, and late: their Slutdatum was 2024-12-31.
    expect(statusCells(risk).map((c) => c.value)).toEqual([
      "► Pågående\nFörsenad",
      "○ Ej påbörjad\nFörsenad",
    ]);
    expect(paragraphsOf(risk)).toContain(
      "Sedan Helår 2024 har inga risker eller åtgärder tillkommit och ingen åtgärd har bytt status."
    );
  });

  it("plans a kontroll for a later period apart from one missing its result", async () => {
    const planned = filled(next, {
      income: {},
      operating: {},
      investments: {},
      controls: {
        K1: { result: "Kontroll genomförd utan avvikelse" },
        K2: { result: "Kontroll genomförd utan avvikelse" },
      },
    });
    const control = sheet((await reportOf(planned)).doc, "Rapport Internkontroll");
    expect(controlGroups(control)).toEqual({
      "Rapporterade i T1 2025": [
        ["Stickprov av fakturor", "● Kontroll genomförd utan avvikelse"],
        ["Avstämning av lönelistor", "● Kontroll genomförd utan avvikelse"],
      ],
      "Planerade senare under året": [["Beslut enligt delegation", "Planerad till T2"]],
    });
    expect(paragraphsOf(control)).toEqual([
      "Internkontrollplanen innehåller tre kontroller. Två har genomförts utan avvikelse och en är planerad senare under året.",
      "Två kontroller har rapporterats i T1 2025 och en är planerad senare under året.",
    ]);
  });

  it("records a kontroll's result anew each year, so T2 sees it was reported in T1", async () => {
    // K1's T1 2025 result equals the one Historik holds from 2024.
    const t1Next = filled(next, {
      income: {},
      operating: {},
      investments: {},
      controls: { K1: { result: "Kontroll genomförd utan avvikelse" } },
    });
    const t2Next = rollForward((await written(t1Next)).model).content;
    const control = sheet((await reportOf(t2Next)).doc, "Rapport Internkontroll");
    expect(controlGroups(control)["Rapporterade tidigare under året"]).toEqual([
      ["Stickprov av fakturor", "● Kontroll genomförd utan avvikelse\nRapporterad i T1"],
    ]);
  });

  it("styles the marks for print: the change style on worksheets, the status cell's own", async () => {
    const grids = reportSheets((await reportOf(t2)).doc);
    const risk = grids.find((g) => g.name === "Rapport Riskbild")!;
    const cells = risk.rows.flat().filter((c) => c !== null);
    expect(cells.find((c) => c.value === "Ny risk sedan T1")?.style).toBe("change");
    expect(
      cells.find((c) => String(c.value).startsWith("□ Avbruten\nÄndrad sedan T1"))?.style
    ).toBe("status.avbruten");
  });
});
