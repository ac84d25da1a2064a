/**
 * The example workbook's content (templates/exempel-2024-T2.xlsx), taken from two published
 * reports of a Swedish vård- och omsorgsnämnd:
 *
 * - 004: Delårsrapport augusti 2024, vård- och omsorgsnämnden — resultaträkning and
 *   driftsredovisning (ch. 6), volymer (6.3), investeringar (8) and internkontroll (10); comments
 *   are condensed from the economic analysis (6.1).
 * - 001: Samlad riskbild och intern kontrollplan 2023 — risks and their åtgärder (ch. 3).
 *
 * Figures and texts are as published, including their errors (e.g. Bostadsanpassning's positive
 * Utfall period fg år, and sums that do not agree): catching them is the product's job, not the
 * data's. One comment is ours where 004's text contradicts its own table and no rule could catch
 * it: Köp av verksamhet's "överskott på 3,8" (Köpta platser' figure) beside the table's 23,6. Sum rows (Summa intäkter, Summa kostnader, Summa totalt, Totalt) are left out because
 * the product computes them, and the published Avvikelse columns are formulas in the template.
 * Words the PDF text broke across lines are joined; `\n` marks the documents' paragraphs and bullets.
 *
 * Not published, and therefore ours: the Verksamhetsområde grouping of the driftsredovisning,
 * the risks' Sannolikhet and Konsekvens (illustrative values), the Kontroll-ID/Åtgärds-ID
 * numbering, and the Periodbudget. Neither report publishes a Bedömning av intern kontroll, so it
 * is left empty.
 *
 * PERIOD BUDGET: 004 prints no periodbudget column, only two of its figures (ch. 6, Sammanfattning
 * and 6.1): the period's deviation against budget, −30,2 mnkr in all, and −31,8 for
 * Personalkostnader. So Personalkostnader's periodbudget is its Utfall jan–aug −544,3 + 31,8 =
 * −512,5, and every other row's is eight twelfths of its Budget 2024, rounded to one decimal
 * (Övriga driftskostnader −67,0 rather than −66,9, so that the total is −727,7 + 30,2 = −697,5).
 * The driftsredovisning's rows are eight twelfths too, with 3,4 mnkr more on Hemtjänst (1,2),
 * Särskilt boende (1,4) and LSS, boende (0,8), the staff-heavy activities where Personalkostnader's
 * larger periodbudget belongs; its total is the same −697,5, so the two tables agree on the column.
 */
import type { LedgerAmountKey } from "../../src/core/rollup/ledger";
import type { RowOf, WorkbookContent } from "../../src/core/template/content";

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const paragraphs = (...texts: string[]) => texts.join("\n");

type Ledger = [number, number, number, number, number, number];

/**
 * Bokslut 2023, Utfall jan–aug 2023, Utfall jan–aug 2024, Periodbudget jan–aug 2024 (ours, see
 * PERIOD BUDGET above), Budget 2024, Prognos helår 2024.
 */
function ledger([priorYear, actualPriorYear, actual, periodBudget, budget, forecast]: Ledger): Pick<
  RowOf<"incomeStatement">,
  LedgerAmountKey
> {
  return {
    priorYear: priorYear,
    actualPriorYear: actualPriorYear,
    actual: actual,
    periodBudget: periodBudget,
    budget: budget,
    forecast: forecast,
  };
}

