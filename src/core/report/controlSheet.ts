/**
 * `Rapport Internkontroll`: the nämnd's bedömning with its analysis, counts per resultat, and the
 * table Risk | Kontroll | Resultat | Kommentar grouped by process (document 004, ch. 10).
 */
import type { Control, Risk, SettingValues } from "../model";
import { groupBy } from "../rollup/groupBy";
import type { ControlCounts } from "../rollup/counts";
import type { Rollup } from "../rollup/rollup";
import { LISTS } from "../template/lists";
import { controlCountsText, controlReportingText, reportedWhen } from "./controlText";
import { controlResultCell, plannedControlCell, plannedLaterCell } from "./markers";
import type { Block, Cell, Column, ReportSheet, SheetParts, TableRow } from "./reportDoc";
import { plannedReporting, type ControlReporting, type SinceLastPeriod } from "./sinceLastPeriod";
import { CONTROL_SHEET } from "./productSheets";

/** Risk | Kontroll | Resultat | Kommentar, in characters. */
const CONTROL_COLUMNS: readonly Column[] = [
  { header: "Risk", width: 34 },
  { header: "Kontroll", width: 32 },
  { header: "Resultat", width: 24 },
  { header: "Kommentar", width: 52 },
];
const SHEET_WIDTH = 34 + 32 + 24 + 52;

function joinLines(parts: readonly (string | null)[]): string | null {
  return parts.filter((p) => p !== null).join("\n") || null;
}

/** At T1 no bedömning is asked (rule bedomning-saknas): an empty one is simply left out. */
function assessmentBlocks(settings: SettingValues): Block[] {
  const { assessment, assessmentAnalysis, period } = settings;
  if (period === "T1" && !assessment && !assessmentAnalysis) return [];
  return [
    { kind: "heading", text: "Bedömning av intern kontroll" },
    assessment
      ? { kind: "paragraph", text: `Nämndens bedömning: ${assessment}.`, style: "label" }
      : {
          kind: "paragraph",
          text: "Bedömningen är inte ifylld (bladet Inställningar, Bedömning av intern kontroll).",
          style: "note",
        },
    ...(assessmentAnalysis ? [{ kind: "paragraph" as const, text: assessmentAnalysis }] : []),
  ];
}

/** `planned`: kontroller planned for a later period, counted apart from those missing a result. */
function countsTable(counts: ControlCounts, planned: number): Block {
  const { byResult, withoutResult, total } = counts;
  const line = (result: (typeof LISTS.kontrollresultat)[number] | null, n: number): TableRow => ({
    kind: "line",
    cells: [controlResultCell(result), { value: n }],
  });
  return {
    kind: "table",
    // The result as wide as Risk and Kontroll below it, the count as Resultat.
    columns: [
      { header: "Resultat", width: 34 + 32 },
      { header: "Antal", width: 24, format: "integer" },
    ],
    rows: [
      ...LISTS.kontrollresultat.map((result) => line(result, byResult[result])),
      ...(withoutResult > 0 ? [line(null, withoutResult)] : []),
      ...(planned > 0
        ? [{ kind: "line" as const, cells: [plannedLaterCell(), { value: planned }] }]
        : []),
      { kind: "sum", cells: [{ value: "Totalt" }, { value: total }] },
    ],
  };
}

/** The Resultat cell; a kontroll reported earlier says when, one planned later says for when. */
function resultCell(control: Control, reporting: ControlReporting): Cell {
  if (reporting.when === "later") return plannedControlCell(reporting.period);
  const note =
    reporting.when === "earlier" ? `Rapporterad ${reportedWhen(reporting.period)}` : null;
  return controlResultCell(control.cells.result.value, note);
}

function controlRow(
  control: Control,
  risksById: ReadonlyMap<string, Risk>,
  reporting: ControlReporting
): TableRow {
  const { riskId, riskText, activity, responsible, comment, actionOnDeviation } = control.cells;
  const linked = riskId.value ? risksById.get(riskId.value) : undefined;
  const risk = linked
    ? [linked.cells.id.value, linked.cells.title.value].filter((p) => p !== null).join(" ")
    : (riskText.value ?? riskId.value);
  return {
    kind: "line",
    cells: [
      { value: risk },
      {
        value: joinLines([
          activity.value,
          responsible.value ? `Ansvarig: ${responsible.value}` : null,
        ]),
      },
      resultCell(control, reporting),
      {
        value: joinLines([
          comment.value,
          actionOnDeviation.value ? `Åtgärd vid avvikelse: ${actionOnDeviation.value}` : null,
        ]),
      },
    ],
  };
}

