/**
 * The stale-text rules over generated comments: a text Historik holds for the period before is
 * caught however its white space was retyped, a text that differs in a word is not, and at Helår
 * "prognos" is caught in any case and inflection, never before Helår.
 */
import fc from "fast-check";
import { findings, withCode } from "../core/validate/run";

const POST = "Personalkostnader";

/** The income statement's one row with `comment`, and Historik holding `before` for T1. */
function workbook(comment: string, before: string, period: "T2" | "Helår" = "T2") {
  return findings(
    {
      incomeStatement: [
        {
          Post: POST,
          Typ: "Kostnad",
          "Utfall period": -30,
          "Budget helår": -30,
          "Prognos helår": -30,
          Kommentar: comment,
        },
      ],
      operatingStatement: [
        {
          Verksamhet: "Hemtjänst",
          "Utfall period": -30,
          "Budget helår": -30,
          "Prognos helår": -30,
        },
      ],
      history: [
        {
          År: 2024,
          Period: period === "T2" ? "T1" : "T2",
          Tabell: "tblResultatrakning",
          Nyckel: POST,
          Kolumn: "Kommentar",
          Värde: before,
        },
      ],
    },
    { period },
    new Date(Date.UTC(2025, 0, 20))
  );
}

const word = fc.stringMatching(/^[a-zåäö0-9,.−]{1,12}$/);
const words = fc.array(word, { minLength: 1, maxLength: 8 });
const space = fc.constantFrom(" ", "  ", "\n", " \n", "\t", "\u00a0");

it("catches a comment retyped with other white space, and only then", () => {
  fc.assert(
    fc.property(words, fc.array(space, { minLength: 9, maxLength: 9 }), (ws, spaces) => {
      const before = ws.join(" ");
      const retyped =
        ws.map((w, i) => w + (i < ws.length - 1 ? spaces[i] : "")).join("") + spaces[8];
      expect(withCode(workbook(retyped, before), "kommentar-oforandrad")).toHaveLength(1);
      const rewritten = [...ws, "igen"].join(" ");
      expect(withCode(workbook(rewritten, before), "kommentar-oforandrad")).toHaveLength(0);
    }),
    { numRuns: 60 }
  );
});

it("at Helår catches a comment speaking of prognos however it is written, never in T2", () => {
  const inflected = fc
    .tuple(
      fc.constantFrom("", "helårs", "års"),
      fc.constantFrom("prognos", "Prognos", "PROGNOS"),
      fc.constantFrom("", "en", "er", "tiserat", "säkerheten")
    )
    .map((parts) => parts.join(""));
  fc.assert(
    fc.property(words, words, inflected, (head, tail, forecast) => {
      const comment = [...head, forecast, ...tail].join(" ");
      const found = withCode(
        workbook(comment, "T2:s text.", "Helår"),
        "prognos-i-verksamhetsberattelse"
      );
      expect(found.map((f) => f.message)).toEqual([expect.stringContaining(`("${forecast}")`)]);
      expect(withCode(workbook(comment, "T1:s text."), "prognos-i-verksamhetsberattelse")).toEqual(
        []
      );
    }),
    { numRuns: 60 }
  );
});
