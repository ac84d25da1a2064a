/**
 * Inställningar: its table and every setting Tertial reads. Shared by all template versions; a
 * setting's `since` says from which version the template writes its row.
 */
import type { SettingDef, TableDef } from "./definition";

/** Inställningar: the same table in every version, so a reader finds Mallversion before it knows the version. */
export const SETTINGS_TABLE = {
  key: "settings",
  name: "tblInstallningar",
  sheet: "Inställningar",
  title: "Inställningar",
  columns: [
    {
      key: "name",
      header: "Inställning",
      kind: "text",
      required: true,
      width: 32,
      help: "Inställningens namn. Ändra inte.",
    },
    {
      key: "value",
      header: "Värde",
      kind: "text",
      required: false,
      width: 60,
      help: "Värdet för den här arbetsboken.",
    },
  ],
  instructions:
    "Fyll i Organisation, År och Period varje tertial. Enhet anger i vilken enhet alla belopp är angivna. " +
    "Väsentlig avvikelse belopp och procent styr vilka avvikelser som måste kommenteras. " +
    "Bedömning av intern kontroll och Analys intern kontroll fylls i inför delår och helår. Ändra inte Mallversion.",
} as const satisfies TableDef & { readonly key: "settings" };

/** Every setting Tertial knows: what it reads and validates, in the template's row order. */
export const KNOWN_SETTINGS = [
  {
    key: "organisation",
    label: "Organisation",
    kind: "text",
    required: true,
    initial: null,
    help: "Nämnd eller förvaltning, t.ex. Vård- och omsorgsnämnden.",
  },
  {
    key: "year",
    label: "År",
    kind: "integer",
    required: true,
    initial: null,
    help: "Räkenskapsår, t.ex. 2024.",
  },
  {
    key: "period",
    label: "Period",
    kind: "status",
    list: "period",
    required: true,
    initial: null,
    help: "T1 (jan–apr), T2 (jan–aug, delår) eller Helår.",
  },
  {
    key: "unit",
    label: "Enhet",
    kind: "status",
    list: "enhet",
    required: true,
    initial: "mnkr",
    help: "Enhet för alla belopp: mnkr, tkr eller kr.",
  },
  {
    key: "materialAmount",
    label: "Väsentlig avvikelse belopp",
    kind: "number",
    required: true,
    initial: 1,
    help: "Avvikelser på minst detta belopp ska kommenteras.",
  },
  {
    key: "materialPercent",
    label: "Väsentlig avvikelse procent",
    kind: "number",
    required: true,
    initial: 5,
    help: "Avvikelser på minst så många procent av budget ska kommenteras.",
  },
  {
    key: "materialCondition",
    label: "Väsentlig avvikelse villkor",
    kind: "status",
    list: "villkor",
    required: false,
    initial: "Belopp eller procent",
    help:
      "Belopp eller procent: en avvikelse är väsentlig när den når en av gränserna. " +
      "Belopp och procent: när den når båda.",
    since: 2,
  },
  {
    key: "assessment",
    label: "Bedömning av intern kontroll",
    kind: "status",
    list: "bedomning",
    required: false,
    initial: null,
    help: "Tillräcklig, Delvis tillräcklig eller Ej tillräcklig.",
  },
  {
    key: "assessmentAnalysis",
    label: "Analys intern kontroll",
    kind: "text",
    required: false,
    initial: null,
    help: "Analysen bakom bedömningen.",
  },
  {
    key: "reportingUnit",
    label: "Rapporterande enhet",
    kind: "text",
    required: false,
    initial: null,
    help:
      "Enheten som har fyllt i den här arbetsboken, t.ex. Äldreomsorgen (inte beloppens Enhet). " +
      "Frivillig; används när flera enheters arbetsböcker sammanställs.",
    since: 2,
  },
  {
    key: "unitCode",
    label: "Enhetskod",
    kind: "text",
    required: false,
    initial: null,
    help: "Kort kod för den rapporterande enheten, t.ex. ÄO. Frivillig.",
    since: 2,
  },
  {
    key: "readyMark",
    label: "Klarmarkerad",
    kind: "status",
    list: "janej",
    required: false,
    initial: "Nej",
    help: "Ja när arbetsboken är färdig att rapportera eller sammanställa, annars Nej.",
    since: 2,
  },
  {
    key: "readyBy",
    label: "Klarmarkerad av",
    kind: "text",
    required: false,
    initial: null,
    help: "Vem som klarmarkerade arbetsboken.",
    since: 2,
  },
  {
    key: "readyDate",
    label: "Klarmarkerad datum",
    kind: "date",
    required: false,
    initial: null,
    help: "När arbetsboken klarmarkerades (åååå-mm-dd).",
    since: 2,
  },
  {
    key: "readyDigest",
    label: "Klarmarkerad kontrollsumma",
    kind: "text",
    required: false,
    initial: null,
    help:
      "Skrivs bara av Tertials Klarmarkera: en kontrollsumma av arbetsbokens uppgifter när den " +
      "klarmarkerades. Ändra inte.",
    since: 3,
  },
  {
    key: "templateVersion",
    label: "Mallversion",
    kind: "integer",
    required: true,
    initial: null, // each version writes its own number
    help: "Mallens version. Ändra inte.",
  },
] as const satisfies readonly SettingDef[];
