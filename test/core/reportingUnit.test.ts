/** A row's Rapporterande enhet as a value, and its cell text (the template contract's form). */
import fc from "fast-check";
import { readReportingUnit, reportingUnitText } from "../../src/core/reportingUnit";

describe("reportingUnit", () => {
  it("writes a nämnd's unit as the contract's text and reads it back", () => {
    const text = reportingUnitText({ nämnd: "Socialnämnden", unit: "Äldreomsorg" });
    expect(text).toBe("Socialnämnden / Äldreomsorg");
    expect(readReportingUnit(text)).toEqual({ nämnd: "Socialnämnden", unit: "Äldreomsorg" });
    expect(readReportingUnit("Äldreomsorg")).toEqual({ nämnd: null, unit: "Äldreomsorg" });
  });

  it("keeps the rest of a three-level path as the unit", () => {
    expect(readReportingUnit("Kommunstyrelsen / Socialnämnden / Äldreomsorg")).toEqual({
      nämnd: "Kommunstyrelsen",
      unit: "Socialnämnden / Äldreomsorg",
    });
  });

  it("reads back every value whose nämnd the text can tell apart from its unit", () => {
    // The first separator ends the nämnd: a nämnd may not hold one, nor start one at its end ("A /").
    const name = fc.string({ minLength: 1 }).filter((s) => `${s} / `.indexOf(" / ") === s.length);
    fc.assert(
      fc.property(fc.option(name, { nil: null }), fc.string(), (nämnd, unit) => {
        const text = reportingUnitText({ nämnd, unit });
        // A unit alone that holds the separator reads as a nämnd and its unit: the text is the same.
        expect(reportingUnitText(readReportingUnit(text))).toBe(text);
        if (nämnd !== null) expect(readReportingUnit(text)).toEqual({ nämnd, unit });
      })
    );
  });
});