// 004, 6.1 Ekonomisk analys, condensed.
const COMMENTS = {
  personnel:
    "Högre personalkostnader inom äldreomsorgen och LSS-boenden: sjukfrånvaro 16,6 miljoner kronor, " +
    "övertid 7,1 miljoner kronor och vikarier och delade turer 84,9 miljoner kronor inklusive " +
    "sommarvikarier, samt utökad hemtjänst då cirka 200 kunder har övergått till egen regi. " +
    "Sjukfrånvaro, övertid och vikariekostnader saknas till stor del i budgeten. Förvaltningen " +
    "arbetar aktivt med att anpassa bemanningen.",
  // 004 puts Köpta platser' 3,8 beside the table's 23,6 here; ours says what makes up the 23,6.
  purchases:
    "Nämndens kostnader för köp av verksamhet består främst av köpta vårdplatser och hemtjänst från " +
    "privata utförare. Prognosen för köp av verksamhet visar ett överskott på 23,6 miljoner kronor, " +
    "främst för att cirka 200 hemtjänstkunder har flyttat från privata utförare till egen regi " +
    "(19,3 miljoner kronor) och för att en mycket kostsam köpt plats (13 900 kr/dygn) avslutades i " +
    "maj (köpta platser 3,8 miljoner kronor).",
  otherOperating:
    "Avviker negativt med 4,9 miljoner kronor jämfört med budget. Ökningen är generell och återfinns " +
    "inom olika områden och kostnadskategorier; de nya grupperna har medfört extra kostnader vid " +
    "uppstarten. Ett domstolsbeslut från 2022, rörande personlig assistans, har påverkat budgeten " +
    "negativt med 2 miljoner kronor.",
  homeCare:
    "Kommunen har sagt upp avtalen med två privata utförare och flyttat cirka 200 hemtjänstkunder " +
    "till egen regi. Överskottet på 19,3 miljoner kronor har använts för att anställa personal och " +
    "etablera tre nya grupper, men behovet överstiger 19,3 miljoner kronor. Ökade kostnader för " +
    "sjukfrånvaro 4,6, övertid 1,7 och vikarier 23,8 miljoner kronor inklusive sommarvikarier.",
  lssHousing:
    "Avvikelsen mot budget är −13,4 miljoner kronor. Årsplaceringarna ökar från 112 i augusti 2023 " +
    "till 121 enligt prognosen för 2024, vilket kräver mer bemanning. Ökade kostnader för " +
    "sjukfrånvaro 1,3, övertid 1,2 och vikarier 8,1 miljoner kronor inklusive sommarvikarier.",
  personalAssistance:
    "Antalet kunder inom personlig assistans ökar, och grundbemanningen behöver utökas på grund av " +
    "mer komplexa ärenden som kräver extra personalresurser.",
  purchasedPlaces:
    "Prognosen visar ett överskott på 3,8 miljoner kronor. En mycket kostsam köpt plats " +
    "(13 900 kr/dygn) avslutades första veckan i maj och personen har flyttat till en nystartad " +
    "verksamhet i kommunens egen regi. Fler externa placeringar väntas avslutas och ersättas av " +
    "insatser inom kommunens egen verksamhet.",
};

const INCOME = "Intäkt";
const COST = "Kostnad";

// 004, ch. 6 Resultaträkning (mnkr).
const incomeStatement: RowOf<"incomeStatement">[] = [
  { post: "Taxor och avgifter", type: INCOME, ...ledger([44.5, 29.8, 32.3, 29.3, 44.0, 48.7]) },
  { post: "Bidrag (intäkter)", type: INCOME, ...ledger([34.9, 15.0, 16.3, 22.0, 33.0, 27.5]) },
  { post: "Övriga intäkter", type: INCOME, ...ledger([12.9, 7.4, 8.3, 7.7, 11.5, 11.9]) },
  {
    post: "Personalkostnader",
    type: COST,
    ...ledger([-760.0, -505.8, -544.3, -512.5, -763.5, -829.9]),
    comment: COMMENTS.personnel,
  },
  { post: "Bidrag (kostnader)", type: COST, ...ledger([-21.2, -11.5, -15.0, -16.6, -24.9, -23.1]) },
  {
    post: "Köp av verksamhet",
    type: COST,
    ...ledger([-161.2, -98.6, -107.4, -114.4, -171.6, -148.0]),
    comment: COMMENTS.purchases,
  },
  { post: "Lokalhyror", type: COST, ...ledger([-61.0, -41.8, -45.3, -42.7, -64.1, -68.9]) },
  {
    post: "Övriga driftskostnader",
    type: COST,
    ...ledger([-105.9, -64.7, -69.3, -67.0, -100.4, -105.3]),
    comment: COMMENTS.otherOperating,
  },
  { post: "Kapitaltjänstkostnader", type: COST, ...ledger([-4.9, -3.2, -3.3, -3.3, -5.0, -5.3]) },
];

// Our grouping: the report publishes no Verksamhetsområde.
const ELDERLY = "Äldreomsorg";
const LSS = "LSS och socialpsykiatri";
const OTHER = "Övrigt";

