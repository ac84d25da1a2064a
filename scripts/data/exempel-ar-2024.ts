/**
 * The example year (templates/exempel-2024-ar/): the nämnd of exempel-2024-T2 through T1, T2 and
 * Helår 2024 in the latest template version, each period made by `rollForward` from the one before
 * and then filled as an ekonom would. Mål, Indikatorer and Rapporttext (the delårsrapport beyond
 * the economy) are in exempel-ar-2024-verksamhet.ts. T2 holds the published figures of document
 * 004 (the same as exempel-2024-T2.xlsx), so only T1 and Helår are ours, but for what makes T2
 * klar-able (no fel): comments on the five rows 004 leaves unexplained (T2_COMMENTS),
 * Bostadsanpassning's sign (withCostSign) and K3 planned for Helår:
 *
 * - T1 (jan–apr): half of T2's outcomes, four twelfths of the budget as periodbudget, and a
 *   forecast that had seen 60 % of the deviation T2 reports; åtgärd Å1 not yet begun and
 *   Å5–Å7 still Pågående; risk R5 and its åtgärd Å8 not yet identified (they come in T2) and
 *   R2 rated sannolikhet 3 (4 in T2); kontroll K2 planned and reported in T1, K3 and K4
 *   planned for Helår, the other T2 kontroller not yet reported. So the T2 report has changes to show.
 * - Helår: the outcome lands a tenth of the way from T2's forecast back towards the budget,
 *   Prognos helår equals it, Utfall period fg år is last year's bokslut, the periodbudget is the
 *   whole budget; two more åtgärder finished, the two still open followed up in December, the
 *   two open kontroller reported, and the internal control assessed.
 *
 * TEXTS: every comment is written for its period and quotes its period's figures (T1_COMMENTS,
 * T2's published texts and T2_COMMENTS, HELAR_COMMENTS; Helår's speak of the outcome, never of a prognos), and
 * an åtgärd whose status changes is followed up in that period. So the stale-text rules
 * (src/core/validate/rules/staleTexts.ts) are silent on the year but for one example on
 * purpose: Investeringar's comment, a general text on what the budget buys, stands unchanged
 * from T1 in T2 (`kommentar-oforandrad` at T2's Investeringar).
 */
import type { CellValue } from "../../src/core/snapshot";
import type { RowOf, WorkbookContent } from "../../src/core/template/content";
import type { DataTableKey } from "../../src/core/template/definition";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { EXAMPLE_2024_T2 } from "./exempel-2024-T2";
import { activityTables, reportTextKey } from "./exempel-ar-2024-verksamhet";

const round1 = (n: number) => Math.round(n * 10) / 10;
const num = (v: CellValue | undefined) => (typeof v === "number" ? v : null);
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

type Row = Readonly<Record<string, CellValue>>;
type Tables = NonNullable<WorkbookContent["tables"]>;

const T2 = EXAMPLE_2024_T2.tables!;

/** A ledger or investment row as it stood at T1. */
function atT1(row: Row, withPeriodBudget = true): Row {
  const budget = num(row.budget);
  const forecast = num(row.forecast);
  const half = (v: CellValue | undefined) => (num(v) === null ? null : round1(num(v)! / 2));
  return {
    ...row,
    actualPriorYear: half(row.actualPriorYear),
    actual: half(row.actual),
    periodBudget: !withPeriodBudget || budget === null ? null : round1((budget * 4) / 12),
    forecast:
      budget === null || forecast === null ? forecast : round1(budget + (forecast - budget) * 0.6),
  };
}

/**
 * Bostadsanpassning's Utfall period fg år with a cost's sign: 004's +1,6 makes the two tables
 * disagree on the column (a fel), so the year, which is klar-able, has it corrected.
 */
const withCostSign = (row: Row): Row =>
  row.activity === "Bostadsanpassning"
    ? { ...row, actualPriorYear: -Math.abs(num(row.actualPriorYear) ?? 0) }
    : row;

const withoutNulls = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined));

type Comments = Readonly<Record<string, string>>;

