/**
 * `Rapport Internkontroll`: the nämnd's bedömning with its analysis, counts per resultat, and the
 * table Risk | Kontroll | Resultat | Kommentar grouped by process (document 004, ch. 10).
 */
import type { Control, Risk, SettingValues } from "../model";
import { groupBy } from "../rollup/groupBy";
import type { Rollup } from "../rollup/rollup";
import { LISTS } from "../template/lists";
import { controlCountsText } from "./controlText";
import { controlResultCell } from "./markers";
import type { Block, Column, ReportSheet, TableRow } from "./reportDoc";

export const CONTROL_SHEET = "Rapport Internkontroll";

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

function assessmentBlocks(settings: SettingValues): Block[] {
  const { assessment, assessmentAnalysis } = settings;
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

function countsTable(rollup: Rollup): Block {
  const { byResult, withoutResult, total } = rollup.controls;
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
      { kind: "sum", cells: [{ value: "Totalt" }, { value: total }] },
    ],
  };
}

function controlRow(control: Control, risksById: ReadonlyMap<string, Risk>): TableRow {
  const { riskId, riskText, activity, responsible, result, comment, actionOnDeviation } =
    control.cells;
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
      controlResultCell(result.value),
      {
        value: joinLines([
          comment.value,
          actionOnDeviation.value ? `Åtgärd vid avvikelse: ${actionOnDeviation.value}` : null,
        ]),
      },
    ],
  };
}

function controlTable(controls: readonly Control[], risks: readonly Risk[]): Block {
  const risksById = new Map(risks.map((r) => [r.cells.id.value ?? "", r]));
  const byProcess = groupBy(controls, (c) => c.cells.process.value);
  const grouped = controls.some((c) => c.cells.process.value !== null);
  const rows: TableRow[] = [];
  for (const [process, members] of byProcess) {
    if (grouped) rows.push({ kind: "group", text: process ?? "Utan process" });
    rows.push(...members.map((c) => controlRow(c, risksById)));
  }
  return {
    kind: "table",
    columns: CONTROL_COLUMNS,
    rows,
    repeatHeader: true,
  };
}

/** `top`: the title, after the draft banner when there is one. */
export function controlSheet(
  top: readonly Block[],
  controls: readonly Control[],
  risks: readonly Risk[],
  rollup: Rollup,
  settings: SettingValues
): ReportSheet {
  const blocks: Block[] = [
    ...top,
    { kind: "paragraph", text: "Internkontroll", style: "subtitle" },
    ...assessmentBlocks(settings),
    { kind: "spacer" },
    { kind: "heading", text: "Resultat av kontrollerna" },
    { kind: "paragraph", text: controlCountsText(rollup.controls) },
    countsTable(rollup),
    { kind: "spacer" },
    { kind: "heading", text: "Kontroller per process" },
    controls.length > 0
      ? controlTable(controls, risks)
      : {
          kind: "paragraph",
          text: "Internkontrollplanen innehåller inga kontroller.",
          style: "note",
        },
  ];
  return { name: CONTROL_SHEET, orientation: "landscape", width: SHEET_WIDTH, blocks };
}