// 004, ch. 6 Driftsredovisning (mnkr).
const operatingStatement: RowOf<"operatingStatement">[] = [
  {
    activity: "Hemtjänst",
    area: ELDERLY,
    ...ledger([-225.0, -146.4, -167.0, -148.7, -221.3, -247.0]),
    comment: COMMENTS.homeCare,
  },
  {
    activity: "Särskilt boende",
    area: ELDERLY,
    ...ledger([-302.7, -205.4, -214.1, -202.3, -301.3, -303.7]),
  },
  {
    activity: "Korttidsboende",
    area: ELDERLY,
    ...ledger([-15.9, -9.7, -10.0, -10.2, -15.3, -20.6]),
  },
  {
    activity: "Hjälpmedel, dagverksamhet, jour, demensteam",
    area: ELDERLY,
    ...ledger([-80.7, -51.8, -57.0, -60.3, -90.4, -89.8]),
  },
  {
    activity: "Öppen verksamhet äldreomsorg",
    area: ELDERLY,
    ...ledger([0, 0, 0, 0, 0, 0]),
  },
  {
    activity: "LSS, boende",
    area: LSS,
    ...ledger([-119.7, -81.8, -81.2, -73.1, -108.5, -121.9]),
    comment: COMMENTS.lssHousing,
  },
  {
    activity: "LSS, daglig verksamhet",
    area: LSS,
    ...ledger([-59.3, -39.1, -43.2, -45.8, -68.7, -69.0]),
  },
  {
    activity: "LSS, personlig assistans",
    area: LSS,
    ...ledger([-69.4, -40.9, -47.6, -46.6, -69.9, -75.4]),
    comment: COMMENTS.personalAssistance,
  },
  {
    activity: "LSS, kontaktperson, ledsagning, avlösare, barnverksamhet, stödfamilj, PO ombud",
    area: LSS,
    ...ledger([-27.0, -18.3, -18.6, -18.5, -27.7, -26.6]),
  },
  {
    activity: "Boendestöd",
    area: LSS,
    ...ledger([-15.6, -10.2, -10.6, -13.1, -19.7, -20.6]),
  },
  {
    activity: "Öppen verksamhet socialpsykiatri",
    area: LSS,
    ...ledger([-3.0, -2.3, -2.6, -2.7, -4.1, -5.2]),
  },
  // Utfall period fg år +1,6 as published: very likely a sign error.
  {
    activity: "Bostadsanpassning",
    area: OTHER,
    ...ledger([-3.0, 1.6, -2.9, -3.3, -5.0, -5.0]),
  },
  {
    activity: "Köpta platser",
    area: OTHER,
    ...ledger([-58.5, -37.1, -43.2, -45.2, -67.8, -64.0]),
    comment: COMMENTS.purchasedPlaces,
  },
  {
    activity: "Central administration",
    area: OTHER,
    ...ledger([-40.6, -27.9, -28.7, -26.6, -39.9, -42.0]),
  },
  {
    activity: "Nämnd",
    area: OTHER,
    ...ledger([-1.5, -1.0, -0.9, -1.1, -1.6, -1.4]),
  },
];

const volume = (
  activity: string,
  unit: string,
  budget: number,
  forecast: number,
  amountDeviation: number,
  comment?: string
): RowOf<"volumes"> => ({
  activity: activity,
  volumeUnit: unit,
  budgetVolume: budget,
  forecastVolume: forecast,
  amountDeviation: amountDeviation,
  ...(comment ? { comment: comment } : {}),
});

// 004, 6.3 Uppföljning volymer; the comment is the text below the table.
const volumes: RowOf<"volumes">[] = [
  volume("LSS, daglig verksamhet", "Kunder", 235, 235, 0),
  volume("Boendestöd", "Timmar", 16000, 16000, 0),
  volume("Hemtjänst", "Timmar", 346000, 346000, 0),
  volume("Korttidsboende", "Årsplacering", 30, 30, 0),
  volume(
    "Köpta platser",
    "Årsplacering",
    55,
    54,
    1.2,
    "Under första veckan i maj avslutades en mycket dyr extern placering (13 900 kr per dygn) och " +
      "personen i fråga har nu flyttat till en ny verksamhet som drivs av kommunen. Det har krävts " +
      "mycket förberedelsearbete för att allt ska fungera, men i dagsläget går det bra. Planering " +
      "pågår för att kunna ta hem fler personer under året. I övrigt är prognosen oförändrad."
  ),
  volume("LSS, boende", "Årsplacering", 121, 121, 0),
  volume("Särskilt boende", "Årsplacering", 447, 447, 0),
];

// 004, 8.1 Investeringsredovisning, årlig budget (mnkr), with its comment.
const investments: RowOf<"investments">[] = [
  {
    name: "Investeringar",
    budget: -4.2,
    actual: -2.1,
    forecast: -4.2,
    comment:
      "Investeringsbudgeten används till att bekosta kallelselarm för särskilda boenden, möbler och " +
      "andra inventarier till verksamheterna samt olika hjälpmedel, till exempel elrullstolar. vilket " +
      "inkluderar allt från kontorsmöbler och arbetsstationer till teknisk utrustning och " +
      "inredningsdetaljer. Dessa satsningar syftar till att förbättra arbetsmiljön, öka effektiviteten " +
      "och skapa en mer attraktiv och funktionell miljö.",
  },
];

