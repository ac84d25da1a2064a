/**
 * The typed domain model parsed from a Snapshot. Every value keeps the raw cell value and the
 * address it came from, so that every finding can point at a cell.
 */
import type { CellValue } from "./snapshot";
import type { SettingKey, TableDef, TableKey } from "./template/definition";
import type {
  ActionStatus,
  Assessment,
  ControlResult,
  LineType,
  MaterialityCondition,
  Period,
  Timing,
  Treatment,
  Unit,
} from "./template/lists";

export interface ModelCell<T> {
  /** The parsed value; null when the cell is empty or cannot be read as its column's kind. */
  readonly value: T | null;
  /** The value as it stands in the workbook (for computed columns: the cached result, never trusted). */
  readonly raw: CellValue;
  /** A1 address on the row's sheet; for a column missing from the workbook, the table's header row. */
  readonly address: string;
  /** The column is missing from the workbook (only optional and computed columns may be). */
  readonly absent?: true;
}

export interface ModelRow<C = Readonly<Record<string, ModelCell<unknown>>>> {
  readonly sheet: string;
  /** 1-based sheet row number. */
  readonly row: number;
  readonly cells: C;
}

/** One parsed table: the generic view that data-driven rules iterate over. */
export interface ModelTable {
  readonly def: TableDef;
  readonly name: string;
  readonly sheet: string;
  readonly headerRow: number;
  /** Address of each contract column's header cell, by column key (the table's first header cell when absent). */
  readonly headerAddress: Readonly<Record<string, string>>;
  /** The address of the table's first header cell. */
  readonly tableAddress: string;
  /** Filled rows only: blank rows are dropped. */
  readonly rows: readonly ModelRow[];
}

type C<T> = ModelCell<T>;

export interface LedgerAmounts {
  readonly priorYear: C<number>;
  readonly actualPriorYear: C<number>;
  readonly actual: C<number>;
  readonly periodBudget: C<number>;
  readonly budget: C<number>;
  readonly forecast: C<number>;
  readonly deviation: C<number>;
  readonly comment: C<string>;
}

export type IncomeLine = ModelRow<
  LedgerAmounts & { readonly post: C<string>; readonly type: C<LineType> }
>;
export type OperatingLine = ModelRow<
  LedgerAmounts & { readonly activity: C<string>; readonly area: C<string> }
>;

export type VolumeLine = ModelRow<{
  readonly activity: C<string>;
  readonly volumeUnit: C<string>;
  readonly budgetVolume: C<number>;
  readonly forecastVolume: C<number>;
  readonly volumeDeviation: C<number>;
  readonly amountDeviation: C<number>;
  readonly comment: C<string>;
}>;

export type InvestmentLine = ModelRow<{
  readonly name: C<string>;
  readonly budget: C<number>;
  readonly actual: C<number>;
  readonly forecast: C<number>;
  readonly deviation: C<number>;
  readonly comment: C<string>;
}>;

export type Risk = ModelRow<{
  readonly id: C<string>;
  readonly area: C<string>;
  readonly title: C<string>;
  readonly description: C<string>;
  readonly consequence: C<string>;
  readonly likelihood: C<number>;
  readonly impact: C<number>;
  readonly score: C<number>;
  readonly treatment: C<Treatment>;
  readonly existingControls: C<string>;
}>;

export type Action = ModelRow<{
  readonly id: C<string>;
  readonly riskId: C<string>;
  readonly text: C<string>;
  readonly status: C<ActionStatus>;
  readonly endDate: C<Date>;
  readonly responsible: C<string>;
  readonly followUpDate: C<Date>;
  readonly comment: C<string>;
}>;

export type Control = ModelRow<{
  readonly id: C<string>;
  readonly riskId: C<string>;
  readonly process: C<string>;
  readonly riskText: C<string>;
  readonly activity: C<string>;
  readonly responsible: C<string>;
  readonly timing: C<Timing>;
  readonly result: C<ControlResult>;
  readonly comment: C<string>;
  readonly actionOnDeviation: C<string>;
}>;

export interface SettingValues {
  readonly organisation: string | null;
  readonly year: number | null;
  readonly period: Period | null;
  readonly unit: Unit | null;
  readonly materialAmount: number | null;
  readonly materialPercent: number | null;
  /** Null when the workbook has no such row (template v1) or an unknown value: either threshold suffices. */
  readonly materialCondition: MaterialityCondition | null;
  readonly assessment: Assessment | null;
  readonly assessmentAnalysis: string | null;
  readonly templateVersion: number | null;
}

export interface Settings {
  readonly values: SettingValues;
  /** The Värde cell of each setting; undefined when the workbook has no row for it. */
  readonly cells: Readonly<Partial<Record<SettingKey, ModelCell<unknown>>>>;
}

export interface Model {
  readonly fileName: string;
  readonly sheetNames: readonly string[];
  readonly settings: Settings;
  readonly tables: Readonly<Record<TableKey, ModelTable>>;
  readonly incomeStatement: readonly IncomeLine[];
  readonly operatingStatement: readonly OperatingLine[];
  readonly volumes: readonly VolumeLine[];
  readonly investments: readonly InvestmentLine[];
  readonly risks: readonly Risk[];
  readonly actions: readonly Action[];
  readonly controls: readonly Control[];
}
