/**
 * Status markers: a shape and the status text in a cell coloured by its style. The shapes differ
 * so that the status also reads in black-and-white print; all are in Arial's character set.
 */
import type { ActionStatus, ControlResult } from "../template/lists";
import type { StyleName, TextCell } from "./reportDoc";

interface Marker {
  readonly symbol: string;
  readonly style: StyleName;
}

const ACTION_MARKERS: Record<ActionStatus, Marker> = {
  "Ej påbörjad": { symbol: "○", style: "status.ej-paborjad" },
  Pågående: { symbol: "►", style: "status.pagaende" },
  Avslutad: { symbol: "●", style: "status.avslutad" },
  Avbruten: { symbol: "□", style: "status.avbruten" },
};

const RESULT_MARKERS: Record<ControlResult, Marker> = {
  "Kontroll genomförd utan avvikelse": { symbol: "●", style: "status.utan-avvikelse" },
  "Kontroll genomförd med mindre avvikelse": { symbol: "▲", style: "status.mindre-avvikelse" },
  "Kontroll genomförd med stor avvikelse": { symbol: "■", style: "status.stor-avvikelse" },
  "Kontroll ej genomförd": { symbol: "○", style: "status.ej-genomford" },
};

const MISSING: Marker = { symbol: "–", style: "status.saknas" };

function markerCell(marker: Marker, text: string, span?: number): TextCell {
  return { value: `${marker.symbol} ${text}`, style: marker.style, ...(span ? { span } : {}) };
}

/** "► Pågående", with "Försenad" on a second line when the end date has passed. */
export function actionStatusCell(status: ActionStatus | null, overdue: boolean): TextCell {
  const cell = markerCell(status ? ACTION_MARKERS[status] : MISSING, status ?? "Status saknas");
  return overdue ? { ...cell, value: `${cell.value}\nFörsenad` } : cell;
}

export function controlResultCell(result: ControlResult | null, span?: number): TextCell {
  return markerCell(result ? RESULT_MARKERS[result] : MISSING, result ?? "Resultat saknas", span);
}