const RISK_AREA = "Gemensamt Äldre samt vård- och omsorg";

// 001, ch. 3. Sannolikhet and Konsekvens are not published: illustrative values.
const risks: RowOf<"risks">[] = [
  {
    id: "R1",
    area: RISK_AREA,
    title: "Brister i informationsöverföringen",
    description:
      "Risk att den enskilde inte får det stöd hen har rätt till på grund av bristande " +
      "informationsöverföring mellan legitimerad personal och omsorgspersonal.",
    consequence: "Kan leda till att behov inte tillgodoses och vårdskada för den enskilde",
    likelihood: 3,
    impact: 3,
    treatment: "Hantera",
    existingControls: "Avvikelsehanteringen",
  },
  {
    id: "R2",
    area: RISK_AREA,
    title: "Brist på arbetskraft med rätt kompetens",
    description: "Det råder stor brist på ett flertal yrkeskategorier inom vård- och omsorg",
    consequence:
      "Vilket kan leda till att den enskilde inte får den vård och omsorg hen har rätt till samt " +
      "negativ påverkan på chefers och medarbetares arbetsmiljö. Vilket i sin tur ytterligare " +
      "försvårar nyrekryteringen.",
    likelihood: 4,
    impact: 3,
    treatment: "Hantera",
    existingControls:
      "ARUBA, säkerställa gemensam introduktion, arbeta med kompetensmodellen, renodla de " +
      "legitimerades uppdrag, digitalisering, pröva alternativa tjänster såsom farmaceuter och " +
      "specialistundersköterskor",
  },
  {
    id: "R3",
    area: RISK_AREA,
    title: "Risk för oegentligheter",
    description:
      "Risk för oegentligheter exempelvis systematiskt fusk med verksamhetssystem, att rekrytering " +
      "inte sker enligt reglerna, Fusk med inköp och så vidare",
    consequence: paragraphs(
      "Förtroendeskador för verksamheten",
      "Den enskilde får inte det den har rätt till",
      "Bristande hantering av skattemedel"
    ),
    likelihood: 2,
    impact: 4,
    treatment: "Hantera",
    existingControls: paragraphs(
      "Kontroller i Personec inför löneutbetalning.",
      "Visselblåsarfunktion.",
      "Kontroller i ekonomisystemet",
      "Stickprov av in och utcheckning inom hemtjänsten"
    ),
  },
  {
    id: "R4",
    area: RISK_AREA,
    title: "Brister vid projekt och uppdrag inom IT",
    description:
      "Brister då verksamheten inte har möjlighet att vara tillräckligt involverade vid olika " +
      "IT-initiativ för att styra och prioritera.",
    consequence:
      "Detta kan leda till ökade kostnader. Det kan även leda till kvalitetsbrister/ individens " +
      "behov blir inte tillgodosedda samt negativ påverkan på arbetsmiljön. IT-stöden blir inte det " +
      "stöd de är avsedda att vara.",
    likelihood: 3,
    impact: 2,
    treatment: "Hantera",
  },
  {
    id: "R5",
    area: RISK_AREA,
    title: "Inköpsprocessen, köp av huvudverksamhet",
    description:
      "Risk att felaktigheter sker i samband med ersättningar till utförare inom hemtjänst och VoB. " +
      "Felregistreringar avseende omsorgstagare under 65 år men som belastat äldreomsorgen.",
    consequence:
      "Fel belopp utbetalas, skadar förtroendet för förvaltningen, ger missvisande bild och " +
      "försvårar uppföljningen, ger en sämre arbetsmiljö för enhetscheferna som ska attestera.",
    likelihood: 3,
    impact: 3,
    treatment: "Hantera",
  },
];

function action(
  id: string,
  riskId: string,
  status: "Pågående" | "Avslutad",
  text: string,
  endDate: Date,
  followUpDate: Date,
  comment: string
): RowOf<"actions"> {
  return {
    id: id,
    riskId: riskId,
    text: text,
    status: status,
    endDate: endDate,
    followUpDate: followUpDate,
    comment: comment,
  };
}

