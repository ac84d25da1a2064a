/**
 * The kommun's styles (its Word template's styles.xml) merged with Tertial's: the template's
 * docDefaults, latent styles and every style of its own win, and Tertial's styles fill only what
 * the template lacks (Tabelltext, Anteckning, Utkast …). A template style stands for one of ours
 * when it has the same styleId, or else the same type and name: a Swedish Word calls Heading 1
 * `Rubrik1` (its w:name stays "heading 1"), and such a style takes our id, so the body keeps
 * referring to `Heading1` and still gets the kommun's heading. Plain string work on the two
 * parts: w:style elements do not nest.
 */
import { decodeXml, escapeXml } from "../xlsx/xmlText";

export const WORDML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

interface StyleEntry {
  readonly type: string;
  readonly id: string;
  /** Lower case: Word's built-in names are "heading 1", docx writes "Heading 1". */
  readonly name: string | null;
  readonly xml: string;
}

const STYLE = /<w:style\b[^>]*?(?:\/>|>[\s\S]*?<\/w:style>)/g;
const attribute = (tag: string, name: string) =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

function styles(xml: string): StyleEntry[] {
  return [...xml.matchAll(STYLE)].map(([element]) => {
    const start = /^<w:style\b[^>]*>/.exec(element)![0];
    const name = /<w:name\b[^>]*\bw:val="([^"]*)"/.exec(element)?.[1];
    return {
      type: attribute(start, "w:type") ?? "paragraph",
      id: decodeXml(attribute(start, "w:styleId") ?? ""),
      name: name === undefined ? null : decodeXml(name).toLowerCase(),
      xml: element,
    };
  });
}

const element = (xml: string, name: string) =>
  new RegExp(`<w:${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</w:${name}>)`).exec(xml)?.[0] ?? null;

/** The template's style ids that take one of ours: `Rubrik1` → `Heading1`. */
export type StyleRenames = ReadonlyMap<string, string>;

/** Where an XML part refers to a style by id. */
const STYLE_REFERENCE =
  /(<w:(?:basedOn|next|link|pStyle|rStyle|tblStyle|numStyleLink|styleLink)\b[^>]*?\bw:val=")([^"]*)(")/g;

/** The part with its references to renamed styles following the rename. */
export function renameStyleReferences(xml: string, renames: StyleRenames): string {
  if (renames.size === 0) return xml;
  return xml.replace(STYLE_REFERENCE, (whole, before: string, id: string, after: string) => {
    const renamed = renames.get(decodeXml(id));
    return renamed === undefined ? whole : `${before}${renamed}${after}`;
  });
}

/**
 * Our headings and title are kept with the paragraph after them (documentStyles.ts): the print
 * tests' "no heading stranded at a page's foot" rests on it. Word's own heading styles have it; a
 * template style standing for one of them that lacks it gets it, its look unchanged.
 */
const KEPT_WITH_NEXT = new Set(["Title", "Heading1", "Heading2", "Heading3"]);

function keptWithNext(xml: string): string {
  const missing = ["keepNext", "keepLines"].filter(
    (name) => !new RegExp(`<w:${name}\\b`).test(xml)
  );
  if (missing.length === 0) return xml;
  const keep = missing.map((name) => `<w:${name}/>`).join("");
  if (/<w:pPr\/>/.test(xml)) return xml.replace(/<w:pPr\/>/, `<w:pPr>${keep}</w:pPr>`);
  if (/<w:pPr>/.test(xml)) return xml.replace(/<w:pPr>/, `<w:pPr>${keep}`);
  // pPr comes before the run, table and conditional properties, else last.
  const at = /<w:(?:rPr|tblPr|trPr|tcPr|tblStylePr)\b|<\/w:style>/.exec(xml)?.index ?? xml.length;
  return `${xml.slice(0, at)}<w:pPr>${keep}</w:pPr>${xml.slice(at)}`;
}

function withName(xml: string, name: string | undefined): string {
  return name === undefined
    ? xml
    : xml.replace(/(<w:name\b[^>]*?\bw:val=")[^"]*(")/, `$1${escapeXml(name)}$2`);
}

function withId(xml: string, id: string): string {
  return xml.replace(/^(<w:style\b[^>]*?\bw:styleId=")[^"]*(")/, `$1${id}$2`);
}

export interface MergedStyles {
  readonly xml: string;
  readonly renames: StyleRenames;
}

/**
 * styles.xml of the report with the template's styles: `ours` as docx wrote it, `template` as the
 * kommun's Word saved it (in the transitional namespace, WORDML: readWordTemplate refuses
 * Strict Open XML). The template's root element is kept, so every namespace its styles use is
 * declared; ours use only `w:`.
 */
export function mergeStyles(ours: string, template: string): MergedStyles {
  const root = /<w:styles\b[^>]*>/.exec(template)?.[0];
  if (root === undefined) throw new Error("The template's styles part has no w:styles element");
  const theirs = styles(template);
  const mine = styles(ours);
  const taken = new Set<StyleEntry>();
  const renames = new Map<string, string>();
  const leftOut = new Set<StyleEntry>();
  /** Ours kept under another name: the template has theirs by that name, of another kind. */
  const renamed = new Map<StyleEntry, string>();

  for (const style of mine) {
    const same = theirs.find((t) => t.id === style.id);
    if (same) {
      taken.add(same);
      leftOut.add(style);
    }
  }
  for (const style of mine) {
    if (leftOut.has(style) || style.name === null) continue;
    const named = theirs.find((t) => t.name === style.name);
    if (named === undefined) continue;
    if (taken.has(named) || named.type !== style.type) {
      // Word keeps names unique (docx writes Strong as a paragraph style, Word has it as a
      // character style): ours stays, for the body may use it, under a name of its own.
      renamed.set(style, `${style.name} (Tertial)`);
      continue;
    }
    leftOut.add(style);
    taken.add(named);
    // No template style has our id (the first pass would have taken it), so it is free.
    if (named.id !== style.id) renames.set(named.id, style.id);
  }

  const templateStyles = theirs.map((t) => {
    const id = renames.get(t.id) ?? t.id;
    const xml = renameStyleReferences(id === t.id ? t.xml : withId(t.xml, id), renames);
    return KEPT_WITH_NEXT.has(id) && t.type === "paragraph" ? keptWithNext(xml) : xml;
  });
  const defaults = element(template, "docDefaults") ?? element(ours, "docDefaults") ?? "";
  const latent = element(template, "latentStyles") ?? "";
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    root +
    defaults +
    latent +
    templateStyles.join("") +
    mine
      .filter((s) => !leftOut.has(s))
      .map((s) => withName(s.xml, renamed.get(s)))
      .join("") +
    "</w:styles>";
  return { xml, renames };
}
