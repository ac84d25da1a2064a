/**
 * Klarmarkera's decision and the seal's rules, on in-memory workbooks that have the v3 row
 * Klarmarkerad kontrollsumma: marking a clean workbook, then re-reading it with the values
 * written, is clean; any change to its data afterwards breaks the seal.
 */
import fc from "fast-check";
import { analyse } from "../../../src/core/pipeline";
import { decideReadyMark, type ReadyMarkValues } from "../../../src/core/seal/readyMark";
import { READY_MARK_KEYS, sealDigest } from "../../../src/core/seal/sealDigest";
import type { CellValue } from "../../../src/core/snapshot";
import type { SettingKey } from "../../../src/core/template/definition";
import { asVersion2, cellOf, makeSnapshot, type RowSpec } from "../../helpers/snapshot";
import { ACTION, CONTROL, LEDGERS, RISK, TODAY, withCode } from "../validate/run";

type Settings = Partial<Record<SettingKey, CellValue>>;
const TABLES = { ...LEDGERS, risks: [RISK], actions: [ACTION], controls: [CONTROL] };
/** The v3 row is there, empty, as a fresh v3 template has it. */
const UNMARKED: Settings = { readyMark: "Nej", readyDigest: null };

const analysed = (tables = TABLES, settings: Settings = UNMARKED) =>
  analyse(makeSnapshot(tables, settings), { today: TODAY });

/** The same workbook as version 2 writes it: Mallversion 2, no row Klarmarkerad kontrollsumma. */
const analysedAsV2 = (tables = TABLES, settings: Settings = UNMARKED) =>
  analyse(asVersion2(makeSnapshot(tables, settings)), { today: TODAY });

function marked(tables = TABLES, settings: Settings = UNMARKED): ReadyMarkValues {
  const decision = decideReadyMark(analysed(tables, settings), "Eva Ekonom", TODAY);
  if (decision.kind !== "marked") throw new Error(decision.message);
  return decision.values;
}

const withMark = (settings: Settings, values: ReadyMarkValues): Settings => ({
  ...settings,
  ...values,
});

