/**
 * Template version 1 as code: every data table and column of the contract
 * (`template-contract.md`). The template file, the reader's header matching, the dropdowns and
 * the validation of allowed values are all derived from this one definition.
 */
import { LISTS, MATERIALITY_CONDITIONS, type ListName } from "./lists";

export const TEMPLATE_VERSION = 1;

/**
 * text: free text · amount: money in the workbook's unit · number: a quantity (volumes)
 * integer: whole number (with min/max) · date · status: one value of `list` · computed: a formula
 * the product recomputes itself.
 */
export type ColumnKind = "text" | "amount" | "number" | "integer" | "date" | "status" | "computed";

export interface ColumnDef {
  /** Code name, used as the field name in the Model. */
  readonly key: string;
  /** Header text exactly as the contract names it. */
  readonly header: string;
  readonly kind: ColumnKind;
  /** Must be filled in a row that is otherwise filled. */
  readonly required: boolean;
  /** The column may be missing from a workbook (computed columns may always be missing). */
  readonly optionalColumn?: boolean;
  readonly list?: ListName;
  /** Values are another table's keys: the column gets a dropdown of them that grows with that table. */
  readonly lookup?: ColumnLookup;
  readonly min?: number;
  readonly max?: number;
  /** Locale-neutral Excel number format; Excel shows `#,##0.0` as `1 092,2` to Swedish users. */
  readonly numFmt?: string;
  /** Column width in characters. */
  readonly width: number;
  /** Computed columns: the formula with structured references, as written into the template. */
  readonly formula?: string;
  /** Swedish guidance for the Instruktioner sheet and the cell's input message. */
  readonly help: string;
}

/**
 * Where a column's dropdown takes its values: a column of another table, through a workbook-wide
 * defined name (a data validation cannot refer to a table column itself).
 */
export interface ColumnLookup {
  readonly table: TableKey;
  readonly header: string;
  /** The defined name, e.g. `RiskIDn` = `tblRisker[Risk-ID]`. */
  readonly name: string;
}

export type TableKey =
  | "settings"
  | "incomeStatement"
  | "operatingStatement"
  | "volumes"
  | "investments"
  | "risks"
  | "actions"
  | "controls";

export interface TableDef {
  readonly key: TableKey;
  /** Excel table (ListObject) name. */
  readonly name: string;
  readonly sheet: string;
  /** A sheet title written above the table in the template (row 1). */
  readonly title: string;
  readonly columns: readonly ColumnDef[];
  /** Swedish: what an ekonom fills here, and when. */
  readonly instructions: string;
}

export const AMOUNT_FORMAT = "#,##0.0";
export const INTEGER_FORMAT = "#,##0";
export const DATE_FORMAT = "yyyy-mm-dd";

/** Risk-ID in Åtgärder and Internkontroll: one of the Risk-IDs on Risker. */
const RISK_IDS: ColumnLookup = { table: "risks", header: "Risk-ID", name: "RiskIDn" };

const amount = (key: string, header: string, help: string, required = false): ColumnDef => ({
  key,
  header,
  kind: "amount",
  required,
  numFmt: AMOUNT_FORMAT,
  width: 13,
  help,
});

const deviation = (
  help = "Beräknas: Prognos helår − Budget helår. Negativt = sämre än budget."
): ColumnDef => ({
  key: "deviation",
  header: "Avvikelse prognos mot budget",
  kind: "computed",
  required: false,
  numFmt: AMOUNT_FORMAT,
  width: 14,
  formula: "[@[Prognos helår]]-[@[Budget helår]]",
  help,
});

const comment = (help: string): ColumnDef => ({
  key: "comment",
  header: "Kommentar",
  kind: "text",
  required: false,
  width: 50,
  help,
});

const LEDGER_AMOUNTS: readonly ColumnDef[] = [
  amount("priorYear", "Bokslut fg år", "Föregående års bokslut."),
  amount(
    "actualPriorYear",
    "Utfall period fg år",
    "Utfall för samma period föregående år (ackumulerat från 1 januari)."
  ),
  amount("actual", "Utfall period", "Utfall för perioden, ackumulerat från 1 januari."),
  amount("periodBudget", "Periodbudget", "Budget för den förflutna perioden (frivillig)."),
  amount("budget", "Budget helår", "Beslutad budget för helåret."),
  amount("forecast", "Prognos helår", "Prognos för helåret."),
];

export const SETTINGS_TABLE: TableDef = {
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
};

