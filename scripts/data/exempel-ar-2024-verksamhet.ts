/**
 * The example year's delårsrapport beyond the economy (template v3): Mål, Indikatorer and
 * Rapporttext in T1, T2 and Helår 2024, from document 004 (vård- och omsorgsnämndens
 * delårsrapport augusti 2024, ch. 1–4 and 9), shortened.
 *
 * FROM 004: the mål and their hierarchy (4.1 the KF målbild "Tillsammans skapar vi trygghet" and
 * its three koncernmål, 4.2 the nämnd's utvecklingsmål with 4.2.3's three delmål), the T2
 * analyses and T2 texts (shortened), and these T2 indicator values: 42 personer med beslut om
 * korttidsplats (juni; 57 in January, used as Utfall fg år) and 95 % riskbedömningar in Senior
 * alert. Budgetavvikelsen is the workbook's own: Prognos helår − Budget helår of Resultaträkning
 * in each period (−30,8, −51,4 and −46,3 mnkr; 004 prints −51,2 beside its own sums).
 *
 * OURS, MADE UP: every Bedömning (004 shows its bedömning as a symbol the text lost); every other
 * indicator value (Utfall fg år, Målvärde, Utfall), marked `madeUp` below; the parent of each
 * nämnd mål (004 does not map them to the koncernmål); the T1 and Helår texts, written for their
 * period from what 004 tells of the year. The two Kolada KPI ids are Kolada's brukarbedömning
 * helhetssyn for hemtjänst (U21468) and särskilt boende (U23471), as public Kolada clients name
 * them; their values here are made up
 * and empty during the year, as 004 says the year's brukarbedömningar are not yet published.
 *
 * TEXTS: each period's texts and analyses are its own (T1 speaks of the plan, T2 of the work
 * under way, Helår of the outcome), so nothing stands unchanged from one period to the next.
 */
import type { CellValue } from "../../src/core/snapshot";
import type { RowOf, WorkbookContent } from "../../src/core/template/content";
import type { GoalAssessment } from "../../src/core/template/lists";

type Tables = NonNullable<WorkbookContent["tables"]>;
type Period = "T1" | "T2" | "Helår";
const PERIODS = ["T1", "T2", "Helår"] as const;

/** One value per period, T1, T2 and Helår. */
type PerPeriod<T> = readonly [T, T, T];

interface Goal {
  readonly id: string;
  readonly goal: string;
  readonly level: "Kommunfullmäktige" | "Nämnd";
  readonly parentId?: string;
  readonly assessment: PerPeriod<GoalAssessment>;
  readonly analysis: PerPeriod<string>;
}

