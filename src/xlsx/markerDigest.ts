/**
 * The digest Tertial's file markers carry (render/reportMarker.ts, docx/documentMarker.ts): FNV-1a
 * over a sequence of fields (a text's UTF-16 units, or bytes), with their total length. It tells an edit apart
 * from the content as written, not an attack: anyone may set the property by hand, and a user who
 * does so has chosen to have the file replaced.
 */
export class MarkerDigest {
  /** Kept as a signed 32-bit integer: an unsigned one above 2³¹ would be a heap number per step. */
  private hash = 0x811c9dc5 | 0;
  private length = 0;

  /** Adds a field; fields are separated, so ("ab", "c") and ("a", "bc") differ. */
  add(text: string): this {
    let hash = this.hash;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    // The separator, U+0000, never occurs in a part's text (XML cannot hold it).
    this.hash = Math.imul(hash, 0x01000193);
    this.length += text.length + 1;
    return this;
  }

  /** Adds a field of bytes (a part as stored), separated like a text field. */
  addBytes(bytes: Uint8Array): this {
    let hash = this.hash;
    for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    this.hash = Math.imul(hash, 0x01000193);
    this.length += bytes.length + 1;
    return this;
  }

  /** `fnv1a:<8 hex digits>:<length>`, the value a marker property holds. */
  toString(): string {
    return `fnv1a:${(this.hash >>> 0).toString(16).padStart(8, "0")}:${this.length}`;
  }
}