// 001, ch. 3, in document order: title and description, then the comment under its date.
const actions: RowOf<"actions">[] = [
  action(
    "Å1",
    "R1",
    "Pågående",
    paragraphs(
      "Kartlägga och utreda orsaken till brister i informationsöverföring",
      "Kartläggning och utredning om det finns skillnader i brister i informationsöverföringen " +
        "bland gruppen med enbart hälso- och sjukvårdsinsatser och gruppen med både hälso- och " +
        "sjukvårdsinsatser och hemtjänstinsatser."
    ),
    utc(2023, 12, 31),
    utc(2024, 1, 26),
    paragraphs(
      "Kartläggningen är ännu inte påbörjad men uppdragsbeskrivning har beslutats inom hemtjänsten.",
      "2023-01-01 infördes lag om Sammanhållen vård- och omsorgsdokumentation (2022:913) och " +
        "förändringar i Offentlighets- och sekretesslagen (2009:400) vilket med för att kommunens " +
        "vårdgivare och omsorgsgivare digitalt får dela information om patienter. Det kommer att " +
        "möjlig göra för ett framtida digitalt stöd för samverkan mellan hälso- och sjukvården och " +
        "socialtjänsten, vilket det finns ett behov av då de digitala verksamhetssystemen idag inte " +
        "integrerar med varandra."
    )
  ),
  action(
    "Å2",
    "R1",
    "Pågående",
    "Fortsatt implementering av rutinen",
    utc(2023, 12, 31),
    utc(2023, 10, 31),
    'Fortsatt implementering av och information om rutinen "Informationsöverföring mellan ' +
      'kommunal hälso- och sjukvård och socialtjänst".'
  ),
  action(
    "Å3",
    "R2",
    "Pågående",
    "Fortsatt arbete enligt strategier och åtgärder i kompetensförsörjningsplanen",
    utc(2023, 12, 31),
    utc(2024, 1, 30),
    paragraphs(
      "Förvaltningens kort- och långsiktiga kompetensförsörjningsarbete påverkar möjligheterna att " +
        "utföra grunduppdraget.",
      "Genom kompetensförsörjningsprojektet ARUBA (2022–2023) har en kompetensförsörjningsplan " +
        "tagits fram med nio strategier för att systematisera, organisera och prioritera aktiviteter " +
        "och insatser i förvaltningen både på kort och lång sikt. Det långsiktiga perspektivet " +
        "omhändertas i förvaltningens tioårsplan. Förvaltningens nio strategier bidrar till att " +
        "skapa attraktiva anställningsvillkor och arbetsmiljö, samordnad och kvalitetssäkrad " +
        "rekrytering, introduktion och mentorskap samt kompetens- och karriärutveckling för både " +
        "medarbetare och chefer.",
      "Inom hemtjänsten har ett mentorskoncept tagits fram och prövats i samband med årets " +
        "introduktion av sommarvikarier. Utvärdering av arbetet pågår. En vårdlärare är anställd med " +
        "uppdrag att driva arbetet. Omsorgshandledarnas uppdrag är viktig för medarbetares " +
        "kompetensutveckling såsom metodstöd, handledning, introduktion och implementeringen av fast " +
        "omsorgskontakt.",
      "Verksamheten har ökat användandet av underleverantörer inom städservice.",
      "Inom vård- och omsorgsboende har en verksamhetsutvecklare anställts med uppdrag att samordna " +
        "insatser inom kompetensförsörjningsområdet.",
      "Omsorgshandledare har metodstöd/handledning i sitt grunduppdrag och är en viktig del i " +
        "medarbetares möjlighet att få utbildning och handledning.",
      "Rollen som specialistundersköterska är införd. Specialistundersköterskor leder kortare " +
        "utbildningar inom vissa områden för att höja kompetens för medarbetare.",
      "Ett arbete med att differentiera arbetsuppgifter och ta fram procentuella mål för omfattning " +
        "av anställda i respektive befattning pågår inom verksamheten. Arbetet blir b.la underlag för " +
        "fortsatt samverkan med Arbetsmarknad och vuxenutbildning och utbildningssatsningar i " +
        "Äldreomsorgslyftet mellan år 2024–2026.",
      "Utbildningsinsatser sker även inom ramen för omställningsfonden och nära vård. För att klara " +
        "kompetensförsörjning på sikt behövs en långsiktig plan för att möjliggöra för medarbetare att " +
        "utvecklas i linje med karriärvägsmodellen.",
      "Inom hälso- och sjukvården har en verksamhetsutvecklare anställts med uppdrag att samordna " +
        "insatser inom kompetensförsörjningsområdet och främst arbeta utifrån strategi sex i " +
        "kompetensförsörjningsplanen. Huvuduppdraget är att samordna introduktionen för nyanställda, " +
        "ett arbete pågår att se över den lokala introduktionen samt att utveckla och förbättra det " +
        "centrala introduktionspaket som finns. Det kommer också påbörjas ett arbete för att " +
        "systematiskt kunna kartlägga verksamhetens kompetens och vilka områden som verksamheten " +
        "behöver stärka upp. I introduktionen för nya sjuksköterskor ingår numera en halvdag om " +
        "delegeringsprocessen. Det behöver också tas fram en generell delegeringsutbildning för " +
        "arbetsterapeuter och fysioterapeuter.",
      "I övrigt finns numera en tjänst som ambulerande sjuksköterska i syfte att i större " +
        "utsträckning undvika att ta in inhyrd personal. Ett arbete som ambulerande sjuksköterska kan " +
        "också ofta kan leda till intresse för tillsvidareanställning."
    )
  ),
  action(
    "Å4",
    "R3",
    "Pågående",
    paragraphs(
      "Kartlägga, strukturera och ta fram en plan för arbetet mot oegentligheter",
      "Arbetet görs bland annat med underlag från rapporten från KPMG"
    ),
    utc(2023, 12, 31),
    utc(2024, 1, 30),
    paragraphs(
      "Förvaltningens utgångspunkt i arbetet är bland annat utifrån underlaget från rapporten som " +
        "sammanställdes av KPMG.",
      "Förvaltningens önskade effekthemtagningar med arbetet är följande:",
      "• Göra det enklare att göra rätt samt skapa en trygg och tillitsfull kultur.",
      "• Säkerställa att vi följer de rutiner, regler och lagar som gäller.",
      "• Stötta chefer i arbetet med att identifiera och hantera oegentligheter.",
      "• Utveckla en trygg organisation som baseras på tillit där det finns goda förutsättningar för " +
        "att kunna påtala fel och brister i verksamheten och ta hand om dessa på ett bra sätt."
    )
  ),
  action(
    "Å5",
    "R3",
    "Avslutad",
    "Nya rutiner och kontroller för fordonsanvändning",
    utc(2023, 8, 31),
    utc(2024, 1, 26),
    paragraphs(
      "Den 29 juni 2023 beslutade förvaltningens direktör om fyra olika dokument som rör " +
        "verksamhetens fordon.",
      "• Information till dig som kör verksamhetsfordon",
      "• Regel för användande av verksamhetsfordon",
      "• Rutin för anskaffande och användning av drivmedelskort",
      "• Rutin för internkontroll av förvaltningens fordon"
    )
  ),
  action(
    "Å6",
    "R3",
    "Avslutad",
    "Nya rutiner och kontroller för inköp av IT- och telefonihårdvara",
    utc(2023, 8, 31),
    utc(2024, 1, 30),
    "Förvaltningen har arbetat och utvecklat rutiner, formulär och kontroller för inköp av IT- och " +
      "telefonihårdvara som publicerats på intranätet. Vidare har ett arbete också påbörjats för att " +
      "stödja verksamheterna i uppföljning av vissa typer av inköp."
  ),
  action(
    "Å7",
    "R4",
    "Avslutad",
    paragraphs(
      "Förändrad struktur för styrningen och ägarskapet",
      "En förändrad projektmodell kommer att införas för att öka delaktigheten av verksamheten och " +
        "en process för att kvalificera behov och idéer."
    ),
    utc(2023, 12, 31),
    utc(2024, 1, 30),
    paragraphs(
      "Strategiska månadsmöten",
      "Varje månad genomförs strategiska dialoger med respektive verksamhet där dialog förs och " +
        "gemensam uppfattning skapas om pågående projekt och nya initiativ. Mötena genomförs utifrån " +
        "agenda och protokoll. Utifrån en gemensam uppfattning om hur det går för projekten och vilka " +
        "nya initiativ som lyfts, skapas möjligheten att diskutera vilka taktiska eller strategiska " +
        "steg som behöver tas och vilka prioriteringar som behöver göras. De strategiska mötena bereds " +
        "tillsammans av utvecklingsledare och verksamhetsutvecklare.",
      "För att samordna och förankra hela förvaltningens perspektiv, kan avdelningschefernas " +
        "beredande möten användas som ett forum för digitaliseringsråd, där nya uppdrag och behov kan " +
        "prioriteras och beslutas.",
      "Enhetschef för Digitalisering och IT har ansvaret att föra med sig förvaltningens " +
        "uppfattningar och beslut in till integrerad digitalisering och den operativa styr och " +
        "samordningsgruppen.",
      "Prioriteringsforum med förvaltningsdirektör och uppföljning i förvaltningsledning",
      "En gång i månaden genomförs ett prioriteringsforum med förvaltningsdirektör med syfte att " +
        "skapa en helhetsbild och därmed skickligöra direktör i möten med samverkansparter och bereda " +
        "frågor inför styrgrupp. Prioforum används också till att få vägledning från direktör i " +
        "avgörande frågor såsom uppstart av nya projekt och finansiering.",
      "Återkommande återkopplas också status för digitaliseringsarbetet i förvaltningsledning och i " +
        "nämnd."
    )
  ),
  action(
    "Å8",
    "R5",
    "Pågående",
    paragraphs(
      "Genomföra rekommendationer enligt revisionsrapport",
      "- tydliggöra vilka kontroller som ska tillämpas i utbetalningsprocessen och att dessa " +
        "dokumenteras.",
      "- tydliggöra vilka underlag som ska finnas vid utbetalning och vilka kontroller av dessa som " +
        "ska genomföras.",
      "- se över att enhetschefer och medarbetare har de behörigheter som behövs för att kunna " +
        "genomföra kompenserande kontroller.",
      "- då systemstöd saknas, genomföra kompenserande kontroller att utbetalningar av utförd tid " +
        "stämmer överens med beviljad tid.",
      "- se över vilka kontroller som kan införas för att kontrollera vad som registrerats med " +
        "QR-kod och vad som lagts in manuellt.",
      "- att säkerställa att rätt registrering görs avseende brukare så att de under 65 år inte " +
        "belastar äldreomsorgen",
      "- att säkerställa att utförare registrerar utförd tid på rätt område.",
      "- att vid betalning till leverantör kontrollera fakturan mot uppgifter i Treserva, kontrollen " +
        "efterlevs inte fullt ut. Det finns således risk att fakturor som attesterats innehåller " +
        "felaktigt antal dygn, dygnspriser samt dubbelfakturering."
    ),
    utc(2023, 12, 31),
    utc(2024, 2, 1),
    paragraphs(
      "Det är inte nödvändigt att kontrollera om enhetschefer och medarbetare har rätt behörigheter " +
        "för att göra extra kontroller när det inte längre finns något behov av att kontrollera om " +
        "utförd tid stämmer överens med beviljad tid. Detta eftersom hemtjänstens ersättningsmodell " +
        "har ändrats från utförd till beviljad tid.",
      "Inom förvaltningen kommer det däremot ett fortsatt arbete att göras för att säkerställa att " +
        "medarbetare och chefer ska ha rätt behörighet i Treserva. Fokuset är att hemtjänsttagare ska " +
        "ha sina behov tillgodosedda samt att beviljad tid ska vara korrekt.",
      "Förvaltningen har ett pågående arbete med att säkerställa att det finns rutiner som " +
        "förhindrar felaktiga utbetalningar och minimerar risk för oegentligheter. Det är flera " +
        "funktioner inom förvaltningen som är involverade i inköpsprocessen. För att tydliggöra " +
        "ersättnings-/utbetalningsprocessen till hemtjänstutförare har en rutin framtagits under året " +
        "med beskrivningar av olika moment och kontroller som ska utföras i samband med " +
        "utbetalningsprocessen. Rutinen beskriver aktiviteter som utförare respektive beställare " +
        "behöver genomföra för att underlag i ekonomistyrningen ska bli korrekt.",
      "För att säkerställa att rätt registrering görs avseende omsorgstagare över 65 år har " +
        "förvaltningen en efterkontroll att administratörer för ekonomistyrning och " +
        "avgiftshandläggning skriver avvikelser då felaktiga registreringar gjorts för att " +
        "uppmärksamma eventuella brister.",
      "Inom hemtjänsten genomförs utredningar vid misstanke om oegentligheter som till exempel " +
        "manipulering av IT-stöd. Utredning sker i samarbete med HR.",
      "Införande av nytt planeringssystem utan QR koder har påbörjats under hösten 2023. Pilot " +
        "kommer att genomföras och införandet planeras vara klart under 2024. Nytt planeringssystem " +
        "innebär att fusk med QR kod inte är möjligt längre.",
      "För att utveckla arbeta med inköpsprocessen har förvaltningen efter undertecknande av nytt " +
        "ramavtal med privata utförare av vård- och omsorgsboende uppmärksammat behov av kartläggning " +
        "av alla gällande placeringar som har gjorts innan avtalet träde i kraft 2023-04-01. Detta för " +
        "att säkerställa att alla placeringar har ett gällande placeringsavtal. Uppdraget var att " +
        "genomföra en kartläggning och juridiska frågor och bedömningar har stämts av med " +
        "förvaltningens jurist, som också deltagit i alla överläggningar och möten med nedanstående " +
        "utförare.",
      "Kartläggningen har pågått under hösten 2023 och inkluderat cirka 600 placeringsavtal. " +
        "Resultatet av kartläggningen har överlämnats och den 12 januari 2024 har samtliga privata " +
        "utförare fått fysiska placeringsavtal för påskrift där dessa saknades och därmed har " +
        "förvaltningen säkerställt gällande placeringar och uppdatering av nödvändig dokumentation.",
      "Avstämningar med ansvariga ekonomer har gjorts regelbundet under kartläggningens för att " +
        "uppdatera ekonomiskt utfall för perioden och möta den framtida kostnaden utifrån åtgärd. " +
        "Efter avslutad kartläggning har beräknad kostnad kunnat bekräftas. Arbete med genomgång och " +
        "kontroll av fakturor har påbörjats."
    )
  ),
];

