/**
 * `Rapport Internkontroll`: the nämnd's bedömning with its analysis, counts per resultat, and the
 * table Risk | Kontroll | Resultat | Kommentar grouped by process (document 004, ch. 10).
 */
import type { Control, Risk, SettingValues } from "../model";
import { groupBy } from "../rollup/groupBy";
import type { Rollup } from "../rollup/rollup";
import { LISTS } from "../template/lists";
import { controlCountsText } from "./controlText";
import { INTEGER_FORMAT } from "./formats";
import { controlResultCell } from "./markers";
import type { Block, ReportSheet, TextCell } from "./reportDoc";

export const CONTROL_SHEET = "Rapport Internkontroll";

/** Risk | Kontroll | Resultat | Kommentar; the counts table uses Risk+Kontroll for the result, Resultat for the count. */
const COLUMN_WIDTHS = [34, 32, 24, 52];

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
  const count = (
    n: number,
    style: "table.number" | "table.sum.number" = "table.number"
  ): TextCell => ({
    value: n,
    numFmt: INTEGER_FORMAT,
    style,
  });
  return {
    kind: "table",
    header: [
      { value: "Resultat", span: 2 },
      { value: "Antal", style: "table.header.number" },
    ],
    rows: [
      ...LISTS.kontrollresultat.map((result) => [
        controlResultCell(result, 2),
        count(byResult[result]),
      ]),
      ...(withoutResult > 0 ? [[controlResultCell(null, 2), count(withoutResult)]] : []),
      [{ value: "Totalt", style: "table.sum.text", span: 2 }, count(total, "table.sum.number")],
    ],
  };
}

function controlRow(control: Control, risksById: ReadonlyMap<string, Risk>): TextCell[] {
  const { riskId, riskText, activity, responsible, result, comment, actionOnDeviation } =
    control.cells;
  const linked = riskId.value ? risksById.get(riskId.value) : undefined;
  const risk = linked
    ? [linked.cells.id.value, linked.cells.title.value].filter((p) => p !== null).join(" ")
    : (riskText.value ?? riskId.value);
  return [
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
  ];
}

function controlTable(controls: readonly Control[], risks: readonly Risk[]): Block {
  const risksById = new Map(risks.map((r) => [r.cells.id.value ?? "", r]));
  const byProcess = groupBy(controls, (c) => c.cells.process.value);
  const grouped = controls.some((c) => c.cells.process.value !== null);
  const rows: TextCell[][] = [];
  for (const [process, members] of byProcess) {
    if (grouped) {
      rows.push([
        { value: process ?? "Utan process", style: "table.group", span: COLUMN_WIDTHS.length },
      ]);
    }
    rows.push(...members.map((c) => controlRow(c, risksById)));
  }
  return {
    kind: "table",
    header: [
      { value: "Risk" },
      { value: "Kontroll" },
      { value: "Resultat" },
      { value: "Kommentar" },
    ],
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
  return { name: CONTROL_SHEET, orientation: "landscape", columnWidths: COLUMN_WIDTHS, blocks };
}
