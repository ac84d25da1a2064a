/**
 * What an import says, in Swedish, the same in the CLI and the pane: the file as read (encoding,
 * #FNAMN, #RAR), what was filled and what was not touched, what did not fit, and the
 * reconciliation. Amounts in the workbook's Enhet with the decimals öre need to show.
 */
import { formatNumber, withUnit } from "../format";
import { ENCODING_NAMES } from "../ledger/encoding";
import { describeLineProblem } from "../ledger/ledger";
import {
  IMPORT_COLUMN_HEADERS,
  type ColumnAmounts,
  type ImportColumn,
} from "../ledger/ledgerImport";
import type { CellValue } from "../snapshot";
import type { Unit } from "../template/lists";
import { IMPORTED_SHEETS, type ImportPlan } from "./importPlan";

/** Decimals that show one öre in each unit (kr 0,01; tkr 0,00001; mnkr 0,00000001), trimmed. */
const ORE_DECIMALS: Record<Unit, number> = { kr: 2, tkr: 5, mnkr: 8 };

export function formatImported(value: number, unit: Unit): string {
  const full = formatNumber(value, ORE_DECIMALS[unit]);
  const trimmed = full.includes(",") ? full.replace(/0+$/, "").replace(/,$/, "") : full;
  return withUnit(trimmed, unit);
}

/** A cell's value before the import, as the preview shows it. */
export function formatBefore(value: CellValue, unit: Unit): string {
  if (value === null) return "tom";
  if (typeof value === "number") return formatImported(value, unit);
  if (typeof value === "string") return `"${value}"`;
  return String(value);
}

const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

const amountsText = (amounts: ColumnAmounts, columns: readonly ImportColumn[], unit: Unit) =>
  columns
    .filter((column) => (amounts[column] ?? 0) !== 0)
    .map(
      (column) => `${IMPORT_COLUMN_HEADERS[column]} ${formatImported(amounts[column] ?? 0, unit)}`
    )
    .join(", ");

const columnList = (columns: readonly ImportColumn[]) =>
  columns.map((column) => IMPORT_COLUMN_HEADERS[column]).join(", ");

/** Why a column was left: the file has no data for it. */
const WHY_UNTOUCHED: Record<ImportColumn, string> = {
  actual: "filen har inga belopp för arbetsbokens År",
  actualPriorYear: "filen har inget föregående år",
  periodBudget: "filen har ingen budget (#PBUDGET)",
};

/** The file as read: format, encoding, company and years. */
export function ledgerLine(plan: ImportPlan): string {
  const { ledger } = plan;
  const format =
    ledger.format === "SIE" ? `SIE${ledger.sieType ? ` typ ${ledger.sieType}` : ""}` : "CSV";
  const declared = ledger.declaredEncoding
    ? ` (filen säger ${ENCODING_NAMES[ledger.declaredEncoding]}, men är skriven i ${ledger.encoding})`
    : "";
  const company = ledger.companyName ? `, #FNAMN "${ledger.companyName}"` : "";
  const years = ledger.fiscalYears.length
    ? `, #RAR ${ledger.fiscalYears.map((y) => `${y.index} = ${y.year}`).join(", ")}`
    : "";
  return (
    `${ledger.fileName}: ${format}, teckenkodning ${ENCODING_NAMES[ledger.encoding]}${declared}` +
    `${company}${years}, ${formatNumber(ledger.lineCount, 0)} rader.`
  );
}

const rows = (n: number) => `${formatNumber(n, 0)} ${n === 1 ? "rad" : "rader"}`;
const cells = (n: number) => `${formatNumber(n, 0)} ${n === 1 ? "cell" : "celler"}`;

/** What was filled, what was left as it was. */
export function filledLines(plan: ImportPlan): string[] {
  const { result, filledRows } = plan;
  const last = MONTHS[{ T1: 3, T2: 7, Helår: 11 }[result.frame.period]];
  const lines = [
    `Fyllde ${columnList(result.columns)} för ${result.frame.period} ${result.frame.year} ` +
      `(januari–${last}) på ${rows(filledRows.incomeStatement)} på ${IMPORTED_SHEETS.incomeStatement} ` +
      `och ${filledRows.operatingStatement} på ${IMPORTED_SHEETS.operatingStatement}; ` +
      `${cells(plan.changes.length)} fick ett nytt värde. Övriga rader är som de var.`,
  ];
  if (result.activities.length === 0) {
    lines.push(
      "Driftsredovisning fylldes inte: tblObjektmappning på bladet Kontoplan har inga rader, så " +
        "inget objekt hör till någon Verksamhet. Fyll i vilka objekt (t.ex. ansvar) som hör till " +
        "vilken Verksamhet och importera igen."
    );
  }
  for (const column of result.columnsWithoutData) {
    lines.push(`Rörde inte ${IMPORT_COLUMN_HEADERS[column]}: ${WHY_UNTOUCHED[column]}.`);
  }
  return lines;
}

