/**
 * Sammanställ in the pane (Excel and browser mode): the consolidated workbook's file name and the
 * per-unit table as words, so that the controller sees at once which files could not be used,
 * which units are not marked ready and which carry fel. Status is said in words, never by colour alone.
 */
import type { Consolidation, UnitSummary, UnusableFile } from "../core/consolidate/consolidate";
import { isReady } from "../core/consolidate/isReady";
import { formatAmountWithUnit, formatDate, formatNumber } from "../core/format";
import { fitDefaultName } from "../core/defaultFileName";
import { findingCounts } from "../core/text/findingCounts";
import { capitalize } from "../core/text/swedishWords";
import { conversionNote, nameNote } from "../core/consolidate/summaryText";

export type UnitStatus = "unusable" | "fel" | "notReady" | "ready";

export const STATUS_WORDS: Readonly<Record<UnitStatus, string>> = {
  unusable: "Kan inte användas",
  fel: "Har fel",
  notReady: "Inte klarmarkerad",
  ready: "Klar",
};

export interface UnitRow {
  readonly file: string;
  /** Rapporterande enhet (or the file's name standing in); null for a file that could not be used. */
  readonly name: string | null;
  /** Every status that applies, the most serious first; `ready` only alone. */
  readonly statuses: readonly UnitStatus[];
  /** Who marked it ready and when, its fel and varningar; or why the file could not be used. */
  readonly details: readonly string[];
  /** Prognos helår minus Budget helår with the unit, or null. */
  readonly deviation: string | null;
}

function unitStatuses(unit: UnitSummary): UnitStatus[] {
  const statuses: UnitStatus[] = [
    ...(unit.fel > 0 ? (["fel"] as const) : []),
    ...(isReady(unit) ? [] : (["notReady"] as const)),
  ];
  return statuses.length > 0 ? statuses : ["ready"];
}

/** "Klarmarkerad av Eva Ekonom 2024-09-12"; nothing when not marked (the status says so). */
function readyText(unit: UnitSummary): string[] {
  if (unit.readyMark !== "Ja") return [];
  const by = unit.readyBy ? ` av ${unit.readyBy}` : "";
  const when = unit.readyDate ? ` ${formatDate(unit.readyDate)}` : "";
  return [
    `Klarmarkerad${by}${when}${unit.changedAfterReady ? ", ändrad efter klarmarkering" : ""}`,
  ];
}

export function unitRows(
  units: readonly UnitSummary[],
  unusable: readonly UnusableFile[],
  unit: string | null
): UnitRow[] {
  return [
    ...units.map((u) => ({
      file: u.file,
      name: u.name,
      statuses: unitStatuses(u),
      details: [
        ...readyText(u),
        findingCounts({ fel: u.fel, varning: u.varning }),
        ...[nameNote(u), conversionNote(u, unit)].filter((note) => note !== null),
      ],
      deviation: u.deviation === null ? null : formatAmountWithUnit(u.deviation, unit),
    })),
    ...unusable.map((f) => ({
      file: f.file,
      name: null,
      statuses: ["unusable" as const],
      details: [f.reason],
      deviation: null,
    })),
  ];
}

/** "1 fil", "300 filer": digits, as the pane's status lines count. */
const count = (n: number, singular: string, plural: string) =>
  `${formatNumber(n, 0)} ${n === 1 ? singular : plural}`;

/** "3 av 5 filer sammanställda. 2 filer kunde inte användas, 1 enhet är inte klarmarkerad, 1 enhet har fel." */
export function consolidationHeadline({ units, unusable }: Consolidation): string {
  const files = units.length + unusable.length;
  const notReady = units.filter((u) => !isReady(u)).length;
  const withFel = units.filter((u) => u.fel > 0).length;
  const problems = [
    ...(unusable.length > 0
      ? [`${count(unusable.length, "fil", "filer")} kunde inte användas`]
      : []),
    ...(notReady > 0
      ? [
          `${count(notReady, "enhet", "enheter")} är inte ${notReady === 1 ? "klarmarkerad" : "klarmarkerade"}`,
        ]
      : []),
    ...(withFel > 0 ? [`${count(withFel, "enhet", "enheter")} har fel`] : []),
  ];
  const done =
    `${formatNumber(units.length, 0)} av ${count(files, "fil", "filer")} ` +
    `${units.length === 1 ? "sammanställd" : "sammanställda"}.`;
  return problems.length === 0
    ? `${done} Alla enheter är klarmarkerade och utan fel.`
    : `${done} ${capitalize(problems.join(", "))}.`;
}

/** Characters Windows and macOS refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;
/** Invisible format characters (Cf): a bidi override in a file name disguises its ending. */
const FORMAT_CHARACTER = /\p{Cf}/gu;

/**
 * `Vård- och omsorgsnämnden 2024 T2 sammanställning.xlsx`, from the consolidated Inställningar;
 * a long Organisation is cut at a word as Ny period's name is (`fitDefaultName`).
 */
export function consolidatedFileName({ content }: Consolidation): string {
  const s = content.settings ?? {};
  const [organisation, ...yearAndPeriod] = [s.organisation, s.year, s.period]
    .map((v) => (v === null || v === undefined ? "" : String(v)))
    .map((v) => v.replace(FORMAT_CHARACTER, "").replace(UNSAFE_IN_FILE_NAME, " "))
    .map((v) => v.replace(/\s+/g, " ").trim());
  const tail = [...yearAndPeriod.filter((v) => v !== ""), "sammanställning.xlsx"].join(" ");
  if (organisation !== "") return fitDefaultName(organisation, ` ${tail}`);
  return tail === "sammanställning.xlsx" ? "Sammanställning.xlsx" : tail;
}