export const TABLES: readonly TableDef[] = [
  SETTINGS_TABLE,
  {
    key: "incomeStatement",
    name: "tblResultatrakning",
    sheet: "Resultaträkning",
    title: "Resultaträkning",
    columns: [
      {
        key: "post",
        header: "Post",
        kind: "text",
        required: true,
        width: 30,
        help: "Intäkts- eller kostnadsslag, t.ex. Personalkostnader.",
      },
      {
        key: "type",
        header: "Typ",
        kind: "status",
        list: "typ",
        required: true,
        width: 11,
        help: "Intäkt eller Kostnad.",
      },
      ...LEDGER_AMOUNTS,
      deviation(),
      comment("Förklara avvikelsen. Krävs när avvikelsen är väsentlig."),
    ],
    instructions:
      "En rad per intäkts- och kostnadsslag. Intäkter anges positiva och kostnader negativa, som i rapporten. " +
      "Skriv inga summarader: Summa intäkter, Summa kostnader och Summa totalt räknas fram i rapporten. " +
      "Klistra in utfall från ekonomisystemet och skriv prognos helår. Kommentera väsentliga avvikelser.",
  },
  {
    key: "operatingStatement",
    name: "tblDriftsredovisning",
    sheet: "Driftsredovisning",
    title: "Driftsredovisning",
    columns: [
      {
        key: "activity",
        header: "Verksamhet",
        kind: "text",
        required: true,
        width: 34,
        help: "Verksamhetens namn, t.ex. Hemtjänst.",
      },
      {
        key: "area",
        header: "Verksamhetsområde",
        kind: "text",
        required: false,
        optionalColumn: true,
        width: 22,
        help: "Frivillig gruppering; ger delsummor i rapporten.",
      },
      ...LEDGER_AMOUNTS,
      deviation(),
      comment("Förklara avvikelsen. Krävs när avvikelsen är väsentlig."),
    ],
    instructions:
      "Samma nettokostnad som resultaträkningen, fördelad per verksamhet (nettokostnad negativ). " +
      "Skriv ingen totalrad: Totalt räknas fram, och summan stäms av mot resultaträkningen kolumn för kolumn.",
  },
  {
    key: "volumes",
    name: "tblVolymer",
    sheet: "Volymer",
    title: "Volymer",
    columns: [
      {
        key: "activity",
        header: "Verksamhet",
        kind: "text",
        required: true,
        width: 30,
        help: "Verksamhet med volymuppräkning.",
      },
      {
        key: "volumeUnit",
        header: "Volymenhet",
        kind: "text",
        required: false,
        width: 16,
        help: "T.ex. Timmar, Kunder, Årsplacering.",
      },
      {
        key: "budgetVolume",
        header: "Volym budget",
        kind: "number",
        required: false,
        numFmt: INTEGER_FORMAT,
        width: 13,
        help: "Volym enligt budget.",
      },
      {
        key: "forecastVolume",
        header: "Volym prognos",
        kind: "number",
        required: false,
        numFmt: INTEGER_FORMAT,
        width: 13,
        help: "Prognos för helårets volym.",
      },
      {
        key: "volumeDeviation",
        header: "Avvikelse volym",
        kind: "computed",
        required: false,
        numFmt: INTEGER_FORMAT,
        width: 13,
        formula: "[@[Volym prognos]]-[@[Volym budget]]",
        help: "Beräknas: Volym prognos − Volym budget.",
      },
      amount(
        "amountDeviation",
        "Avvikelse belopp",
        "Avvikelse mot budget i belopp som volymavvikelsen ger."
      ),
      comment("Förklara volymavvikelsen."),
    ],
    instructions:
      "En rad per verksamhet med volymuppräkning: volym enligt budget och prognos för helåret.",
  },
  {
    key: "investments",
    name: "tblInvesteringar",
    sheet: "Investeringar",
    title: "Investeringar",
    columns: [
      {
        key: "name",
        header: "Investering",
        kind: "text",
        required: true,
        width: 34,
        help: "Investeringens namn.",
      },
      amount("budget", "Budget helår", "Investeringsbudget för året."),
      amount("actual", "Utfall period", "Utfall hittills i år."),
      amount("forecast", "Prognos helår", "Prognos för helåret."),
      deviation(),
      comment("Förklara avvikelsen."),
    ],
    instructions:
      "En rad per investering eller investeringsram: budget, utfall hittills och prognos för helåret. " +
      "Beloppen är utgifter och anges negativa, som i rapporten.",
  },
  {
    key: "risks",
    name: "tblRisker",
    sheet: "Risker",
    title: "Risker",
    columns: [
      {
        key: "id",
        header: "Risk-ID",
        kind: "text",
        required: true,
        width: 10,
        help: "Unik beteckning, t.ex. R1.",
      },
      {
        key: "area",
        header: "Riskområde",
        kind: "text",
        required: false,
        width: 26,
        help: "Riskområde som grupperar riskerna i rapporten.",
      },
      {
        key: "title",
        header: "Risk",
        kind: "text",
        required: true,
        width: 34,
        help: "Riskens rubrik.",
      },
      {
        key: "description",
        header: "Riskbeskrivning",
        kind: "text",
        required: false,
        width: 50,
        help: "Vad kan hända?",
      },
      {
        key: "consequence",
        header: "Konsekvensbeskrivning",
        kind: "text",
        required: false,
        width: 50,
        help: "Vad blir följden?",
      },
      {
        key: "likelihood",
        header: "Sannolikhet",
        kind: "integer",
        min: 1,
        max: 4,
        required: false,
        width: 12,
        help: "Heltal 1–4.",
      },
      {
        key: "impact",
        header: "Konsekvens",
        kind: "integer",
        min: 1,
        max: 4,
        required: false,
        width: 12,
        help: "Heltal 1–4.",
      },
      {
        key: "score",
        header: "Riskvärde",
        kind: "computed",
        required: false,
        numFmt: INTEGER_FORMAT,
        width: 10,
        formula: "[@Sannolikhet]*[@Konsekvens]",
        help: "Beräknas: Sannolikhet × Konsekvens (1–16).",
      },
      {
        key: "treatment",
        header: "Riskhantering",
        kind: "status",
        list: "riskhantering",
        required: true,
        width: 14,
        help: "Hantera, Acceptera eller Bevaka.",
      },
      {
        key: "existingControls",
        header: "Existerande kontrollaktiviteter",
        kind: "text",
        required: false,
        width: 50,
        help: "Kontroller som redan finns.",
      },
    ],
    instructions:
      "En rad per risk i den samlade riskbilden. Värdera sannolikhet och konsekvens 1–4. " +
      "En risk med riskhantering Hantera ska ha minst en åtgärd på bladet Åtgärder.",
  },
  {
    key: "actions",
    name: "tblAtgarder",
    sheet: "Åtgärder",
    title: "Åtgärder",
    columns: [
      {
        key: "id",
        header: "Åtgärds-ID",
        kind: "text",
        required: true,
        width: 11,
        help: "Unik beteckning, t.ex. Å1.",
      },
      {
        key: "riskId",
        header: "Risk-ID",
        kind: "text",
        lookup: RISK_IDS,
        required: true,
        width: 10,
        help: "Risken som åtgärden hör till (finns på bladet Risker).",
      },
      {
        key: "text",
        header: "Åtgärd",
        kind: "text",
        required: true,
        width: 44,
        help: "Vad ska göras?",
      },
      {
        key: "status",
        header: "Status",
        kind: "status",
        list: "atgardsstatus",
        required: true,
        width: 13,
        help: "Ej påbörjad, Pågående, Avslutad eller Avbruten.",
      },
      {
        key: "endDate",
        header: "Slutdatum",
        kind: "date",
        required: false,
        numFmt: DATE_FORMAT,
        width: 12,
        help: "När åtgärden ska vara klar (åååå-mm-dd).",
      },
      {
        key: "responsible",
        header: "Ansvarig",
        kind: "text",
        required: false,
        width: 20,
        help: "Ansvarig funktion eller person.",
      },
      {
        key: "followUpDate",
        header: "Uppföljningsdatum",
        kind: "date",
        required: false,
        numFmt: DATE_FORMAT,
        width: 18,
        help: "Datum för senaste uppföljning.",
      },
      {
        key: "comment",
        header: "Kommentar vid senaste uppföljning",
        kind: "text",
        required: false,
        width: 60,
        help: "Vad har hänt sedan förra uppföljningen? Krävs när åtgärden är avslutad.",
      },
    ],
    instructions:
      "En rad per åtgärd. Uppdatera Status, Uppföljningsdatum och Kommentar vid senaste uppföljning varje tertial. " +
      "En åtgärd som inte är avslutad eller avbruten och vars slutdatum har passerat räknas som försenad.",
  },
  {
    key: "controls",
    name: "tblInternkontroll",
    sheet: "Internkontroll",
    title: "Internkontroll",
    columns: [
      {
        key: "id",
        header: "Kontroll-ID",
        kind: "text",
        required: true,
        width: 11,
        help: "Unik beteckning, t.ex. K1.",
      },
      {
        key: "riskId",
        header: "Risk-ID",
        kind: "text",
        lookup: RISK_IDS,
        required: false,
        optionalColumn: true,
        width: 10,
        help: "Frivillig koppling till en risk på bladet Risker.",
      },
      {
        key: "process",
        header: "Process",
        kind: "text",
        required: false,
        width: 22,
        help: "Process eller rutin som kontrolleras.",
      },
      {
        key: "riskText",
        header: "Risk",
        kind: "text",
        required: false,
        width: 40,
        help: "Risken i text, när den inte finns på bladet Risker.",
      },
      {
        key: "activity",
        header: "Kontrollaktivitet",
        kind: "text",
        required: true,
        width: 36,
        help: "Hur kontrollen görs.",
      },
      {
        key: "responsible",
        header: "Ansvarig",
        kind: "text",
        required: false,
        width: 20,
        help: "Ansvarig för kontrollen.",
      },
      {
        key: "timing",
        header: "Tidpunkt",
        kind: "status",
        list: "tidpunkt",
        required: false,
        width: 11,
        help: "T1, T2, Helår eller Löpande.",
      },
      {
        key: "result",
        header: "Resultat",
        kind: "status",
        list: "kontrollresultat",
        required: false,
        width: 24,
        help: "Resultatet av kontrollen.",
      },
      {
        key: "comment",
        header: "Kommentar",
        kind: "text",
        required: false,
        width: 50,
        help: "Krävs vid avvikelse och när kontrollen inte genomförts.",
      },
      {
        key: "actionOnDeviation",
        header: "Åtgärd vid avvikelse",
        kind: "text",
        required: false,
        width: 40,
        help: "Vad görs åt en stor avvikelse?",
      },
    ],
    instructions:
      "Internkontrollplanens kontroller. Fyll i Resultat och Kommentar när kontrollen har genomförts; " +
      "en kontroll vars tidpunkt har passerat ska ha ett resultat. Avvikelser ska kommenteras.",
  },
];

