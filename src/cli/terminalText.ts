/**
 * Text from a workbook made safe for a terminal. A cell can hold escape sequences that clear the
 * screen, retitle the window or hide the text after them, and bidi controls that show the line in
 * another order than it is stored (CVE-2021-42574, "Trojan Source"); neither belongs on a terminal,
 * nor do invisible format characters (a byte order mark, direction marks, zero-width characters)
 * that make two different texts look alike, or line separators that start a line the terminal
 * does not show as one.
 * Only the human-readable output is cleaned: --json keeps the exact text, escaped by JSON.
 */

/** ESC sequences: CSI (`ESC [ … final`), OSC/DCS/PM/APC strings up to BEL or ST, other ESC pairs. */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[ -~]?)/g;
/**
 * C0 controls but tab and newline, DEL, C1 controls, and every format character (Unicode's
 * category Cf: bidi embeddings, overrides, isolates and marks, U+061C, U+FEFF, zero-width ones).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}]/gu;
/** U+2028 and U+2029 separate words as much as lines: a space keeps the words apart. */
const LINE_SEPARATOR = /[\u2028\u2029]/g;

export function forTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "").replace(LINE_SEPARATOR, " ");
}

/** How much of one cell the CLI quotes on its own; the core bounds what its messages quote. */
export const CELL_QUOTE_LIMIT = 200;

/** At most `limit` characters (whole code points), ending in "…" when cut. */
export function clip(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join("")}…`;
}
