/**
 * Klarmarkera's copy of a workbook, shared by `tertial klarmarkera` and browser mode: the input's
 * package with only the four ready-mark Värde cells of Inställningar changed (found as Ny period
 * finds its settings' cells, `settingCells`, and set as importera and kolada set theirs,
 * ../cycle/changedCells.ts), so everything else — own sheets, formats, formulas, comments — stays
 * byte for byte. The copy is read back before it is handed out: its seal must hold. No Node
 * imports (the page loads this in the exceljs chunk).
 */
import { analyse } from "../../core/pipeline";
import { decideReadyMark, type ReadyMarkValues } from "../../core/seal/readyMark";
import { sealDigest } from "../../core/seal/sealDigest";
import { cellAddress, type Snapshot } from "../../core/snapshot";
import { SheetNotEditableError, withCellsChanged } from "../cycle/changedCells";
import { settingCells } from "../cycle/rollPackage";
import { readSnapshotFromBuffer } from "../read/readSnapshot";

export type MarkedWorkbook =
  | {
      readonly kind: "marked";
      readonly bytes: Uint8Array;
      readonly values: ReadyMarkValues;
      /** Varningar remain in the workbook; they do not stop a ready-mark. */
      readonly varningar: number;
    }
  | { readonly kind: "refused"; readonly message: string; readonly fel: number };

/** The marked copy of `input`, whose Snapshot the host has read; or why it is not marked. */
export async function markedBytes(
  input: Uint8Array,
  snapshot: Snapshot,
  by: string,
  today: Date
): Promise<MarkedWorkbook> {
  const analysis = analyse(snapshot, { today });
  const decision = decideReadyMark(analysis, by, today);
  if (decision.kind === "refused") return decision;
  const { template } = analysis.model;
  const refused: MarkedWorkbook = {
    kind: "refused",
    fel: 0,
    message:
      `Tertial kan inte ändra bladet ${template.tables.settings.sheet} i ${snapshot.fileName}. ` +
      "Öppna filen i Excel, spara den och klarmarkera igen.",
  };
  const settings = snapshot.tables.find(
    (t) => t.name.toLowerCase() === template.tables.settings.name.toLowerCase()
  );
  if (!settings) return refused;
  const cells = settingCells(settings, decision.values, template.settings).map((c) => ({
    sheet: settings.sheet,
    address: cellAddress(c.row, c.column),
    after: c.after,
  }));
  let bytes: Uint8Array;
  try {
    bytes = await withCellsChanged(input, cells, { recalculate: false });
  } catch (error) {
    if (error instanceof SheetNotEditableError) return refused;
    throw error;
  }

  // What is handed out must be what was sealed: read back, its data are the input's.
  const back = analyse(await readSnapshotFromBuffer(bytes, snapshot.fileName), { today });
  if (
    back.model.settings.values.readyMark !== "Ja" ||
    sealDigest(back.model) !== decision.values.readyDigest
  ) {
    throw new Error("Klarmarkera: the marked copy does not read back as sealed");
  }
  return { kind: "marked", bytes, values: decision.values, varningar: decision.varningar };
}

/** A workbook's bytes → its marked copy; the input is only read. */
export async function markedWorkbook(
  bytes: Uint8Array,
  fileName: string,
  by: string,
  today: Date
): Promise<MarkedWorkbook> {
  return markedBytes(bytes, await readSnapshotFromBuffer(bytes, fileName), by, today);
}
