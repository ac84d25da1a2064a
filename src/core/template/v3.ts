/**
 * Template version 3 (template-contract.md, "Version 3"): version 2 plus the whole delårsrapport
 * (Rapporttext, Mål, Indikatorer), the ledger mapping for the SIE/CSV import (Kontoplan, two
 * tables on one sheet), and the settings Rapportenhet, Kommunkod and Klarmarkerad kontrollsumma
 * (settings.ts, `since: 3`). v2's tables stay as they are. Each new table states how Ny period
 * carries it and how Sammanställ consolidates it (src/core/cycle/CONTEXT.md,
 * src/core/consolidate/CONTEXT.md).
 */
import { comment, REPORTING_UNIT, TARGET_REACHED, TREND } from "./columns";
import { defineTemplate, type ColumnDef, type ColumnLookup, type TemplateSpec } from "./definition";
import { KOMMUN_BAS_ACCOUNT_MAPPING } from "./kommunBas";
import { TEMPLATE_V2_SPEC } from "./v2";

/** Mål-ID in Indikatorer: one of the Mål-IDs on Mål. */
const GOAL_IDS = { table: "goals", header: "Mål-ID", name: "MalIDn" } as const satisfies ColumnLookup;
/** Post in Kontomappning: a Post of Resultaträkning. */
const POSTS = {
  table: "incomeStatement",
  header: "Post",
  name: "Poster",
} as const satisfies ColumnLookup;
/** Verksamhet in Objektmappning: a Verksamhet of Driftsredovisning. */
const ACTIVITIES = {
  table: "operatingStatement",
  header: "Verksamhet",
  name: "Verksamheter",
} as const satisfies ColumnLookup;

const text = <const K extends string>(
  key: K,
  header: string,
  width: number,
  help: string,
  required = false
) => ({ key, header, kind: "text", required, width, help }) as const satisfies ColumnDef;

/** An indicator's value: a number in the indicator's own Måttenhet, so no amount format. */
const indicatorValue = <const K extends string>(key: K, header: string, help: string) =>
  ({ key, header, kind: "number", required: false, width: 11, help }) as const satisfies ColumnDef;

const REPORT_TEXT_TABLE = {
  key: "reportText",
  name: "tblRapporttext",
  sheet: "Rapporttext",
  title: "Rapporttext",
  columns: [
    {
      key: "section",
      header: "Avsnitt",
      kind: "status",
      list: "avsnitt",
      required: true,
      width: 28,
      help: "Kapitlet i delårsrapporten som texten hör till, t.ex. Sammanfattning eller Personal.",
    },
    text(
      "heading",
      "Rubrik",
      30,
      "Frivillig: en egen rubrik inne i avsnittet, t.ex. Kompetensförsörjning."
    ),
    text("text", "Text", 90, "Texten. En radbrytning (Alt+Enter) blir ett nytt stycke.", true),
    REPORTING_UNIT,
  ],
  instructions:
    "Delårsrapportens egna texter, en rad per stycke eller rubrik. Välj Avsnitt; flera rader i samma " +
    "avsnitt skrivs i den ordning de står här. Rubrik är frivillig. Texten gäller perioden: Ny period " +
    "sparar den i Historik och tömmer Text, men Avsnitt och Rubrik står kvar.",
} as const;

