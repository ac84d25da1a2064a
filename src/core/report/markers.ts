/**
 * Status markers: a shape and the status text in a cell coloured by its style. The shapes differ
 * so that the status also reads in black-and-white print; all are in Arial's character set.
 */
import type { ActionStatus, ControlResult } from "../template/lists";
import type { Cell, StatusTone } from "./reportDoc";

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

/** "► Pågående", with "Försenad" on a second line when the end date has passed. */
export function actionStatusCell(status: ActionStatus | null, overdue: boolean): Cell {
  const cell = markerCell(status ? ACTION_MARKERS[status] : MISSING, status ?? "Status saknas");
  return overdue ? { ...cell, value: `${cell.value}\nFörsenad` } : cell;
}

export function controlResultCell(result: ControlResult | null): Cell {
  return markerCell(result ? RESULT_MARKERS[result] : MISSING, result ?? "Resultat saknas");
}
