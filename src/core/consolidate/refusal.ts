/**
 * Why a set of unit workbooks cannot be consolidated at all: the Swedish messages name the file.
 * An UnusableWorkbookError, so every host shows it as it shows an unusable workbook (CLI: exit 2).
 */
import { UnusableWorkbookError } from "../errors";
import { shown } from "../validate/messages";
import type { CellValue } from "../snapshot";
import type { NameSource } from "./consolidate";

export class ConsolidationRefusedError extends UnusableWorkbookError {
  readonly code = "sammanstallning-nekad";
}

const SAME =
  "Alla arbetsböcker i en sammanställning måste ha samma År, Period, Enhet och Mallversion.";

export const refusal = {
  differs: (file: string, label: string, value: CellValue, first: string, firstValue: CellValue) =>
    new ConsolidationRefusedError(
      `${file} har ${label} ${shownValue(value)}, men ${first} har ${shownValue(firstValue)}. ${SAME} ` +
        `Rätta ${label} på bladet Inställningar i ${file}, eller lämna filen utanför sammanställningen.`
    ),
  missing: (file: string, label: string) =>
    new ConsolidationRefusedError(
      `${file} saknar ${label} på bladet Inställningar, så Tertial kan inte veta vilken period den ` +
        `gäller. Fyll i ${label} i ${file}, eller lämna filen utanför sammanställningen.`
    ),
  sameUnit: (file: string, other: string, { name, from }: { name: string; from: NameSource }) =>
    new ConsolidationRefusedError(
      (from === "organisation"
        ? `${file} och ${other} är båda sammanställningar för Organisation "${name}" (utan ` +
          "Rapporterande enhet). "
        : `${file} och ${other} har båda Rapporterande enhet "${name}". `) +
        "Varje enhet får bara finnas med en gång: ta bort den ena filen, eller rätta Rapporterande " +
        "enhet på bladet Inställningar."
    ),
  sameCode: (file: string, other: string, code: string) =>
    new ConsolidationRefusedError(
      `${file} och ${other} har båda Enhetskod "${code}", så deras ID:n kan inte hållas isär. ` +
        `Ge varje enhet en egen Enhetskod på bladet Inställningar.`
    ),
  settingsUnusable: (file: string, reason: string) =>
    new ConsolidationRefusedError(
      `Inställningarna (gränserna för väsentlig avvikelse och bedömningen av intern kontroll) ` +
        `skulle komma från ${file}, men den kan inte användas: ${reason} Välj en annan arbetsbok ` +
        "för inställningarna, eller ingen, så kommer de från den första enheten."
    ),
  nothingUsable: (files: number) =>
    new ConsolidationRefusedError(
      files === 0
        ? "Inga arbetsböcker (.xlsx) att sammanställa. Ange filerna eller mappen med enheternas arbetsböcker."
        : `${files === 1 ? "Filen" : `Ingen av de ${files} filerna`} kunde inte användas, så det ` +
            "finns inget att sammanställa. Se orsaken till varje fil ovan."
    ),
};

function shownValue(value: CellValue): string {
  return value === null ? "(tomt)" : typeof value === "string" ? value : shown(value);
}