const NOW: ControlReporting = { when: "now" };

function controlTable(
  controls: readonly Control[],
  risks: readonly Risk[],
  reportingOf: (control: Control) => ControlReporting,
  repeatHeader: boolean
): Block {
  const risksById = new Map(risks.map((r) => [r.cells.id.value ?? "", r]));
  const byProcess = groupBy(controls, (c) => c.cells.process.value);
  const grouped = controls.some((c) => c.cells.process.value !== null);
  const rows: TableRow[] = [];
  for (const [process, members] of byProcess) {
    if (grouped) rows.push({ kind: "group", text: process ?? "Utan process" });
    rows.push(...members.map((c) => controlRow(c, risksById, reportingOf(c))));
  }
  return { kind: "table", columns: CONTROL_COLUMNS, rows, repeatHeader };
}

/**
 * From T2 on (Historik knows an earlier period): the kontroller reported this period, those
 * reported earlier in the year and those planned later, each under its heading, with a sentence
 * that counts them. The last table repeats its header on every page (the sheet's print title).
 */
function reportingBlocks(
  controls: readonly Control[],
  risks: readonly Risk[],
  since: SinceLastPeriod,
  reportingOf: (control: Control) => ControlReporting
): Block[] {
  const groups = (["now", "earlier", "later"] as const)
    .map((when) => ({ when, members: controls.filter((c) => reportingOf(c).when === when) }))
    .filter((g) => g.members.length > 0);
  const headings = {
    now: `Rapporterade ${reportedWhen(since.period)} ${since.year}`,
    earlier: "Rapporterade tidigare under året",
    later: "Planerade senare under året",
  };
  const nowMembers = groups.find((g) => g.when === "now")?.members ?? [];
  const counts = {
    now: nowMembers.length,
    missing: nowMembers.filter((c) => c.cells.result.value === null).length,
    earlier: groups.find((g) => g.when === "earlier")?.members.length ?? 0,
    later: groups.find((g) => g.when === "later")?.members.length ?? 0,
  };
  return [
    { kind: "paragraph", text: controlReportingText(since.period, since.year, counts) },
    ...groups.flatMap(({ when, members }, i): Block[] => [
      { kind: "heading", text: headings[when], level: 3 },
      controlTable(members, risks, reportingOf, i === groups.length - 1),
    ]),
  ];
}

/**
 * Rapport Internkontroll's content: the summary is the counts sentence, which also leads the
 * counts table in the body. `since`: when Historik knows the last period, the kontroller are
 * grouped by when they were reported; null lists them as one.
 */
export function controlParts(
  controls: readonly Control[],
  risks: readonly Risk[],
  rollup: Rollup,
  settings: SettingValues,
  since: SinceLastPeriod | null = null
): SheetParts {
  const { period } = settings;
  // Without Historik (a first T1) a kontroll due later is still planned, not missing a result.
  const reporting = new Map(
    controls.map((c) => [
      c,
      since?.reporting(c) ?? (period === null ? NOW : plannedReporting(c, period)),
    ])
  );
  const reportingOf = (c: Control) => reporting.get(c) ?? NOW;
  const planned = controls.filter((c) => reportingOf(c).when === "later").length;
  const counts = { ...rollup.controls, withoutResult: rollup.controls.withoutResult - planned };
  const countsSentence: Block = { kind: "paragraph", text: controlCountsText(counts, planned) };
  const body: Block[] = [
    ...assessmentBlocks(settings),
    { kind: "spacer" },
    { kind: "heading", text: "Resultat av kontrollerna" },
    countsSentence,
    countsTable(counts, planned),
    { kind: "spacer" },
    {
      kind: "heading",
      text: controls.some((c) => c.cells.process.value !== null)
        ? "Kontroller per process"
        : "Kontroller",
    },
    ...(controls.length === 0
      ? [
          {
            kind: "paragraph" as const,
            text: "Internkontrollplanen innehåller inga kontroller.",
            style: "note" as const,
          },
        ]
      : since
        ? reportingBlocks(controls, risks, since, reportingOf)
        : [controlTable(controls, risks, reportingOf, true)]),
  ];
  return { summary: [countsSentence], body, orientation: "landscape", width: SHEET_WIDTH };
}

/** `top`: the title, after the draft banner when there is one. */
export function controlSheet(top: readonly Block[], parts: SheetParts): ReportSheet {
  const blocks: Block[] = [
    ...top,
    { kind: "paragraph", text: "Internkontroll", style: "subtitle" },
    ...parts.body,
  ];
  const { orientation, width } = parts;
  return { name: CONTROL_SHEET, orientation, width, blocks };
}
