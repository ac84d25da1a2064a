/**
 * The kommun's Word template (wordTemplate.ts) applied to the report's package after docx has
 * packed it: the merged styles (templateStyles.ts), the template's theme, and its page header and
 * footer parts with their images, referred to by every section (the first also by its first
 * page, as the template's title page). docx cannot take another document's header parts with
 * their relationships, and its `externalStyles` puts its own heading styles beside the
 * template's (the same styleId twice) and drops Tertial's own styles, so the parts are copied
 * here as the template has them (CONTEXT.md: why not patchDocument).
 */
import type JSZip from "jszip";
import { DRAFT_HEADER, type OwnFrame } from "./reportDocument";
import { mergeStyles, renameStyleReferences } from "./templateStyles";
import type { FrameKind, TemplateFrame, WordTemplate } from "./wordTemplate";

const STYLES = "word/styles.xml";
const CONTENT_TYPES = "[Content_Types].xml";
const DOCUMENT_RELS = "word/_rels/document.xml.rels";
const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const FRAME_CONTENT_TYPE: Record<FrameKind, string> = {
  header: "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
  footer: "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
};

/** Which of Tertial's own page frames the report keeps: those the template has none of. */
export function ownFrame(template: WordTemplate | undefined): OwnFrame {
  const has = (kind: FrameKind) => template?.frames.some((f) => f.kind === kind) ?? false;
  return { header: !has("header"), footer: !has("footer") };
}

/**
 * A draft keeps UTKAST on every page under the kommun's header too: a line of its own at the
 * header's end, in the Utkast banner's red, so that a page printed alone is no final report.
 */
const DRAFT_LINE =
  '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr>' +
  `<w:r><w:rPr><w:b/><w:color w:val="9C0006"/><w:sz w:val="16"/></w:rPr><w:t>${DRAFT_HEADER}</w:t></w:r></w:p>`;

function withDraftLine(xml: string): string {
  const end = xml.lastIndexOf("</w:hdr>");
  return end < 0 ? xml : xml.slice(0, end) + DRAFT_LINE + xml.slice(end);
}

const relationshipId = (frame: TemplateFrame) =>
  `rIdMall${frame.kind === "header" ? "Header" : "Footer"}${frame.type === "first" ? "First" : "Default"}`;

const insertBefore = (xml: string, end: string, addition: string) => {
  const at = xml.lastIndexOf(end);
  if (at < 0) throw new Error(`${end} is missing from the rendered document`);
  return xml.slice(0, at) + addition + xml.slice(at);
};

const SECTION = /<w:sectPr\b([^>]*?)(?:\/>|>([\s\S]*?)<\/w:sectPr>)/g;
/** What follows w:titlePg in a sectPr (the page setup comes before it). */
const AFTER_TITLE_PAGE = /<w:(?:textDirection|bidi|rtlGutter|docGrid|printerSettings)\b/;

/** Every section's sectPr referring to the template's frames; the first also to its first page. */
function framedSections(body: string, template: WordTemplate): string {
  const reference = (frame: TemplateFrame) =>
    `<w:${frame.kind}Reference w:type="${frame.type}" r:id="${relationshipId(frame)}"/>`;
  const all = template.frames.map(reference).join("");
  const defaults = template.frames
    .filter((f) => f.type === "default")
    .map(reference)
    .join("");
  let first = true;
  return body.replace(SECTION, (_, attributes: string, inner: string | undefined) => {
    let content = (first ? all : defaults) + (inner ?? "");
    if (first && template.titlePage) {
      const at = AFTER_TITLE_PAGE.exec(content)?.index ?? content.length;
      content = `${content.slice(0, at)}<w:titlePg/>${content.slice(at)}`;
    }
    first = false;
    return `<w:sectPr${attributes}>${content}</w:sectPr>`;
  });
}

/**
 * The packed report with the template's styles, theme and page frames; returns the body (as docx
 * wrote it, before the tables go in) with its sections referring to the frames.
 */
export async function applyWordTemplate(
  zip: JSZip,
  body: string,
  template: WordTemplate,
  draft: boolean
): Promise<string> {
  const part = async (name: string) => {
    const xml = await zip.file(name)?.async("string");
    if (xml === undefined) throw new Error(`${name} is missing from the rendered document`);
    return xml;
  };
  const { xml: styles, renames } = mergeStyles(await part(STYLES), template.styles);
  zip.file(STYLES, styles);

  let contentTypes = await part(CONTENT_TYPES);
  let rels = await part(DOCUMENT_RELS);
  const override = (name: string, type: string) =>
    `<Override ContentType="${type}" PartName="/${name}"/>`;
  const relationship = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${RELATIONSHIP}/${type}" Target="${target}"/>`;

  for (const copied of template.parts) {
    zip.file(copied.name, copied.bytes);
    if (!copied.name.endsWith(".rels")) {
      contentTypes = insertBefore(
        contentTypes,
        "</Types>",
        override(copied.name, copied.contentType)
      );
    }
  }
  if (template.theme !== null && zip.file(template.theme.name) === null) {
    zip.file(template.theme.name, template.theme.bytes);
    contentTypes = insertBefore(
      contentTypes,
      "</Types>",
      override(template.theme.name, template.theme.contentType)
    );
    rels = insertBefore(
      rels,
      "</Relationships>",
      relationship("rIdMallTheme", "theme", "theme/theme1.xml")
    );
  }
  for (const frame of template.frames) {
    const xml = renameStyleReferences(frame.xml, renames);
    zip.file(frame.part, draft && frame.kind === "header" ? withDraftLine(xml) : xml);
    contentTypes = insertBefore(
      contentTypes,
      "</Types>",
      override(frame.part, FRAME_CONTENT_TYPE[frame.kind])
    );
    rels = insertBefore(
      rels,
      "</Relationships>",
      relationship(relationshipId(frame), frame.kind, frame.part.slice("word/".length))
    );
  }
  zip.file(CONTENT_TYPES, contentTypes);
  zip.file(DOCUMENT_RELS, rels);
  return framedSections(body, template);
}
