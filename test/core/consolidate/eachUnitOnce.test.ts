/**
 * Sammanställ counts each unit once and keeps what it carries readable: the same content twice is
 * refused naming both files, a consolidation with a unit it was made from is refused, prefixed
 * IDs stay unique, a date in an amount cell stays a fel instead of becoming an amount, and no
 * table over the read cap is written. Units are real workbooks, written and read back.
 */
import { createHash } from "node:crypto";
import { consolidate } from "../../../src/core/consolidate/consolidate";
import { contentDigest, sha256Hex } from "../../../src/core/contentDigest";
import { sourcesText } from "../../../src/core/consolidate/summaryText";
import { reduceUnit, type UnitReport } from "../../../src/core/consolidate/unitReport";
import { MAX_TABLE_ROWS } from "../../../src/core/limits";
import { analyse, type Analysis } from "../../../src/core/pipeline";
import type { WorkbookContent } from "../../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../../src/xlsx/template/workbookBytes";
import { headerAddress } from "../../cli/workbookCells";
import { DISABILITY, ELDERLY, FAMILY, TODAY, UNITS } from "./units";

const analysedBytes = async (bytes: Uint8Array, file: string): Promise<Analysis> =>
  analyse(await readSnapshotFromBuffer(bytes, file), { today: TODAY });

const unitBytes = (content: WorkbookContent) =>
  workbookBytes(buildWorkbook(LATEST_TEMPLATE, content));

const reported = async (content: WorkbookContent, file: string): Promise<UnitReport> =>
  reduceUnit(await analysedBytes(await unitBytes(content), file));

const withSettings = (content: WorkbookContent, settings: WorkbookContent["settings"]) => ({
  ...content,
  settings: { ...content.settings, ...settings },
});