/** What did not reach the workbook: each makes the import incomplete (CLI exit 1). */
export function gapLines(plan: ImportPlan): string[] {
  const { result, ledger } = plan;
  const { unit } = result.frame;
  const { columns } = result;
  const lines: string[] = [];
  for (const a of result.reconciliation.unmappedAccounts) {
    lines.push(
      `Konto ${a.account}${a.name ? ` ${a.name}` : ""} (${amountsText(a.amounts, columns, unit)}) ` +
        "hör inte till någon Post i tblKontomappning på bladet Kontoplan: lägg till ett intervall som " +
        "täcker kontot och importera igen."
    );
  }
  for (const o of result.reconciliation.unmappedObjects) {
    lines.push(
      `Objekt ${o.object}${o.name ? ` ${o.name}` : ""} i dimension ${o.dimension} ` +
        `(${amountsText(o.amounts, columns, unit)}) hör inte till någon Verksamhet i ` +
        "tblObjektmappning på bladet Kontoplan: lägg till ett intervall som täcker objektet och importera igen."
    );
  }
  for (const m of plan.missingRows) {
    const what = m.table === "incomeStatement" ? "Posten" : "Verksamheten";
    lines.push(
      `${what} "${m.name}" (${amountsText(m.amounts, columns, unit)}) finns på bladet Kontoplan men ` +
        `har ingen rad på bladet ${IMPORTED_SHEETS[m.table]}: lägg till raden och importera igen.`
    );
  }
  for (const problem of ledger.problems.slice(0, 10)) {
    lines.push(`Raden lästes inte: ${describeLineProblem(ledger.fileName, problem)}.`);
  }
  if (ledger.problemCount > 10) {
    lines.push(
      `… och ${formatNumber(ledger.problemCount - 10, 0)} rader till som inte kunde läsas.`
    );
  }
  return lines;
}

/** Tolerance for "equal": half an öre in the unit (sums are exact in öre, divided once). */
const HALF_ORE: Record<Unit, number> = { kr: 0.005, tkr: 0.000005, mnkr: 0.000000005 };

/** ledger = RR = DR per column, and the notes of the reconciliation. */
export function reconciliationLines(plan: ImportPlan): string[] {
  const { result } = plan;
  const { unit } = result.frame;
  const lines: string[] = [];
  for (const column of result.columns) {
    const totals = result.reconciliation.totals[column];
    if (!totals) continue;
    const equal = (a: number, b: number) => Math.abs(a - b) < HALF_ORE[unit];
    const allEqual =
      equal(totals.ledger, totals.incomeStatement) &&
      equal(totals.ledger, totals.operatingStatement);
    lines.push(
      `Avstämning ${IMPORT_COLUMN_HEADERS[column]}: huvudbokens resultatkonton ` +
        `${formatImported(totals.ledger, unit)}, Resultaträkning ${formatImported(totals.incomeStatement, unit)}, ` +
        `Driftsredovisning ${formatImported(totals.operatingStatement, unit)}` +
        (allEqual ? " – stämmer." : " – stämmer inte (se ovan vad som inte kom med).")
    );
  }
  const notes = result.reconciliation;
  if (notes.totalsVersusObjects.length > 0) {
    const accounts = [...new Set(notes.totalsVersusObjects.map((n) => n.account))];
    lines.push(
      `Notering: på ${accounts.length} konton (${accounts.slice(0, 5).join(", ")}${accounts.length > 5 ? " …" : ""}) ` +
        "skiljer sig kontots summa från summan av dess objekt någon månad; resten står på konton utan objekt."
    );
  }
  for (const r of notes.resultsVersusMovements.slice(0, 10)) {
    lines.push(
      `Notering: konto ${r.account}${r.name ? ` ${r.name}` : ""} år ${r.year}: #RES ${formatImported(r.result, unit)} ` +
        `men månadernas summa ${formatImported(r.movements, unit)}.`
    );
  }
  if (notes.derivedTotals.length > 0) {
    lines.push(
      `Notering: ${notes.derivedTotals.length} konton saknar totalrader ({}); deras summa är räknad ur objektraderna.`
    );
  }
  return lines;
}
