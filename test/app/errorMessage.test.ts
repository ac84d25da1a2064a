import { MissingTableError } from "../../src/core/errors";
import { HostError } from "../../src/app/appHost";
import { MissingColumnError } from "../../src/core/errors";
import {
  INTERNAL_ERROR_MESSAGE,
  isNotTertialWorkbook,
  userMessage,
} from "../../src/app/errorMessage";

describe("userMessage", () => {
  it("shows the core's and the host's own Swedish messages as they are", () => {
    const missing = new MissingTableError("a.xlsx", "tblRisker", "Risker");
    expect(userMessage(missing)).toBe(missing.message);
    expect(userMessage(new HostError("Byt namn på ditt blad."))).toBe("Byt namn på ditt blad.");
  });

  it("never shows a bug's text or stack to the user", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const bug = new TypeError("Cannot read properties of undefined (reading 'cells')");
    expect(userMessage(bug)).toBe(INTERNAL_ERROR_MESSAGE);
    expect(spy).toHaveBeenCalledWith(bug);
    spy.mockRestore();
  });
});

describe("isNotTertialWorkbook", () => {
  it("is a workbook without the template's tables, not one with a table short of a column", () => {
    expect(isNotTertialWorkbook(new MissingTableError("a.xlsx", "tblRisker", "Risker"))).toBe(true);
    const column = new MissingColumnError("a.xlsx", "tblRisker", "Risker", "Sannolikhet");
    expect(isNotTertialWorkbook(column)).toBe(false);
    expect(isNotTertialWorkbook(new HostError("Byt namn på ditt blad."))).toBe(false);
  });
});