const GOALS: readonly Goal[] = [
  {
    id: "KF1",
    goal: "Tillsammans skapar vi trygghet",
    level: "Kommunfullmäktige",
    assessment: ["Delvis uppfyllt", "Delvis uppfyllt", "Uppfyllt"],
    analysis: [
      "Två strateger arbetar sedan januari med att förebygga välfärdsbrott och granska verksamheten. " +
        "Utbildningen i IBIC har börjat.",
      "Strategerna följer upp och granskar all verksamhet under nämnden, och utbildningen i IBIC " +
        "pågår. Årets brukarbedömningar är ännu inte publicerade.",
      "Granskningarna av verksamheten har gett underlag för bättre uppföljning, och berörda " +
        "medarbetare har utbildats i IBIC. Brukarbedömningarna ligger nära fjolårets.",
    ],
  },
  {
    id: "KF2",
    goal: "Samhörighet",
    level: "Kommunfullmäktige",
    parentId: "KF1",
    assessment: ["Delvis uppfyllt", "Delvis uppfyllt", "Uppfyllt"],
    analysis: [
      "Samverkan med Region Uppsala inom hälsa, stöd, vård och omsorg fortsätter; förändringsarbetet " +
        "har just börjat.",
      "Förändringsarbetet har gett nya samarbeten mellan och inom verksamheterna, och en satsning " +
        "på nära vård inriktas under hösten på hemtjänst och hemsjukvård.",
      "Handlingsplanen för nära vård i hemtjänst och hemsjukvård togs fram under hösten, och de " +
        "nya samarbetena mellan verksamheterna har bestått.",
    ],
  },
  {
    id: "KF3",
    goal: "Självständighet",
    level: "Kommunfullmäktige",
    parentId: "KF1",
    assessment: ["Delvis uppfyllt", "Uppfyllt", "Uppfyllt"],
    analysis: [
      "E-tjänsten för ansökan om bistånd och e-handeln i hemtjänsten förbereds, och upphandlingen " +
        "av nya trygghetslarm pågår.",
      "E-tjänsten för ansökan om bistånd och digitala möten i boendestödet har införts, och cirka " +
        "1 200 nya digitala trygghetslarm driftsattes före midsommar.",
      "Hemtjänstens inköp görs nu via e-handel, e-tjänsten för bistånd används och piloten med " +
        "läkemedelsautomater genomfördes i oktober.",
    ],
  },
  {
    id: "KF4",
    goal: "Stolthet",
    level: "Kommunfullmäktige",
    parentId: "KF1",
    assessment: ["Delvis uppfyllt", "Delvis uppfyllt", "Delvis uppfyllt"],
    analysis: [
      "Ett lärcentrum för internutbildning planeras, och avvikelsehanteringen har fått nya processer " +
        "och utbildning.",
      "Lärcentrum har startat och satsningen Utvecklande medarbetarskap börjar i höst. Förvaltningens " +
        "förändringsarbete och goda exempel behöver kommuniceras bättre.",
      "Lärcentrum och Utvecklande medarbetarskap är i gång, men den höga sjukfrånvaron och " +
        "medarbetarenkätens resultat visar att mycket återstår.",
    ],
  },
  {
    id: "M1",
    goal: "Mer effektiva och ändamålsenliga arbetssätt",
    level: "Nämnd",
    parentId: "KF3",
    assessment: ["Delvis uppfyllt", "Delvis uppfyllt", "Uppfyllt"],
    analysis: [
      "Nämnden beslutade den 24 april om ett förändringsarbete: samordnad bemanning, effektivare " +
        "stödfunktioner och en översyn av hemtjänsten och hela organisationen.",
      "Bemanningen samordnas och anpassas, lärcentrum har startat och hemtjänsten ses över när den " +
        "går över i egen regi. E-inköp infördes i maj; sensorprojektet avbröts, och bristande " +
        "digital infrastruktur bromsar fler tekniska lösningar.",
      "Organisationsöversynen blev klar vid årsskiftet, alla inköp i hemtjänsten görs digitalt och " +
        "den nya modellen för verksamhetsuppföljning används.",
    ],
  },
  {
    id: "M2",
    goal: "Samordnade vård- och omsorgsprocesser",
    level: "Nämnd",
    parentId: "KF2",
    assessment: ["Delvis uppfyllt", "Delvis uppfyllt", "Uppfyllt"],
    analysis: [
      "Kommunen är pilot i länets arbete med ett nytt avtal om utskrivningsklara patienter, och " +
        "färre personer har beslut om korttidsplats än vid årsskiftet.",
      "Tiden från utskrivningsklar till hemgång har minskat under piloten, kommunen blev Guldkommun " +
        "i Senior alert och personer med beslut om korttidsplats minskade från 57 i januari till 42 " +
        "i juni. Teamarbetet inom förvaltningen behöver bli tydligare.",
      "Det nya läkaravtalet trädde i kraft i höstas, riskbedömningarna i Senior alert höll sig på " +
        "95 procent och köpen av korttidsplatser fortsatte att minska.",
    ],
  },
  {
    id: "M3",
    goal: "Vara en attraktiv arbetsgivare",
    level: "Nämnd",
    parentId: "KF4",
    assessment: ["Ej uppfyllt", "Ej uppfyllt", "Ej uppfyllt"],
    analysis: [
      "Sjukfrånvaron är högre än förra året och nyanställningarna är få när ekonomin är ansträngd.",
      "Sjukfrånvaron har ökat, främst korttidsfrånvaron, och en restriktiv åter- och nyanställning " +
        "ger en ansträngd arbetssituation. De tre delmålen följs upp nedan.",
      "Sjukfrånvaron blev högre än målet och medarbetarengagemanget sjönk något; andelen " +
        "tillsvidareanställda ökade.",
    ],
  },
  {
    id: "M3.1",
    goal: "Minskad sjukfrånvaro",
    level: "Nämnd",
    parentId: "M3",
    assessment: ["Ej uppfyllt", "Ej uppfyllt", "Ej uppfyllt"],
    analysis: [
      "Korttidsfrånvaron har varit högre än samma månader förra året, medan långtidsfrånvaron inom " +
        "LSS har varit lägre.",
      "Sjukfrånvaron har ökat inom LSS och äldreomsorgen, där den är högst i de större " +
        "hemtjänstgrupperna och i verksamheter med kunder med komplexa behov. Fler chefer och mindre " +
        "arbetsgrupper ska ge ett närmare ledarskap.",
      "Sjukfrånvaron minskade under hösten men blev högre än förra året. De mindre " +
        "hemtjänstgrupperna med egna chefer infördes i december.",
    ],
  },
  {
    id: "M3.2",
    goal: "Högt medarbetarengagemang",
    level: "Nämnd",
    parentId: "M3",
    assessment: ["Kan inte bedömas", "Kan inte bedömas", "Delvis uppfyllt"],
    analysis: [
      "Medarbetarenkäten görs i oktober; förändringsarbetet förväntas på sikt ge ett högre engagemang.",
      "Aktiviteterna i förändringsresan kommuniceras för att ge en gemensam målbild. Resultatet av " +
        "medarbetarenkäten (HME) kommer i oktober.",
      "Medarbetarenkäten gav ett HME-index strax under förra årets; stora förändringar och " +
        "brister i kommunikationen mellan verksamheterna syns i svaren.",
    ],
  },
  {
    id: "M3.3",
    goal: "Ökad andel tillsvidareanställningar",
    level: "Nämnd",
    parentId: "M3",
    assessment: ["Delvis uppfyllt", "Delvis uppfyllt", "Delvis uppfyllt"],
    analysis: [
      "Bemanningen ses över för att minska andelen timvikarier; den ekonomiska situationen håller " +
        "tillbaka nyanställningar.",
      "Andelen timvikarier minskar när tillsvidareanställda används mer effektivt, och behovet av " +
        "hyrsjuksköterskor börjar minska.",
      "Andelen tillsvidareanställda ökade, men nådde inte målvärdet när återanställningarna var " +
        "restriktiva under hela året.",
    ],
  },
  {
    id: "M4",
    goal: "Ekonomi i balans",
    level: "Nämnd",
    parentId: "KF1",
    assessment: ["Ej uppfyllt", "Ej uppfyllt", "Ej uppfyllt"],
    analysis: [
      "Prognosen för helåret är ett underskott på 30,8 miljoner kronor. Nämndens beslut den 24 april " +
        "om åtgärder för en hållbar ekonomi ska minska underskottet.",
      "Årsprognosen pekar på ett underskott på 51,4 miljoner kronor, ett sämre utfall än 2023. " +
        "Omställningen kräver omställningsmedel under tre år.",
      "Året slutade med ett underskott på 46,3 miljoner kronor. Anpassningen av bemanningen under " +
        "hösten gjorde underskottet mindre än vid delåret.",
    ],
  },
];

