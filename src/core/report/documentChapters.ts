/**
 * The report as the nämnd's document: the delårsrapport's chapters in its order (document 004),
 * made of the same blocks as the sheets, so nothing is built twice. The xlsx report keeps its
 * sheets; the Word document renders these chapters (`boardChapters`).
 *
 * Sammanfattning (the ekonom's Rapporttext text, then the generated summary: the economy sentence,
 * the mål counts, the risk and kontroll counts), Uppdrag och ansvar, Väsentliga händelser,
 * Uppföljning av mål, Ekonomi (Ekonomisk analys, the economy tables and sentences, Åtgärder för
 * ekonomi i balans), Personal, Samlad riskbild, Intern kontroll, Förväntad utveckling, Övrigt;
 * then, on a draft, the ekonom's Kontrollresultat. Each chapter is a ReportSheet named by its
 * Heading 1, which is its first block; an empty chapter is left out.
 *
 * One Sammanfattning: the economy's and the riskbild's summaries move into it (the sheets have
 * them under a "Sammanfattning" of their own); the mål and kontroll counts also stay where they
 * lead their chapter's mål and counts table.
 */
import { GOALS_CHAPTER, type ActivityParts } from "./activitySheet";
import type { Block, ReportSheet, SheetParts } from "./reportDoc";
import type { ReportSection } from "../template/lists";

export interface ChapterParts {
  /** The draft banner (when there is one) and the title: the document's opening. */
  readonly top: readonly Block[];
  readonly economy: SheetParts;
  readonly risk: SheetParts;
  readonly control: SheetParts;
  /** Null without Rapporttext, mål and indikatorer (v1/v2): only the generated chapters. */
  readonly activity: ActivityParts | null;
  /** The mål counts sentence; null without mål. */
  readonly goalCounts: string | null;
  /** The ekonom's working sheet: the draft's last chapter (`boardChapters` leaves it out of a final one). */
  readonly findings: ReportSheet;
}

/** The frame of chapters of text alone (Sammanfattning of a v1/v2 workbook): no table uses its width. */
const PROSE = { orientation: "portrait", width: 100 } as const;

type Frame = Pick<SheetParts, "orientation" | "width">;

function chapter(heading: string, frame: Frame, blocks: readonly Block[]): ReportSheet[] {
  if (blocks.length === 0) return [];
  const { orientation, width } = frame;
  return [
    {
      name: heading,
      orientation,
      width,
      blocks: [{ kind: "paragraph", text: heading, style: "subtitle" }, ...blocks],
    },
  ];
}

export function documentChapters(parts: ChapterParts): ReportSheet[] {
  const { economy, risk, control, activity, goalCounts } = parts;
  const prose = activity ?? PROSE;
  const text = (section: ReportSection) => activity?.text(section, 1) ?? [];
  // Ekonomisk analys and Åtgärder för ekonomi i balans are sections of Ekonomi.
  const section = (name: ReportSection): Block[] => {
    const blocks = activity?.text(name, 2) ?? [];
    return blocks.length > 0 ? [{ kind: "heading", text: name, level: 2 }, ...blocks] : [];
  };
  const chapters = [
    ...chapter("Sammanfattning", prose, [
      ...text("Sammanfattning"),
      ...economy.summary,
      ...(goalCounts ? [{ kind: "paragraph" as const, text: goalCounts }] : []),
      ...risk.summary,
      ...control.summary,
    ]),
    ...chapter("Uppdrag och ansvar", prose, text("Uppdrag och ansvar")),
    ...chapter("Väsentliga händelser", prose, text("Väsentliga händelser")),
    ...chapter(GOALS_CHAPTER, prose, activity?.goals ?? []),
    ...chapter("Ekonomi", economy, [
      ...section("Ekonomisk analys"),
      ...economy.body,
      ...section("Åtgärder för ekonomi i balans"),
    ]),
    ...chapter("Personal", prose, [...text("Personal"), ...(activity?.personal ?? [])]),
    ...chapter("Samlad riskbild", risk, risk.body),
    ...chapter("Intern kontroll", control, control.body),
    ...chapter("Förväntad utveckling", prose, text("Förväntad utveckling")),
    ...chapter("Övrigt", prose, text("Övrigt")),
  ];
  const [first, ...rest] = chapters;
  return [{ ...first, blocks: [...parts.top, ...first.blocks] }, ...rest, parts.findings];
}
