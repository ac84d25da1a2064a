/**
 * Adds to a saved template package what exceljs cannot write: each computed column's
 * calculated-column formula in its table part, so Excel fills the formula into rows added to the
 * table, and the defined names behind the lookup dropdowns (`RiskIDn` = `tblRisker[Risk-ID]`),
 * which refer to a table column and so are not ranges exceljs can express. exceljs writes the
 * package stored (uncompressed); it is deflated here, once, with the platform's own deflate
 * (zipParts.ts), several times faster than exceljs's JavaScript one.
 */
import {
  lookupTable,
  type ColumnLookup,
  type TemplateDefinition,
} from "../../core/template/definition";
import { decodeXml, escapeXml } from "../xmlText";
import { repackStored } from "../zip/repackStored";
import type { AddedPart } from "../customProperty";
import { calculatedColumnFormula, columnSpecifier } from "./computedFormula";

const WORKBOOK_PART = "xl/workbook.xml";
const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;
const TABLE_NAME = /<table\b[^>]*?\sname="([^"]*)"/;
const EMPTY_TABLE_COLUMN = /<tableColumn\b([^>]*?)\/>/g;
const NAME_ATTRIBUTE = /\sname="([^"]*)"/;

/** Header → calculated-column formula of every computed column of a table. */
function computedFormulas(template: TemplateDefinition, tableName: string): Map<string, string> {
  const def = template.tableList.find((t) => t.name === tableName);
  const formulas = new Map<string, string>();
  for (const column of def?.columns ?? []) {
    if (column.kind === "computed" && column.formula) {
      formulas.set(column.header, calculatedColumnFormula(tableName, column.formula));
    }
  }
  return formulas;
}

/** A table part with `<calculatedColumnFormula>` in every computed column's `<tableColumn>`. */
function withCalculatedColumns(template: TemplateDefinition, tableXml: string): string {
  const tableName = TABLE_NAME.exec(tableXml)?.[1];
  if (tableName === undefined) return tableXml;
  const formulas = computedFormulas(template, decodeXml(tableName));
  const written = new Set<string>();
  const xml = tableXml.replace(EMPTY_TABLE_COLUMN, (element, attributes: string) => {
    const header = decodeXml(NAME_ATTRIBUTE.exec(attributes)?.[1] ?? "");
    const formula = formulas.get(header);
    if (formula === undefined) return element;
    written.add(header);
    return (
      `<tableColumn${attributes}>` +
      `<calculatedColumnFormula>${escapeXml(formula)}</calculatedColumnFormula></tableColumn>`
    );
  });
  const missing = [...formulas.keys()].filter((h) => !written.has(h));
  if (missing.length > 0) {
    throw new Error(`Tabellen ${tableName} saknar kolumnen ${missing.join(", ")} i filen.`);
  }
  return xml;
}

function lookups(template: TemplateDefinition): ColumnLookup[] {
  const byName = new Map<string, ColumnLookup>();
  for (const column of template.tableList.flatMap((t) => t.columns)) {
    if (column.lookup) byName.set(column.lookup.name, column.lookup);
  }
  return [...byName.values()];
}

/** `tblRisker[Risk-ID]`: the data rows of the column, however many the table has. */
function lookupReference(template: TemplateDefinition, lookup: ColumnLookup): string {
  return `${lookupTable(template, lookup).name}${columnSpecifier(lookup.header)}`;
}

/** The workbook part with the lookup names among its defined names. */
function withLookupNames(template: TemplateDefinition, workbookXml: string): string {
  const names = lookups(template)
    .map(
      (l) =>
        `<definedName name="${l.name}">${escapeXml(lookupReference(template, l))}</definedName>`
    )
    .join("");
  if (names === "") return workbookXml;
  if (workbookXml.includes("<definedNames>")) {
    return workbookXml.replace("<definedNames>", `<definedNames>${names}`);
  }
  // definedNames follows sheets in the schema's element order.
  return workbookXml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
}

/** The stored package exceljs wrote, completed (and given `added`) and deflated. */
export function completePackage(
  stored: Uint8Array,
  template: TemplateDefinition,
  added?: AddedPart
): Promise<Uint8Array> {
  return repackStored(
    stored,
    (name) => {
      if (name === WORKBOOK_PART) return (xml) => withLookupNames(template, xml);
      if (TABLE_PART.test(name)) return (xml) => withCalculatedColumns(template, xml);
      return added?.edits[name];
    },
    added ? [added.part] : []
  );
}
