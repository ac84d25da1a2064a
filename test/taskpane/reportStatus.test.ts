import { reportStatus } from "../../src/taskpane/state/reportStatus";

it("calls a report with fel a draft, with the count and where the fel are listed", () => {
  expect(reportStatus({ fel: 3, varning: 2 }, "på bladet Kontrollresultat")).toEqual({
    draft: true,
    title: "Rapporten är skapad som utkast",
    detail:
      "Kontrollen hittade 3 fel, som listas på bladet Kontrollresultat. " +
      "Rätta felen och generera rapporten igen för att få en färdig rapport.",
  });
});

it("calls a report without fel finished, whatever the warnings", () => {
  expect(reportStatus({ fel: 0, varning: 4 }, "på bladet Kontrollresultat")).toEqual({
    draft: false,
    title: "Rapporten är klar",
    detail: null,
  });
});
