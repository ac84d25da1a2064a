/** What the CLI lets through to a terminal from a workbook's text. */
import { clip, forTerminal } from "../../src/cli/terminalText";

describe("forTerminal", () => {
  it.each([
    ["a screen clear", "Brist\u001b[2Ji rutinen", "Bristi rutinen"],
    ["colours", "\u001b[31mröd\u001b[0m text", "röd text"],
    ["a window title (OSC ended by BEL)", "A\u001b]0;titel\u0007B", "AB"],
    [
      "a hyperlink (OSC ended by ST)",
      "\u001b]8;;https://x.se\u001b\\länk\u001b]8;;\u001b\\",
      "länk",
    ],
    ["a lone ESC and ESC pairs", "a\u001bcb\u001b", "ab"],
    ["C0 controls but tab and newline", "a\u0000b\u0007c\rd\te\nf\u007f", "abcd\te\nf"],
    ["C1 controls (8-bit CSI)", "a\u009b2Jb\u0085c", "a2Jbc"],
    [
      "bidi overrides and isolates",
      "risk\u202eetats\u202c \u2066x\u2069 \u202a\u202b\u202d\u2067\u2068",
      "risketats x ",
    ],
    ["direction marks and the Arabic letter mark", "A\u200eB\u200fC\u061cD", "ABCD"],
    ["a byte order mark and zero-width characters", "\ufeffRisk\u200b1\u2060\u00ad", "Risk1"],
    ["format characters beyond the BMP (tag characters)", "x\u{e0041}\u{e007f}y", "xy"],
    ["line and paragraph separators, as a space", "rad 1\u2028rad 2\u2029slut", "rad 1 rad 2 slut"],
  ])("removes %s", (_case, text, shown) => {
    expect(forTerminal(text)).toBe(shown);
  });

  it("keeps ordinary Swedish text, real minus, no-break spaces and emoji as they are", () => {
    const text = "Helårsprognosen är 1\u00a0092,4\u00a0mnkr, −51,4 ✓ 📈 «ö»";
    expect(forTerminal(text)).toBe(text);
  });
});

describe("clip", () => {
  it("keeps text within the limit and cuts longer text to the limit, ending in …", () => {
    expect(clip("kort", 200)).toBe("kort");
    const long = "å".repeat(250);
    expect(clip(long, 200)).toBe(`${"å".repeat(199)}…`);
    expect(Array.from(clip(long, 200))).toHaveLength(200);
  });

  it("never splits a character made of two UTF-16 units", () => {
    expect(clip("📈".repeat(5), 3)).toBe("📈📈…");
  });
});
