/** commander's error messages, exactly as commander 14 writes them, in Swedish. */
import { swedishError } from "../../src/cli/swedishCommander";

describe("swedishError", () => {
  it.each([
    [
      "error: unknown option '--jsn'\n(Did you mean --json?)\n",
      "Fel: okänd flagga '--jsn'\n(Menade du --json?)\n",
    ],
    [
      "error: unknown command 'rapprt'\n(Did you mean rapport?)\n",
      "Fel: okänt kommando 'rapprt'\n(Menade du rapport?)\n",
    ],
    [
      "error: unknown command 'm'\n(Did you mean one of mall, help?)\n",
      "Fel: okänt kommando 'm'\n(Menade du något av mall, help?)\n",
    ],
    ["error: missing required argument 'fil'\n", "Fel: argumentet <fil> saknas\n"],
    [
      "error: option '-o, --output <ut.xlsx>' argument missing\n",
      "Fel: flaggan '-o, --output <ut.xlsx>' saknar värde\n",
    ],
    [
      "error: required option '-o, --output <nämnd.xlsx>' not specified\n",
      "Fel: flaggan '-o, --output <nämnd.xlsx>' måste anges\n",
    ],
    [
      "error: too many arguments for 'validera'. Expected 1 argument but got 3.\n",
      "Fel: för många argument till 'validera': det ska vara 1, men det var 3\n",
    ],
    [
      "error: too many arguments. Expected 0 arguments but got 1.\n",
      "Fel: för många argument: det ska vara 0, men det var 1\n",
    ],
  ])("%j", (english, swedish) => {
    expect(swedishError(english)).toBe(swedish);
  });

  it("at least says Fel for a message it has no words for", () => {
    expect(swedishError("error: something new\n")).toBe("Fel: something new\n");
  });
});
