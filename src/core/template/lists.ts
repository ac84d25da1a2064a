/** Allowed values of every status column: the single source for dropdowns, parsing and validation. */
export const LISTS = {
  period: ["T1", "T2", "Helår"],
  enhet: ["mnkr", "tkr", "kr"],
  bedomning: ["Tillräcklig", "Delvis tillräcklig", "Ej tillräcklig"],
  typ: ["Intäkt", "Kostnad"],
  riskhantering: ["Hantera", "Acceptera", "Bevaka"],
  atgardsstatus: ["Ej påbörjad", "Pågående", "Avslutad", "Avbruten"],
  tidpunkt: ["T1", "T2", "Helår", "Löpande"],
  kontrollresultat: [
    "Kontroll genomförd utan avvikelse",
    "Kontroll genomförd med mindre avvikelse",
    "Kontroll genomförd med stor avvikelse",
    "Kontroll ej genomförd",
  ],
  // Lists template v2 adds come last, so the older lists keep their Listor columns.
  villkor: ["Belopp eller procent", "Belopp och procent"],
  janej: ["Ja", "Nej"],
  // Template v3.
  rapportenhet: ["mnkr", "tkr"],
} as const;

export type ListName = keyof typeof LISTS;
export type ListValue<L extends ListName> = (typeof LISTS)[L][number];

export type Period = ListValue<"period">;
export type Unit = ListValue<"enhet">;
export type Assessment = ListValue<"bedomning">;
export type LineType = ListValue<"typ">;
export type Treatment = ListValue<"riskhantering">;
export type ActionStatus = ListValue<"atgardsstatus">;
export type Timing = ListValue<"tidpunkt">;
export type ControlResult = ListValue<"kontrollresultat">;

/**
 * Väsentlig avvikelse villkor: whether a deviation is material when it reaches either threshold
 * (the default) or both. Template v2 writes the row, with a dropdown of this list.
 */
export type MaterialityCondition = ListValue<"villkor">;
export type YesNo = ListValue<"janej">;
/** Rapportenhet (v3): the unit the report shows; empty, Enhet (kr shown in mnkr: amountUnit.ts). */
export type ReportUnit = ListValue<"rapportenhet">;

/** Column headers of the `Listor` sheet, one list per column, in this order. */
export const LIST_HEADERS: Record<ListName, string> = {
  period: "Period",
  enhet: "Enhet",
  bedomning: "Bedömning",
  typ: "Typ",
  riskhantering: "Riskhantering",
  atgardsstatus: "Åtgärdsstatus",
  tidpunkt: "Tidpunkt",
  kontrollresultat: "Kontrollresultat",
  villkor: "Väsentlig avvikelse villkor",
  janej: "Ja/Nej",
  rapportenhet: "Rapportenhet",
};
