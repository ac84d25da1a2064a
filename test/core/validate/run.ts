/** Runs the whole pipeline on an in-memory workbook, for rule tests. */
import type { Finding } from "../../../src/core/findings";
import { analyse } from "../../../src/core/pipeline";
import type { CellValue, Snapshot } from "../../../src/core/snapshot";
import type { SettingKey, TableKey } from "../../../src/core/template/definition";
import { asVersion2, makeSnapshot, type RowSpec } from "../../helpers/snapshot";

/** Three weeks after T2 2024 ended: a typical day to validate the delårsrapport. */
export const TODAY = new Date(Date.UTC(2024, 8, 20));

export type Tables = Partial<Record<Exclude<TableKey, "settings">, readonly RowSpec[]>>;

export function findingsOf(snapshot: Snapshot, today = TODAY): readonly Finding[] {
  return analyse(snapshot, { today }).findings;
}

/**
 * One filled row in each ledger, equal in every period (so no rule about figures speaks): a
 * workbook without ledger rows is incomplete (tabell-tom), and a rule test starts from silence.
 */
export const LEDGERS: Tables = {
  incomeStatement: [
    {
      Post: "Personalkostnader",
      Typ: "Kostnad",
      "Utfall period": -30,
      "Budget helår": -30,
      "Prognos helår": -30,
    },
  ],
  operatingStatement: [
    { Verksamhet: "Hemtjänst", "Utfall period": -30, "Budget helår": -30, "Prognos helår": -30 },
  ],
};

/** LEDGERS by column key, for a snapshot of another template version (snapshotOf). */
export const LEDGER_CELLS = {
  incomeStatement: [
    { post: "Personalkostnader", type: "Kostnad", actual: -30, budget: -30, forecast: -30 },
  ],
  operatingStatement: [{ activity: "Hemtjänst", actual: -30, budget: -30, forecast: -30 }],
};

/** The findings of a workbook with these rows; without rows of its own in either ledger, LEDGERS'. */
/** The workbook of a rule test: the given tables, with LEDGERS unless it brings its own ledgers. */
function ruleSnapshot(tables: Tables, settings: Partial<Record<SettingKey, CellValue>>): Snapshot {
  const ownLedgers =
    tables.incomeStatement !== undefined || tables.operatingStatement !== undefined;
  return makeSnapshot(ownLedgers ? tables : { ...LEDGERS, ...tables }, settings);
}

export function findings(
  tables: Tables = {},
  settings: Partial<Record<SettingKey, CellValue>> = {},
  today = TODAY
): readonly Finding[] {
  return findingsOf(ruleSnapshot(tables, settings), today);
}

/** `findings` on the same workbook as template version 2 writes it (`asVersion2`). */
export function findingsV2(
  tables: Tables = {},
  settings: Partial<Record<SettingKey, CellValue>> = {},
  today = TODAY
): readonly Finding[] {
  return findingsOf(asVersion2(ruleSnapshot(tables, settings)), today);
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
