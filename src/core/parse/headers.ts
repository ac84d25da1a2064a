/** Header matching as the contract defines it: case, surrounding and non-breaking spaces are ignored. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f\u2007]+/g, " ")
    .trim()
    .toLocaleLowerCase("sv-SE");
}