/** A row with its period's comment, when the period has one for it (by Post, Verksamhet …). */
const commented = (row: Row, key: string, comments: Comments): Row =>
  comments[String(row[key])] === undefined ? row : { ...row, comment: comments[String(row[key])] };

/**
 * T1's own comments, on T1's figures (Avvikelse = Prognos helår − Budget helår at T1).
 * Investeringar keeps T2's text in T1: the year's one deliberate stale comment (see TEXTS).
 */
const T1_COMMENTS = {
  incomeStatement: {
    Personalkostnader:
      "Prognosen visar ett underskott på 39,8 miljoner kronor. Sjukfrånvaro, övertid och vikarier " +
      "saknas till stor del i budgeten, och hemtjänsten i egen regi växer när kunder flyttar från " +
      "privata utförare. Förvaltningen ser över bemanningen.",
    "Köp av verksamhet":
      "Prognosen visar ett överskott på 14,2 miljoner kronor: avtalen med två privata " +
      "hemtjänstutförare är uppsagda och kunderna flyttas till egen regi, och färre platser köps externt.",
    "Övriga driftskostnader":
      "Avviker negativt med 2,9 miljoner kronor jämfört med budget, bland annat efter ett " +
      "domstolsbeslut från 2022 om personlig assistans som belastar året med 2 miljoner kronor.",
    "Bidrag (intäkter)":
      "Bidragen väntas bli 3,3 miljoner kronor lägre än budget: färre riktade statsbidrag till " +
      "äldreomsorgen är beslutade för året än budgeten räknade med.",
  },
  operatingStatement: {
    Hemtjänst:
      "Prognosen visar ett underskott på 15,4 miljoner kronor. Två privata utförares avtal är " +
      "uppsagda och deras kunder flyttas till egen regi under året; nya grupper behöver bemannas.",
    "LSS, boende":
      "Avvikelsen mot budget är −8,0 miljoner kronor. Antalet årsplaceringar väntas öka från 112 " +
      "till 121, vilket kräver mer bemanning.",
    "LSS, personlig assistans":
      "Fler kunder och mer komplexa ärenden kräver utökad grundbemanning; prognosen visar ett " +
      "underskott på 3,3 miljoner kronor.",
    "Köpta platser":
      "Prognosen visar ett överskott på 2,3 miljoner kronor. En mycket kostsam köpt plats " +
      "(13 900 kr/dygn) avslutas i maj, när personen flyttar till en nystartad verksamhet i egen regi.",
    Korttidsboende:
      "Prognosen visar ett underskott på 3,2 miljoner kronor: fler personer än budgeterat väntar " +
      "på korttidsplats på en plats i särskilt boende.",
    "Öppen verksamhet socialpsykiatri":
      "Prognosen visar ett underskott på 0,7 miljoner kronor, när träffpunkten tar emot fler besökare.",
  },
  volumes: {
    "Köpta platser":
      "En dyr extern placering avslutas i maj; prognosen är 54 årsplaceringar mot budgeterade 55.",
  },
} satisfies Record<string, Comments>;

/**
 * Tidpunkt in the example year's plan, where it differs from the published T2's. K3 and K4 have
 * no published result at T2, so the year plans them for Helår and reports them there.
 */
const YEAR_TIMING: Readonly<Record<string, "T1" | "Helår">> = {
  K2: "T1",
  K3: "Helår",
  K4: "Helår",
};
const T2_CONTROLS = T2.controls!.map((c) => ({
  ...c,
  timing: YEAR_TIMING[String(c.id)] ?? c.timing,
}));

