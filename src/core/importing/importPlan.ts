/**
 * What an import changes in a workbook: the Utfall period, Utfall period fg år and Periodbudget
 * cells of the Resultaträkning and Driftsredovisning rows the mapping names, before → after.
 * Every host (CLI, browser, Excel pane) writes exactly these cells, and only them: the preview the
 * user confirms is the edit. Rows the mapping does not name keep their values.
 */
import { UnusableWorkbookError } from "../errors";
import type { Finding } from "../findings";
import {
  importLedger,
  IMPORT_COLUMN_HEADERS,
  type ColumnAmounts,
  type ImportColumn,
  type ImportFrame,
  type LedgerImport,
} from "../ledger/ledgerImport";
import type { Ledger } from "../ledger/ledger";
import type { LedgerMapping } from "../ledger/mapping";
import type { Model, ModelRow } from "../model";
import type { CellValue } from "../snapshot";
import { mappingOf } from "./workbookMapping";

/** The workbook cannot take an import at all: nothing is written (CLI exit 2). */
export class ImportRefusedError extends UnusableWorkbookError {
  readonly code = "import-ej-mojlig";
}

/** The first template version with Kontoplan (tblKontomappning, tblObjektmappning). */
const MAPPING_VERSION = 3;

export type ImportedTable = "incomeStatement" | "operatingStatement";

export const IMPORTED_SHEETS: Record<ImportedTable, string> = {
  incomeStatement: "Resultaträkning",
  operatingStatement: "Driftsredovisning",
};

/** One cell the import writes. */
export interface CellChange {
  readonly table: ImportedTable;
  readonly sheet: string;
  /** The row's Post or Verksamhet. */
  readonly name: string;
  /** Where that name stands (A1), so a writer can check the row is still the row previewed. */
  readonly nameAddress: string;
  /** 1-based sheet row and A1 address. */
  readonly row: number;
  readonly address: string;
  readonly column: ImportColumn;
  readonly header: string;
  /** The cell as it stands (a formula's cached result, text, or null when empty). */
  readonly before: CellValue;
  readonly after: number;
}

/** A Post or Verksamhet the mapping names that has no row in its table: its money is not in the workbook. */
export interface MissingRow {
  readonly table: ImportedTable;
  readonly name: string;
  readonly amounts: ColumnAmounts;
}

export interface ImportPlan {
  readonly ledger: Ledger;
  readonly result: LedgerImport;
  /** Only cells whose value differs: what the preview lists and the writer writes. */
  readonly changes: readonly CellChange[];
  /** Rows the import filled (changed or already equal), per table. */
  readonly filledRows: Readonly<Record<ImportedTable, number>>;
  readonly missingRows: readonly MissingRow[];
}

const unusableSetting = (model: Model, label: string, key: "year" | "period" | "unit") => {
  const cell = model.settings.cells[key];
  const where = cell
    ? `(bladet Inställningar, cell ${cell.address})`
    : "saknas på bladet Inställningar";
  return new ImportRefusedError(
    `${model.fileName}: ${label} ${where} går inte att använda, så Tertial vet inte vilka månader ` +
      "och vilken enhet utfallet ska importeras för. Fyll i År (t.ex. 2024), Period (T1, T2 eller " +
      "Helår) och Enhet (kr, tkr eller mnkr) och försök igen."
  );
};

/**
 * The workbook's År, Period, Enhet and mapping; refuses (ImportRefusedError) a workbook without
 * Kontoplan, without them, with no usable account range, or whose ranges overlap (`findings`,
 * the validation's: which range wins would be a guess).
 */
