/**
 * The shape of a template definition: tables, columns and settings as data, one definition per
 * template version (`v1.ts`), picked by Mallversion from `registry.ts`. The template file, the
 * reader's header matching, the dropdowns, the Model's row types and the data-driven rules are all
 * derived from a definition. See CONTEXT.md for adding a column or a version.
 */
import type { ModelCell } from "../modelCell";
import { LISTS, type ListName, type ListValue } from "./lists";
import type {
  HistoryCarry,
  NotConsolidated,
  RowCarry,
  RowsPerUnit,
  SummedPerPost,
  TableConsolidation,
} from "./tableRules";

/**
 * text: free text · amount: money in the workbook's unit · number: a quantity (volumes)
 * integer: whole number (with min/max) · date · status: one value of `list` · computed: a formula
 * the product recomputes itself with `compute`.
 */
export type ColumnKind = "text" | "amount" | "number" | "integer" | "date" | "status" | "computed";

/** What a computed column's `compute` reads: the row's parsed values by column key. */
export type ComputeInput = Readonly<Record<string, number | null>>;

export interface ColumnDef {
  /** Code name, used as the field name in the Model. */
  readonly key: string;
  /** Header text exactly as the contract names it. */
  readonly header: string;
  readonly kind: ColumnKind;
  /** Must be filled in a row that is otherwise filled. */
  readonly required: boolean;
  /** The column may be missing from a workbook (computed columns may always be missing). */
  readonly optionalColumn?: boolean;
  readonly list?: ListName;
  /** Values are another table's keys: the column gets a dropdown of them that grows with that table. */
  readonly lookup?: ColumnLookup;
  readonly min?: number;
  readonly max?: number;
  /** Locale-neutral Excel number format; Excel shows `#,##0.0` as `1 092,2` to Swedish users. */
  readonly numFmt?: string;
  /** Column width in characters. */
  readonly width: number;
  /** Computed columns: the formula with structured references, as written into the template. */
  readonly formula?: string;
  /**
   * Computed columns: what `formula` calculates, from the row's values by column key. The product
   * never trusts the cell's cached result and calls this wherever it needs the value; a test
   * checks that it agrees with the formula as LibreOffice calculates it.
   */
  compute?(values: ComputeInput): number | null;
  /** Swedish guidance for the Instruktioner sheet and the cell's input message. */
  readonly help: string;
}

/**
 * Where a column's dropdown takes its values: a column of another table, through a workbook-wide
 * defined name (a data validation cannot refer to a table column itself).
 */
export interface ColumnLookup {
  readonly table: Exclude<TableKey, LaterTableKey>;
  readonly header: string;
  /** The defined name, e.g. `RiskIDn` = `tblRisker[Risk-ID]`. */
  readonly name: string;
}

export type TableKey =
  | "settings"
  | "incomeStatement"
  | "operatingStatement"
  | "volumes"
  | "investments"
  | "risks"
  | "actions"
  | "controls"
  | "history";

export type DataTableKey = Exclude<TableKey, "settings">;

/** Cells of one parsed row, by column key: the generic view. */
export type AnyCells = Readonly<Record<string, ModelCell<unknown>>>;

export interface TableDef<Cells extends AnyCells = AnyCells> {
  readonly key: TableKey;
  /** Excel table (ListObject) name. */
  readonly name: string;
  readonly sheet: string;
  /** A sheet title written above the table in the template (row 1). */
  readonly title: string;
  readonly columns: readonly ColumnDef[];
  /** Swedish: what an ekonom fills here, and when. */
  readonly instructions: string;
  /**
   * Only Tertial writes the table (Historik): its sheet is protected without a password, like
   * Listor, so nobody edits it by mistake. Data sheets stay unprotected: Excel cannot grow a
   * table on a protected sheet.
   */
  readonly writtenByTertial?: true;
  /**
   * How Ny period carries the table (tableRules.ts). Every table of the version Tertial writes
   * has it (`TableEntry`); an older version's tables need none, as nothing is written as them.
   */
  readonly carry?: RowCarry | HistoryCarry;
  /** How Sammanställ carries the table into the nämnd's workbook (tableRules.ts); as `carry`. */
  readonly consolidation?: TableConsolidation;
  /** Type only, never set: the Model's cells of one row, derived from `columns` by defineTemplate. */
  readonly rowCells?: Cells;
}

/** The parsed value of a column's cells, from its kind and list. */
type ValueOf<C extends ColumnDef> = C extends { readonly kind: "text" }
  ? string
  : C extends { readonly kind: "date" }
    ? Date
    : C extends { readonly kind: "status"; readonly list: infer L extends ListName }
      ? ListValue<L>
      : number;

/** A row's cells, one per column of the table, typed by the column's kind. */
export type CellsOf<T extends { readonly columns: readonly ColumnDef[] }> = {
  readonly [C in T["columns"][number] as C["key"]]: ModelCell<ValueOf<C>>;
};

export type SettingKey =
  | "organisation"
  | "year"
  | "period"
  | "unit"
  | "materialAmount"
  | "materialPercent"
  | "materialCondition"
  | "assessment"
  | "assessmentAnalysis"
  | "reportingUnit"
  | "unitCode"
  | "readyMark"
  | "readyBy"
  | "readyDate"
  | "readyDigest"
  | "templateVersion";

