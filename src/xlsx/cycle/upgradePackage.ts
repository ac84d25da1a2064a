/**
 * A workbook of an older Mallversion brought up to the version Ny period writes, in its own
 * package, before the roll edits it: the sheets and tables it lacks grafted from a freshly built
 * template of that version, the Inställningar rows it lacks appended to tblInstallningar, and
 * Tertial's own Listor and Instruktioner rewritten as the new version has them. Everything the
 * user added stays where it was. Only whole tables and setting rows are added: a version that
 * adds columns inside existing tables is rebuilt instead (rollPackage.ts decides). See CONTEXT.md.
 */
import type { NextPeriodPlan, NotCarried } from "../../core/cycle/plan";
import { cellAddress } from "../../core/snapshot";
import type { RowSpec } from "../../core/template/content";
import type { SettingDef, TableDef } from "../../core/template/definition";
import { INSTRUCTIONS_SHEET, LISTS_SHEET } from "../../core/template/definition";
import { attribute, relationshipsPartOf, resolvePart, workbookSheets } from "../read/packageXml";
import { buildWorkbook } from "../template/buildWorkbook";
import { workbookBytes } from "../template/workbookBytes";
import { escapeXml } from "../xmlText";
import { APP_PART, definedNameTitles, withAddedTitles } from "./appTitles";
import { withDimension } from "./historySheet";
import { PackageParts, WORKBOOK_PART, type PackageSheet } from "./packageParts";
import { readSheetData, writeSheetData, type SheetData } from "./sheetData";
import { StyleGraft } from "./styleGraft";

const STYLES_PART = "xl/styles.xml";
const SHARED_STRINGS_PART = "xl/sharedStrings.xml";
const CONTENT_TYPES_PART = "[Content_Types].xml";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const RELATIONSHIPS_NAMESPACE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** What the package lacks of the version written: whole tables, and Inställningar rows. */
export interface PackageGaps {
  readonly tables: readonly TableDef[];
  readonly settings: readonly SettingDef[];
}

/** The package cannot be upgraded in place (a part it holds is not as Tertial writes it). */
export class NotUpgradableError extends Error {}

const ELEMENT = (tag: string) => new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`);

/** The built package's cells made this package's: its styles added here, its shared strings inline. */
function transplanted(xml: string, styles: StyleGraft, strings: readonly string[]): string {
  const restyled = (attributes: string, name: string) =>
    attributes.replace(
      new RegExp(`(\\s${name}=")(\\d+)"`),
      (_whole, start: string, index: string) => `${start}${styles.styleOf(Number(index))}"`
    );
  return xml
    .replace(
      /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g,
      (_whole, attrs: string, rest: string, body?: string) => {
        const attributes = restyled(attrs, "s");
        if (!/\st="s"/.test(attributes) || body === undefined) return `<c${attributes}${rest}`;
        const index = Number(/<v>(\d+)<\/v>/.exec(body)?.[1]);
        return `<c${attributes.replace(/\st="s"/, ' t="inlineStr"')}><is>${strings[index] ?? ""}</is></c>`;
      }
    )
    .replace(/<row\b[^>]*>/g, (tag) => restyled(tag, "s"))
    .replace(/<col\b[^>]*>/g, (tag) => restyled(tag, "style"));
}

/**
 * Cells, rows and columns without prefixed attributes (exceljs's `x14ac:dyDescent`): in a part
 * whose root does not declare the prefix they would leave it ill-formed, and they only hint.
 */
const withoutPrefixedAttributes = (xml: string) =>
  xml.replace(/<(?:c|row|col)\b[^>]*>/g, (tag) => tag.replace(/\s[\w.-]+:[\w.-]+="[^"]*"/g, ""));

function sharedStrings(xml: string | null): string[] {
  return [...(xml ?? "").matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) => m[1] ?? "");
}

