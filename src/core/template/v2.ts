/**
 * Template version 2 (template-contract.md, "Version 2"): version 1 plus what the tertial cycle
 * and consolidation need, in one version. Inställningar gains Väsentlig avvikelse villkor (with
 * its dropdown), Rapporterande enhet, Enhetskod and the ready-mark (settings.ts, `since: 2`);
 * Resultaträkning, Driftsredovisning and Investeringar gain Prognos föregående tertial and the
 * computed Prognosförändring after Prognos helår; every data table gains the optional
 * Rapporterande enhet column; and the sheet Historik (tblHistorik) holds each closed period's
 * values, written only by `tertial ny-period`. As the version Tertial writes, each of its tables
 * also says how Ny period carries it and how Sammanställ consolidates it (tableRules.ts): the
 * carry rules per column are tabled in src/core/cycle/CONTEXT.md, the consolidation rules in
 * src/core/consolidate/CONTEXT.md.
 */
import { FORECAST_CHANGE, PREVIOUS_FORECAST, REPORTING_UNIT } from "./columns";
import { defineTemplate, type ColumnDef, type TableDef, type TemplateSpec } from "./definition";
import { ledgerCarry, PREVIOUS_FORECAST_RECORDED } from "./tableRules";
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

/** Carried per unit: Rapporterande enhet filled, these columns prefixed with the unit's code. */
const perUnit = <const P extends readonly string[]>(prefixed: P) =>
  ({ kind: "perUnit", prefixed }) as const;

export const TEMPLATE_V2_SPEC = {
  ...TEMPLATE_V1_SPEC,
  version: 2,
  tables: {
    settings: tables.settings,
    incomeStatement: {
      ...tables.incomeStatement,
      columns: withForecastChange(tables.incomeStatement.columns),
      carry: ledgerCarry("post"),
      consolidation: { kind: "summedPerPost" },
    },
    operatingStatement: {
      ...tables.operatingStatement,
      columns: withForecastChange(tables.operatingStatement.columns),
      carry: ledgerCarry("activity"),
      consolidation: { ...perUnit([]), unitWhereEmpty: "area" },
    },
    volumes: {
      ...withReportingUnit(tables.volumes),
      carry: {
        key: "activity",
        statuses: [],
        withinYear: { forecastVolume: "clear", amountDeviation: "clear", comment: "clear" },
        yearEnd: {
          budgetVolume: "clear",
          forecastVolume: "clear",
          amountDeviation: "clear",
          comment: "clear",
        },
      },
      consolidation: perUnit([]),
    },
    investments: {
      ...tables.investments,
      columns: withForecastChange(tables.investments.columns),
      carry: {
        key: "name",
        statuses: [],
        withinYear: {
          actual: "clear",
          previousForecast: { from: "forecast" },
          forecast: "clear",
          comment: "clear",
        },
        yearEnd: {
          budget: "clear",
          actual: "clear",
          forecast: "clear",
          previousForecast: "derived",
          comment: "clear",
        },
        recordedAs: PREVIOUS_FORECAST_RECORDED,
      },
      consolidation: perUnit([]),
    },
    risks: {
      ...withReportingUnit(tables.risks),
      carry: { key: "id", statuses: ["likelihood", "impact"], withinYear: {}, yearEnd: {} },
      consolidation: perUnit(["id"]),
    },
    actions: {
      ...withReportingUnit(tables.actions),
      carry: {
        key: "id",
        statuses: ["status"],
        withinYear: {},
        yearEnd: {},
        dropAtYearEnd: { column: "status", values: ["Avslutad", "Avbruten"] },
      },
      consolidation: perUnit(["id", "riskId"]),
    },
    controls: {
      ...withReportingUnit(tables.controls),
      carry: {
        key: "id",
        statuses: ["result"],
        withinYear: {
          result: "ifReported",
          comment: "ifReported",
          actionOnDeviation: "ifReported",
        },
        yearEnd: { result: "clear", comment: "clear", actionOnDeviation: "clear" },
      },
      consolidation: perUnit(["id", "riskId"]),
    },
    history: { ...HISTORY_TABLE, carry: "history", consolidation: { kind: "notCarried" } },
  },
} as const satisfies TemplateSpec;

export const TEMPLATE_V2 = defineTemplate(TEMPLATE_V2_SPEC);
