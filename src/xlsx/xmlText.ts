/**
 * Text in and out of the package XML Tertial reads and patches itself (outside exceljs): sheet
 * and table names, formulas and property values may hold `&`, `<` or quotes.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

const ESCAPES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ENTITIES).map(([name, char]) => [char, `&${name};`])
);

/** Text as an XML attribute value or element content. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** An attribute value or element content as text: named and numeric entities decoded. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] !== "#") return ENTITIES[entity] ?? whole;
    const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
