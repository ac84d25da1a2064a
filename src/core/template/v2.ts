/**
 * Template version 2 (template-contract.md, "Version 2"): version 1 plus what the tertial cycle
 * and consolidation need, in one version. Inställningar gains Väsentlig avvikelse villkor (with
 * its dropdown), Rapporterande enhet, Enhetskod and the ready-mark (settings.ts, `since: 2`);
 * Resultaträkning, Driftsredovisning and Investeringar gain Prognos föregående tertial and the
 * computed Prognosförändring after Prognos helår; every data table gains the optional
 * Rapporterande enhet column; and the sheet Historik (tblHistorik) holds each closed period's
 * values, written only by `tertial ny-period`.
 */
import { FORECAST_CHANGE, PREVIOUS_FORECAST, REPORTING_UNIT } from "./columns";
import { defineTemplate, type ColumnDef, type TableDef, type TemplateSpec } from "./definition";
import { TEMPLATE_V1_SPEC } from "./v1";

type V1 = typeof TEMPLATE_V1_SPEC.tables;

/** A v1 table with Prognos föregående tertial and Prognosförändring after Prognos helår. */
function withForecastChange<const C extends readonly ColumnDef[]>(columns: C) {
  const at = columns.findIndex((c) => c.key === "forecast") + 1;
  return [
    ...columns.slice(0, at),
    PREVIOUS_FORECAST,
    FORECAST_CHANGE,
    ...columns.slice(at),
    REPORTING_UNIT,
  ] as readonly (
    C[number] | typeof PREVIOUS_FORECAST | typeof FORECAST_CHANGE | typeof REPORTING_UNIT
  )[];
}

/** A v1 table with the optional Rapporterande enhet column last. */
function withReportingUnit<const T extends TableDef>(table: T) {
  return {
    ...table,
    columns: [...table.columns, REPORTING_UNIT] as readonly (
      T["columns"][number] | typeof REPORTING_UNIT
    )[],
  };
}

/** Historik: one row per value of a closed period, as `tertial ny-period` moved it on. */
const HISTORY_TABLE = {
  key: "history",
  name: "tblHistorik",
  sheet: "Historik",
  title: "Historik",
  writtenByTertial: true,
  columns: [
    {
      key: "year",
      header: "År",
      kind: "integer",
      required: true,
      width: 8,
      help: "Räkenskapsåret värdet hör till.",
    },
    {
      key: "period",
      header: "Period",
      kind: "status",
      list: "period",
      required: true,
      width: 10, // exceljs leaves a width of 9, its default, out of the file
      help: "Perioden värdet hör till: T1, T2 eller Helår.",
    },
    {
      key: "table",
      header: "Tabell",
      kind: "text",
      required: true,
      width: 22,
      help: "Tabellen värdet kommer från, t.ex. tblResultatrakning.",
    },
    {
      key: "key",
      header: "Nyckel",
      kind: "text",
      required: true,
      width: 34,
      help: "Radens nyckel: Post, Verksamhet, Investering, Risk-ID, Åtgärds-ID eller Kontroll-ID.",
    },
    {
      key: "column",
      header: "Kolumn",
      kind: "text",
      required: true,
      width: 30,
      help: "Kolumnens rubrik, t.ex. Prognos helår.",
    },
    {
      key: "value",
      header: "Värde",
      kind: "text",
      required: false,
      width: 50,
      help: "Värdet som det stod i cellen när perioden stängdes.",
    },
  ],
  instructions:
    "Skrivs bara av Tertial (Ny period): varje stängd periods prognoser, utfall, statusar och resultat, " +
    "en rad per värde. Bladet är skyddat utan lösenord; ändra inte här.",
} as const satisfies TableDef & { readonly key: "history" };

const tables: V1 = TEMPLATE_V1_SPEC.tables;

export const TEMPLATE_V2_SPEC = {
  ...TEMPLATE_V1_SPEC,
  version: 2,
  tables: {
    settings: tables.settings,
    incomeStatement: {
      ...tables.incomeStatement,
      columns: withForecastChange(tables.incomeStatement.columns),
    },
    operatingStatement: {
      ...tables.operatingStatement,
      columns: withForecastChange(tables.operatingStatement.columns),
    },
    volumes: withReportingUnit(tables.volumes),
    investments: { ...tables.investments, columns: withForecastChange(tables.investments.columns) },
    risks: withReportingUnit(tables.risks),
    actions: withReportingUnit(tables.actions),
    controls: withReportingUnit(tables.controls),
    history: HISTORY_TABLE,
  },
} as const satisfies TemplateSpec;

export const TEMPLATE_V2 = defineTemplate(TEMPLATE_V2_SPEC);
