/**
 * Status markers: a shape and the status text in a cell coloured by its style. The shapes differ
 * so that the status also reads in black-and-white print; all are in Arial's character set.
 */
import type { ActionStatus, ControlResult, Period } from "../template/lists";
import type { Cell, StatusTone } from "./reportDoc";
import type { ActionChange } from "./sinceLastPeriod";

interface Marker {
  readonly symbol: string;
  readonly tone: StatusTone;
}

const ACTION_MARKERS: Record<ActionStatus, Marker> = {
  "Ej påbörjad": { symbol: "○", tone: "ej-paborjad" },
  Pågående: { symbol: "►", tone: "pagaende" },
  Avslutad: { symbol: "●", tone: "avslutad" },
  Avbruten: { symbol: "□", tone: "avbruten" },
};

const RESULT_MARKERS: Record<ControlResult, Marker> = {
  "Kontroll genomförd utan avvikelse": { symbol: "●", tone: "utan-avvikelse" },
  "Kontroll genomförd med mindre avvikelse": { symbol: "▲", tone: "mindre-avvikelse" },
  "Kontroll genomförd med stor avvikelse": { symbol: "■", tone: "stor-avvikelse" },
  "Kontroll ej genomförd": { symbol: "○", tone: "ej-genomford" },
};

const MISSING: Marker = { symbol: "–", tone: "saknas" };

function markerCell(marker: Marker, text: string): Cell {
  return { value: `${marker.symbol} ${text}`, emphasis: `status.${marker.tone}` };
}

/**
 * What changed since the last period (`since`, "T1"), under an åtgärd's status: "Ny sedan T1",
 * or "Ändrad sedan T1:" and "Pågående → Avslutad" on a line of its own.
 */
export function actionChangeNote(change: ActionChange, since: string): string {
  return change.kind === "new"
    ? `Ny sedan ${since}`
    : `Ändrad sedan ${since}:\n${change.from} → ${change.to}`;
}

/**
 * "► Pågående", with "Försenad" on a second line when the end date has passed, and then what
 * changed since the last period (`actionChangeNote`).
 */
export function actionStatusCell(
  status: ActionStatus | null,
  overdue: boolean,
  changeNote: string | null = null
): Cell {
  const cell = markerCell(status ? ACTION_MARKERS[status] : MISSING, status ?? "Status saknas");
  const lines = [cell.value, overdue ? "Försenad" : null, changeNote];
  return { ...cell, value: lines.filter((l) => l !== null).join("\n") };
}

/** "● Kontroll genomförd utan avvikelse", with `note` ("Rapporterad i T1") on a second line. */
export function controlResultCell(result: ControlResult | null, note: string | null = null): Cell {
  const cell = markerCell(result ? RESULT_MARKERS[result] : MISSING, result ?? "Resultat saknas");
  return note === null ? cell : { ...cell, value: `${cell.value}\n${note}` };
}

/** A kontroll planned for a later period: no result yet, and none missing. */
export function plannedControlCell(period: Period): Cell {
  return { value: `Planerad till ${period}`, emphasis: `status.${MISSING.tone}` };
}

/** The count of such kontroller beside the results'. */
export function plannedLaterCell(): Cell {
  return { value: "Planerade senare under året", emphasis: `status.${MISSING.tone}` };
}