const GOALS_TABLE = {
  key: "goals",
  name: "tblMal",
  sheet: "Mål",
  title: "Mål",
  columns: [
    text("id", "Mål-ID", 10, "Kort unikt ID, t.ex. M1. Indikatorerna pekar på målet med det.", true),
    text("goal", "Mål", 45, "Målet som det är beslutat, t.ex. Minskad sjukfrånvaro.", true),
    {
      key: "level",
      header: "Målnivå",
      kind: "status",
      list: "malniva",
      required: true,
      width: 18,
      help: "Kommunfullmäktige, Nämnd eller Enhet.",
    },
    text(
      "parentId",
      "Överordnat mål-ID",
      12,
      "Frivillig: Mål-ID för det mål som målet bryter ned, t.ex. ett nämndmål under ett KF-mål."
    ),
    {
      key: "assessment",
      header: "Bedömning",
      kind: "status",
      list: "malbedomning",
      required: false,
      width: 18,
      help:
        "Uppfyllt, Delvis uppfyllt, Ej uppfyllt eller Kan inte bedömas. Under året den förväntade " +
        "måluppfyllelsen för helåret, i Helår utfallet.",
    },
    text("analysis", "Analys", 60, "Motivera bedömningen. Krävs i T2 och Helår när målet är bedömt."),
    REPORTING_UNIT,
  ],
  instructions:
    "Nämndens mål, ett per rad, med bedömning av måluppfyllelsen. Mål-ID och Mål står kvar hela året; " +
    "Bedömning och Analys gäller perioden: Ny period sparar dem i Historik och tömmer dem. " +
    "I T2 och Helår ska varje mål ha en bedömning med analys.",
} as const;

const INDICATORS_TABLE = {
  key: "indicators",
  name: "tblIndikatorer",
  sheet: "Indikatorer",
  title: "Indikatorer",
  columns: [
    text("id", "Indikator-ID", 12, "Kort unikt ID, t.ex. I1.", true),
    {
      ...text("goalId", "Mål-ID", 10, "Frivillig: målet som indikatorn mäter. Tom för ett nyckeltal utan mål."),
      lookup: GOAL_IDS,
    },
    text("indicator", "Indikator", 40, "Vad som mäts, t.ex. Sjukfrånvaro.", true),
    {
      key: "area",
      header: "Område",
      kind: "status",
      list: "omrade",
      required: true,
      width: 13,
      help: "Mål, Personal eller Verksamhet: var indikatorn visas i rapporten.",
    },
    text("measure", "Måttenhet", 11, "Frivillig: %, antal, dagar, kr …"),
    {
      key: "direction",
      header: "Riktning",
      kind: "status",
      list: "riktning",
      required: false,
      width: 17,
      help: "Högre är bättre eller Lägre är bättre. Styr Trend och Målvärde uppnått.",
    },
    indicatorValue("priorYear", "Utfall fg år", "Föregående års utfall."),
    indicatorValue("target", "Målvärde", "Årets målvärde, som nämnden beslutat det."),
    indicatorValue("actual", "Utfall", "Periodens utfall."),
    TREND,
    TARGET_REACHED,
    text(
      "source",
      "Källa",
      16,
      "Frivillig: var värdet kommer från. Kolada:<KPI-id>, t.ex. Kolada:N00945, låter Tertial " +
        "fylla i värdet från en sparad Kolada-fil."
    ),
    comment("Frivillig: förklara utfallet."),
    REPORTING_UNIT,
  ],
  instructions:
    "Indikatorer och nyckeltal, ett per rad, med utfall och målvärde i indikatorns egen måttenhet. " +
    "Trend och Målvärde uppnått räknas fram. Indikator, Målvärde och Utfall fg år står kvar under året; " +
    "Utfall och Kommentar sparas i Historik och töms vid Ny period. Vid årsskiftet blir Utfall " +
    "Utfall fg år och Målvärde töms inför nämndens nya beslut.",
} as const;

const ACCOUNT_MAPPING_TABLE = {
  key: "accountMapping",
  name: "tblKontomappning",
  sheet: "Kontoplan",
  title: "Kontoplan",
  columns: [
    {
      key: "accountFrom",
      header: "Konto från",
      kind: "integer",
      required: true,
      min: 0,
      numFmt: "0",
      width: 11,
      help: "Första kontot i intervallet, t.ex. 5000.",
    },
    {
      key: "accountTo",
      header: "Konto till",
      kind: "integer",
      required: true,
      min: 0,
      numFmt: "0",
      width: 11,
      help: "Sista kontot i intervallet (det räknas med), t.ex. 5999.",
    },
    { ...text("post", "Post", 30, "Posten på Resultaträkning som kontona summeras till.", true), lookup: POSTS },
  ],
  initialRows: KOMMUN_BAS_ACCOUNT_MAPPING,
  instructions:
    "Vilken Post på Resultaträkning varje konto i bokföringen hör till, när utfall importeras från en " +
    "SIE- eller CSV-fil. Mallen har en grundindelning efter Kommun-Bas; ändra den efter er kontoplan.",
} as const;

