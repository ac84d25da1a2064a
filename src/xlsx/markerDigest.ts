/**
 * The digest Tertial's file markers carry (render/reportMarker.ts, docx/documentMarker.ts): FNV-1a
 * over the UTF-16 units of a sequence of fields, with their total length. It tells an edit apart
 * from the content as written, not an attack: anyone may set the property by hand, and a user who
 * does so has chosen to have the file replaced.
 */
export class MarkerDigest {
  private hash = 0x811c9dc5;
  private length = 0;

  /** Adds a field; fields are separated, so ("ab", "c") and ("a", "bc") differ. */
  add(text: string): this {
    let hash = this.hash;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    // The separator, U+0000, never occurs in a part's text (XML cannot hold it).
    this.hash = Math.imul(hash, 0x01000193) >>> 0;
    this.length += text.length + 1;
    return this;
  }

  /** `fnv1a:<8 hex digits>:<length>`, the value a marker property holds. */
  toString(): string {
    return `fnv1a:${this.hash.toString(16).padStart(8, "0")}:${this.length}`;
  }
}
