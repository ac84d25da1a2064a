/**
 * `Rapport Riskbild`: the counts, the risk matrix, and per riskområde and risk its treatment,
 * descriptions and åtgärder (document 001, ch. 2–3).
 */
import { formatDate } from "../format";
import type { Action, Risk } from "../model";
import { isOverdue } from "../rollup/counts";
import { groupBy } from "../rollup/groupBy";
import { RISK_SCORE } from "../template/columns";
import type { Rollup } from "../rollup/rollup";
import { actionChangeNote, actionStatusCell } from "./markers";
import type { Block, Cell, ReportSheet, RiskLevel, SheetParts, TableRow } from "./reportDoc";
import { actionCountsText, changesSinceText, riskCountsText } from "./riskText";
import { countChanges, type SinceLastPeriod } from "./sinceLastPeriod";
import { RISK_SHEET } from "./productSheets";

/**
 * Column widths in characters: a detail's label and an åtgärd's status share the first column,
 * the åtgärd and the matrix's axis labels end at the same edge, and the matrix's four columns
 * together are as wide as an åtgärd's comment. (On a worksheet each åtgärd row needs one merge for
 * its comment; a report of 10,000 åtgärder has as many, and merges are what writing a workbook
 * pays most for beyond the values.)
 */
const LABEL_WIDTH = 20;
const ACTION_WIDTH = 28;
const MATRIX_CELL_WIDTH = 19;
const SCALE = [1, 2, 3, 4] as const;
const SHEET_WIDTH = LABEL_WIDTH + ACTION_WIDTH + SCALE.length * MATRIX_CELL_WIDTH;
const MATRIX_ROW_HEIGHT = 30;

/** Riskvärde 1–16 → colour band of a 4 × 4 matrix. */
function riskLevel(score: number): RiskLevel {
  if (score >= 12) return "critical";
  if (score >= 8) return "high";
  if (score >= 4) return "medium";
  return "low";
}

function riskLabel(risk: Risk): string {
  return [risk.cells.id.value, risk.cells.title.value].filter((p) => p !== null).join(" ");
}

function matrixBlocks(risks: readonly Risk[]): Block[] {
  const onScale = (v: number | null) => v !== null && (SCALE as readonly number[]).includes(v);
  const cellOf = (r: Risk) =>
    onScale(r.cells.likelihood.value) && onScale(r.cells.impact.value)
      ? `${r.cells.likelihood.value}×${r.cells.impact.value}`
      : null;
  const nameOf = (r: Risk) => r.cells.id.value ?? `rad ${r.row}`;
  const ids = groupBy(risks, cellOf);
  const unrated = (ids.get(null) ?? []).map(nameOf);
  const rows: Cell[][] = [...SCALE].reverse().map((l) => [
    { value: `Sannolikhet ${l}`, emphasis: "axis" },
    ...SCALE.map((i): Cell => ({
      value: ids.get(`${l}×${i}`)?.map(nameOf).join(", ") ?? null,
      emphasis: `risk.${riskLevel(RISK_SCORE.compute({ likelihood: l, impact: i }) ?? 0)}`,
    })),
  ]);
  rows.push([
    { value: null, emphasis: "axis" },
    ...SCALE.map((i): Cell => ({ value: `Konsekvens ${i}`, emphasis: "axis" })),
  ]);
  const blocks: Block[] = [
    { kind: "heading", text: "Riskmatris" },
    {
      kind: "paragraph",
      text: "Varje risk står i rutan för sin sannolikhet och konsekvens. Riskvärdet (sannolikhet × konsekvens, 1–16) ger färgen: 1–3 låg, 4–6 måttlig, 8–9 hög, 12–16 mycket hög.",
      style: "note",
    },
    {
      kind: "grid",
      columns: [
        { width: LABEL_WIDTH + ACTION_WIDTH },
        ...SCALE.map(() => ({ width: MATRIX_CELL_WIDTH })),
      ],
      rows,
      minRowHeight: MATRIX_ROW_HEIGHT,
    },
  ];
  if (unrated.length > 0) {
    blocks.push({
      kind: "paragraph",
      text: `Utan värdering av sannolikhet och konsekvens (står inte i matrisen): ${unrated.join(", ")}.`,
      style: "note",
    });
  }
  return blocks;
}

function detailRow(labelText: string, value: string): Cell[] {
  return [{ value: labelText, emphasis: "label" }, { value }];
}

function scoreText(risk: Risk): string {
  const l = risk.cells.likelihood.value;
  const i = risk.cells.impact.value;
  const score = RISK_SCORE.compute({ likelihood: l, impact: i });
  return score === null ? "Ej värderad" : `${score} (sannolikhet ${l} × konsekvens ${i})`;
}

/** The Riskvärde row; "Ändrat sedan T1: 9 → 12" under it, marked, when it changed. */
function scoreRow(risk: Risk, since: SinceLastPeriod | null): Cell[] {
  const before = since?.previousScore(risk) ?? null;
  if (before === null || since === null) return detailRow("Riskvärde", scoreText(risk));
  const score = RISK_SCORE.compute({
    likelihood: risk.cells.likelihood.value,
    impact: risk.cells.impact.value,
  });
  return [
    { value: "Riskvärde", emphasis: "label" },
    {
      value: `${scoreText(risk)}\nÄndrat sedan ${since.label}: ${before} → ${score}`,
      emphasis: "change",
    },
  ];
}