export interface SettingDef {
  readonly key: SettingKey;
  /** The text in the Inställning column. */
  readonly label: string;
  readonly kind: "text" | "integer" | "number" | "status" | "date";
  readonly list?: ListName;
  /** Allowed values of a status setting whose list is not on Listor (yet); see `list`. */
  readonly values?: readonly string[];
  readonly required: boolean;
  /** What a fresh template holds (Mallversion: the template's own version). */
  readonly initial: string | number | null;
  readonly help: string;
  /**
   * The first template version that writes the row (default 1). Workbooks of older templates lack
   * it; a workbook that has the row anyway is read and validated.
   */
  readonly since?: number;
}

/** The parsed value of a setting, from its kind and list or values. */
type SettingValueOf<S extends SettingDef> = S extends { readonly list: infer L extends ListName }
  ? ListValue<L>
  : S extends { readonly values: readonly (infer V)[] }
    ? V
    : S extends { readonly kind: "text" }
      ? string
      : S extends { readonly kind: "date" }
        ? Date
        : number;

/** Every setting's parsed value by key; null when the row is missing, blank or unusable. */
export type SettingValuesOf<Settings extends readonly SettingDef[]> = {
  readonly [S in Settings[number] as S["key"]]: SettingValueOf<S> | null;
};

/** The allowed values of a status setting, from Listor's list or the setting's own. */
export function allowedValues(setting: SettingDef): readonly string[] | null {
  return setting.list ? LISTS[setting.list] : (setting.values ?? null);
}

/** Tables a template version may lack: Historik arrives with version 2. */
export type LaterTableKey = "history";

/** Every table of a template, in sheet order, each under its own key. */
export type TemplateTables = {
  readonly [K in Exclude<TableKey, LaterTableKey>]: TableDef & { readonly key: K };
} & { readonly [K in LaterTableKey]?: TableDef & { readonly key: K } };

/** Historik's carry is its own; every other table's rows are carried column by column. */
type CarryOf<K extends DataTableKey> = K extends "history" ? HistoryCarry : RowCarry;
/** Only Resultaträkning is summed per Post; every other table is carried per unit, or not at all. */
type ConsolidationOf<K extends DataTableKey> = K extends "incomeStatement"
  ? SummedPerPost
  : RowsPerUnit | NotConsolidated;

/**
 * A table of the version Tertial writes (the latest): its definition with how it carries over a
 * period and a year end and how it consolidates. `EntryTables` demands one for every table.
 */
export type TableEntry<K extends DataTableKey = DataTableKey> = TableDef & {
  readonly key: K;
  readonly carry: CarryOf<K>;
  readonly consolidation: ConsolidationOf<K>;
};

/** Every table with its rules: what a version Tertial writes must have (registry.ts checks it). */
export type EntryTables = { readonly settings: TableDef & { readonly key: "settings" } } & {
  readonly [K in DataTableKey]: TableEntry<K>;
};

/** Whether a table of a written version is an entry (every one but Inställningar). */
export const isEntry = (def: TableDef): def is TableEntry =>
  def.key !== "settings" && def.carry !== undefined && def.consolidation !== undefined;

/** What a version's definition file writes. */
export interface TemplateSpec {
  readonly version: number;
  readonly tables: TemplateTables;
  /** Every setting Tertial reads, whichever version wrote the workbook (see `since`). */
  readonly settings: readonly SettingDef[];
}

/** Each table's definition as the spec gives it (its rules too), carrying its row type. */
export type TypedTables<S extends TemplateSpec> = {
  readonly [K in keyof S["tables"] & TableKey]: TableDef<CellsOf<NonNullable<S["tables"][K]>>> &
    NonNullable<S["tables"][K]> & { readonly key: K };
};

export interface TemplateDefinition<Tables extends TemplateTables = TemplateTables> {
  /** Mallversion. */
  readonly version: number;
  readonly tables: Tables;
  /** The tables in the template's sheet order, Inställningar first. */
  readonly tableList: readonly TableDef[];
  /** Every setting Tertial reads from a workbook of this version. */
  readonly settings: readonly SettingDef[];
  /** The Inställningar rows a template of this version writes, in order. */
  readonly settingRows: readonly SettingDef[];
}

/** A version Tertial writes workbooks of (`tertial mall`, Ny period, Sammanställ): every rule given. */
export type WritableTemplate = TemplateDefinition<EntryTables>;

/** A template version as a value; the row types follow from the spec's literal column types. */
export function defineTemplate<const S extends TemplateSpec>(
  spec: S
): TemplateDefinition<TypedTables<S>> {
  return {
    version: spec.version,
    // The spec's tables as they are; only their row type (a type-only member) is attached.
    tables: spec.tables as TypedTables<S>,
    tableList: Object.values(spec.tables) as TableDef[],
    settings: spec.settings,
    settingRows: spec.settings
      .filter((s) => (s.since ?? 1) <= spec.version)
      .map((s) => (s.key === "templateVersion" ? { ...s, initial: spec.version } : s)),
  };
}

/** Sheet holding the allowed values for dropdowns; hidden and protected in the template. */
export const LISTS_SHEET = "Listor";
export const INSTRUCTIONS_SHEET = "Instruktioner";
