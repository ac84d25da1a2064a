/** One SIE line as fields: quoted strings with spaces and escaped quotes, object lists. */
import fc from "fast-check";
import { splitSieLine } from "../../../src/core/ledger/sieLine";

describe("splitSieLine", () => {
  it("reads words, quoted strings, empty strings and object lists", () => {
    expect(
      splitSieLine('  #PSALDO 0 202401 1920 {1 "100" 6 P1} -1.85 "" "Text med \\"citat\\"" 0')
    ).toEqual({
      label: "#PSALDO",
      fields: [
        "0",
        "202401",
        "1920",
        {
          objects: [
            { dimension: 1, object: "100" },
            { dimension: 6, object: "P1" },
          ],
        },
        "-1.85",
        "",
        'Text med "citat"',
        "0",
      ],
    });
    expect(splitSieLine("#PSALDO 0 202505 1630 {} 0 0")).toEqual({
      label: "#PSALDO",
      fields: ["0", "202505", "1630", { objects: [] }, "0", "0"],
    });
    expect(splitSieLine("\t \r")).toBeNull();
  });

  it("reads only the fields a #TRANS or #VER uses, not the text after them", () => {
    expect(splitSieLine('#TRANS 1920 {} -1.85 "" "Text utan slut')).toEqual({
      label: "#TRANS",
      fields: ["1920", { objects: [] }, "-1.85", ""],
    });
    expect(splitSieLine('#VER A 12 20250505 "Text" 20250506')).toEqual({
      label: "#VER",
      fields: ["A", "12", "20250505"],
    });
  });

  it("names what is wrong with a malformed line", () => {
    expect(splitSieLine('#KONTO 3010 "Kassa')).toEqual({
      problem: "en text inom citattecken saknar avslutande citattecken",
    });
    expect(splitSieLine('#TRANS 3010 {1 "100" -1')).toEqual({
      problem: "objektlistan saknar avslutande }",
    });
    expect(splitSieLine("#TRANS 3010 {1} -1")).toEqual({
      problem: "objektlistan har dimensionen 1 utan objekt",
    });
    expect(splitSieLine('#TRANS 3010 {A "1"} -1')).toEqual({
      problem: 'dimensionen "A" i objektlistan är inget nummer',
    });
  });

  it("reads back any name written with SIE's escaping", () => {
    const name = fc
      .string({ unit: "grapheme" })
      .filter((s) => !/[\r\n]/.test(s) && !s.endsWith("\\"));
    fc.assert(
      fc.property(name, (value) => {
        const line = `#KONTO 3010 "${value.replace(/"/g, '\\"')}"`;
        expect(splitSieLine(line)).toEqual({ label: "#KONTO", fields: ["3010", value] });
      })
    );
  });
});