function actionRow(
  action: Action,
  periodEnd: Date | null,
  since: SinceLastPeriod | null
): TableRow {
  const { text, status, endDate, responsible, followUpDate, comment } = action.cells;
  const what = [
    text.value,
    endDate.value ? `Slutdatum ${formatDate(endDate.value)}` : null,
    responsible.value ? `Ansvarig: ${responsible.value}` : null,
  ];
  const followUp = [followUpDate.value ? formatDate(followUpDate.value) : null, comment.value];
  const joined = (parts: (string | null)[]) => parts.filter((p) => p !== null).join("\n") || null;
  const change = since?.actionChange(action) ?? null;
  return {
    kind: "line",
    cells: [
      actionStatusCell(
        status.value,
        periodEnd !== null && isOverdue(action, periodEnd),
        change && since ? actionChangeNote(change, since.label) : null
      ),
      { value: joined(what) },
      { value: joined(followUp) },
    ],
  };
}

function actionsTable(
  actions: readonly Action[],
  periodEnd: Date | null,
  since: SinceLastPeriod | null
): Block {
  return {
    kind: "table",
    columns: [
      { header: "Åtgärdens status", width: LABEL_WIDTH },
      { header: "Åtgärd", width: ACTION_WIDTH },
      { header: "Kommentar vid senaste uppföljning", width: "rest" },
    ],
    rows: actions.map((a) => actionRow(a, periodEnd, since)),
  };
}

/** `level`: 3 under a riskområde's heading, else 2. */
function riskBlocks(
  risk: Risk,
  actions: readonly Action[],
  periodEnd: Date | null,
  level: 2 | 3,
  since: SinceLastPeriod | null
): Block[] {
  const { treatment, description, consequence, existingControls } = risk.cells;
  const details: Cell[][] = [
    detailRow("Riskhantering", treatment.value ?? "Saknas"),
    scoreRow(risk, since),
  ];
  if (since?.isNewRisk(risk)) {
    details.unshift([
      { value: "Förändring", emphasis: "label" },
      { value: `Ny risk sedan ${since.label}`, emphasis: "change" },
    ]);
  }
  if (description.value) details.push(detailRow("Riskbeskrivning", description.value));
  if (consequence.value) details.push(detailRow("Konsekvensbeskrivning", consequence.value));
  if (existingControls.value)
    details.push(detailRow("Existerande kontrollaktiviteter", existingControls.value));
  return [
    { kind: "heading", text: riskLabel(risk), level },
    // The details keep with the first rows of the risk's åtgärder (or its "Inga åtgärder"), as
    // a mål's with its indicators: a grid at a page's foot, its åtgärder overleaf, read apart.
    {
      kind: "grid",
      columns: [{ width: LABEL_WIDTH }, { width: "rest" }],
      rows: details,
      keepWithNext: true,
    },
    actions.length > 0
      ? actionsTable(actions, periodEnd, since)
      : { kind: "paragraph", text: "Inga åtgärder är registrerade för risken.", style: "note" },
    { kind: "spacer" },
  ];
}

/**
 * Rapport Riskbild's content: the summary is the counts (and the changes since the last period),
 * the body the matrix and the risks. `since`: what changed since the last period, when Historik
 * knows it (from T2 on); null leaves the changes out.
 */
export function riskParts(
  risks: readonly Risk[],
  actions: readonly Action[],
  rollup: Rollup,
  since: SinceLastPeriod | null = null
): SheetParts {
  const actionsByRisk = groupBy(actions, (a) => a.cells.riskId.value ?? "");
  const known = new Set(risks.map((r) => r.cells.id.value ?? ""));
  const orphans = actions.filter((a) => !known.has(a.cells.riskId.value ?? ""));

  const areas = groupBy(risks, (r) => r.cells.area.value);
  const grouped = risks.some((r) => r.cells.area.value !== null);

  const summary: Block[] = [
    {
      kind: "paragraph",
      text: `${riskCountsText(rollup.risks)} ${actionCountsText(rollup.actions)}`,
    },
    ...(since
      ? [
          {
            kind: "paragraph" as const,
            text: changesSinceText(since.label, countChanges(since, risks, actions)),
          },
        ]
      : []),
  ];
  const blocks: Block[] = [...matrixBlocks(risks), { kind: "spacer" }];
  for (const [area, members] of areas) {
    if (grouped) {
      blocks.push({
        kind: "paragraph",
        text: `Riskområde: ${area ?? "Övriga risker"}`,
        style: "subtitle",
        level: 2,
      });
    }
    for (const risk of members) {
      blocks.push(
        ...riskBlocks(
          risk,
          actionsByRisk.get(risk.cells.id.value ?? "") ?? [],
          rollup.periodEnd,
          grouped ? 3 : 2,
          since
        )
      );
    }
  }
  if (orphans.length > 0) {
    blocks.push(
      { kind: "paragraph", text: "Åtgärder utan känd risk", style: "subtitle", level: 2 },
      {
        kind: "paragraph",
        text: "Risk-ID:t finns inte på bladet Risker (se Kontrollresultat).",
        style: "note",
      },
      actionsTable(orphans, rollup.periodEnd, since)
    );
  }
  return { summary, body: blocks, orientation: "landscape", width: SHEET_WIDTH };
}

/** `top`: the title, after the draft banner when there is one. */
export function riskSheet(top: readonly Block[], parts: SheetParts): ReportSheet {
  const blocks: Block[] = [
    ...top,
    { kind: "paragraph", text: "Samlad riskbild med åtgärder", style: "subtitle" },
    { kind: "heading", text: "Sammanfattning" },
    ...parts.summary,
    { kind: "spacer" },
    ...parts.body,
  ];
  const { orientation, width } = parts;
  return { name: RISK_SHEET, orientation, width, blocks };
}
