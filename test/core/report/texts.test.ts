import type { ActionCounts, ControlCounts, RiskCounts } from "../../../src/core/rollup/counts";
import { controlCountsText, controlReportingText } from "../../../src/core/report/controlText";
import { draftBanner, findingsSummary } from "../../../src/core/report/findingsText";
import {
  actionCountsText,
  changesSinceText,
  riskCountsText,
} from "../../../src/core/report/riskText";

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

describe("riskCountsText and actionCountsText, the remaining cases", () => {
  it("says when no risk has a riskhantering", () => {
    expect(riskCountsText(risks({}, 3))).toBe(
      "Tre risker har identifierats och ingår i den samlade riskbilden och samtliga saknar riskhantering."
    );
    expect(riskCountsText(risks({}, 1))).toBe(
      "En risk har identifierats och ingår i den samlade riskbilden och den saknar riskhantering."
    );
  });

  it("speaks of one open åtgärd in the singular, late or not", () => {
    expect(actionCountsText(actions({ Pågående: 1, Avslutad: 2 }))).toBe(
      "Uppföljningen visar att en åtgärd pågår och att två åtgärder har avslutats under perioden. " +
        "Den öppna åtgärden har inte passerat sitt slutdatum."
    );
    expect(actionCountsText(actions({ "Ej påbörjad": 1 }, 1))).toBe(
      "Uppföljningen visar att en åtgärd inte har påbörjats. En åtgärd är försenad: slutdatum har " +
        "passerat utan att den har avslutats."
    );
  });
});

describe("controlCountsText, when no control has a result", () => {
  const none = (withoutResult: number): ControlCounts => ({
    total: withoutResult,
    byResult: {
      "Kontroll genomförd utan avvikelse": 0,
      "Kontroll genomförd med mindre avvikelse": 0,
      "Kontroll genomförd med stor avvikelse": 0,
      "Kontroll ej genomförd": 0,
    },
    withoutResult,
  });

  it("says samtliga, or den for one", () => {
    expect(controlCountsText(none(3))).toBe(
      "Internkontrollplanen innehåller tre kontroller. Samtliga saknar resultat."
    );
    expect(controlCountsText(none(1))).toBe(
      "Internkontrollplanen innehåller en kontroll. Den saknar resultat."
    );
  });
});

describe("changesSinceText", () => {
  const changes = (newRisks: number, newActions: number, changedActions: number, rescored = 0) => ({
    newRisks,
    newActions,
    changedActions,
    rescoredRisks: rescored,
  });

  it("counts what changed since the last period, in the plural", () => {
    expect(changesSinceText("T1", changes(2, 0, 3))).toBe(
      "Sedan T1 har två risker tillkommit och tre åtgärder bytt status."
    );
    expect(changesSinceText("T2", changes(2, 4, 3, 2))).toBe(
      "Sedan T2 har två risker och fyra åtgärder tillkommit, tre åtgärder bytt status och två " +
        "risker fått ändrat riskvärde."
    );
  });

  it("and in the singular", () => {
    expect(changesSinceText("T1", changes(1, 1, 1, 1))).toBe(
      "Sedan T1 har en risk och en åtgärd tillkommit, en åtgärd bytt status och en risk fått " +
        "ändrat riskvärde."
    );
    expect(changesSinceText("Helår 2023", changes(0, 0, 1))).toBe(
      "Sedan Helår 2023 har en åtgärd bytt status."
    );
  });

  it("says so when nothing changed", () => {
    expect(changesSinceText("T1", changes(0, 0, 0))).toBe(
      "Sedan T1 har inga risker eller åtgärder tillkommit och ingen åtgärd har bytt status."
    );
  });
});

