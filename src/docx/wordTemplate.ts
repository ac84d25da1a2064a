/**
 * The kommun's own Word template (`--word-mall`, the pane's Word-mall), read for what the report
 * takes from it: its styles (styles.xml), its theme (the fonts a Word template's styles name as
 * "minorHAnsi" live there), and the page header and footer of its last section, default and
 * first page, with the parts they refer to (a logo). Nothing else of the template is used: its
 * body, settings and numbering stay behind, and its main content type (.dotx:
 * wordprocessingml.template.main) never reaches the report, which docx writes as a .docx.
 * The file is read by position (../xlsx/zip/packageAt.ts) under a size cap, so a large or
 * crafted file is refused with a Swedish message before anything is made.
 */
import { UnusableWorkbookError } from "../core/errors";
import { formatNumber } from "../core/format";
import { decodeXml, escapeXml } from "../xlsx/xmlText";
import { bytesFile, packageParts, type PackageParts } from "../xlsx/zip/packageAt";
import { WORDML } from "./templateStyles";

/** A kommun's template with its logo is some hundred kB; Word's own templates stay below 5 MB. */
export const MAX_WORD_TEMPLATE_BYTES = 20 * 1024 * 1024;
/** All parts read from the template, unpacked. */
const MAX_TEMPLATE_UNPACKED_BYTES = 100 * 1024 * 1024;

const MAIN_TYPES = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
  "application/vnd.ms-word.document.macroEnabled.main+xml",
  "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];
const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Why a Word template cannot be used; the report is not written (exit 2 in the CLI). */
export class WordTemplateError extends UnusableWorkbookError {
  readonly code = "word-mall";
}

const WAY_FORWARD =
  "Öppna mallen i Word och spara den som Word-mall (.dotx) eller Word-dokument (.docx), " +
  "och försök igen, eller skriv rapporten utan Word-mall.";

export const templateRefusals = {
  tooLarge: (name: string, bytes: number) =>
    new WordTemplateError(
      `Word-mallen ${name} är för stor (${formatNumber(bytes / 1048576, 1)} MB; Tertial läser ` +
        `Word-mallar upp till ${formatNumber(MAX_WORD_TEMPLATE_BYTES / 1048576, 0)} MB). ` +
        "Välj kommunens mall för rapporter, eller ta bort stora bilder ur mallen och spara den igen."
    ),
  notAZip: (name: string) =>
    new WordTemplateError(
      `Word-mallen ${name} är ingen Word-fil (.docx eller .dotx). ${WAY_FORWARD}`
    ),
  notWord: (name: string) =>
    new WordTemplateError(
      `Word-mallen ${name} är inget Word-dokument och ingen Word-mall (den kan vara en ` +
        `arbetsbok eller en presentation). Välj kommunens Word-mall (.dotx eller .docx).`
    ),
  noStyles: (name: string) =>
    new WordTemplateError(
      `Word-mallen ${name} har inga formatmallar (word/styles.xml), så Tertial kan inte ta ` +
        `kommunens typsnitt och rubriker från den. ${WAY_FORWARD}`
    ),
  damaged: (name: string, part: string) =>
    new WordTemplateError(
      `Word-mallen ${name} är skadad: delen ${part} kan inte läsas. ${WAY_FORWARD}`
    ),
  strict: (name: string) =>
    new WordTemplateError(
      `Word-mallen ${name} är sparad i formatet Strikt Open XML, som Tertial inte läser. ` +
        WAY_FORWARD
    ),
  notAFile: (name: string) =>
    new WordTemplateError(
      `Word-mallen ${name} är ingen vanlig fil (utan t.ex. en mapp). Ange sökvägen till ` +
        "kommunens Word-mall (.dotx eller .docx)."
    ),
};

export type FrameKind = "header" | "footer";
export type FrameType = "default" | "first";

/** A page header or footer of the template, renamed for the report's package. */
export interface TemplateFrame {
  readonly kind: FrameKind;
  readonly type: FrameType;
  /** Its part in the report, under word/. */
  readonly part: string;
  readonly xml: string;
}

/** A part copied as it is: a frame's relationships, an image, the theme. */
export interface CopiedPart {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export interface WordTemplate {
  readonly fileName: string;
  readonly styles: string;
  readonly theme: CopiedPart | null;
  readonly frames: readonly TemplateFrame[];
  /** The template's last section has a different first page (w:titlePg). */
  readonly titlePage: boolean;
  readonly parts: readonly CopiedPart[];
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const attr = (tag: string, name: string) => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? null : decodeXml(value);
};

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => ({
    id: attr(tag, "Id") ?? "",
    type: attr(tag, "Type") ?? "",
    target: attr(tag, "Target") ?? "",
    external: attr(tag, "TargetMode") === "External",
  }));
}