export const EXAMPLE_2024_T1: WorkbookContent = {
  settings: {
    ...EXAMPLE_2024_T2.settings,
    period: "T1",
    templateVersion: LATEST_TEMPLATE.version,
  },
  tables: {
    incomeStatement: T2.incomeStatement!.map((r) =>
      withoutNulls(commented(atT1(r), "post", T1_COMMENTS.incomeStatement))
    ),
    operatingStatement: T2.operatingStatement!.map((r) =>
      withoutNulls(commented(atT1(withCostSign(r)), "activity", T1_COMMENTS.operatingStatement))
    ),
    volumes: T2.volumes!.map((r) => commented(r, "activity", T1_COMMENTS.volumes)),
    investments: T2.investments!.map((r) => withoutNulls(atT1(r, false))),
    risks: T2.risks!.filter((r) => r.id !== "R5").map((r) =>
      r.id === "R2" ? { ...r, likelihood: 3 } : r
    ),
    actions: T2.actions!.filter((a) => a.riskId !== "R5").map((a) =>
      a.id === "Å1"
        ? { ...a, status: "Ej påbörjad" as const }
        : a.status === "Avslutad"
          ? { ...a, status: "Pågående" as const }
          : a
    ),
    controls: T2_CONTROLS.map((c) =>
      c.timing === "T1" ? c : { ...c, result: undefined, comment: undefined }
    ),
    ...activityTables("T1"),
  },
};

const column = (key: string) => (row: Row) => String(row[key]);

/** The column naming a row, by table; Rapporttext's rows are named by Avsnitt and Rubrik. */
const KEYS: Readonly<Record<Exclude<DataTableKey, "history">, string | ((row: Row) => string)>> = {
  incomeStatement: "post",
  operatingStatement: "activity",
  volumes: "activity",
  investments: "name",
  risks: "id",
  actions: "id",
  controls: "id",
  reportText: reportTextKey,
  goals: "id",
  indicators: "id",
  accountMapping: "accountFrom",
  objectMapping: "objectFrom",
};

/**
 * A rolled workbook filled with `source`'s rows (matched by key): every column `source` gives
 * wins, the carried columns it does not give (Prognos föregående tertial, Historik) stay, and
 * a row the rolled workbook lacks is added at the end (a risk identified this period).
 */
export function fillFrom(rolled: WorkbookContent, source: Partial<Tables>): WorkbookContent {
  const tables: Record<string, readonly Row[]> = { ...(rolled.tables ?? {}) };
  for (const [table, naming] of Object.entries(KEYS)) {
    const given = (source as Record<string, readonly Row[] | undefined>)[table];
    if (!given) continue;
    const key = typeof naming === "string" ? column(naming) : naming;
    const byKey = new Map(given.map((r) => [key(r), r]));
    const rolledRows = tables[table] ?? [];
    const carried = new Set(rolledRows.map(key));
    tables[table] = [
      ...rolledRows.map((r) => ({ ...r, ...byKey.get(key(r)) })),
      ...given.filter((r) => !carried.has(key(r))),
    ];
  }
  return { ...rolled, tables: tables as Tables };
}

/**
 * The åtgärder whose status changes in T2 (Å1 begun, Å5–Å7 finished) are followed up in T2: the
 * published dates are January's, the follow-up of 2023 (document 001).
 */
const T2_FOLLOW_UP = utc(2024, 8, 26);
const T2_ACTIONS: Readonly<Record<string, Partial<RowOf<"actions">>>> = {
  Å1: {
    followUpDate: T2_FOLLOW_UP,
    comment:
      "Kartläggningen påbörjades i maj. Skillnaderna mellan gruppen med enbart hälso- och " +
      "sjukvårdsinsatser och gruppen med även omsorgsinsatser analyseras under hösten.",
  },
  Å5: { followUpDate: T2_FOLLOW_UP },
  Å6: { followUpDate: T2_FOLLOW_UP },
  Å7: { followUpDate: T2_FOLLOW_UP },
};

/**
 * What the year's T2 adds to the published figures so that it can be klarmarkerad (no fel), as an
 * ekonom would before the nämnd: a comment on the five rows whose deviation 004 leaves unexplained
 * (the texts are ours), and Bostadsanpassning's Utfall period fg år with a cost's sign (004's +1,6
 * made the two tables disagree on the column, see withCostSign). exempel-2024-T2.xlsx keeps 004's
 * figures and texts as printed.
 */
