/** Ny period's default name: `<Organisation> <År> <Period>.xlsx`, a long Organisation cut at a word. */
import fc from "fast-check";
import { nextWorkbookName } from "../../../src/core/cycle/fileName";
import { MAX_DEFAULT_NAME_BYTES } from "../../../src/core/defaultFileName";

const bytesOf = (name: string) => Buffer.byteLength(name, "utf8");
const T2_2024 = { year: 2024, period: "T2" } as const;

describe("nextWorkbookName", () => {
  it("cuts a 300-character Organisation after its last whole word within 120 bytes", () => {
    const organisation = "Nämnden för vård, omsorg och socialtjänst i Ålidens kommun "
      .repeat(5)
      .trim();
    expect(organisation.length).toBeGreaterThanOrEqual(290);
    const name = nextWorkbookName(organisation, T2_2024, "x");
    expect(name).toBe(
      "Nämnden för vård, omsorg och socialtjänst i Ålidens kommun Nämnden för vård, omsorg och 2024 T2.xlsx"
    );
    expect(bytesOf(name)).toBeLessThanOrEqual(MAX_DEFAULT_NAME_BYTES);
  });

  it("cuts a first word longer than the room within it, never inside a character", () => {
    const name = nextWorkbookName("Å".repeat(300), { year: 2025, period: "Helår" }, "x");
    expect(name).toBe(`${"Å".repeat(51)} 2025 Helår.xlsx`);
    expect(bytesOf(name)).toBe(119);
    expect(nextWorkbookName("📈".repeat(100), T2_2024, "x")).toBe(
      `${"📈".repeat(26)} 2024 T2.xlsx`
    );
  });

  it("drops invisible format characters: an override cannot disguise the name's ending", () => {
    expect(nextWorkbookName("\ufeffVård\u202e och\u200f omsorg\u2028nämnden", T2_2024, "x")).toBe(
      "Vård och omsorg nämnden 2024 T2.xlsx"
    );
  });

  it("shortens the input's name the same way when there is no Organisation", () => {
    const name = nextWorkbookName(null, T2_2024, `${"lång ".repeat(60)}fil`);
    expect(name).toBe(`${"lång ".repeat(18).trim()} 2024 T2.xlsx`);
  });

  it("keeps any name within the budget whole, and cuts a longer one at a word, År and Period kept", () => {
    const words = fc
      .array(fc.constantFrom("Vård-", "och", "omsorgs", "nämnden", "Å", "ö", "📈", "a.", "", " "), {
        maxLength: 120,
      })
      .map((parts) => parts.join(" "));
    fc.assert(
      fc.property(words, fc.constantFrom("T1", "T2", "Helår"), (organisation, period) => {
        const name = nextWorkbookName(organisation, { year: 2026, period }, "x");
        expect(bytesOf(name)).toBeLessThanOrEqual(MAX_DEFAULT_NAME_BYTES);
        expect(name.endsWith(`2026 ${period}.xlsx`)).toBe(true);
        const single = organisation.replace(/\s+/g, " ").trim();
        const kept = name.slice(0, -` 2026 ${period}.xlsx`.length);
        if (bytesOf(`${single} 2026 ${period}.xlsx`) <= MAX_DEFAULT_NAME_BYTES) {
          expect(kept).toBe(single);
        } else {
          // A beginning of the Organisation that ends where a word ends (its punctuation dropped).
          expect(single.startsWith(kept)).toBe(true);
          expect(single.slice(kept.length)).toMatch(/^[.,;:\-–—]* /);
        }
      }),
      { numRuns: 300 }
    );
  });
});
