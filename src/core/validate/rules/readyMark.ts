/**
 * The ready-mark (Klarmarkerad, template v2): a workbook marked Ja must be free of fel, and say
 * who marked it and when. These rules judge the other rules' findings, so they run last. From
 * template v3 the mark carries a seal (Klarmarkerad kontrollsumma, ../../seal/): data changed
 * after marking is a fel.
 */
import { isBlank, readText } from "../../parse/values";
import { sealDigest } from "../../seal/sealDigest";
import { readyMark as msg } from "../messages";
import { defineRule, type Hit } from "../rule";

const markedWithErrors = defineRule(
  {
    code: "klarmarkerad-med-fel",
    severity: "fel",
    title: "En klarmarkerad arbetsbok har inga fel",
  },
  function* ({ model, earlier }): Generator<Hit> {
    const cell = model.settings.cells.readyMark;
    if (!cell || model.settings.values.readyMark !== "Ja") return;
    const fel = earlier.filter((f) => f.severity === "fel").length;
    if (fel === 0) return;
    yield { sheet: model.tables.settings.sheet, cell: cell.address, message: msg.withErrors(fel) };
  }
);

const markedIncompletely = defineRule(
  {
    code: "klarmarkering-ofullstandig",
    severity: "varning",
    title: "En klarmarkerad arbetsbok säger av vem och när",
  },
  function* ({ model }): Generator<Hit> {
    const mark = model.settings.cells.readyMark;
    if (!mark || model.settings.values.readyMark !== "Ja") return;
    const { readyBy, readyDate } = model.settings.cells;
    const missing = [
      ...(readyBy && !isBlank(readyBy.raw) ? [] : [{ label: "Klarmarkerad av", cell: readyBy }]),
      ...(readyDate && !isBlank(readyDate.raw)
        ? []
        : [{ label: "Klarmarkerad datum", cell: readyDate }]),
    ];
    if (missing.length === 0) return;
    yield {
      sheet: model.tables.settings.sheet,
      // Where the first missing value goes; the Klarmarkerad cell when its row is missing too.
      cell: missing[0].cell?.address ?? mark.address,
      message: msg.incomplete(missing.map((m) => m.label)),
    };
  }
);

/**
 * Listed after klarmarkerad-med-fel, which so does not count this fel: the remedy for a broken
 * seal is to mark again, not to set Klarmarkerad to Nej because of the seal itself.
 */
const changedAfterMark = defineRule(
  {
    code: "andrad-efter-klarmarkering",
    severity: "fel",
    title: "En klarmarkerad arbetsbok är oförändrad sedan klarmarkeringen",
  },
  function* ({ model }): Generator<Hit> {
    const seal = model.settings.cells.readyDigest;
    const sealed = readText(seal?.raw ?? null)?.trim();
    if (!seal || !sealed || model.settings.values.readyMark !== "Ja") return;
    if (sealed.toLowerCase() === sealDigest(model)) return;
    yield {
      sheet: model.tables.settings.sheet,
      cell: seal.address,
      message: msg.changedAfterMark(),
    };
  }
);

/**
 * A varning, not a fel: Ja typed by hand (or by a tool that fills the template by header) is
 * still the ready-mark template v2 defined, and every other rule still judges the data; it only
 * cannot show a later change. A workbook without the row (v1, v2) keeps the v2 behaviour.
 */
const markedWithoutSeal = defineRule(
  {
    code: "klarmarkering-utan-kontrollsumma",
    severity: "varning",
    title: "En klarmarkerad arbetsbok har en kontrollsumma",
  },
  function* ({ model }): Generator<Hit> {
    const seal = model.settings.cells.readyDigest;
    if (!seal || model.settings.values.readyMark !== "Ja" || !isBlank(seal.raw)) return;
    yield { sheet: model.tables.settings.sheet, cell: seal.address, message: msg.unsealed() };
  }
);

export const READY_MARK_RULES = [
  markedWithErrors,
  markedIncompletely,
  changedAfterMark,
  markedWithoutSeal,
];