const OBJECT_MAPPING_TABLE = {
  key: "objectMapping",
  name: "tblObjektmappning",
  sheet: "Kontoplan",
  title: "Kontoplan",
  columns: [
    {
      key: "dimension",
      header: "Dimension",
      kind: "integer",
      required: true,
      min: 1,
      numFmt: "0",
      width: 11,
      help: "Dimensionens nummer i SIE-filen, t.ex. 1 för ansvar.",
    },
    text("objectFrom", "Objekt från", 12, "Första objektet i intervallet, t.ex. 1100.", true),
    text("objectTo", "Objekt till", 12, "Sista objektet i intervallet (det räknas med).", true),
    {
      ...text(
        "activity",
        "Verksamhet",
        30,
        "Verksamheten på Driftsredovisning som objekten summeras till.",
        true
      ),
      lookup: ACTIVITIES,
    },
  ],
  instructions:
    "Vilken Verksamhet på Driftsredovisning varje objekt (t.ex. ansvar) hör till vid import. " +
    "Objekt jämförs som tal, eller som text när de inte är tal. Fyll i efter er organisation.",
} as const;

/** Carried per unit: Rapporterande enhet filled, these columns prefixed with the unit's code. */
const perUnit = <const P extends readonly string[]>(prefixed: P) =>
  ({ kind: "perUnit", prefixed }) as const;

/** A mapping: kept as it is over every period; Historik never needs it. */
const kept = <const K extends string>(key: K) =>
  ({ key, statuses: [], withinYear: {}, yearEnd: {} }) as const;

// Historik stays the last data sheet, after the sheets an ekonom fills.
const { history, ...v2Tables } = TEMPLATE_V2_SPEC.tables;

export const TEMPLATE_V3_SPEC = {
  ...TEMPLATE_V2_SPEC,
  version: 3,
  tables: {
    ...v2Tables,
    reportText: {
      ...REPORT_TEXT_TABLE,
      carry: { key: "section", statuses: [], withinYear: { text: "clear" }, yearEnd: { text: "clear" } },
      consolidation: perUnit([]),
    },
    goals: {
      ...GOALS_TABLE,
      carry: {
        key: "id",
        statuses: [],
        withinYear: { assessment: "clear", analysis: "clear" },
        yearEnd: { assessment: "clear", analysis: "clear" },
      },
      consolidation: perUnit(["id", "parentId"]),
    },
    indicators: {
      ...INDICATORS_TABLE,
      carry: {
        key: "id",
        // Målvärde is the nämnd's decision: Historik records it when new or changed, so a target
        // changed during the year can be shown (rule malvarde-andrat).
        statuses: ["target"],
        withinYear: { actual: "clear", comment: "clear" },
        yearEnd: {
          priorYear: { from: "actual" },
          target: "clear",
          actual: "clear",
          comment: "clear",
        },
      },
      consolidation: perUnit(["id", "goalId"]),
    },
    accountMapping: {
      ...ACCOUNT_MAPPING_TABLE,
      carry: kept("accountFrom"),
      consolidation: { kind: "notCarried" },
    },
    objectMapping: {
      ...OBJECT_MAPPING_TABLE,
      carry: kept("objectFrom"),
      consolidation: { kind: "notCarried" },
    },
    history,
  },
} as const satisfies TemplateSpec;

export const TEMPLATE_V3 = defineTemplate(TEMPLATE_V3_SPEC);
