/**
 * The one rule every writer (report .xlsx, Ny period, Sammanställ, the template, Word) applies
 * to text before it reaches a package part: XML 1.0 cannot hold C0 controls other than tab, line
 * feed and carriage return, lone surrogates, U+FFFE or U+FFFF, and a part holding one is not
 * well-formed (Excel repairs the file, openpyxl and xmllint refuse it). Excel's own `_xHHHH_`
 * escape is decoded by readers, so a literal `_xFFFE_` in a cell is the same defect one step later.
 * Each is replaced by U+FFFD, visibly, rather than dropped: the reader sees that something was there.
 */

export const REPLACEMENT_CHARACTER = "\uFFFD";

/** Characters XML 1.0 cannot hold (the complement of its Char production), lone surrogates included. */
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is this rule's purpose
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `_xHHHH_` escapes that a spreadsheet reader would decode into a character XML cannot hold. */
const ESCAPED_INVALID = /_x([0-9A-Fa-f]{4})_/g;

function decodesToInvalid(hex: string): boolean {
  const char = String.fromCharCode(parseInt(hex, 16));
  XML_INVALID.lastIndex = 0;
  return XML_INVALID.test(char);
}

/** True when `text` would be written unchanged by `xmlSafeText`. */
export function isXmlSafe(text: string): boolean {
  return xmlSafeText(text) === text;
}

/** `text` with every character (or `_xHHHH_` escape of one) XML cannot hold replaced by U+FFFD. */
export function xmlSafeText(text: string): string {
  return text
    .replace(XML_INVALID, REPLACEMENT_CHARACTER)
    .replace(ESCAPED_INVALID, (escape, hex: string) =>
      decodesToInvalid(hex) ? REPLACEMENT_CHARACTER : escape
    );
}
