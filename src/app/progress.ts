/** The steps of Validera and Generera rapport, named for the progress indicator. */

export type Step = "read" | "check" | "compute" | "write";

export const STEP_LABELS: Readonly<Record<Step, string>> = {
  read: "Läser arbetsboken",
  check: "Kontrollerar uppgifterna",
  compute: "Räknar fram ekonomin och rapporten",
  write: "Skriver rapportbladen",
};

export const VALIDATE_STEPS: readonly Step[] = ["read", "check"];
export const GENERATE_STEPS: readonly Step[] = ["read", "check", "compute", "write"];

/** `Steg 2 av 4: Kontrollerar uppgifterna`: what the progress indicator and screen readers say. */
export function describeStep(step: Step, steps: readonly Step[]): string {
  return `Steg ${steps.indexOf(step) + 1} av ${steps.length}: ${STEP_LABELS[step]}`;
}

/** Progress as a fraction for the bar: a step counts as half done while it runs. */
export function stepFraction(step: Step, steps: readonly Step[]): number {
  return (steps.indexOf(step) + 0.5) / steps.length;
}