function relationshipsXml(rels: readonly Relationship[]): string {
  const each = rels.map(
    (r) =>
      `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" ` +
      `Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    each.join("") +
    "</Relationships>"
  );
}

/** A relationship's target as a part name: relative to its source part's folder, or absolute. */
function resolve(source: string, target: string): string {
  const parts = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

function contentTypeOf(contentTypes: string, part: string): string {
  for (const [tag] of contentTypes.matchAll(/<Override\b[^>]*>/g)) {
    if (attr(tag, "PartName")?.toLowerCase() === `/${part}`.toLowerCase()) {
      return attr(tag, "ContentType") ?? "application/octet-stream";
    }
  }
  const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  for (const [tag] of contentTypes.matchAll(/<Default\b[^>]*>/g)) {
    if (attr(tag, "Extension")?.toLowerCase() === extension) {
      return attr(tag, "ContentType") ?? "application/octet-stream";
    }
  }
  return "application/octet-stream";
}

/** Reads parts of the template under one budget; a damaged or oversized part is a refusal. */
class TemplateReader {
  private budget = MAX_TEMPLATE_UNPACKED_BYTES;
  constructor(
    private readonly parts: PackageParts,
    private readonly fileName: string
  ) {}

  has(name: string): boolean {
    return this.parts.names.includes(name);
  }

  async bytes(name: string): Promise<Uint8Array> {
    const bytes = await this.parts.part(name, this.budget).catch(() => null);
    if (bytes === null) throw templateRefusals.damaged(this.fileName, name);
    this.budget -= bytes.length;
    return bytes;
  }

  async text(name: string): Promise<string> {
    return text(await this.bytes(name));
  }
}

const FRAME_REFERENCE = /<w:(header|footer)Reference\b[^>]*>/g;

/** The body's own section (the last sectPr): its header and footer references, its title page. */
function lastSection(documentXml: string) {
  const start = documentXml.lastIndexOf("<w:sectPr");
  const section = start < 0 ? "" : documentXml.slice(start);
  const references = [...section.matchAll(FRAME_REFERENCE)]
    .map(([tag, kind]) => ({
      kind: kind as FrameKind,
      type: attr(tag, "w:type"),
      id: attr(tag, "r:id"),
    }))
    .filter(
      (r): r is { kind: FrameKind; type: FrameType; id: string } =>
        (r.type === "default" || r.type === "first") && r.id !== null
    );
  const titlePg = /<w:titlePg\b([^>]*)>/.exec(section);
  const titlePage = titlePg !== null && !/w:val="(0|false|off)"/.test(titlePg[1]);
  return { references, titlePage };
}

/**
 * The template's styles, theme and page frame, ready to go into a report; a file that is not a
 * usable Word template is refused with a WordTemplateError naming `fileName`.
 */
export async function readWordTemplate(bytes: Uint8Array, fileName: string): Promise<WordTemplate> {
  if (bytes.length > MAX_WORD_TEMPLATE_BYTES)
    throw templateRefusals.tooLarge(fileName, bytes.length);
  const parts = await packageParts(bytesFile(bytes)).catch(() => {
    throw templateRefusals.notAZip(fileName);
  });
  const reader = new TemplateReader(parts, fileName);
  if (!reader.has("[Content_Types].xml") || !reader.has("_rels/.rels")) {
    throw templateRefusals.notWord(fileName);
  }
  const contentTypes = await reader.text("[Content_Types].xml");
  const main = relationships(await reader.text("_rels/.rels")).find(
    (r) => r.type === `${RELATIONSHIP}/officeDocument` && !r.external
  );
  const mainPart = main === undefined ? null : resolve("", main.target);
  if (mainPart === null || !MAIN_TYPES.includes(contentTypeOf(contentTypes, mainPart))) {
    throw templateRefusals.notWord(fileName);
  }
  const mainRels = reader.has(relsOf(mainPart))
    ? relationships(await reader.text(relsOf(mainPart)))
    : [];
  const targetOf = (type: string) => {
    const r = mainRels.find((rel) => rel.type === `${RELATIONSHIP}/${type}` && !rel.external);
    return r === undefined ? null : resolve(mainPart, r.target);
  };
  const stylesPart = targetOf("styles");
  if (stylesPart === null || !reader.has(stylesPart)) throw templateRefusals.noStyles(fileName);
  const styles = await reader.text(stylesPart);
  const root = /<w:styles\b[^>]*>/.exec(styles)?.[0];
  if (root === undefined) throw templateRefusals.noStyles(fileName);
  // The styles are merged with Tertial's, which are in the transitional namespace.
  if (!root.includes(`xmlns:w="${WORDML}"`)) throw templateRefusals.strict(fileName);

  const themePart = targetOf("theme");
  const theme =
    themePart !== null && reader.has(themePart)
      ? {
          name: "word/theme/theme1.xml",
          bytes: await reader.bytes(themePart),
          contentType: contentTypeOf(contentTypes, themePart),
        }
      : null;

  const { references, titlePage } = lastSection(await reader.text(mainPart));
  const media = new Map<string, CopiedPart>();
  const frameRels: CopiedPart[] = [];
  const frames: TemplateFrame[] = [];
  for (const reference of references) {
    const rel = mainRels.find((r) => r.id === reference.id && !r.external);
    const source = rel === undefined ? null : resolve(mainPart, rel.target);
    if (source === null || !reader.has(source)) continue;
    const part = `word/mall-${reference.kind}-${reference.type}.xml`;
    frames.push({ ...reference, part, xml: await reader.text(source) });
    if (!reader.has(relsOf(source))) continue;
    // The frame's own relationships (its logo): each internal target copied into the report's
    // media under a name of its own, the relationship pointing there.
    const rels: Relationship[] = [];
    for (const r of relationships(await reader.text(relsOf(source)))) {
      const target = r.external ? null : resolve(source, r.target);
      if (target === null || !reader.has(target)) {
        rels.push(r);
        continue;
      }
      if (!media.has(target)) {
        media.set(target, {
          name: `word/media/mall-${media.size + 1}-${target.split("/").pop()}`,
          bytes: await reader.bytes(target),
          contentType: contentTypeOf(contentTypes, target),
        });
      }
      rels.push({ ...r, target: media.get(target)!.name.slice("word/".length) });
    }
    frameRels.push({
      name: relsOf(part),
      bytes: new TextEncoder().encode(relationshipsXml(rels)),
      contentType: "application/vnd.openxmlformats-package.relationships+xml",
    });
  }
  return { fileName, styles, theme, frames, titlePage, parts: [...frameRels, ...media.values()] };
}
