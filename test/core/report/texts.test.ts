import type { ActionCounts, ControlCounts, RiskCounts } from "../../../src/core/rollup/counts";
import { controlCountsText } from "../../../src/core/report/controlText";
import { actionCountsText, riskCountsText } from "../../../src/core/report/riskText";

const risks = (
  byTreatment: Partial<RiskCounts["byTreatment"]>,
  withoutTreatment = 0
): RiskCounts => {
  const full = { Hantera: 0, Acceptera: 0, Bevaka: 0, ...byTreatment };
  const total = Object.values(full).reduce((a, b) => a + b, 0) + withoutTreatment;
  return { total, byTreatment: full, withoutTreatment };
};

const actions = (byStatus: Partial<ActionCounts["byStatus"]>, overdue = 0): ActionCounts => {
  const full = { "Ej påbörjad": 0, Pågående: 0, Avslutad: 0, Avbruten: 0, ...byStatus };
  const total = Object.values(full).reduce((a, b) => a + b, 0);
  return { total, byStatus: full, withoutStatus: 0, overdue };
};

describe("riskCountsText", () => {
  it("words document 001's picture as the document does", () => {
    expect(riskCountsText(risks({ Hantera: 5 }))).toBe(
      "Fem risker har identifierats och ingår i den samlade riskbilden och samtliga har status Hantera."
    );
  });

  it("handles one risk, none, and mixed treatments", () => {
    expect(riskCountsText(risks({ Bevaka: 1 }))).toBe(
      "En risk har identifierats och ingår i den samlade riskbilden och den har status Bevaka."
    );
    expect(riskCountsText(risks({}))).toBe(
      "Inga risker har identifierats i den samlade riskbilden."
    );
    expect(riskCountsText(risks({ Hantera: 3, Acceptera: 1 }, 1))).toBe(
      "Fem risker har identifierats och ingår i den samlade riskbilden. " +
        "Tre har status Hantera, en har status Acceptera och en saknar riskhantering."
    );
    expect(riskCountsText(risks({ Hantera: 14 }))).toMatch(/^14 risker har identifierats/);
  });
});

describe("actionCountsText", () => {
  it("counts from the data, in document 001's words", () => {
    expect(actionCountsText(actions({ Pågående: 5, Avslutad: 3 }))).toBe(
      "Uppföljningen visar att fem åtgärder pågår och att tre åtgärder har avslutats under perioden. " +
        "Ingen av de öppna åtgärderna har passerat sitt slutdatum."
    );
  });

  it("names every status present, in the singular where there is one, and the late ones", () => {
    expect(actionCountsText(actions({ Pågående: 1, "Ej påbörjad": 2, Avbruten: 1 }, 2))).toBe(
      "Uppföljningen visar att en åtgärd pågår, att två åtgärder inte har påbörjats och att en " +
        "åtgärd har avbrutits. Två åtgärder är försenade: slutdatum har passerat utan att de har avslutats."
    );
    expect(actionCountsText(actions({ Avslutad: 1 }))).toBe(
      "Uppföljningen visar att en åtgärd har avslutats under perioden."
    );
    expect(actionCountsText(actions({}))).toBe("Inga åtgärder har registrerats.");
  });
});

describe("controlCountsText", () => {
  const counts = (
    byResult: Partial<ControlCounts["byResult"]>,
    withoutResult = 0
  ): ControlCounts => {
    const full = {
      "Kontroll genomförd utan avvikelse": 0,
      "Kontroll genomförd med mindre avvikelse": 0,
      "Kontroll genomförd med stor avvikelse": 0,
      "Kontroll ej genomförd": 0,
      ...byResult,
    };
    const total = Object.values(full).reduce((a, b) => a + b, 0) + withoutResult;
    return { total, byResult: full, withoutResult };
  };

  it("words document 004's six controls", () => {
    expect(
      controlCountsText(
        counts({
          "Kontroll genomförd med stor avvikelse": 2,
          "Kontroll genomförd med mindre avvikelse": 2,
          "Kontroll genomförd utan avvikelse": 2,
        })
      )
    ).toBe(
      "Internkontrollplanen innehåller sex kontroller. Två har genomförts utan avvikelse, två har " +
        "genomförts med mindre avvikelse och två har genomförts med stor avvikelse."
    );
  });

  it("says samtliga when one result covers all, and counts missing results", () => {
    expect(controlCountsText(counts({ "Kontroll genomförd utan avvikelse": 4 }))).toBe(
      "Internkontrollplanen innehåller fyra kontroller. Samtliga har genomförts utan avvikelse."
    );
    expect(controlCountsText(counts({ "Kontroll ej genomförd": 3 }))).toBe(
      "Internkontrollplanen innehåller tre kontroller. Ingen av dem har genomförts."
    );
    expect(controlCountsText(counts({ "Kontroll genomförd utan avvikelse": 1 }, 1))).toBe(
      "Internkontrollplanen innehåller två kontroller. En har genomförts utan avvikelse och en saknar resultat."
    );
    expect(controlCountsText(counts({}))).toBe("Internkontrollplanen innehåller inga kontroller.");
  });
});
