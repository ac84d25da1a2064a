/**
 * Resultaträkning and driftsredovisning of document 004 (Delårsrapport augusti 2024, vård- och
 * omsorgsnämnden), figures in mnkr exactly as printed. Periodbudget is not in the report.
 * Known truth: Utfall period fg år sums to −673,4 by type and −670,3 by activity (Bostadsanpassning's
 * +1,6 is the sign error behind it); the other columns differ by rounding only.
 */
import type { RowSpec } from "../../helpers/snapshot";

type Figures = readonly [number, number, number, number, number];

const ledger = (figures: Figures) => ({
  "Bokslut fg år": figures[0],
  "Utfall period fg år": figures[1],
  "Utfall period": figures[2],
  "Budget helår": figures[3],
  "Prognos helår": figures[4],
});

const INCOME_STATEMENT: readonly [string, "Intäkt" | "Kostnad", Figures][] = [
  ["Taxor och avgifter", "Intäkt", [44.5, 29.8, 32.3, 44.0, 48.7]],
  ["Bidrag (intäkter)", "Intäkt", [34.9, 15.0, 16.3, 33.0, 27.5]],
  ["Övriga intäkter", "Intäkt", [12.9, 7.4, 8.3, 11.5, 11.9]],
  ["Personalkostnader", "Kostnad", [-760.0, -505.8, -544.3, -763.5, -829.9]],
  ["Bidrag (kostnader)", "Kostnad", [-21.2, -11.5, -15.0, -24.9, -23.1]],
  ["Köp av verksamhet", "Kostnad", [-161.2, -98.6, -107.4, -171.6, -148.0]],
  ["Lokalhyror", "Kostnad", [-61.0, -41.8, -45.3, -64.1, -68.9]],
  ["Övriga driftskostnader", "Kostnad", [-105.9, -64.7, -69.3, -100.4, -105.3]],
  ["Kapitaltjänstkostnader", "Kostnad", [-4.9, -3.2, -3.3, -5.0, -5.3]],
];

const OPERATING_STATEMENT: readonly [string, Figures][] = [
  ["Hemtjänst", [-225.0, -146.4, -167.0, -221.3, -247.0]],
  ["Särskilt boende", [-302.7, -205.4, -214.1, -301.3, -303.7]],
  ["Korttidsboende", [-15.9, -9.7, -10.0, -15.3, -20.6]],
  ["Hjälpmedel, dagverksamhet, jour, demensteam", [-80.7, -51.8, -57.0, -90.4, -89.8]],
  ["Öppen verksamhet äldreomsorg", [0, 0, 0, 0, 0]],
  ["LSS, boende", [-119.7, -81.8, -81.2, -108.5, -121.9]],
  ["LSS, daglig verksamhet", [-59.3, -39.1, -43.2, -68.7, -69.0]],
  ["LSS, personlig assistans", [-69.4, -40.9, -47.6, -69.9, -75.4]],
  [
    "LSS, kontaktperson, ledsagning, avlösare, barnverksamhet, stödfamilj, PO ombud",
    [-27.0, -18.3, -18.6, -27.7, -26.6],
  ],
  ["Boendestöd", [-15.6, -10.2, -10.6, -19.7, -20.6]],
  ["Öppen verksamhet socialpsykiatri", [-3.0, -2.3, -2.6, -4.1, -5.2]],
  ["Bostadsanpassning", [-3.0, 1.6, -2.9, -5.0, -5.0]],
  ["Köpta platser", [-58.5, -37.1, -43.2, -67.8, -64.0]],
  ["Central administration", [-40.6, -27.9, -28.7, -39.9, -42.0]],
  ["Nämnd", [-1.5, -1.0, -0.9, -1.6, -1.4]],
];

/** Every row carries a comment, so that only the figures themselves can give findings. */
export const DOC004_INCOME_STATEMENT: readonly RowSpec[] = INCOME_STATEMENT.map(
  ([post, type, figures]) => ({
    Post: post,
    Typ: type,
    ...ledger(figures),
    Kommentar: "Se analys.",
  })
);

export const DOC004_OPERATING_STATEMENT: readonly RowSpec[] = OPERATING_STATEMENT.map(
  ([activity, figures]) => ({ Verksamhet: activity, ...ledger(figures), Kommentar: "Se analys." })
);

/** The row index of Bostadsanpassning in DOC004_OPERATING_STATEMENT. */
export const BOSTADSANPASSNING = OPERATING_STATEMENT.findIndex(([a]) => a === "Bostadsanpassning");