describe("Klarmarkera", () => {
  it("marks a clean workbook: Ja, by whom, today and the seal, at the four Värde cells", () => {
    const decision = decideReadyMark(analysed(), "  Eva   Ekonom ", TODAY);
    expect(decision.kind).toBe("marked");
    if (decision.kind !== "marked") return;
    expect(decision.values).toEqual({
      readyMark: "Ja",
      readyBy: "Eva Ekonom",
      readyDate: TODAY,
      readyDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(decision.cells.map((c) => c.key)).toEqual([...READY_MARK_KEYS]);
    expect(decision.cells.every((c) => c.sheet === "Inställningar")).toBe(true);
  });

  it("a marked workbook read back is free of findings", () => {
    const values = marked();
    expect(analysed(TABLES, withMark(UNMARKED, values)).findings).toEqual([]);
  });

  it("refuses a workbook with fel, naming the file, the count and what to do", () => {
    const broken = { ...TABLES, controls: [{ ...CONTROL, Resultat: null }] };
    const decision = decideReadyMark(analysed(broken), "Eva Ekonom", TODAY);
    expect(decision).toEqual({ kind: "refused", fel: 1, message: expect.any(String) });
    if (decision.kind !== "refused") return;
    expect(decision.message).toBe(
      "test.xlsx har 1 fel och kan inte klarmarkeras. Rätta felen och klarmarkera igen."
    );
  });

  it("refuses without a name", () => {
    const decision = decideReadyMark(analysed(), "  ", TODAY);
    expect(decision.kind).toBe("refused");
    if (decision.kind === "refused") expect(decision.message).toContain("Klarmarkerad av");
  });

  it("refuses a v2 workbook without the seal's row, and says how to mark it instead", () => {
    const decision = decideReadyMark(analysedAsV2(TABLES, { readyMark: "Nej" }), "Eva", TODAY);
    expect(decision.kind).toBe("refused");
    if (decision.kind !== "refused") return;
    expect(decision.message).toContain("saknar raden Klarmarkerad kontrollsumma");
    expect(decision.message).toContain("skriva Ja i Klarmarkerad");
    expect(decision.message).toContain("Ny period");
  });

  it("marks again a workbook whose seal is broken: that fel is what marking again resolves", () => {
    const values = marked();
    const edited = { ...TABLES, actions: [{ ...ACTION, Ansvarig: "Ekonomichef" }] };
    const broken = analysed(edited, withMark(UNMARKED, values));
    expect(withCode(broken.findings, "andrad-efter-klarmarkering")).toHaveLength(1);
    const again = decideReadyMark(broken, "Eva Ekonom", TODAY);
    expect(again.kind).toBe("marked");
    if (again.kind !== "marked") return;
    expect(analysed(edited, withMark(UNMARKED, again.values)).findings).toEqual([]);
  });
});

describe("andrad-efter-klarmarkering", () => {
  it("is a fel at the Klarmarkerad kontrollsumma cell once one cell changes, and only that fel", () => {
    const values = marked();
    const edited = {
      ...TABLES,
      operatingStatement: [{ ...LEDGERS.operatingStatement![0], Kommentar: "Ny kommentar." }],
    };
    const all = analysed(edited, withMark(UNMARKED, values)).findings;
    const digestRow = makeSnapshot(TABLES, UNMARKED).tables[0].rows.findIndex(
      (row) => row[0] === "Klarmarkerad kontrollsumma"
    );
    expect(all).toEqual([
      expect.objectContaining({
        code: "andrad-efter-klarmarkering",
        severity: "fel",
        sheet: "Inställningar",
        cell: cellOf("settings", "Värde", digestRow),
      }),
    ]);
    expect(all[0].message).toContain("ändrad efter klarmarkering");
    expect(all[0].message).toContain("klarmarkera igen");
  });

  it("ignores the ready-mark's own cells: a new name or date is no change of data", () => {
    const values = marked();
    const later = {
      ...values,
      readyBy: "Anna Controller",
      readyDate: new Date(Date.UTC(2024, 8, 30)),
    };
    expect(analysed(TABLES, withMark(UNMARKED, later)).findings).toEqual([]);
  });

  it("is silent for a workbook marked Nej, whatever its seal", () => {
    const settings = { ...UNMARKED, readyDigest: "0".repeat(64) };
    expect(withCode(analysed(TABLES, settings).findings, "andrad-efter-klarmarkering")).toEqual([]);
  });

  it("catches any change of any table value (property)", () => {
    const values = marked();
    const settings = withMark(UNMARKED, values);
    const columns = ["Åtgärd", "Ansvarig", "Kommentar vid senaste uppföljning"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...columns),
        fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== ""),
        (column, text) => {
          fc.pre(text !== ACTION[column]);
          const action: RowSpec = { ...ACTION, [column]: text };
          const found = analysed({ ...TABLES, actions: [action] }, settings).findings;
          return withCode(found, "andrad-efter-klarmarkering").length === 1;
        }
      ),
      { numRuns: 40 }
    );
  });
});

describe("klarmarkering-utan-kontrollsumma", () => {
  it("is a varning when Ja is typed by hand on a workbook that has the seal's row", () => {
    const all = analysed(TABLES, {
      readyMark: "Ja",
      readyBy: "Eva Ekonom",
      readyDate: TODAY,
      readyDigest: null,
    }).findings;
    expect(all).toEqual([
      expect.objectContaining({ code: "klarmarkering-utan-kontrollsumma", severity: "varning" }),
    ]);
  });

  it("asks nothing of a v2 workbook (no row): Ja by hand stays as it was", () => {
    const all = analysedAsV2(TABLES, { readyMark: "Ja", readyBy: "Eva Ekonom", readyDate: TODAY });
    expect(all.findings).toEqual([]);
  });
});

describe("sealDigest", () => {
  it("reads a date as the same day whether a host gives a Date or Excel's serial number", () => {
    const serial = (Date.UTC(2024, 11, 31) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const asDate = analysed({ ...TABLES, actions: [ACTION] });
    const asSerial = analysed({ ...TABLES, actions: [{ ...ACTION, Slutdatum: serial }] });
    expect(sealDigest(asSerial.model)).toBe(sealDigest(asDate.model));
  });
});