export function tableDef(key: TableKey): TableDef {
  const def = TABLES.find((t) => t.key === key);
  if (!def) throw new Error(`Okänd tabell: ${key}`);
  return def;
}

export type SettingKey =
  | "organisation"
  | "year"
  | "period"
  | "unit"
  | "materialAmount"
  | "materialPercent"
  | "materialCondition"
  | "assessment"
  | "assessmentAnalysis"
  | "templateVersion";

export interface SettingDef {
  readonly key: SettingKey;
  /** The text in the Inställning column. */
  readonly label: string;
  readonly kind: "text" | "integer" | "number" | "status";
  readonly list?: ListName;
  /** Allowed values of a status setting whose list is not on Listor (yet); see `list`. */
  readonly values?: readonly string[];
  readonly required: boolean;
  /** What a fresh template holds. */
  readonly initial: string | number | null;
  readonly help: string;
  /**
   * The first template version that writes the row (default 1). Workbooks of older templates lack
   * it; a workbook that has the row anyway is read and validated.
   */
  readonly since?: number;
}

/** The allowed values of a status setting, from Listor's list or the setting's own. */
export function allowedValues(setting: SettingDef): readonly string[] | null {
  return setting.list ? LISTS[setting.list] : (setting.values ?? null);
}

/** Every setting Tertial knows: what it reads and validates, in the template's row order. */
export const KNOWN_SETTINGS: readonly SettingDef[] = [
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
    values: MATERIALITY_CONDITIONS,
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
    key: "templateVersion",
    label: "Mallversion",
    kind: "integer",
    required: true,
    initial: TEMPLATE_VERSION,
    help: "Mallens version. Ändra inte.",
  },
];

/** The rows the template of TEMPLATE_VERSION writes, in order. */
export const SETTINGS: readonly SettingDef[] = KNOWN_SETTINGS.filter(
  (s) => (s.since ?? 1) <= TEMPLATE_VERSION
);

/** Sheet holding the allowed values for dropdowns; hidden and protected in the template. */
export const LISTS_SHEET = "Listor";
export const INSTRUCTIONS_SHEET = "Instruktioner";
