/**
 * The one-scan measure of a text's widest piece agrees with measuring each piece by textEms, for
 * any text: Swedish words, figures with no-break spaces, line breaks, surrogate pairs and lone
 * surrogates, characters the width tables do not list.
 */
import fc from "fast-check";
import { textEms, widestPieceEms } from "../../../src/core/layout/textMetrics";

/** Characters that matter to the scan, mixed with arbitrary ones. */
const character = fc.oneof(
  fc.constantFrom(" ", "\n", "\t", "\u00a0", "\u2212", "—", "ä", "W", "i", "🎯", "\uD800", "\uDC00"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
);
const text = fc.array(character, { maxLength: 60 }).map((chars) => chars.join(""));

const widestBySplitting = (text: string, bold: boolean, separators: RegExp) =>
  Math.max(0, ...text.split(separators).map((piece) => textEms(piece, bold)));

describe("widestPieceEms", () => {
  it("is the widest word by textEms, or the widest line when words do not break", () => {
    fc.assert(
      fc.property(text, fc.boolean(), (value, bold) => {
        expect(widestPieceEms(value, bold, true)).toBe(widestBySplitting(value, bold, /[ \n\t]+/));
        expect(widestPieceEms(value, bold, false)).toBe(widestBySplitting(value, bold, /\n/));
      }),
      { numRuns: 2000 }
    );
  });

  it("measures Arial's widths: a bold header word, a figure joined by no-break spaces", () => {
    // "Periodbudget" in Arial Bold: P 667, e 556 (×2), r 389, i 278, o d b u d g 611, t 333.
    expect(widestPieceEms("Periodbudget jan–aug", true, true)).toBeCloseTo(6.445, 3);
    expect(widestPieceEms("\u22121\u00a0114\u00a0200", false, true)).toBeCloseTo(5.032, 3);
    expect(widestPieceEms("ab cd\nabc", false, false)).toBe(textEms("ab cd", false));
  });
});