describe("controlReportingText", () => {
  it("counts the kontroller reported now, earlier and planned later", () => {
    expect(controlReportingText("T2", 2024, { now: 4, missing: 0, earlier: 2, later: 3 })).toBe(
      "Fyra kontroller har rapporterats i T2 2024, två rapporterades tidigare under året och tre " +
        "är planerade senare under året."
    );
    expect(controlReportingText("Helår", 2024, { now: 1, missing: 0, earlier: 1, later: 0 })).toBe(
      "En kontroll har rapporterats vid helår 2024 och en rapporterades tidigare under året."
    );
    expect(controlReportingText("T1", 2025, { now: 2, missing: 0, earlier: 0, later: 1 })).toBe(
      "Två kontroller har rapporterats i T1 2025 och en är planerad senare under året."
    );
  });

  it("says so when none was reported this period", () => {
    expect(controlReportingText("T2", 2024, { now: 0, missing: 0, earlier: 3, later: 0 })).toBe(
      "Ingen kontroll har rapporterats i T2 2024 och tre rapporterades tidigare under året."
    );
  });

  it("counts every row of this period's table, saying how many still lack a result", () => {
    expect(controlReportingText("T2", 2024, { now: 4, missing: 1, earlier: 1, later: 1 })).toBe(
      "Fyra kontroller ska rapporteras i T2 2024 (en saknar resultat), en rapporterades " +
        "tidigare under året och en är planerad senare under året."
    );
    expect(controlReportingText("Helår", 2024, { now: 2, missing: 2, earlier: 0, later: 0 })).toBe(
      "Två kontroller ska rapporteras vid helår 2024 (samtliga saknar resultat)."
    );
    expect(controlReportingText("T2", 2024, { now: 1, missing: 1, earlier: 0, later: 0 })).toBe(
      "En kontroll ska rapporteras i T2 2024 (den saknar resultat)."
    );
  });
});

describe("controlCountsText, with kontroller planned later", () => {
  const results = (utan: number, withoutResult: number, planned: number): ControlCounts => ({
    total: utan + withoutResult + planned,
    byResult: {
      "Kontroll genomförd utan avvikelse": utan,
      "Kontroll genomförd med mindre avvikelse": 0,
      "Kontroll genomförd med stor avvikelse": 0,
      "Kontroll ej genomförd": 0,
    },
    withoutResult,
  });

  it("counts them apart from those missing a result", () => {
    expect(controlCountsText(results(2, 1, 1), 1)).toBe(
      "Internkontrollplanen innehåller fyra kontroller. Två har genomförts utan avvikelse, en " +
        "saknar resultat och en är planerad senare under året."
    );
    expect(controlCountsText(results(1, 0, 2), 2)).toBe(
      "Internkontrollplanen innehåller tre kontroller. En har genomförts utan avvikelse och två är " +
        "planerade senare under året."
    );
  });

  it("says samtliga, or den, when all are planned later", () => {
    expect(controlCountsText(results(0, 0, 3), 3)).toBe(
      "Internkontrollplanen innehåller tre kontroller. Samtliga är planerade senare under året."
    );
    expect(controlCountsText(results(0, 0, 1), 1)).toBe(
      "Internkontrollplanen innehåller en kontroll. Den är planerad senare under året."
    );
  });
});

describe("findingsSummary", () => {
  it.each([
    [0, 0, "Kontrollen av a.xlsx hittade inga fel och inga varningar."],
    [
      1,
      1,
      "Kontrollen av a.xlsx hittade ett fel och en varning. Rätta felet i arbetsboken och generera " +
        "rapporten igen: siffror och texter från celler med fel kan vara ofullständiga i rapporten.",
    ],
    [
      8,
      0,
      "Kontrollen av a.xlsx hittade åtta fel och inga varningar. Rätta felen i arbetsboken och " +
        "generera rapporten igen: siffror och texter från celler med fel kan vara ofullständiga i rapporten.",
    ],
    [
      0,
      1,
      "Kontrollen av a.xlsx hittade inga fel och en varning. Varningen hindrar inte rapporten men bör ses över.",
    ],
    [
      0,
      14,
      "Kontrollen av a.xlsx hittade inga fel och 14 varningar. Varningarna hindrar inte rapporten men bör ses över.",
    ],
  ])("%d fel and %d varningar", (fel, varning, text) =>
    expect(findingsSummary(fel, varning, "a.xlsx")).toBe(text)
  );
});

describe("draftBanner", () => {
  it.each([
    [1, false, "UTKAST – arbetsboken har ett fel; se Kontrollresultat."],
    [2, false, "UTKAST – arbetsboken har två fel; se Kontrollresultat."],
    [25, true, "UTKAST – arbetsboken har 25 fel; se listan nedan."],
  ])("%d fel (on Kontrollresultat: %s)", (fel, here, text) =>
    expect(draftBanner(fel, here)).toBe(text)
  );
});
