/**
 * Rapport Verksamhet (template v3): the delårsrapport's own text chapters from Rapporttext, in the
 * order of the Avsnitt list, with Uppföljning av mål after Väsentliga händelser and the Område
 * Personal indicators in Personal. Each chapter is an outline level 1 heading; a Rapporttext Rubrik
 * one level below. Empty chapters are left out. None when the workbook has no text, mål or
 * indikator at all (a v1/v2 workbook): the report then has its four sheets as before. The Word
 * document puts the same parts in the delårsrapport's chapters (documentChapters.ts).
 */
import { formatNumber } from "../format";
import { koladaCredit } from "../kolada/koladaFill";
import { TARGET_REACHED, TREND } from "../template/columns";
import type { Model } from "../model";
import type { ReportSection } from "../template/lists";
import { LISTS } from "../template/lists";
import { ACTIVITY_SHEET } from "./productSheets";
import { assessmentCell, countGoals, goalCountsText } from "./goalText";
import type { Block, Cell, OutlineLevel, ReportSheet, TableBlock } from "./reportDoc";

type Goal = Model["goals"][number];
type Indicator = Model["indicators"][number];

const WIDTH = 100;
const EMPTY = "–";
/** Uppföljning av mål follows this chapter, as in the delårsrapport (document 004). */
const GOALS_AFTER: ReportSection = "Väsentliga händelser";
export const GOALS_CHAPTER = "Uppföljning av mål";
/** The heading of the Personal chapter's indicator table. */
export const PERSONAL_INDICATORS = "Indikatorer";

/** Rapport Verksamhet's content, which the sheet and the document's chapters (documentChapters.ts) share. */
export interface ActivityParts {
  /**
   * A Avsnitt's Rapporttext rows under a chapter heading of outline `level`, each Rubrik one level
   * below it; empty when the Avsnitt has none.
   */
  readonly text: (section: ReportSection, level: OutlineLevel) => Block[];
  /** Uppföljning av mål without its heading: the counts sentence, then each mål; empty without mål. */
  readonly goals: readonly Block[];
  /**
   * The Område Personal indicators' table (those with a Mål-ID too) under its heading "Indikatorer"
   * (level 2); empty without them.
   */
  readonly personal: readonly Block[];
  readonly orientation: ReportSheet["orientation"];
  readonly width: number;
}

/** Null when the workbook has no text, mål or indikator at all (a v1/v2 workbook). */
export function activityParts(model: Model): ActivityParts | null {
  const { reportText, goals, indicators } = model;
  if (reportText.length + goals.length + indicators.length === 0) return null;
  return {
    text: (section, level) => textBlocks(model, section, level),
    goals: goalBlocks(model),
    personal: personalTable(indicators),
    orientation: "portrait",
    width: WIDTH,
  };
}

export function activitySheet(top: readonly Block[], parts: ActivityParts): ReportSheet {
  const blocks: Block[] = [...top, { kind: "paragraph", text: "Verksamhet", style: "subtitle" }];
  const goals: Block[] =
    parts.goals.length > 0
      ? [{ kind: "heading", text: GOALS_CHAPTER, level: 1 }, ...parts.goals]
      : [];
  let goalsWritten = false;
  for (const section of LISTS.avsnitt) {
    const chapter = parts.text(section, 1);
    if (section === "Personal") chapter.push(...parts.personal);
    if (chapter.length > 0) blocks.push({ kind: "heading", text: section, level: 1 }, ...chapter);
    if (section === GOALS_AFTER && goals.length > 0) {
      blocks.push(...goals);
      goalsWritten = true;
    }
  }
  if (!goalsWritten) blocks.push(...goals);
  const { orientation, width } = parts;
  return { name: ACTIVITY_SHEET, orientation, width, blocks };
}

/** An outline level `below` levels under `level`; Word's Rubrik 3 is the deepest. */
function under(level: OutlineLevel, below: number): OutlineLevel {
  return Math.min(3, level + below) as OutlineLevel;
}

/**
 * The section's Rapporttext rows in the order they stand, under a chapter heading of `level`: a
 * Rubrik one level below it. In a workbook from Sammanställ each unit's rows come under its
 * Rapporterande enhet as a heading one level below the chapter, and a Rubrik one level below that.
 */
function textBlocks(model: Model, section: ReportSection, level: OutlineLevel): Block[] {
  const blocks: Block[] = [];
  let unit: string | null = null;
  for (const row of model.reportText) {
    if (row.cells.section.value !== section) continue;
    const rowUnit = row.cells.reportingUnit.value;
    if (rowUnit && rowUnit !== unit) {
      blocks.push({ kind: "heading", text: rowUnit, level: under(level, 1) });
    }
    unit = rowUnit;
    const heading = row.cells.heading.value;
    const text = row.cells.text.value ?? "";
    if (heading) blocks.push({ kind: "text", heading, level: under(level, rowUnit ? 2 : 1), text });
    else blocks.push(...paragraphs(text));
  }
  return blocks;
}