interface Indicator {
  readonly id: string;
  readonly goalId?: string;
  readonly indicator: string;
  readonly area: "Mål" | "Personal";
  readonly measure: string;
  readonly direction: "Högre är bättre" | "Lägre är bättre";
  readonly priorYear?: number;
  readonly target: number;
  /** Utfall in T1, T2 and Helår; null where it is not yet known. */
  readonly actual: PerPeriod<number | null>;
  readonly source: string;
  /** Which of its values are ours, not 004's: the data says so, as the brief of the example asks. */
  readonly madeUp: string;
}

const INDICATORS: readonly Indicator[] = [
  {
    id: "I1",
    goalId: "M3.1",
    indicator: "Sjukfrånvaro, andel av ordinarie arbetstid",
    area: "Personal",
    measure: "%",
    direction: "Lägre är bättre",
    priorYear: 9.6,
    target: 9,
    actual: [10.9, 11.4, 11.2],
    source: "Personalsystemet",
    madeUp: "all values",
  },
  {
    id: "I2",
    goalId: "M3.3",
    indicator: "Andel tillsvidareanställda",
    area: "Personal",
    measure: "%",
    direction: "Högre är bättre",
    priorYear: 78,
    target: 80,
    actual: [77, 78, 79],
    source: "Personalsystemet",
    madeUp: "all values",
  },
  {
    id: "I3",
    goalId: "M3.2",
    indicator: "Hållbart medarbetarengagemang (HME)",
    area: "Personal",
    measure: "index",
    direction: "Högre är bättre",
    priorYear: 76,
    target: 78,
    actual: [null, null, 75],
    source: "Medarbetarenkäten",
    madeUp: "all values",
  },
  {
    id: "I4",
    goalId: "M1",
    indicator: "Hemtjänstens inköp som görs digitalt",
    area: "Mål",
    measure: "%",
    direction: "Högre är bättre",
    priorYear: 0,
    target: 100,
    actual: [0, 25, 100],
    source: "Verksamhetssystemet",
    madeUp: "T2 and Helår (004: e-inköp begun in May, all inköp digital during the autumn)",
  },
  {
    id: "I5",
    goalId: "M2",
    indicator: "Personer med beslut om korttidsplats",
    area: "Mål",
    measure: "antal",
    direction: "Lägre är bättre",
    priorYear: 57,
    target: 45,
    actual: [50, 42, 38],
    source: "Verksamhetssystemet",
    madeUp: "Målvärde, T1 and Helår (004: 57 in January, 42 in June)",
  },
  {
    id: "I6",
    goalId: "M2",
    indicator: "Riskbedömningar i Senior alert, särskilt boende",
    area: "Mål",
    measure: "%",
    direction: "Högre är bättre",
    priorYear: 92,
    target: 90,
    actual: [93, 95, 95],
    source: "Senior alert",
    madeUp: "Utfall fg år, Målvärde, T1 and Helår (004: 95 %, Guldkommun in September)",
  },
  {
    id: "I7",
    goalId: "M4",
    indicator: "Avvikelse prognos helår mot budget",
    area: "Mål",
    measure: "mnkr",
    direction: "Högre är bättre",
    target: 0,
    actual: [-30.8, -51.4, -46.3],
    source: "Resultaträkning",
    madeUp: "none: the workbook's own Prognos helår − Budget helår",
  },
  {
    id: "I8",
    goalId: "KF1",
    indicator: "Brukarbedömning hemtjänst, helhetssyn",
    area: "Mål",
    measure: "%",
    direction: "Högre är bättre",
    priorYear: 86,
    target: 88,
    actual: [null, null, 85],
    source: "Kolada:U21468",
    madeUp: "all values",
  },
  {
    id: "I9",
    goalId: "KF1",
    indicator: "Brukarbedömning särskilt boende, helhetssyn",
    area: "Mål",
    measure: "%",
    direction: "Högre är bättre",
    priorYear: 82,
    target: 85,
    actual: [null, null, 83],
    source: "Kolada:U23471",
    madeUp: "all values",
  },
];

