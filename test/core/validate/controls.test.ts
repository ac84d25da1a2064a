import { cellOf, type RowSpec } from "../../helpers/snapshot";
import { ACTION, CONTROL, findings, RISK, withCode } from "./run";

const run = (control: RowSpec, period = "T2") =>
  findings(
    { risks: [RISK], actions: [ACTION], controls: [{ ...CONTROL, ...control }] },
    { period }
  );

describe("kontroll-kommentar-saknas", () => {
  it.each([
    ["Kontroll genomförd med mindre avvikelse", "Beskriv avvikelsen"],
    ["Kontroll genomförd med stor avvikelse", "Beskriv avvikelsen"],
    ["Kontroll ej genomförd", "Förklara varför kontrollen inte har genomförts."],
  ])("requires a comment for %s", (result, fix) => {
    const found = withCode(
      run({ Resultat: result, "Åtgärd vid avvikelse": "Förstärkning." }),
      "kontroll-kommentar-saknas"
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        sheet: "Internkontroll",
        cell: cellOf("controls", "Kommentar", 0),
      }),
    ]);
    expect(found[0].message).toContain(
      `Kontrollen K1 har resultatet ${result} men ingen kommentar. ${fix}`
    );
  });

  it("needs no comment for a control without deviation", () => {
    expect(run({ Kommentar: null })).toEqual([]);
  });
});

describe("kontroll-atgard-saknas", () => {
  it("warns about a large deviation with no action", () => {
    const found = withCode(
      run({ Resultat: "Kontroll genomförd med stor avvikelse", Kommentar: "Stora brister." }),
      "kontroll-atgard-saknas"
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: "varning",
        cell: cellOf("controls", "Åtgärd vid avvikelse", 0),
      }),
    ]);
  });

  it("accepts a large deviation with an action, and a small one without", () => {
    const large = run({
      Resultat: "Kontroll genomförd med stor avvikelse",
      Kommentar: "Stora brister.",
      "Åtgärd vid avvikelse": "Controller på konsultbasis.",
    });
    const small = run({
      Resultat: "Kontroll genomförd med mindre avvikelse",
      Kommentar: "Små brister.",
    });
    expect([...large, ...small]).toEqual([]);
  });
});

describe("kontroll-resultat-saknas", () => {
  const missing = (timing: string | null, period: string) =>
    withCode(run({ Tidpunkt: timing, Resultat: null }, period), "kontroll-resultat-saknas");

  it.each([
    ["T1", "T2"],
    ["T2", "T2"],
    ["Löpande", "T1"],
    ["Helår", "Helår"],
    [null, "Helår"],
  ])("requires a result of a control due at %s by %s", (timing, period) => {
    const found = missing(timing, period);
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        sheet: "Internkontroll",
        cell: cellOf("controls", "Resultat", 0),
      }),
    ]);
  });

  it.each([
    ["T2", "T1"],
    ["Helår", "T2"],
    [null, "T2"],
  ])("does not yet require a result of a control due at %s by %s", (timing, period) => {
    expect(missing(timing, period)).toEqual([]);
  });

  it("says when the control was due", () => {
    expect(missing("T2", "T2")[0].message).toBe(
      "Kontrollen K1 har tidpunkt T2 och skulle vara genomförd till delåret (T2), men saknar resultat. " +
        "Välj ett resultat; har kontrollen inte gjorts, välj Kontroll ej genomförd och förklara varför i Kommentar."
    );
  });

  it("leaves a misspelt result or timing to status-ogiltig", () => {
    const codes = (control: RowSpec) => run(control).map((f) => f.code);
    expect(codes({ Resultat: "Genomförd" })).toEqual(["status-ogiltig"]);
    expect(codes({ Tidpunkt: "t2", Resultat: null })).toEqual(["status-ogiltig"]);
  });
});
