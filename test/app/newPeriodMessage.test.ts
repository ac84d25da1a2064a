/** The pane's done message names, one paragraph each, what Ny period could not carry. */
import { newPeriodMessage } from "../../src/app/newPeriod";
import type { NewPeriodSummary } from "../../src/core/cycle/plan";

const summary: NewPeriodSummary = {
  fileName: "Nämnden 2024 T2.xlsx",
  closed: { year: 2024, period: "T1" },
  next: { year: 2024, period: "T2" },
  templateVersion: 2,
  historyAdded: 3,
  historyTotal: 3,
  droppedActions: [],
  fel: 0,
  notCarried: [
    {
      sheet: "Åtgärder",
      where: "cell J6",
      what: "värdet i en egen kolumn på en rad i tblAtgarder som inte följer med till nästa period",
    },
    {
      sheet: "Analys",
      where: "delen xl/worksheets/sheet12.xml",
      what: "ett eget blad: arbetsboken har inte allt mallversion 2 har (en äldre mallversion), så den byggs om som en ny mall",
    },
  ],
};

it("lists each item not carried, with sheet and place, before saying the workbook is unchanged", () => {
  const { lines } = newPeriodMessage({ from: "t1.xlsx", summary }, "download");
  expect(lines.slice(-3)).toEqual([
    "Följde inte med: bladet Åtgärder, cell J6: värdet i en egen kolumn på en rad i tblAtgarder som inte följer med till nästa period.",
    "Följde inte med: bladet Analys, delen xl/worksheets/sheet12.xml: ett eget blad: arbetsboken har inte allt mallversion 2 har (en äldre mallversion), så den byggs om som en ny mall.",
    "t1.xlsx ändrades inte.",
  ]);
});

it("says nothing of the kind when everything was carried", () => {
  const { lines } = newPeriodMessage(
    { from: "t1.xlsx", summary: { ...summary, notCarried: [] } },
    "open"
  );
  expect(lines.some((line) => line.startsWith("Följde inte med"))).toBe(false);
});
