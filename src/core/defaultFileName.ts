/**
 * How long a file name Tertial proposes may be. An Organisation can be a paragraph long, but
 * Excel on Windows opens no file whose whole path passes 218 characters, and no file system takes
 * a name over 255 bytes; a default name of at most 120 bytes of UTF-8 (å counts 2) leaves room
 * for the folder. Used for Ny period's and Sammanställ's default names.
 */
export const MAX_DEFAULT_NAME_BYTES = 120;

const encoder = new TextEncoder();
const utf8Bytes = (text: string) => encoder.encode(text).length;

/** The longest beginning of `text` in whole code points that fits in `bytes` of UTF-8. */
function leadingBytes(text: string, bytes: number): string {
  let kept = "";
  for (const char of text) {
    if (utf8Bytes(kept + char) > bytes) break;
    kept += char;
  }
  return kept;
}

/**
 * `head` followed by `tail` (which keeps what identifies the file, e.g. ` 2024 T2.xlsx`), within
 * MAX_DEFAULT_NAME_BYTES. When too long, `head` is cut after its last whole word that fits (a
 * first word longer than the room within it), and spaces, dots, commas and dashes it then ends
 * in are dropped. `head` is a single line with single spaces.
 */
export function fitDefaultName(head: string, tail: string): string {
  const room = MAX_DEFAULT_NAME_BYTES - utf8Bytes(tail);
  if (utf8Bytes(head) <= room) return `${head}${tail}`;
  let kept = "";
  for (const word of head.split(" ")) {
    const longer = kept === "" ? word : `${kept} ${word}`;
    if (utf8Bytes(longer) > room) break;
    kept = longer;
  }
  if (kept === "") kept = leadingBytes(head, room);
  return `${kept.replace(/[\s.,;:\-–—]+$/u, "")}${tail}`;
}