/** Rapporttext: one row per Avsnitt and Rubrik, the same rows every period (Ny period keeps them). */
interface Text {
  readonly section: NonNullable<RowOf<"reportText">["section"]>;
  readonly heading?: string;
  readonly text: PerPeriod<string>;
}

const TEXTS: readonly Text[] = [
  {
    section: "Sammanfattning",
    text: [
      "Tertialrapporten sammanfattar januari–april i vård- och omsorgsnämndens verksamheter. Den 24 " +
        "april beslutade nämnden om ett förändringsarbete under tre år, för en hållbar ekonomi utan " +
        "årliga underskott, långsiktig kompetens och god kvalitet för de vi är till för.\n" +
        "Det ekonomiska läget är ansträngt: prognosen för helåret är ett underskott på 30,8 miljoner kronor.",
      "Delårsrapporten sammanfattar januari–augusti. Nämnden har startat ett brett förändringsarbete " +
        "och infört den nya styrmodellen med fyra prioriterade utvecklingsmål. Under sommaren och " +
        "hösten tas cirka 200 hemtjänstkunder över från privata utförare till egen regi.\n" +
        "Det ekonomiska läget är mycket ansträngt: underskottet för perioden är 30,2 miljoner kronor " +
        "och prognosen för helåret 51,4 miljoner kronor.",
      "Verksamhetsberättelsen sammanfattar 2024. Förändringsarbetet som nämnden beslutade om i april " +
        "har pågått hela året, och hemtjänsten drivs sedan hösten helt i egen regi.\n" +
        "Året slutade med ett underskott på 46,3 miljoner kronor, mindre än prognosen vid delåret " +
        "sedan bemanningen anpassats under hösten.",
    ],
  },
  {
    section: "Uppdrag och ansvar",
    text: [
      "Nämnden ansvarar för vård, omsorg och stöd enligt socialtjänstlagen, LSS och hälso- och " +
        "sjukvårdslagen för personer över 17 år, för bostadsanpassningsbidrag och för servicetjänster " +
        "till personer över 70 år. Den 24 april beslutade nämnden om en övergripande " +
        "organisationsöversyn av förvaltningen.",
      "Nämnden ansvarar för vård, omsorg och stöd enligt socialtjänstlagen, LSS och hälso- och " +
        "sjukvårdslagen för personer över 17 år, för bostadsanpassningsbidrag och för servicetjänster " +
        "till personer över 70 år. Organisationsöversynen som beslutades den 24 april, för att anpassa " +
        "förvaltningen till kundernas behov, väntas vara klar vid årsskiftet.",
      "Nämnden har under året ansvarat för vård, omsorg och stöd enligt socialtjänstlagen, LSS och " +
        "hälso- och sjukvårdslagen för personer över 17 år, för bostadsanpassningsbidrag och för " +
        "servicetjänster till personer över 70 år. Organisationsöversynen blev klar vid årsskiftet, " +
        "och förvaltningen har en ny organisation från 2025.",
    ],
  },
  {
    section: "Väsentliga händelser",
    heading: "Äldreomsorg",
    text: [
      "Avtalen med två privata hemtjänstutförare är uppsagda, och kunderna ska tas över av egen " +
        "regi under året. Upphandlingen av nya digitala trygghetslarm pågår.",
      "Hemtjänsten är omorganiserad till ett verksamhetsområde. Cirka 200 kunder tas över från två " +
        "privata utförare under augusti–september, vilket krävt cirka 70 nya undersköterskor och " +
        "vårdbiträden, 3 enhetschefer och 4 koordinatorer. Cirka 1 200 digitala trygghetslarm " +
        "driftsattes före midsommar.",
      "Övertagandet av cirka 200 hemtjänstkunder blev klart i september, och tre nya " +
        "hemtjänstgrupper etablerades. Digitala inköp och tillsyn via trygghetskamera ersatte en del " +
        "av de fysiska besöken.",
    ],
  },
  {
    section: "Väsentliga händelser",
    heading: "LSS och socialpsykiatri",
    text: [
      "Tre enhetschefer inom samma LSS-enhet har slutat, vilket gett högre arbetsbelastning för " +
        "övriga chefer. Ett träningsboende har startat.",
      "Träningsboenden har gjort det möjligt att ta hem dyra externa placeringar, digitala möten i " +
        "boendestödet startade under våren och samarbetet mellan boenden och daglig verksamhet har " +
        "minskat personalkostnaderna.",
      "Fler externa placeringar ersattes av insatser i egen regi, och metodhandledarna arbetade " +
        "med alternativ och kompletterande kommunikation för att göra stödet mer tillgängligt.",
    ],
  },
  {
    section: "Ekonomisk analys",
    text: [
      "Nämnden visar ett underskott på 16,4 miljoner kronor mot periodbudgeten, främst " +
        "personalkostnader inom äldreomsorgen och LSS-boenden. Prognosen för helåret är ett " +
        "underskott på 30,8 miljoner kronor.",
      "Nämnden visar ett underskott på 30,2 miljoner kronor per sista augusti, varav " +
        "personalkostnaderna 31,8 miljoner kronor: sjukfrånvaro, övertid och vikarier saknas till " +
        "stor del i budgeten, och hemtjänsten i egen regi har vuxit. Prognosen för helåret är ett " +
        "underskott på 51,4 miljoner kronor.",
      "Året slutade med ett underskott på 46,3 miljoner kronor. Personalkostnaderna blev 59,8 " +
        "miljoner kronor högre än budget, medan köp av verksamhet blev lägre när hemtjänsten togs " +
        "över i egen regi.",
    ],
  },
  {
    section: "Åtgärder för ekonomi i balans",
    text: [
      "Nämnden beslutade den 24 april om åtgärder: samordnad bemanning, organisationsöversyn, en " +
        "riktad ekonomisk översyn av hemtjänst och LSS och kostnadsnivåer enligt prislappsmodellen. " +
        "Åtgärderna genomförs under tre år och kräver omställningsmedel.",
      "Åtgärderna från den 24 april genomförs: bemanningen anpassas och samordnas, hemtjänsten och " +
        "LSS ses över och stödfunktionerna effektiviseras. Nämnden behöver omställningsmedel under " +
        "de kommande tre åren.",
      "Bemanningen anpassades under hösten och stödfunktionerna samordnades. Översynen av " +
        "hemtjänst och LSS fortsätter 2025, då också prislappsmodellen ska ge rätt kostnadsnivå.",
    ],
  },
  {
    section: "Personal",
    text: [
      "Sjukfrånvaron är högre än förra året, främst korttidsfrånvaron. Den ansträngda ekonomin " +
        "gör att återanställningar och nyanställningar prövas restriktivt.",
      "Sjukfrånvaron har ökat sedan förra året, mest inom äldreomsorgen och LSS. Kunder med " +
        "komplexa behov och stora förändringar påverkar arbetsmiljön. Restriktiva anställningar och " +
        "svårigheter att få vikarier med rätt kompetens lägger mer ansvar på ordinarie medarbetare.",
      "Sjukfrånvaron sjönk under hösten men blev högre än förra året och målvärdet. Andelen " +
        "tillsvidareanställda ökade när timvikarier ersattes av bättre planerad bemanning.",
    ],
  },
  {
    section: "Personal",
    heading: "Kompetensförsörjning",
    text: [
      "Ett lärcentrum för internutbildning ska starta under året. Hälsa och sjukvård har svårt att " +
        "rekrytera sjuksköterskor och tar in bemanningsföretag.",
      "Lärcentrum har startat för att ge internutbildning och metoder för kompetensförsörjning. " +
        "Behovet av sjuksköterskor från bemanningsföretag börjar minska.",
      "Lärcentrum gav under hösten de första internutbildningarna, och hälsa och sjukvård behövde " +
        "färre hyrsjuksköterskor mot slutet av året.",
    ],
  },
  {
    section: "Förväntad utveckling",
    text: [
      "Omställningen de kommande tre åren har högsta prioritet och förutsätter omställningsmedel " +
        "och ett tydligt beslut om vad kärnverksamheten ska kosta i relation till kvaliteten.",
      "Omställningsarbetet fortsätter de kommande tre åren. Demografin och ökade vårdbehov ger " +
        "utmaningar i kompetensförsörjningen, och den antagna lokalförsörjningsplanen ska på sikt " +
        "avhjälpa platsbristen. Den digitala infrastrukturen byggs ut från hösten.",
      "Omställningen går in i sitt andra år 2025. Lokalförsörjningsplanen verkställs, och den " +
        "digitala infrastruktur som började byggas ut i höstas ska göra välfärdsteknik möjlig i fler " +
        "verksamheter.",
    ],
  },
];

