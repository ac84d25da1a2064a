/**
 * The typed domain model parsed from a Snapshot. Every value keeps the raw cell value and the
 * address it came from, so that every finding can point at a cell.
 */
import type { ModelCell } from "./modelCell";
import type {
  AnyCells,
  DataTableKey,
  SettingKey,
  SettingValuesOf,
  TableDef,
  TableKey,
} from "./template/definition";
import type { LatestTemplate, ModelTemplate } from "./template/registry";
import type { KNOWN_SETTINGS } from "./template/settings";

// The cell type lives below the template (which types its columns' cells by it), so the two do not
// import each other; re-exported here, where readers look for it.
export type { ModelCell };

export interface ModelRow<C extends AnyCells = AnyCells> {
  readonly sheet: string;
  /** 1-based sheet row number. */
  readonly row: number;
  readonly cells: C;
}

/** One parsed table: the generic view that data-driven rules iterate over. */
export interface ModelTable<C extends AnyCells = AnyCells> {
  readonly def: TableDef<C>;
  readonly name: string;
  readonly sheet: string;
  readonly headerRow: number;
  /** Address of each contract column's header cell, by column key (the table's first header cell when absent). */
  readonly headerAddress: Readonly<Record<string, string>>;
  /** The address of the table's first header cell. */
  readonly tableAddress: string;
  /** Filled rows only: blank rows are dropped. */
  readonly rows: readonly ModelRow<C>[];
}

type Tables = LatestTemplate["tables"];

/** A row of one of the latest template's tables, its cells typed by the definition's columns. */
export type RowOf<K extends TableKey> = ModelRow<NonNullable<Tables[K]["rowCells"]>>;

/**
 * Each data table's rows under the table's key (`model.risks`), typed by the latest definition:
 * derived from the table keys, so a new table has its rows here without a line of its own.
 */
export type TableRows = { readonly [K in DataTableKey]: readonly RowOf<K>[] };

export type IncomeLine = RowOf<"incomeStatement">;
export type OperatingLine = RowOf<"operatingStatement">;
export type VolumeLine = RowOf<"volumes">;
export type InvestmentLine = RowOf<"investments">;
export type Risk = RowOf<"risks">;
export type Action = RowOf<"actions">;
export type Control = RowOf<"controls">;
/** A Historik row: one value of a closed period (empty for a v1 workbook). */
export type HistoryEntry = RowOf<"history">;

/** The cells Resultaträkning and Driftsredovisning share: the amounts, Avvikelse and Kommentar. */
export type LedgerAmounts = Pick<
  IncomeLine["cells"],
  keyof IncomeLine["cells"] & keyof OperatingLine["cells"]
>;

/** Null when the workbook has no such row (Väsentlig avvikelse villkor in v1), or a blank or unusable value. */
export type SettingValues = SettingValuesOf<typeof KNOWN_SETTINGS>;

export interface Settings {
  readonly values: SettingValues;
  /** The Värde cell of each setting; undefined when the workbook has no row for it. */
  readonly cells: Readonly<Partial<Record<SettingKey, ModelCell<unknown>>>>;
}

export interface Model extends TableRows {
  /** The workbook's file name (no directory): which workbook the Model, and its findings, come from. */
  readonly fileName: string;
  /** The definition of the workbook's Mallversion, by which it was read. */
  readonly template: ModelTemplate;
  readonly sheetNames: readonly string[];
  readonly settings: Settings;
  /**
   * Every table of the latest definition (the one the Model's rows are typed by), the generic
   * view that data-driven rules walk; a table the workbook's version lacks has no rows.
   */
  readonly tables: Readonly<Record<TableKey, ModelTable>>;
}