const MAJOR = "Kontroll genomförd med stor avvikelse";
const MINOR = "Kontroll genomförd med mindre avvikelse";

/** `result` null: the report publishes no result for the control. */
function control(
  id: string,
  risk: string,
  activity: string,
  result: string | null,
  comment: string
): RowOf<"controls"> {
  return {
    id: id,
    riskText: risk,
    activity: activity,
    timing: "T2",
    result: result,
    comment: comment,
  };
}

// 004, ch. 10 Internkontroll. These risks are not in the risk table, so no Risk-ID.
const controls: RowOf<"controls">[] = [
  control(
    "K1",
    "Risk för bristande beslutsunderlag.",
    "Kontroll av analyser och prognoser jämfört med faktiskt utfall.",
    MAJOR,
    "Arbetet med att utveckla ekonomiska underlag kopplat till uppföljning och analys pågår men har " +
      "för närvarande stora brister. Förstärkning i form av controller på konsultbasis har " +
      "genomförts för att intensifiera arbetet."
  ),
  control(
    "K2",
    "Risk för bristande kommunikation och dialog kopplat till det förändringsarbete vård- och " +
      "omsorgsnämnden står inför.",
    "Förändringskommunikation.",
    MINOR,
    "Pågår ständigt arbete gällande kommunikation i ledningsgruppen. Speciella plattformar och " +
      "kommunikationskanaler kopplat till omställningsarbetet finns upprättade för ökad kommunikation."
  ),
  control(
    "K3",
    "Risk för att medarbetare utsätts för hot och våld",
    "Avvikelser gällande hot och våld.",
    null,
    paragraphs(
      "Under perioden januari till augusti i år har det rapporterats in 64 avvikelser om hot " +
        "jämfört med 62 under samma period föregående år. Antalet hot mot tjänsteman har endast " +
        "rapporterats in 2 under 2024 jämfört med 8 samma period föregående år. Antalet avvikelser " +
        "kring våld har minskat från 96 till 73 under 2024 jämfört med föregående år. Våld mot " +
        "tjänsteman har ökat från 6 2023, till 9 under samma period 2024.",
      "I början av året togs en vägledning för systematiskt arbete med hot och våld fram av " +
        "HR-strateg inom arbetsmiljö för spridning i verksamheterna. Just nu pågår även ett centralt " +
        "arbete med framtagande av en digital utbildning inom hot och våld utifrån " +
        "arbetsmiljöperspektiv samt konflikthantering."
    )
  ),
  control(
    "K4",
    "Risk för ökad sjukfrånvaro",
    "Andel sjukfrånvaro.",
    null,
    "Förutom under januari och mars 2024 är sjukfrånvaron inom VO högre än samma period föregående " +
      "år. Under januari, februari och mars 2024 var långtidsfrånvaron dock lägre än samma månader " +
      "föregående år. Från och med april och framåt har långtidsfrånvaron varit högre än samma " +
      "period föregående år. Korttidsfrånvaron har varit högre under samtliga aktuella månader 2024 " +
      "jämfört med 2023."
  ),
  control(
    "K5",
    "Risk för att nämnden redovisar negativ ekonomisk avvikelse",
    "Kontroll av nämndens ekonomiska avvikelse",
    MAJOR,
    "Nämnden kommer att redovisa en stor negativ avvikelse 2024."
  ),
  control(
    "K6",
    "Risk för brister i samverkan med regionen",
    "Kontroll av samverkansprocesser tillsammans med regionen",
    MINOR,
    "Samverkansforum finns upprättade. Båda huvudmännen har stora ekonomiska utmaningar vilket " +
      "utmanar samverkansarbetet."
  ),
];

export const EXAMPLE_2024_T2: WorkbookContent = {
  settings: {
    organisation: "Vård- och omsorgsnämnden",
    year: 2024,
    period: "T2",
    unit: "mnkr",
    materialAmount: 5,
    materialPercent: 10,
    assessment: null,
    assessmentAnalysis: null,
    templateVersion: 1,
  },
  tables: {
    incomeStatement,
    operatingStatement,
    volumes,
    investments,
    risks,
    actions,
    controls,
  },
};