type Paragraph = Extract<Block, { kind: "paragraph" }>;

function paragraphs(text: string): Paragraph[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => ({ kind: "paragraph", text: line }));
}

function goalBlocks(model: Model): Block[] {
  const { goals, indicators } = model;
  if (goals.length === 0) return [];
  const counts = countGoals(goals.map((g) => g.cells.assessment.value));
  const blocks: Block[] = [
    { kind: "paragraph", text: goalCountsText(counts, model.settings.values.period) },
  ];
  for (const goal of goals) blocks.push(...oneGoal(goal, indicators));
  return blocks;
}

function oneGoal(goal: Goal, indicators: readonly Indicator[]): Block[] {
  const { id, goal: text, level, parentId, assessment, analysis } = goal.cells;
  const title = [id.value, text.value].filter((v) => v).join(" ");
  const details: Cell[][] = [
    [{ value: "Målnivå", emphasis: "label" }, { value: level.value ?? EMPTY }],
    [{ value: "Bedömning", emphasis: "label" }, assessmentCell(assessment.value)],
  ];
  if (parentId.value) {
    details.splice(1, 0, [
      { value: "Överordnat mål", emphasis: "label" },
      { value: parentId.value },
    ]);
  }
  const own = indicatorBlocks(
    indicators.filter((i) => id.value !== null && i.cells.goalId.value === id.value)
  );
  const analysed = paragraphs(analysis.value ?? "");
  // One block on paper where a page holds it: the heading keeps with the grid (its style), the
  // grid with the analys, the analys with the table's first rows (the table keeps its header
  // with them). The analys' last paragraph keeps only when a table follows, so a mål without
  // indicators does not pull the next mål onto its page.
  const keep = own.length > 0 ? ({ keepWithNext: true } as const) : {};
  return [
    { kind: "heading", text: title || "Mål utan namn", level: 2 },
    {
      kind: "grid",
      columns: [{ width: 18 }, { width: "rest" }],
      rows: details,
      ...(analysed.length > 0 ? { keepWithNext: true as const } : keep),
    },
    ...analysed.map((block) => ({ ...block, ...keep })),
    ...own,
  ];
}

/**
 * The Område Personal indicators (also those that belong to a mål: they show under it too) under
 * a heading of their own at the Rubrik's level: the chapter's text rows stand as the ekonom wrote
 * them (untitled rows among Rubrik rows, each unit's under its unit in a Sammanställ workbook), so
 * a table after them would read as part of the last Rubrik ("Kompetensförsörjning").
 */
function personalTable(indicators: readonly Indicator[]): Block[] {
  const table = indicatorBlocks(indicators.filter((i) => i.cells.area.value === "Personal"));
  return table.length > 0
    ? [{ kind: "heading", text: PERSONAL_INDICATORS, level: 2 }, ...table]
    : [];
}

/**
 * The indicators' table, and under it "Källa: Kolada" when it shows a value filled from Kolada:
 * Kolada's terms ask for the credit wherever its data is shown, and only there. None without rows.
 */
function indicatorBlocks(indicators: readonly Indicator[]): Block[] {
  if (indicators.length === 0) return [];
  const credit = koladaCredit(indicators);
  if (!credit) return [indicatorTable(indicators)];
  // The Word document keeps a note with the table above it (docx/reportDocument.ts, notesKept).
  return [indicatorTable(indicators), { kind: "paragraph", text: credit, style: "note" }];
}

/** One row per indicator: the values as entered, Trend and Målvärde uppnått as words. */
export function indicatorTable(indicators: readonly Indicator[]): TableBlock {
  return {
    kind: "table",
    columns: [
      { header: "Indikator", width: "rest" },
      { header: "Utfall fg år", width: 12, format: "text" },
      { header: "Målvärde", width: 11, format: "text" },
      { header: "Utfall", width: 10, format: "text" },
      { header: "Trend", width: 12 },
      { header: "Uppnått", width: 9 },
    ],
    rows: indicators.map((i) => {
      const c = i.cells;
      const unit = c.measure.value;
      // Computed columns are never read from the cell's cached result (parseModel): recompute.
      const inputs = {
        actual: c.actual.value,
        priorYear: c.priorYear.value,
        target: c.target.value,
        direction: c.direction.value,
      };
      return {
        kind: "line",
        cells: [
          {
            value: unit ? `${c.indicator.value ?? EMPTY} (${unit})` : (c.indicator.value ?? EMPTY),
          },
          { value: numberText(c.priorYear.value) },
          { value: numberText(c.target.value) },
          { value: numberText(c.actual.value) },
          { value: TREND.computeText(inputs) ?? EMPTY },
          { value: TARGET_REACHED.computeText(inputs) ?? EMPTY },
        ],
      };
    }),
  };
}

/** An indicator's value in its own unit, with the decimals it was entered with (up to two). */
function numberText(value: number | null): string {
  if (value === null) return EMPTY;
  const decimals = Math.min(2, (String(value).split(".")[1] ?? "").length);
  return formatNumber(value, decimals);
}