describe("the content digest", () => {
  it("is SHA-256: Node's own for every padding edge and for multi-byte text", () => {
    for (const text of [
      "",
      "abc",
      "å".repeat(27),
      ...[55, 56, 63, 64, 65, 1000].map((n) => "a".repeat(n)),
    ]) {
      const bytes = new TextEncoder().encode(text);
      expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("tells a number from its text, a date from its ISO text, and an error from its text", () => {
    const of = (value: unknown) =>
      contentDigest({ tables: { volumes: [{ activity: "A", budgetVolume: value as number }] } });
    const date = new Date(86_400_000);
    const values = [1, "1", date, date.toISOString(), { error: "#REF!" }, "#REF!", true, null];
    expect(new Set(values.map(of)).size).toBe(values.length);
  });

  it("is the same for the same unit under another name and in another package", async () => {
    const bytes = await unitBytes(ELDERLY);
    const a = await reported(ELDERLY, "Äldreomsorg.xlsx");
    const b = reduceUnit(await analysedBytes(bytes, "ÄLDREOMSORG kopia.XLSX"));
    expect(b.digest).toBe(a.digest);
    expect((await reported(FAMILY, "IFO.xlsx")).digest).not.toBe(a.digest);
  });
});

describe("each unit once", () => {
  let reports: UnitReport[];
  beforeAll(async () => {
    reports = await Promise.all(UNITS.map((u) => reported(u.content, u.file)));
  });

  it("refuses the same content under two names, naming both files", async () => {
    // Without Rapporterande enhet each is named by its file, so only the content tells them apart.
    const anonymous = withSettings(DISABILITY, { reportingUnit: null, unitCode: null });
    const one = await reported(anonymous, "Funktionsstöd.xlsx");
    const two = await reported(anonymous, "funktionsstöd (2).xlsx");
    expect(() => consolidate([reports[0], one, two])).toThrow(
      /^funktionsstöd \(2\)\.xlsx och Funktionsstöd\.xlsx har samma innehåll, så det är samma enhet två gånger/
    );
  });

  it("refuses a consolidation given with a unit it was made from, by content or by name", () => {
    const first = consolidate(reports);
    const nämnd: UnitReport = {
      ...reports[0],
      file: "nämnd.xlsx",
      consolidated: true,
      reportingUnit: null,
      organisation: "Vård- och omsorgsnämnden",
      digest: "nämndens innehåll",
      madeFrom: first.sources,
    };
    expect(() => consolidate([...reports, nämnd])).toThrow(
      /^nämnd\.xlsx är en sammanställning som redan innehåller enheten "Äldreomsorg" \(från Äldreomsorg\.xlsx\), och Äldreomsorg\.xlsx är samma enhet/
    );
    // Corrected since (another digest), the unit is still the same by name within its Organisation.
    const corrected = { ...reports[1], file: "IFO rättad.xlsx", digest: "rättad" };
    expect(() => consolidate([corrected, nämnd])).toThrow(
      /innehåller enheten "Individ- och familjeomsorg" \(från IFO\.xlsx\), och IFO rättad\.xlsx är samma enhet/
    );
    // A unit of the same name in another Organisation (a kommunstyrelse's own Stab) is another unit.
    const other = { ...corrected, organisation: "Kommunstyrelsen", unitCode: "KIF" };
    expect(consolidate([other, nämnd]).units.map((u) => u.file)).toEqual([
      "IFO rättad.xlsx",
      "nämnd.xlsx",
    ]);
  });

  it("records every unit, and the units of the consolidations among them", () => {
    const first = consolidate(reports);
    expect(first.sources.map((s) => [s.file, s.name, s.digest])).toEqual(
      reports.map((r) => [r.file, r.reportingUnit, r.digest])
    );
    const nämnd = { ...reports[0], file: "SN.xlsx", consolidated: true, madeFrom: first.sources };
    const over = consolidate([{ ...nämnd, reportingUnit: "SN", unitCode: "SN", digest: "sn" }]);
    expect(over.sources.map((s) => s.file)).toEqual(["SN.xlsx", ...reports.map((r) => r.file)]);
    expect(sourcesText(first)).toContain("Arbetsboken antecknar vilka enheter den är gjord av");
  });

  it("refuses IDs that collide once prefixed, naming both files", () => {
    const sn = {
      ...reports[0],
      file: "SN.xlsx",
      unitCode: "SN",
      content: {
        ...reports[0].content,
        tables: { ...reports[0].content.tables, risks: [{ id: "ÄO-R1", title: "A" }] },
      },
    };
    const snäo = {
      ...reports[1],
      file: "SN-ÄO.xlsx",
      unitCode: "SN-ÄO",
      content: {
        ...reports[1].content,
        tables: { ...reports[1].content.tables, risks: [{ id: "R1", title: "B" }] },
      },
    };
    expect(() => consolidate([sn, snäo])).toThrow(
      "Risk-ID SN-ÄO-R1 på bladet Risker skulle finnas två gånger när enhetens kod sätts först: " +
        "SN.xlsx (Enhetskod SN, Risk-ID ÄO-R1) och SN-ÄO.xlsx (Enhetskod SN-ÄO, Risk-ID R1)."
    );
  });

  it("refuses a table over the read cap before anything is written, naming table, count and cap", () => {
    const actions = Array.from({ length: 9_000 }, (_, i) => ({ id: `Å${i + 1}`, text: "Gör" }));
    const six = Array.from({ length: 6 }, (_, i) => ({
      ...reports[0],
      file: `Enhet ${i + 1}.xlsx`,
      reportingUnit: `Enhet ${i + 1}`,
      unitCode: `E${i + 1}`,
      digest: `enhet ${i + 1}`,
      content: { ...reports[0].content, tables: { ...reports[0].content.tables, actions } },
    }));
    expect(6 * 9_000).toBeGreaterThan(MAX_TABLE_ROWS);
    expect(() => consolidate(six)).toThrow(
      "Sammanställningen skulle få 54\u00a0000 rader i tabellen tblAtgarder på bladet Åtgärder, " +
        "men Tertial läser högst 50\u00a0000 rader per tabell"
    );
    expect(() => consolidate(six.slice(0, 5))).not.toThrow();
  });
});

describe("a date typed in an amount cell", () => {
  it("stays a fel in the consolidated workbook instead of becoming an amount in its totals", async () => {
    const workbook = buildWorkbook(LATEST_TEMPLATE, ELDERLY);
    const cell = workbook
      .getWorksheet("Driftsredovisning")
      ?.getCell(headerAddress(workbook, "Driftsredovisning", "Budget helår", 1));
    if (!cell) throw new Error("Driftsredovisning saknas");
    // As Excel stores a date typed into the cell: a serial number with a date format.
    cell.value = new Date(Date.UTC(1997, 4, 23));
    cell.style = { ...cell.style, numFmt: "yyyy-mm-dd" };
    const unit = await analysedBytes(await workbookBytes(workbook), "Äldreomsorg.xlsx");
    const address = cell.address;
    const unitFel = unit.findings.filter((f) => f.severity === "fel" && f.cell === address);
    expect(unitFel).toHaveLength(1);

    const result = consolidate([reduceUnit(unit), await reported(FAMILY, "IFO.xlsx")]);
    const row = result.content.tables?.operatingStatement?.[0];
    expect(row?.budget).toBe("1997-05-23");
    const nämnd = await analysedBytes(await unitBytes(result.content), "nämnd.xlsx");
    const nämndFel = nämnd.findings.filter(
      (f) => f.severity === "fel" && f.sheet === "Driftsredovisning" && /1997-05-23/.test(f.message)
    );
    expect(nämndFel).toHaveLength(1);
    // The total holds the other rows only: never the serial number 35573 of the date.
    const others = [-312, -120, -70];
    expect(nämnd.rollup.operatingStatement.total.budget).toBe(others.reduce((a, b) => a + b));
  });

  it("keeps a date in a text column a date", async () => {
    const content = {
      ...ELDERLY,
      tables: {
        ...ELDERLY.tables,
        actions: [
          { id: "Å1", riskId: "R1", text: "Rekrytera", comment: new Date(Date.UTC(2024, 8, 1)) },
        ],
      },
    };
    const result = consolidate([await reported(content, "Äldreomsorg.xlsx")]);
    const nämnd = await analysedBytes(await unitBytes(result.content), "nämnd.xlsx");
    expect(nämnd.model.tables.actions.rows[0].cells.comment.raw).toEqual(
      new Date(Date.UTC(2024, 8, 1))
    );
  });
});
