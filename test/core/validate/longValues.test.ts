/**
 * A finding quotes a cell's text, never all of it: a 10,000-character cell (pasted by mistake, or
 * built to flood the report) gives a message a person can read, with "…" where the quote is cut.
 */
import { ACTION, CONTROL, findings, RISK, withCode } from "./run";

const LONG = "Lång text ".repeat(1_000); // 10,000 characters
/** 200 characters of the text, then "…". */
const QUOTED = `${LONG.slice(0, 200)}…`;

describe("findings on 10,000-character cells", () => {
  it("quote at most 200 characters of an unknown Risk-ID", () => {
    const [finding] = withCode(
      findings({ risks: [RISK], actions: [{ ...ACTION, "Risk-ID": LONG }] }),
      "risk-id-okant"
    );
    expect(finding.message).toBe(
      `Risk-ID ${QUOTED} finns inte på bladet Risker. Skriv ett Risk-ID som finns där, eller lägg till risken på bladet Risker.`
    );
  });

  it("quote at most 200 characters of a duplicated ID and of a risk without an action", () => {
    const all = findings({
      risks: [
        { ...RISK, "Risk-ID": LONG },
        { ...RISK, "Risk-ID": LONG },
      ],
    });
    const [duplicate] = withCode(all, "id-dubblett");
    expect(duplicate.message).toMatch(new RegExp(`^Risk-ID ${QUOTED} finns redan i [A-Z]+\\d+\\.`));
    for (const finding of all) expect(finding.message.length).toBeLessThan(600);
  });

  it("quote at most 60 characters of a value that is not in the list", () => {
    const [finding] = withCode(
      findings({ risks: [RISK], actions: [ACTION], controls: [{ ...CONTROL, Resultat: LONG }] }),
      "status-ogiltig"
    );
    expect(finding.message).toContain(`"${LONG.slice(0, 60)}…"`);
    expect(finding.message.length).toBeLessThan(400);
  });

  it("never cut a character in half", () => {
    const emoji = "🙂".repeat(150); // 300 UTF-16 units: unit 200 is the first half of a pair
    const [finding] = withCode(
      findings({ risks: [RISK], actions: [{ ...ACTION, "Risk-ID": `x${emoji}` }] }),
      "risk-id-okant"
    );
    expect(finding.message).toContain(`Risk-ID x${"🙂".repeat(99)}… finns inte`);
  });
});