/** The first free `<folder>/<stem>N.xml`. */
function freePart(parts: PackageParts, folder: string, stem: string): string {
  const taken = new Set(parts.names().map((n) => n.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = `${folder}/${stem}${n}.xml`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

const maxNumber = (values: Iterable<string | null>) =>
  Math.max(0, ...[...values].map((v) => Number(/(\d+)$/.exec(v ?? "")?.[1] ?? 0)));

/** Sheet indexes at or after `position` move one on: defined names' scopes, the active tab. */
function shiftedSheetIndexes(workbookXml: string, position: number): string {
  return workbookXml.replace(
    /(\s(?:localSheetId|activeTab|firstSheet)=")(\d+)"/g,
    (whole, start: string, index: string) =>
      Number(index) >= position ? `${start}${Number(index) + 1}"` : whole
  );
}

function withDefinedNames(workbookXml: string, names: readonly string[]): string {
  if (names.length === 0) return workbookXml;
  if (/<definedNames\b[^>]*\/>/.test(workbookXml))
    return workbookXml.replace(
      /<definedNames\b[^>]*\/>/,
      `<definedNames>${names.join("")}</definedNames>`
    );
  if (workbookXml.includes("</definedNames>"))
    return workbookXml.replace("</definedNames>", `${names.join("")}</definedNames>`);
  // definedNames follows sheets, functionGroups and externalReferences in the schema's order.
  const after = [
    "</externalReferences>",
    "</functionGroups>",
    "<functionGroups/>",
    "</sheets>",
  ].find((t) => workbookXml.includes(t));
  if (!after) throw new NotUpgradableError("workbook.xml");
  return workbookXml.replace(after, `${after}<definedNames>${names.join("")}</definedNames>`);
}

const definedNameElements = (workbookXml: string) =>
  [...workbookXml.matchAll(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g)].map(
    (m) => m[0]
  );

class Graft {
  private readonly styles: StyleGraft;
  private readonly strings: string[];
  private readonly builtSheets: PackageSheet[];

  constructor(
    private readonly parts: PackageParts,
    private readonly built: PackageParts
  ) {
    this.styles = new StyleGraft(parts.text(STYLES_PART) ?? "", built.text(STYLES_PART) ?? "");
    this.strings = sharedStrings(built.text(SHARED_STRINGS_PART));
    this.builtSheets = built.sheets();
  }

  builtSheet(name: string): PackageSheet {
    const sheet = this.builtSheets.find((s) => s.name === name);
    if (!sheet) throw new NotUpgradableError(name);
    return sheet;
  }

  /** A part of the built package as this package's XML. */
  builtXml(part: string): string {
    return transplanted(this.built.text(part) ?? "", this.styles, this.strings);
  }

  /** The built sheet `name`, with its tables, added to this package after the template sheet before it. */
  addSheet(name: string): void {
    const source = this.builtSheet(name);
    const part = freePart(this.parts, "xl/worksheets", "sheet");
    const relsXml = this.built.text(relationshipsPartOf(source.part));
    const types: string[] = [`<Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/>`];
    if (relsXml !== null) {
      let tableId = maxNumber(
        this.parts.sheets().flatMap((s) => s.tables.map((t) => this.tableId(t.part)))
      );
      const rels = relsXml.replace(/<Relationship\b[^>]*>/g, (tag) => {
        const target = attribute(tag, "Target") ?? "";
        const from = resolvePart(source.part, target);
        if (!/\/relationships\/table"/.test(tag) || !this.built.has(from))
          throw new NotUpgradableError(from); // the builder writes only tables beside a sheet
        const table = freePart(this.parts, "xl/tables", "table");
        const xml = (this.built.text(from) ?? "").replace(
          /(<table\b[^>]*?\sid=")\d+"/,
          `$1${++tableId}"`
        );
        this.parts.setText(table, xml);
        types.push(`<Override PartName="/${table}" ContentType="${TABLE_TYPE}"/>`);
        return tag.replace(/\sTarget="[^"]*"/, ` Target="../tables/${table.split("/").pop()}"`);
      });
      this.parts.setText(relationshipsPartOf(part), rels);
    }
    this.parts.setText(part, this.builtXml(source.part));
    const contentTypes = this.parts.text(CONTENT_TYPES_PART) ?? "";
    this.parts.setText(
      CONTENT_TYPES_PART,
      contentTypes.replace("</Types>", `${types.join("")}</Types>`)
    );
    this.addToWorkbook(source, part);
  }

  private tableId(part: string): string | null {
    return attribute(/<table\b[^>]*>/.exec(this.parts.text(part) ?? "")?.[0] ?? "", "id");
  }

  private addToWorkbook(source: PackageSheet, part: string): void {
    const relsPart = relationshipsPartOf(WORKBOOK_PART);
    const rels = this.parts.text(relsPart) ?? "";
    const id = `rId${maxNumber([...rels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1])) + 1}`;
    const relationship =
      `<Relationship Id="${id}" Type="${RELATIONSHIPS_NAMESPACE}/worksheet"` +
      ` Target="${part.replace(/^xl\//, "")}"/>`;
    this.parts.setText(
      relsPart,
      rels.replace("</Relationships>", `${relationship}</Relationships>`)
    );

    let workbook = this.parts.text(WORKBOOK_PART) ?? "";
    const current = this.parts.sheets().map((s) => s.name);
    const builtOrder = this.builtSheets.map((s) => s.name);
    // After the nearest sheet before it in the built template (a fresh template's order), so
    // the user's own sheets after the template's stay after them.
    const before = builtOrder
      .slice(0, builtOrder.indexOf(source.name))
      .reverse()
      .find((n) => current.includes(n));
    const position = before === undefined ? 0 : current.indexOf(before) + 1;
    const sheetTags = [...workbook.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)];
    const sheetId = maxNumber(sheetTags.map((m) => attribute(m[0], "sheetId"))) + 1;
    const prefix = /<([\w.-]+:)?sheets\b/.exec(workbook)?.[1] ?? "";
    // The relationships namespace declared on the tag itself: writers declare it in different places.
    const tag =
      `<${prefix}sheet xmlns:r="${RELATIONSHIPS_NAMESPACE}" name="${escapeXml(source.name)}"` +
      ` sheetId="${sheetId}" r:id="${id}"/>`;
    workbook = shiftedSheetIndexes(workbook, position);
    const anchor = sheetTags[position - 1];
    workbook =
      anchor === undefined
        ? workbook.replace(/<(?:[\w.-]+:)?sheets\b[^>]*>/, (open) => `${open}${tag}`)
        : workbook.replace(anchor[0], `${anchor[0]}${tag}`);

    // The built sheet's own names (print titles) in its new place, and the names it refers to.
    const builtWorkbook = this.built.text(WORKBOOK_PART) ?? "";
    const builtIndex = this.builtSheets.findIndex((s) => s.name === source.name);
    const known = new Set(
      definedNameElements(workbook)
        .filter((n) => attribute(n, "localSheetId") === null)
        .map((n) => attribute(n, "name")?.toLowerCase())
    );
    const added = definedNameElements(builtWorkbook).flatMap((n) => {
      const scope = attribute(n, "localSheetId");
      if (scope === null) return known.has(attribute(n, "name")?.toLowerCase()) ? [] : [n];
      return Number(scope) === builtIndex
        ? [n.replace(/\slocalSheetId="\d+"/, ` localSheetId="${position}"`)]
        : [];
    });
    this.parts.setText(WORKBOOK_PART, withDefinedNames(workbook, added));
  }

  /** Sheet `name`'s cells, column widths and merges as the built template has them. */
  replaceContent(sheet: PackageSheet | undefined): void {
    if (!sheet) return;
    const built = this.builtXml(this.builtSheet(sheet.name).part);
    let xml = this.parts.text(sheet.part) ?? "";
    for (const tag of ["dimension", "cols", "sheetData", "mergeCells"]) {
      const replacement = withoutPrefixedAttributes(ELEMENT(tag).exec(built)?.[0] ?? "");
      if (ELEMENT(tag).test(xml)) xml = xml.replace(ELEMENT(tag), () => replacement);
      else if (replacement !== "" && tag === "cols")
        xml = xml.replace(/<sheetData\b/, (start) => `${replacement}${start}`);
      else if (replacement !== "" && tag === "mergeCells")
        xml = xml.replace(/(<\/sheetData>|<sheetData\b[^>]*\/>)/, (end) => `${end}${replacement}`);
    }
    this.parts.setText(sheet.part, xml);
  }

  get stylesXml(): string | null {
    return this.styles.changedXml();
  }
}

/** Elements after dataValidations in a worksheet, in the schema's order: it goes before these. */
const AFTER_VALIDATIONS = [
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function withValidations(tail: string, validations: readonly string[]): string {
  if (validations.length === 0) return tail;
  const list = /<dataValidations\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidations>)/.exec(tail);
  if (list) {
    const body = `${list[2] ?? ""}${validations.join("")}`;
    const count = (body.match(/<dataValidation\b/g) ?? []).length;
    const attributes = list[1].replace(/\scount="\d+"/, "");
    return tail.replace(
      list[0],
      `<dataValidations${attributes} count="${count}">${body}</dataValidations>`
    );
  }
  const element = `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`;
  const next = AFTER_VALIDATIONS.map((t) => new RegExp(`<${t}\\b`).exec(tail)).find((m) => m);
  return next
    ? `${tail.slice(0, next.index)}${element}${tail.slice(next.index)}`
    : tail.replace("</worksheet>", `${element}</worksheet>`);
}

/** The sheet's `<dimension>` covering its rows. */
function dimensionOf(data: SheetData): string {
  const rows = [...data.rows.entries()].filter(([, row]) => row.cells.size > 0);
  const lastRow = Math.max(1, ...rows.map(([r]) => r));
  const lastColumn = Math.max(1, ...rows.flatMap(([, row]) => [...row.cells.keys()]));
  return cellAddress(lastRow, lastColumn);
}

/**
 * The missing settings' rows, as the built template writes them (label, value, style, dropdown),
 * appended below tblInstallningar's last row and the table grown over them. When a cell there
 * is filled (the user's note below the table), nothing moves: each row is named instead.
 */
function appendSettings(
  graft: Graft,
  parts: PackageParts,
  settings: readonly SettingDef[],
  plan: NextPeriodPlan
): NotCarried[] {
  const def = plan.template.tables.settings;
  const sheet = parts
    .sheets()
    .find((s) => s.tables.some((t) => t.name.toLowerCase() === def.name.toLowerCase()));
  const table = sheet?.tables.find((t) => t.name.toLowerCase() === def.name.toLowerCase());
  if (!sheet || !table) throw new NotUpgradableError(def.name);
  const data = readSheetData(parts.text(sheet.part) ?? "");
  if (!data) throw new NotUpgradableError(sheet.part);
  const { left, right, bottom } = table.range;
  const below = Array.from({ length: settings.length }, (_, i) => bottom + 1 + i);
  const taken = below.some((r) =>
    [...(data.rows.get(r)?.cells ?? new Map())].some(
      ([c, cell]) => c >= left && c <= right && cell.content !== ""
    )
  );
  const otherTable = sheet.tables.some(
    (t) => t !== table && t.range.top <= below[below.length - 1] && t.range.bottom > bottom
  );
  if (taken || otherTable) {
    return settings.map((setting) => ({
      sheet: sheet.name,
      where: `cell ${cellAddress(bottom + 1, left)}`,
      what:
        `raden ${setting.label} (ny i mallversion ${plan.template.version}) lades inte till i Inställningar, ` +
        "eftersom cellerna under tabellen inte är tomma: lägg till raden sist i tabellen",
    }));
  }

  const builtSheet = graft.builtSheet(sheet.name);
  const builtTable = builtSheet.tables.find((t) => t.name.toLowerCase() === def.name.toLowerCase());
  const builtXml = withoutPrefixedAttributes(graft.builtXml(builtSheet.part));
  const builtData = readSheetData(builtXml);
  if (!builtTable || !builtData) throw new NotUpgradableError(builtSheet.part);
  const shift = left - builtTable.range.left;
  const validationsByCell = new Map(
    [...builtXml.matchAll(/<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g)].map(
      ([validation]) => [attribute(validation, "sqref") ?? "", validation] as const
    )
  );
  const validations: string[] = [];
  settings.forEach((setting, i) => {
    const from = builtTable.range.top + 1 + plan.template.settingRows.indexOf(setting);
    const to = bottom + 1 + i;
    const source = builtData.rows.get(from);
    if (!source) return;
    const row = data.rows.get(to) ?? { attributes: source.attributes, cells: new Map() };
    for (const [c, cell] of source.cells) {
      if (c < builtTable.range.left || c > builtTable.range.right) continue;
      row.cells.set(c + shift, { ...cell });
      const validation = validationsByCell.get(cellAddress(from, c));
      if (validation)
        validations.push(
          validation.replace(/\ssqref="[^"]*"/, ` sqref="${cellAddress(to, c + shift)}"`)
        );
    }
    data.rows.set(to, row);
  });

  const lastRow = bottom + settings.length;
  const ref = `${cellAddress(table.range.top, left)}:${cellAddress(lastRow, right)}`;
  const tableXml = (parts.text(table.part) ?? "")
    .replace(/(<table\b[^>]*?\sref=")[^"]*"/, `$1${ref}"`)
    .replace(/(<autoFilter\b[^>]*?\sref=")[^"]*"/, `$1${ref}"`);
  parts.setText(table.part, tableXml);
  const head = withDimension(data.head, dimensionOf(data));
  parts.setText(
    sheet.part,
    writeSheetData({ head, tail: withValidations(data.tail, validations), rows: data.rows })
  );
  return [];
}

/**
 * The package brought up to `plan.template`: the tables in `gaps` grafted from a template built
 * with the plan's content for them (a table's shipped rows included), the settings appended,
 * Listor and Instruktioner rewritten. Returns what it could not add, named.
 */
export async function upgradePackage(
  parts: PackageParts,
  gaps: PackageGaps,
  plan: NextPeriodPlan
): Promise<NotCarried[]> {
  const contentTables = (plan.content.tables ?? {}) as Partial<Record<string, readonly RowSpec[]>>;
  // A table the content leaves empty is built as a fresh template has it, rows it ships with included.
  const tables = Object.fromEntries(
    gaps.tables.flatMap((def) => {
      const rows = contentTables[def.key];
      return rows && rows.length > 0 ? [[def.key, rows]] : [];
    })
  );
  const built = await PackageParts.unpack(
    await workbookBytes(buildWorkbook(plan.template, { settings: plan.content.settings, tables }))
  );
  const graft = new Graft(parts, built);
  const sheets = [...new Set(gaps.tables.map((def) => def.sheet))];
  for (const name of sheets) graft.addSheet(name);
  const app = parts.text(APP_PART);
  if (app !== null && sheets.length > 0) {
    const workbook = parts.text(WORKBOOK_PART) ?? "";
    const order = workbookSheets(workbook).map((s) => s.name);
    parts.setText(APP_PART, withAddedTitles(app, order, sheets, definedNameTitles(workbook)));
  }
  const named = gaps.settings.length > 0 ? appendSettings(graft, parts, gaps.settings, plan) : [];
  const current = parts.sheets();
  for (const own of [LISTS_SHEET, INSTRUCTIONS_SHEET])
    graft.replaceContent(current.find((s) => s.name === own));
  const styles = graft.stylesXml;
  if (styles !== null) parts.setText(STYLES_PART, styles);
  return named;
}
