/** Runs the whole pipeline on an in-memory workbook, for rule tests. */
import type { Finding } from "../../../src/core/findings";
import { analyse } from "../../../src/core/pipeline";
import type { CellValue, Snapshot } from "../../../src/core/snapshot";
import type { SettingKey, TableKey } from "../../../src/core/template/definition";
import { makeSnapshot, type RowSpec } from "../../helpers/snapshot";

/** Three weeks after T2 2024 ended: a typical day to validate the delårsrapport. */
export const TODAY = new Date(Date.UTC(2024, 8, 20));

export type Tables = Partial<Record<Exclude<TableKey, "settings">, readonly RowSpec[]>>;

export function findingsOf(snapshot: Snapshot, today = TODAY): readonly Finding[] {
  return analyse(snapshot, { today }).findings;
}

export function findings(
  tables: Tables = {},
  settings: Partial<Record<SettingKey, CellValue>> = {},
  today = TODAY
): readonly Finding[] {
  return findingsOf(makeSnapshot(tables, settings), today);
}

export function withCode(all: readonly Finding[], code: string): readonly Finding[] {
  return all.filter((f) => f.code === code);
}

/** A risk, an action for it and a control, all filled in correctly. */
export const RISK: RowSpec = {
  "Risk-ID": "R1",
  Riskområde: "Gemensamt",
  Risk: "Brister i informationsöverföringen",
  Sannolikhet: 3,
  Konsekvens: 4,
  Riskhantering: "Hantera",
};

export const ACTION: RowSpec = {
  "Åtgärds-ID": "Å1",
  "Risk-ID": "R1",
  Åtgärd: "Kartlägga orsaken till bristerna",
  Status: "Pågående",
  Slutdatum: new Date(Date.UTC(2024, 11, 31)),
  Ansvarig: "Verksamhetschef",
  Uppföljningsdatum: new Date(Date.UTC(2024, 8, 10)),
  "Kommentar vid senaste uppföljning": "Kartläggningen pågår.",
};

export const CONTROL: RowSpec = {
  "Kontroll-ID": "K1",
  "Risk-ID": "R1",
  Process: "Uppföljning",
  Kontrollaktivitet: "Kontroll av analyser och prognoser",
  Tidpunkt: "T2",
  Resultat: "Kontroll genomförd utan avvikelse",
};