const T2_COMMENTS = {
  incomeStatement: {
    "Taxor och avgifter":
      "Avgifterna väntas bli 4,7 miljoner kronor högre än budget, när fler kunder har hemtjänst i " +
      "egen regi och betalar sin avgift till kommunen.",
    "Bidrag (intäkter)":
      "Prognosen för bidragen är 5,5 miljoner kronor lägre än budget: statsbidraget till " +
      "äldreomsorgen är lägre än budgeterat och ett riktat bidrag för kompetenssatsning har upphört.",
  },
  operatingStatement: {
    Korttidsboende:
      "Prognosen visar ett underskott på 5,3 miljoner kronor. Fler personer än budgeterat bor på " +
      "korttidsplats i väntan på särskilt boende, och flera kunder med omfattande behov kräver extra personal.",
    "Öppen verksamhet socialpsykiatri":
      "Prognosen visar ett underskott på 1,1 miljoner kronor när träffpunkten har fler besökare och " +
      "längre öppettider.",
    Nämnd:
      "Prognosen visar ett överskott på 0,2 miljoner kronor, då färre sammanträden hålls än planerat.",
  },
} satisfies Record<string, Comments>;

const T2_INCOME_STATEMENT = T2.incomeStatement!.map((r) =>
  commented(r, "post", T2_COMMENTS.incomeStatement)
);
const T2_OPERATING_STATEMENT = T2.operatingStatement!.map((r) =>
  commented(withCostSign(r), "activity", T2_COMMENTS.operatingStatement)
);

/** T2 of the cycle: the published figures over the rolled T1, in the year's plan. */
export const T2_FILLED_FROM: Partial<Tables> = {
  ...T2,
  incomeStatement: T2_INCOME_STATEMENT,
  operatingStatement: T2_OPERATING_STATEMENT,
  ...activityTables("T2"),
  actions: T2.actions!.map((a) => ({ ...a, ...T2_ACTIONS[String(a.id)] })),
  controls: T2_CONTROLS,
};

/**
 * Helår's own comments, on the year's outcome (Avvikelse = Utfall period − Budget helår): a
 * verksamhetsberättelse says what happened, not what was forecast.
 */
const HELAR_COMMENTS = {
  incomeStatement: {
    Personalkostnader:
      "Personalkostnaderna blev 59,8 miljoner kronor högre än budget. Sjukfrånvaro, övertid och " +
      "vikarier, inklusive sommarvikarier, saknades till stor del i budgeten, och hemtjänsten i egen " +
      "regi växte när cirka 200 kunder flyttade från privata utförare. Anpassningen av bemanningen " +
      "under hösten gjorde underskottet mindre än vid delåret.",
    "Köp av verksamhet":
      "Köp av verksamhet blev 21,2 miljoner kronor lägre än budget, främst för att cirka 200 " +
      "hemtjänstkunder flyttade från privata utförare till egen regi och för att färre platser köptes externt.",
    "Övriga driftskostnader":
      "Avviker negativt med 4,4 miljoner kronor jämfört med budget. Ökningen är generell; de nya " +
      "hemtjänstgrupperna medförde kostnader vid uppstarten, och ett domstolsbeslut från 2022 om " +
      "personlig assistans belastade året med 2 miljoner kronor.",
    "Bidrag (intäkter)":
      "Bidragen blev 4,9 miljoner kronor lägre än budget, eftersom statsbidraget till äldreomsorgen " +
      "var lägre än budgeterat och kompetenssatsningens bidrag upphörde.",
  },
  operatingStatement: {
    Hemtjänst:
      "Underskottet blev 23,1 miljoner kronor. Cirka 200 kunder flyttade till egen regi under " +
      "sommaren och hösten och tre nya grupper etablerades; sjukfrånvaro, övertid och vikarier " +
      "kostade mer än budgeterat.",
    "LSS, boende":
      "Avvikelsen mot budget är −12,1 miljoner kronor. Årsplaceringarna ökade från 112 under 2023 " +
      "till 121, vilket krävde mer bemanning.",
    "LSS, personlig assistans":
      "Fler kunder och mer komplexa ärenden krävde utökad grundbemanning; underskottet blev 5,0 " +
      "miljoner kronor.",
    "Köpta platser":
      "Överskottet blev 3,4 miljoner kronor. Den kostsamma köpta platsen (13 900 kr/dygn) avslutades " +
      "i maj, och fler externa placeringar ersattes under hösten av insatser i egen regi.",
    Korttidsboende:
      "Underskottet blev 4,8 miljoner kronor. Fler personer än budgeterat bodde på korttidsplats i " +
      "väntan på särskilt boende, även om antalet minskade under hösten.",
    "Öppen verksamhet socialpsykiatri":
      "Underskottet blev 1,0 miljoner kronor, efter längre öppettider på träffpunkten hela året.",
    Nämnd: "Överskottet blev 0,2 miljoner kronor, då nämnden höll färre sammanträden än planerat.",
  },
  volumes: {
    "Köpta platser":
      "Året slutade på 54 årsplaceringar mot budgeterade 55, sedan en dyr extern placering " +
      "avslutades i maj och personen flyttade till en verksamhet i egen regi.",
  },
  investments: {
    Investeringar:
      "Hela investeringsbudgeten på 4,2 miljoner kronor användes: kallelselarm för särskilda " +
      "boenden, möbler och inventarier till verksamheterna och hjälpmedel som elrullstolar.",
  },
} satisfies Record<string, Comments>;

