/**
 * exceljs 4.4 cannot read a table column with child elements: its parser takes the first closing
 * tag inside `<tableColumn>` for the column's end and then fails on the table ("Cannot set
 * properties of undefined (setting 'filterButton')", exceljs #1240, fix #1936 unmerged). Excel
 * writes such children for every calculated column (`<calculatedColumnFormula>`), and the template
 * has them too. The reader needs only the column names, so the children are dropped.
 */

// `<tableColumn …>…</tableColumn>`, with or without a namespace prefix; never the empty form
// (`/>`). No lookbehind: this runs in the browser bundle, and older Safari engines lack it.
const COLUMN_WITH_CHILDREN = /<((?:\w+:)?tableColumn)\b((?:[^>/]|\/(?!>))*)>[\s\S]*?<\/\1>/g;

/** The table part with every `<tableColumn>` empty, or null when none had children. */
export function tableColumnsForExceljs(tableXml: string): string | null {
  let changed = false;
  const fixed = tableXml.replace(
    COLUMN_WITH_CHILDREN,
    (_element, tag: string, attributes: string) => {
      changed = true;
      return `<${tag}${attributes}/>`;
    }
  );
  return changed ? fixed : null;
}
