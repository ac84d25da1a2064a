import { describeStep, GENERATE_STEPS, stepFraction, VALIDATE_STEPS } from "../../src/app/progress";

describe("progress", () => {
  it("names the step and where it stands", () => {
    expect(describeStep("check", GENERATE_STEPS)).toBe("Steg 2 av 4: Kontrollerar uppgifterna");
    expect(describeStep("check", VALIDATE_STEPS)).toBe("Steg 2 av 2: Kontrollerar uppgifterna");
    expect(describeStep("write", GENERATE_STEPS)).toBe("Steg 4 av 4: Skriver rapportbladen");
  });

  it("moves the bar forward step by step, never to the end while work remains", () => {
    const fractions = GENERATE_STEPS.map((s) => stepFraction(s, GENERATE_STEPS));
    expect(fractions).toEqual([0.125, 0.375, 0.625, 0.875]);
  });
});
