/**
 * Why a set of unit workbooks cannot be consolidated at all: the Swedish messages name the file.
 * An UnusableWorkbookError, so every host shows it as it shows an unusable workbook (CLI: exit 2).
 */
import { UnusableWorkbookError } from "../errors";
import { shown } from "../validate/messages";
import type { CellValue } from "../snapshot";
import { formatNumber } from "../format";
import type { NameSource, UnitSource } from "./unitReport";

export class ConsolidationRefusedError extends UnusableWorkbookError {
  readonly code = "sammanstallning-nekad";
}

const SAME =
  "Alla arbetsböcker i en sammanställning måste ha samma År, Period och Mallversion.";

/**
 * The way forward never edits the differing setting: relabelling a T2 as T1, or a version,
 * converts nothing and would falsify the unit's figures. (A differing Enhet is converted.)
 */
const SAME_FRAME = "Välj arbetsböcker från samma period och mallversion";

export const refusal = {
  differs: (file: string, label: string, value: CellValue, first: string, firstValue: CellValue) =>
    new ConsolidationRefusedError(
      `${file} har ${label} ${shownValue(value)}, men ${first} har ${shownValue(firstValue)}. ${SAME} ` +
        `${SAME_FRAME}, ` +
        `eller lämna ${file} utanför sammanställningen.`
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
  sameContent: (file: string, other: string) =>
    new ConsolidationRefusedError(
      `${file} och ${other} har samma innehåll, så det är samma enhet två gånger (en kopia, en ` +
        "länk eller samma fil under två namn) och den skulle räknas dubbelt. Varje enhet får bara " +
        "finnas med en gång: ta bort den ena filen ur sammanställningen och försök igen."
    ),
  madeFrom: (consolidation: string, unit: string, source: UnitSource) =>
    new ConsolidationRefusedError(
      `${consolidation} är en sammanställning som redan innehåller enheten "${source.name}" ` +
        `(från ${source.file}), och ${unit} är samma enhet, så den skulle räknas två gånger. ` +
        "Sammanställ antingen enheterna eller sammanställningen, inte båda: är " +
        `${consolidation} en tidigare sammanställning, flytta den ur enheternas mapp och försök igen.`
    ),
  sameId: (
    sheet: string,
    header: string,
    id: string,
    [first, second]: readonly { file: string; code: string; id: string }[]
  ) =>
    new ConsolidationRefusedError(
      `${header} ${id} på bladet ${sheet} skulle finnas två gånger när enhetens kod sätts först: ` +
        `${first.file} (Enhetskod ${first.code}, ${header} ${first.id}) och ${second.file} ` +
        `(Enhetskod ${second.code}, ${header} ${second.id}). Ge en av enheterna en annan ` +
        "Enhetskod på bladet Inställningar, så att ID:na går att hålla isär."
    ),
  tooManyRows: (table: string, sheet: string, rows: number, limit: number) =>
    new ConsolidationRefusedError(
      `Sammanställningen skulle få ${formatNumber(rows, 0)} rader i tabellen ${table} på bladet ` +
        `${sheet}, men Tertial läser högst ${formatNumber(limit, 0)} rader per tabell, så den ` +
        "sammanställda arbetsboken skulle inte gå att använda. Ingenting har skrivits. Sammanställ " +
        `enheterna i mindre grupper, var och en med högst ${formatNumber(limit, 0)} rader i tabellen.`
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
        : `${files === 1 ? "Filen kunde inte användas" : `Ingen av de ${files} filerna kunde användas`}, ` +
            "så det finns inget att sammanställa. Se orsaken till varje fil ovan."
    ),
};

function shownValue(value: CellValue): string {
  return value === null ? "(tomt)" : typeof value === "string" ? value : shown(value);
}
