/**
 * The account mapping a fresh template ships with (Kontoplan, tblKontomappning): Kommun-Bas's
 * verksamhet accounts grouped onto the Resultaträkning Posts the template's example uses.
 * Kommun-Bas (SKR's normalkontoplan) puts verksamhetens intäkter in class 3 (31 taxor och
 * avgifter, 35 bidrag), material and köp av verksamhet in 4, personal in 5 and övriga
 * verksamhetskostnader in 6–7; the sources are cited in CONTEXT.md. Class 8 (skatteintäkter,
 * generella statsbidrag och utjämning, finansiella intäkter och kostnader) is no nämnd's Post and
 * is left out: an import names its amounts rather than guess. The ekonom edits the rows to the
 * kommun's own kontoplan.
 */
export const KOMMUN_BAS_ACCOUNT_MAPPING = [
  { accountFrom: 3000, accountTo: 3099, post: "Övriga intäkter" },
  { accountFrom: 3100, accountTo: 3199, post: "Taxor och avgifter" },
  { accountFrom: 3200, accountTo: 3499, post: "Övriga intäkter" },
  { accountFrom: 3500, accountTo: 3599, post: "Bidrag (intäkter)" },
  { accountFrom: 3600, accountTo: 3999, post: "Övriga intäkter" },
  { accountFrom: 4000, accountTo: 4999, post: "Köp av verksamhet" },
  { accountFrom: 5000, accountTo: 5999, post: "Personalkostnader" },
  { accountFrom: 6000, accountTo: 7999, post: "Övriga driftskostnader" },
] as const;
