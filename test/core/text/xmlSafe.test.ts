import { isXmlSafe, xmlSafeText } from "../../../src/core/text/xmlSafe";

describe("xmlSafeText", () => {
  it("keeps ordinary Swedish text, tabs and line breaks as they are", () => {
    const text = "Åtgärd för ekonomi i balans\t−51,2 mnkr\r\nRad två";
    expect(xmlSafeText(text)).toBe(text);
    expect(isXmlSafe(text)).toBe(true);
  });

  it("replaces control characters, U+FFFE/U+FFFF and lone surrogates visibly", () => {
    expect(xmlSafeText("a\u0001b\u000Bc\uFFFEd\uFFFF")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
    expect(xmlSafeText("x\uD800y")).toBe("x\uFFFDy");
    expect(xmlSafeText("x\uDC00y")).toBe("x\uFFFDy");
  });

  it("keeps characters outside the Basic Multilingual Plane (a surrogate pair)", () => {
    expect(xmlSafeText("mål 🎯 nått")).toBe("mål 🎯 nått");
  });

  it("replaces _xHHHH_ escapes that decode to a character XML cannot hold, and keeps the others", () => {
    expect(xmlSafeText("före_xFFFE_efter")).toBe("före\uFFFDefter");
    expect(xmlSafeText("_x0001_")).toBe("\uFFFD");
    expect(xmlSafeText("rad_x000D_bryt")).toBe("rad_x000D_bryt");
    expect(isXmlSafe("_x0041_")).toBe(true);
  });
});
