import { LISTS } from "../../../src/core/template/lists";
import { joinAlternatives, suggestValue } from "../../../src/core/text/suggest";

describe("suggestValue", () => {
  it.each([
    ["pagaende", "Pågående"],
    ["Pågående ", "Pågående"],
    ["AVSLUTAD", "Avslutad"],
    ["ej\u00a0 paborjad", "Ej påbörjad"],
  ])("is certain that %j means %s", (text, value) => {
    expect(suggestValue(text, LISTS.atgardsstatus)).toEqual({ value, certain: true });
  });

  it.each([
    ["Avslutat", "atgardsstatus", "Avslutad"],
    ["Tillräckligt", "bedomning", "Tillräcklig"],
    ["ej genomförd", "kontrollresultat", "Kontroll ej genomförd"],
  ] as const)("guesses that %j means %s", (text, list, value) => {
    expect(suggestValue(text, LISTS[list])).toEqual({ value, certain: false });
  });

  it.each([
    ["T3", "period"],
    ["kr.", "enhet"],
    ["avvikelse", "kontrollresultat"],
    ["Klar", "atgardsstatus"],
    ["", "period"],
  ] as const)("does not guess for %j", (text, list) => {
    expect(suggestValue(text, LISTS[list])).toBeNull();
  });
});

describe("joinAlternatives", () => {
  it("lists values the Swedish way", () => {
    expect(joinAlternatives(["T1"])).toBe("T1");
    expect(joinAlternatives(["T1", "T2", "Helår"])).toBe("T1, T2 eller Helår");
  });

  it("quotes values that say eller or och themselves", () => {
    expect(joinAlternatives(["Belopp eller procent", "Belopp och procent"])).toBe(
      '"Belopp eller procent" eller "Belopp och procent"'
    );
  });
});
