/** The core's error messages suit every host; the CLI adds its own way forward. */
import { MissingColumnError, MissingTableError } from "../../src/core/errors";
import { cliAdvice } from "../../src/cli/unusableAdvice";

it("words a missing table without commands or table names, and the CLI adds both", () => {
  const error = new MissingTableError("budget.xlsx", "tblRisker", "Risker");
  expect(error.message).toContain("budget.xlsx");
  expect(error.message).toContain("bladet Risker");
  expect(error.message).not.toMatch(/tbl|tertial mall/);
  expect(cliAdvice(error)).toBe(
    " Skapa en ny arbetsbok med `tertial mall` och för över uppgifterna, " +
      "eller återställ tabellen tblRisker på bladet Risker."
  );
});

it("adds nothing where the message already says what to do", () => {
  const error = new MissingColumnError("budget.xlsx", "tblRisker", "Risker", "Sannolikhet");
  expect(error.message).not.toContain("tblRisker");
  expect(error.message).toContain('kolumnen "Sannolikhet"');
  expect(cliAdvice(error)).toBe("");
});
