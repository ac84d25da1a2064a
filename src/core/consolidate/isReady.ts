/**
 * Klar on Sammanställning, in the pane and on the command line alike: marked Ja, and not changed
 * since (a broken seal, andrad-efter-klarmarkering, is no ready-mark). A module of its own, so the
 * pane takes it without the consolidation itself.
 */
import type { UnitReport } from "./unitReport";

export const isReady = (unit: Pick<UnitReport, "readyMark" | "changedAfterReady">): boolean =>
  unit.readyMark === "Ja" && !unit.changedAfterReady;