const definedOnly = (row: Readonly<Record<string, CellValue | undefined>>) =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== null));

/** The Rapporttext rows' key in the example's data: a section may hold several rows, one per Rubrik. */
export const reportTextKey = (row: Readonly<Record<string, CellValue>>): string =>
  `${String(row.section)}\u0000${String(row.heading ?? "")}`;

/**
 * Mål, Indikatorer and Rapporttext as the ekonom fills them in `period`. T1 gives every row in
 * full; T2 and Helår the same rows, so that `fillFrom` fills what Ny period cleared.
 */
export function activityTables(
  period: Period
): Pick<Tables, "goals" | "indicators" | "reportText"> {
  const at = PERIODS.indexOf(period);
  return {
    goals: GOALS.map((g) =>
      definedOnly({
        id: g.id,
        goal: g.goal,
        level: g.level,
        parentId: g.parentId,
        assessment: g.assessment[at],
        analysis: g.analysis[at],
      })
    ),
    indicators: INDICATORS.map((i) =>
      definedOnly({
        id: i.id,
        goalId: i.goalId,
        indicator: i.indicator,
        area: i.area,
        measure: i.measure,
        direction: i.direction,
        priorYear: i.priorYear,
        target: i.target,
        actual: i.actual[at],
        source: i.source,
      })
    ),
    reportText: TEXTS.map((t) =>
      definedOnly({ section: t.section, heading: t.heading, text: t.text[at] })
    ),
  };
}
