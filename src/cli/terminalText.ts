/**
 * Text from a workbook made safe for a terminal. A cell can hold escape sequences that clear the
 * screen, retitle the window or hide the text after them, and bidi controls that show the line in
 * another order than it is stored (CVE-2021-42574, "Trojan Source"); neither belongs on a terminal.
 * Only the human-readable output is cleaned: --json keeps the exact text, escaped by JSON.
 */

/** ESC sequences: CSI (`ESC [ … final`), OSC/DCS/PM/APC strings up to BEL or ST, other ESC pairs. */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[ -~]?)/g;
/** C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

/** How much of one cell the CLI quotes on its own; the core bounds what its messages quote. */
export const CELL_QUOTE_LIMIT = 200;

/** At most `limit` characters (whole code points), ending in "…" when cut. */
export function clip(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join("")}…`;
}
