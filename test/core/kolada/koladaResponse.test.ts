/**
 * Saved Kolada API responses read without a network: version 2's shape, version 3's with
 * `isdeleted` and `next_url`, Kommunkod as a number, `period` as a number or a string; anything
 * that is not a data response is refused with the file's name.
 */
import fc from "fast-check";
import { UnusableWorkbookError } from "../../../src/core/errors";
import {
  municipalityCode,
  readKoladaPage,
  UnreadableKoladaError,
} from "../../../src/core/kolada/koladaResponse";

// As api.kolada.se/v2/data/kpi/N00945/municipality/0381/year/2023,2024 answers.
const V2 = JSON.stringify({
  count: 2,
  values: [
    {
      kpi: "N00945",
      municipality: "0381",
      period: 2024,
      values: [
        { count: 1, gender: "K", status: "", value: 11.2 },
        { count: 1, gender: "M", status: "", value: 7.5 },
        { count: 1, gender: "T", status: "", value: 9.4 },
      ],
    },
    {
      kpi: "N00945",
      municipality: "0381",
      period: 2023,
      values: [{ count: 0, gender: "T", status: "Missing", value: null }],
    },
  ],
});

// As api.kolada.se/v3/data/kpi/N00945/municipality/0381 answers: a page with the next one's address.
const V3 = JSON.stringify({
  total_count: 3,
  next_url: "https://api.kolada.se/v3/data/kpi/N00945/municipality/0381?page=2",
  previous_url: null,
  values: [
    {
      kpi: "N00945",
      municipality: 381,
      period: "2024",
      values: [{ count: 1, gender: "T", status: "", value: 9.4, isdeleted: false }],
    },
    {
      kpi: "N00945",
      municipality: "0381",
      period: 2022,
      values: [{ count: 1, gender: "T", status: "", value: 10.1, isdeleted: true }],
    },
  ],
});

describe("readKoladaPage", () => {
  it("reads version 2's rows, every gender, a null value as null", () => {
    expect(readKoladaPage("v2.json", V2)).toEqual([
      {
        kpi: "N00945",
        municipality: "0381",
        period: 2024,
        gender: "K",
        value: 11.2,
        deleted: false,
      },
      {
        kpi: "N00945",
        municipality: "0381",
        period: 2024,
        gender: "M",
        value: 7.5,
        deleted: false,
      },
      {
        kpi: "N00945",
        municipality: "0381",
        period: 2024,
        gender: "T",
        value: 9.4,
        deleted: false,
      },
      {
        kpi: "N00945",
        municipality: "0381",
        period: 2023,
        gender: "T",
        value: null,
        deleted: false,
      },
    ]);
  });

  it("reads version 3's rows: Kommunkod 381 is 0381, period as text, isdeleted kept", () => {
    expect(readKoladaPage("v3.json", V3)).toEqual([
      {
        kpi: "N00945",
        municipality: "0381",
        period: 2024,
        gender: "T",
        value: 9.4,
        deleted: false,
      },
      {
        kpi: "N00945",
        municipality: "0381",
        period: 2022,
        gender: "T",
        value: 10.1,
        deleted: true,
      },
    ]);
  });

  it("refuses what is not a data response, naming the file", () => {
    for (const text of ["<html>", '{"values": 3}', '[{"kpi":"N1"}]', ""]) {
      let thrown: unknown;
      try {
        readKoladaPage("svar.json", text);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UnreadableKoladaError);
      expect(thrown).toBeInstanceOf(UnusableWorkbookError);
      expect((thrown as Error).message).toMatch(/^svar\.json /);
    }
  });

  it("reads back every generated row as it was written, whatever the page's order and types", () => {
    const row = fc.record({
      kpi: fc.stringMatching(/^[NU]\d{5}$/),
      municipality: fc.integer({ min: 1, max: 9999 }),
      period: fc.integer({ min: 1990, max: 2030 }),
      asText: fc.boolean(),
      gender: fc.constantFrom("T", "K", "M"),
      value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
      deleted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const page = {
          values: rows.map((r) => ({
            kpi: r.kpi,
            municipality: r.asText ? String(r.municipality).padStart(4, "0") : r.municipality,
            period: r.asText ? String(r.period) : r.period,
            values: [
              { gender: r.gender, count: 1, status: "", value: r.value, isdeleted: r.deleted },
            ],
          })),
        };
        expect(readKoladaPage("p.json", JSON.stringify(page))).toEqual(
          rows.map((r) => ({
            kpi: r.kpi,
            municipality: String(r.municipality).padStart(4, "0"),
            period: r.period,
            gender: r.gender,
            // JSON has no −0: it comes back as 0.
            value: r.value === null ? null : r.value + 0,
            deleted: r.deleted,
          }))
        );
      })
    );
  });
});

describe("municipalityCode", () => {
  it("gives four digits for a code typed as a number or as text, null for anything else", () => {
    expect(municipalityCode(381)).toBe("0381");
    expect(municipalityCode(" 0381 ")).toBe("0381");
    expect(municipalityCode("180")).toBe("0180");
    expect(municipalityCode(2480)).toBe("2480");
    expect(municipalityCode("Nacka")).toBeNull();
    expect(municipalityCode(381.5)).toBeNull();
    expect(municipalityCode(12345)).toBeNull();
    expect(municipalityCode(null)).toBeNull();
  });
});
