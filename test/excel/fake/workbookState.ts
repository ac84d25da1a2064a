/**
 * The in-memory workbook behind the recording fake: sheets of cells with values, number formats,
 * formats and links, tables, merges, column and row sizes, and page layout. Values are stored the
 * way Excel stores them after typing, so a string written without protection turns into a formula,
 * number, date or boolean here too.
 */
import type { CellValue, Snapshot } from "../../../src/core/snapshot";

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

export interface CellFormatState {
  font: Excel.CellPropertiesFont;
  fill: Excel.CellPropertiesFill;
  borders: Excel.CellBorderCollection;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
}

export interface CellState {
  value: string | number | boolean;
  type: ValueType;
  /** Set when a write was taken as a formula. */
  formula?: string;
  numberFormat: string;
  format: CellFormatState;
  hyperlink?: Excel.RangeHyperlink;
}

export interface PageLayoutState {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  /** Points, as Office.js sets them. */
  margins: Partial<Record<MarginName, number>>;
  header: { leftHeader: string; centerHeader: string; rightHeader: string };
  footer: { leftFooter: string; centerFooter: string; rightFooter: string };
}

export type MarginName =
  "topMargin" | "bottomMargin" | "leftMargin" | "rightMargin" | "headerMargin" | "footerMargin";

export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export class SheetState {
  readonly cells = new Map<string, CellState>();
  /** Merged areas as A1 ranges, in the order they were made. */
  readonly merges: string[] = [];
  private readonly mergesByRow = new Map<number, Area[]>();
  readonly columnWidths = new Map<number, number>();
  readonly columnFonts = new Map<number, Excel.CellPropertiesFont>();
  readonly rowHeights = new Map<number, number>();
  readonly pageLayout: PageLayoutState = {
    margins: {},
    header: { leftHeader: "", centerHeader: "", rightHeader: "" },
    footer: { leftFooter: "", centerFooter: "", rightFooter: "" },
  };
  /** Manual page breaks: the rows they come before, in the order they were added. */
  readonly rowBreaks: number[] = [];

  constructor(public name: string) {}

  /** Records a merged area; false (and nothing recorded) when it overlaps an existing one. */
  addMerge(area: Area, address: string): boolean {
    for (let r = area.top; r <= area.bottom; r++) {
      for (const m of this.mergesByRow.get(r) ?? []) {
        if (m.left <= area.right && area.left <= m.right) return false;
      }
    }
    for (let r = area.top; r <= area.bottom; r++) {
      this.mergesByRow.set(r, [...(this.mergesByRow.get(r) ?? []), area]);
    }
    this.merges.push(address);
    return true;
  }

  cell(row: number, column: number): CellState | undefined {
    return this.cells.get(`${row},${column}`);
  }

  /** The cell, created empty on first touch (as formatting an empty cell does in Excel). */
  touch(row: number, column: number): CellState {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", type: "Empty", numberFormat: "General", format: emptyFormat() };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The rows × columns of values from A1 to the last non-empty cell. */
  usedValues(): (string | number | boolean)[][] {
    let rows = 0;
    let cols = 0;
    for (const [key, cell] of this.cells) {
      if (cell.type === "Empty") continue;
      const [r, c] = key.split(",").map(Number);
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => this.cell(r + 1, c + 1)?.value ?? "")
    );
  }
}

export interface TableState {
  readonly name: string;
  readonly sheet: SheetState;
  /** Header row and first column, 1-based. */
  readonly top: number;
  readonly left: number;
  readonly columns: number;
  /** Data rows (Excel keeps at least one). */
  readonly rows: number;
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  activeSheet?: string;
  selection?: { sheet: string; address: string };

  constructor(public name: string) {}

  sheet(name: string): SheetState | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /** Table names, like sheet names, ignore case in Excel. */
  table(name: string): TableState | undefined {
    const wanted = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === wanted);
  }

  /** A workbook laid out like the Snapshot: each table on its sheet at its header row and column. */
  static fromSnapshot(snapshot: Snapshot): WorkbookState {
    const workbook = new WorkbookState(snapshot.fileName);
    for (const name of snapshot.sheetNames) workbook.sheets.push(new SheetState(name));
    for (const table of snapshot.tables) {
      const sheet = workbook.sheet(table.sheet) ?? new SheetState(table.sheet);
      if (!workbook.sheets.includes(sheet)) workbook.sheets.push(sheet);
      table.headers.forEach((h, c) =>
        store(sheet.touch(table.headerRow, table.firstColumn + c), h)
      );
      table.rows.forEach((row, r) =>
        row.forEach((value, c) =>
          store(sheet.touch(table.headerRow + 1 + r, table.firstColumn + c), value)
        )
      );
      workbook.tables.push({
        name: table.name,
        sheet,
        top: table.headerRow,
        left: table.firstColumn,
        columns: table.headers.length,
        rows: Math.max(table.rows.length, 1),
      });
    }
    workbook.activeSheet = workbook.sheets[0]?.name;
    return workbook;
  }
}

export function emptyFormat(): CellFormatState {
  return { font: {}, fill: {}, borders: {} };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Puts a Snapshot value into a cell as Excel holds it: dates as serial numbers. */
function store(cell: CellState, value: CellValue): void {
  if (value === null) return;
  if (value instanceof Date) {
    cell.value = (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
    cell.type = "Double";
  } else if (typeof value === "object") {
    cell.value = value.error;
    cell.type = "Error";
  } else if (typeof value === "number") {
    cell.value = value;
    cell.type = "Double";
  } else if (typeof value === "boolean") {
    cell.value = value;
    cell.type = "Boolean";
  } else {
    cell.value = value;
    cell.type = "String";
  }
}

/**
 * What Excel makes of a value assigned through `range.values`: the same as typing it. A leading
 * apostrophe keeps the rest as text; `=`, `+`, `-` and `@` start a formula; numbers, percentages,
 * ISO dates and TRUE/FALSE are converted.
 */
export function typeIn(cell: CellState, input: unknown): void {
  delete cell.formula;
  if (typeof input === "number") {
    cell.value = input;
    cell.type = "Double";
  } else if (typeof input === "boolean") {
    cell.value = input;
    cell.type = "Boolean";
  } else if (input === "" || input === null || input === undefined) {
    cell.value = "";
    cell.type = "Empty";
  } else if (typeof input !== "string") {
    throw new TypeError(`values can only hold numbers, strings and booleans, not ${typeof input}`);
  } else if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.type = cell.value === "" ? "Empty" : "String";
  } else if (/^[=+\-@]/.test(input) && input.length > 1) {
    cell.formula = input;
    cell.value = "#NAME?";
    cell.type = "Error";
  } else if (/^\d+(\.\d+)?%$/.test(input)) {
    cell.value = Number(input.slice(0, -1)) / 100;
    cell.type = "Double";
  } else if (/^\d+(\.\d+)?$/.test(input)) {
    cell.value = Number(input);
    cell.type = "Double";
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(input)) {
    cell.value = (Date.parse(`${input}T00:00:00Z`) - EXCEL_EPOCH_MS) / 86_400_000;
    cell.type = "Double";
  } else if (/^(TRUE|FALSE|SANT|FALSKT)$/i.test(input)) {
    cell.value = /^(TRUE|SANT)$/i.test(input);
    cell.type = "Boolean";
  } else {
    cell.value = input;
    cell.type = "String";
  }
}