export function importTarget(
  model: Model,
  findings: readonly Finding[]
): { frame: ImportFrame; mapping: LedgerMapping } {
  if (model.template.version < MAPPING_VERSION) {
    throw new ImportRefusedError(
      `${model.fileName} har mallversion ${model.template.version}, som saknar bladet Kontoplan ` +
        "med kontomappningen som importen behöver. Skapa arbetsboken med en ny mall (tertial mall) " +
        "eller för den till nästa period med Ny period, som ger mallversion 3, och försök igen."
    );
  }
  const { year, period, unit } = model.settings.values;
  if (year === null) throw unusableSetting(model, "År", "year");
  if (period === null) throw unusableSetting(model, "Period", "period");
  if (unit === null) throw unusableSetting(model, "Enhet", "unit");
  const mapping = mappingOf(model);
  if (mapping.accounts.length === 0) {
    throw new ImportRefusedError(
      `${model.fileName}: tabellen tblKontomappning på bladet Kontoplan har inga ifyllda rader ` +
        "(Konto från, Konto till och Post), så inget konto hör till någon Post. Fyll i vilka konton " +
        "som hör till vilken Post och försök igen."
    );
  }
  const overlaps = findings.filter((f) => f.code === "mappning-overlappar");
  if (overlaps.length > 0) {
    throw new ImportRefusedError(
      `${model.fileName}: intervallen på bladet Kontoplan överlappar ` +
        `(${overlaps.map((f) => `cell ${f.cell}`).join(", ")}), så det går inte att säga vart ` +
        "beloppen ska. Rätta intervallen (tertial validera visar var) och försök igen."
    );
  }
  return { frame: { year, period, unit }, mapping };
}

const nameOf = (row: ModelRow, key: "post" | "activity") => {
  const value = row.cells[key]?.value;
  return typeof value === "string" ? value : null;
};

/** Equal as stored: a number typed as text is not the number, so it is rewritten. */
const sameNumber = (before: CellValue, after: number) =>
  typeof before === "number" && before === after;

/** The import of `ledger` into `model`: the cells to write and what the output names. */
export function planImport(model: Model, findings: readonly Finding[], ledger: Ledger): ImportPlan {
  const { frame, mapping } = importTarget(model, findings);
  const result = importLedger(ledger, mapping, frame);
  const changes: CellChange[] = [];
  const missingRows: MissingRow[] = [];
  const filledRows = { incomeStatement: 0, operatingStatement: 0 };
  const sources = [
    { table: "incomeStatement" as const, key: "post" as const, imported: result.posts },
    { table: "operatingStatement" as const, key: "activity" as const, imported: result.activities },
  ];
  for (const { table, key, imported } of sources) {
    // The first row of a name takes its amount; a second row of the same name would count twice.
    const rows = new Map<string, ModelRow>();
    for (const row of model[table]) {
      const name = nameOf(row, key);
      if (name !== null && !rows.has(name)) rows.set(name, row);
    }
    for (const { name, amounts } of imported) {
      const row = rows.get(name);
      if (!row) {
        if (Object.values(amounts).some((amount) => amount !== 0))
          missingRows.push({ table, name, amounts });
        continue;
      }
      filledRows[table]++;
      const nameAddress = row.cells[key]?.address ?? "";
      for (const column of result.columns) {
        const cell = row.cells[column];
        const after = amounts[column] ?? 0;
        if (!cell || cell.absent || sameNumber(cell.raw, after)) continue;
        changes.push({
          table,
          sheet: row.sheet,
          name,
          nameAddress,
          row: row.row,
          address: cell.address,
          column,
          header: IMPORT_COLUMN_HEADERS[column],
          before: cell.raw,
          after,
        });
      }
    }
  }
  return { ledger, result, changes, filledRows, missingRows };
}

/**
 * Something of the ledger did not reach the workbook (an unmapped account or object, a mapped
 * name without a row, no object mapping at all: the Driftsredovisning stays unfilled), or lines
 * could not be read: exit 1.
 */
export function importHasGaps(plan: ImportPlan): boolean {
  const { reconciliation } = plan.result;
  return (
    reconciliation.unmappedAccounts.length > 0 ||
    reconciliation.unmappedObjects.length > 0 ||
    plan.missingRows.length > 0 ||
    plan.result.activities.length === 0 ||
    plan.ledger.problemCount > 0
  );
}