/** What the ekonom fills at Helår, from T2 (the published figures) and the year's close. */
function helarLedger(row: Row, withPeriodBudget = true): Row {
  const budget = num(row.budget);
  const forecast = num(row.forecast);
  const outcome =
    budget === null || forecast === null ? forecast : round1(forecast + (budget - forecast) * 0.1);
  return withoutNulls({
    ...row,
    actualPriorYear: row.priorYear,
    actual: outcome,
    periodBudget: withPeriodBudget ? budget : null,
    forecast: outcome,
  });
}

const FINISHED = "Genomfört under hösten; följs upp i verksamhetsberättelsen.";

export const HELAR_FILLED_FROM: Partial<Tables> = {
  ...activityTables("Helår"),
  incomeStatement: T2.incomeStatement!.map((r) =>
    helarLedger(commented(r, "post", HELAR_COMMENTS.incomeStatement))
  ),
  operatingStatement: T2.operatingStatement!.map((r) =>
    helarLedger(commented(r, "activity", HELAR_COMMENTS.operatingStatement))
  ),
  volumes: T2.volumes!.map((r) => commented(r, "activity", HELAR_COMMENTS.volumes)),
  investments: T2.investments!.map((r) =>
    helarLedger(commented(r, "name", HELAR_COMMENTS.investments), false)
  ),
  actions: [
    { id: "Å1", status: "Avslutad", followUpDate: utc(2024, 12, 16), comment: FINISHED },
    { id: "Å2", status: "Avslutad", followUpDate: utc(2024, 12, 16), comment: FINISHED },
    {
      id: "Å3",
      endDate: utc(2025, 6, 30),
      followUpDate: utc(2024, 12, 16),
      comment: "Förlängd till juni 2025.",
    },
    {
      id: "Å4",
      followUpDate: utc(2024, 12, 16),
      comment:
        "Planen mot oegentligheter är framtagen och chefer har utbildats under hösten; " +
        "uppföljningen av rutinerna fortsätter 2025.",
    },
    {
      id: "Å8",
      followUpDate: utc(2024, 12, 16),
      comment:
        "Rutinen för utbetalning till hemtjänstutförare tillämpas sedan våren och fakturorna " +
        "kontrolleras mot Treserva; det nya planeringssystemet utan QR-koder införs i början av 2025.",
    },
  ] satisfies RowOf<"actions">[],
  controls: [
    {
      id: "K3",
      result: "Kontroll genomförd utan avvikelse",
      comment: "Stickprov i december utan anmärkning.",
    },
    {
      id: "K4",
      result: "Kontroll genomförd med mindre avvikelse",
      comment: "Två beslut saknade signatur; rättat.",
    },
  ] satisfies RowOf<"controls">[],
};

export const HELAR_SETTINGS = {
  assessment: "Delvis tillräcklig",
  assessmentAnalysis:
    "Två kontroller visade stora avvikelser under året; åtgärderna är påbörjade men inte slutförda.",
} as const;
