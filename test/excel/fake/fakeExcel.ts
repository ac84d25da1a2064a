/**
 * A recording fake of the Excel JavaScript API subset in src/excel/excelApi.ts. Like Office.js,
 * it queues every property assignment, method call and load on proxy objects and runs them only
 * at `context.sync()`; reading a property that was not loaded throws. Each sync is recorded with
 * its actions and its request size: the UTF-8 length of the queued actions as JSON (object path,
 * action, value), which approximates what Office.js sends.
 *
 * `*OrNullObject` proxies are null objects when the item does not exist: `isNullObject` is known
 * after the next sync (and throws before it), their other properties are never readable, and what
 * is navigated from them (a table's worksheet and ranges) is null too: loads on it come back
 * empty and writes to it are dropped, without failing the batch.
 */
import type {
  ExcelRunner,
  XlApplication,
  XlBorderEdge,
  XlContext,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlTable,
  XlTableCollection,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from "../../../src/excel/excelApi";
import { columnLetters as columnName } from "../../../src/core/snapshot";
import { parseCell } from "../../../src/excel/addresses";
import { utf8Bytes } from "../../../src/excel/report/writePlan";
import {
  typeIn,
  type CellFormatState,
  type MarginName,
  type SheetState,
  type TableState,
  type WorkbookState,
  SheetState as Sheet,
} from "./workbookState";

export interface RecordedAction {
  readonly path: string;
  readonly action: string;
  readonly value?: unknown;
}

export interface SyncRecord {
  readonly actions: readonly RecordedAction[];
  readonly requestBytes: number;
  /** UTF-8 length of the loaded data as JSON: what Excel sends back. */
  readonly responseBytes: number;
}

/** An Office.js error as Excel raises it at sync time. */
export class FakeRichApiError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Pending {
  /** Absent for what Excel does without being asked, e.g. resolving a null object. */
  readonly record?: RecordedAction;
  readonly run: () => unknown;
}

class Queue {
  private pending: Pending[] = [];
  constructor(private readonly syncs: SyncRecord[]) {}

  add(path: string, action: string, run: () => unknown, value?: unknown): void {
    this.pending.push({
      record: value === undefined ? { path, action } : { path, action, value },
      run,
    });
  }

  /** Runs at the next sync, in order with the actions, without being part of the request. */
  resolve(run: () => void): void {
    this.pending.push({ run: () => void run() });
  }

  flush(): void {
    const batch = this.pending;
    this.pending = [];
    const actions = batch.flatMap((p) => (p.record ? [p.record] : []));
    let responseBytes = 0;
    try {
      for (const p of batch) {
        const loaded = p.run();
        if (loaded !== undefined) responseBytes += utf8Bytes(JSON.stringify(loaded));
      }
    } finally {
      this.syncs.push({ actions, requestBytes: utf8Bytes(JSON.stringify(actions)), responseBytes });
    }
  }
}

function notLoaded(property: string): never {
  throw new Error(`PropertyNotLoaded: ${property} was read before load() and sync()`);
}

/** Excel hands back nothing for a null object's properties: code must check isNullObject first. */
function readOfNullObject(path: string, property: string): never {
  throw new Error(`${property} of ${path} was read, but it is a null object (isNullObject)`);
}

interface Bounds {
  readonly sheet: SheetState;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function boundsOf(sheet: SheetState, address: string): Bounds {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const whole = /^([A-Z]+):([A-Z]+)$/.exec(local);
  if (whole) {
    return {
      sheet,
      top: 1,
      bottom: 1_048_576,
      left: parseCell(`${whole[1]}1`).column,
      right: parseCell(`${whole[2]}1`).column,
    };
  }
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) return { sheet, top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: 16_384 };
  const [a, b = a] = local.split(":");
  const first = parseCell(a);
  const last = parseCell(b);
  return { sheet, top: first.row, left: first.column, bottom: last.row, right: last.column };
}

function requireShape(bounds: Bounds, data: readonly unknown[][], what: string): void {
  const rows = bounds.bottom - bounds.top + 1;
  const cols = bounds.right - bounds.left + 1;
  if (data.length !== rows || data.some((r) => r.length !== cols)) {
    throw new FakeRichApiError(
      "InvalidArgument",
      `${what}: ${data.length}×${data[0]?.length ?? 0} array for a ${rows}×${cols} range`
    );
  }
}

type Side = "top" | "bottom" | "left" | "right";

const NEIGHBOUR: Record<Side, [number, number, Side]> = {
  top: [-1, 0, "bottom"],
  bottom: [1, 0, "top"],
  left: [0, -1, "right"],
  right: [0, 1, "left"],
};

/**
 * Excel draws one line between two cells: setting a cell's bottom border is setting the top border
 * of the cell below. The fake records it on both, so a cell's borders are the lines around it.
 */
function setLine(
  sheet: SheetState,
  row: number,
  column: number,
  side: Side,
  patch: Excel.CellBorder
) {
  const cell = sheet.touch(row, column);
  cell.format.borders[side] = { ...cell.format.borders[side], ...patch };
  const [dr, dc, opposite] = NEIGHBOUR[side];
  if (row + dr < 1 || column + dc < 1) return;
  const neighbour = sheet.touch(row + dr, column + dc);
  neighbour.format.borders[opposite] = { ...neighbour.format.borders[opposite], ...patch };
}

/** The lines a border item of a range stands for: its edges, or the lines inside it. */
function borderLines(b: Bounds, index: XlBorderEdge): [number, number, Side][] {
  const lines: [number, number, Side][] = [];
  const across = (row: number, side: Side) => {
    for (let c = b.left; c <= b.right; c++) lines.push([row, c, side]);
  };
  const down = (column: number, side: Side) => {
    for (let r = b.top; r <= b.bottom; r++) lines.push([r, column, side]);
  };
  switch (index) {
    case "EdgeTop":
      across(b.top, "top");
      break;
    case "EdgeBottom":
      across(b.bottom, "bottom");
      break;
    case "EdgeLeft":
      down(b.left, "left");
      break;
    case "EdgeRight":
      down(b.right, "right");
      break;
    case "InsideHorizontal":
      for (let r = b.top; r < b.bottom; r++) across(r, "bottom");
      break;
    case "InsideVertical":
      for (let c = b.left; c < b.right; c++) down(c, "right");
      break;
  }
  return lines;
}

function mergeFormat(
  sheet: SheetState,
  row: number,
  column: number,
  format: Excel.CellPropertiesFormat
): void {
  const target = sheet.touch(row, column).format;
  if (format.font) Object.assign(target.font, format.font);
  if (format.fill) Object.assign(target.fill, format.fill);
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const border = format.borders?.[side];
    if (border) setLine(sheet, row, column, side, border);
  }
  if (format.horizontalAlignment !== undefined)
    target.horizontalAlignment = format.horizontalAlignment;
  if (format.verticalAlignment !== undefined) target.verticalAlignment = format.verticalAlignment;
  if (format.wrapText !== undefined) target.wrapText = format.wrapText;
}

/** Where a range is at sync time; null when it was navigated from a null object. */
type ResolveRange = () => Bounds | null;

class FakeRange implements XlRange {
  private loaded: { values?: unknown[][]; valueTypes?: string[][]; address?: string } = {};
  readonly format: XlRangeFormat;

  constructor(
    private readonly queue: Queue,
    readonly path: string,
    private readonly resolve: ResolveRange
  ) {
    this.format = new FakeRangeFormat(queue, `${path}.format`, () => {
      const b = resolve();
      return b ? [b] : [];
    });
  }

  get values(): unknown[][] {
    return this.loaded.values ?? notLoaded("values");
  }
  set values(values: unknown[][]) {
    this.queue.add(
      this.path,
      "set values",
      () => {
        const b = this.resolve();
        if (!b) return;
        requireShape(b, values, "values");
        values.forEach((row, r) =>
          row.forEach((v, c) => typeIn(b.sheet.touch(b.top + r, b.left + c), v))
        );
      },
      values
    );
  }

  get valueTypes(): string[][] {
    return this.loaded.valueTypes ?? notLoaded("valueTypes");
  }

  get numberFormat(): unknown[][] {
    return notLoaded("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.queue.add(
      this.path,
      "set numberFormat",
      () => {
        const b = this.resolve();
        if (!b) return;
        requireShape(b, formats, "numberFormat");
        formats.forEach((row, r) =>
          row.forEach((f, c) => (b.sheet.touch(b.top + r, b.left + c).numberFormat = String(f)))
        );
      },
      formats
    );
  }

  get address(): string {
    return this.loaded.address ?? notLoaded("address");
  }

  load(propertyNames: string): void {
    const names = propertyNames.split(",").map((n) => n.trim());
    this.queue.add(
      this.path,
      "load",
      () => {
        const b = this.resolve();
        if (!b) {
          this.loaded = {};
          return undefined;
        }
        const cells = (read: (r: number, c: number) => unknown) =>
          Array.from({ length: b.bottom - b.top + 1 }, (_, r) =>
            Array.from({ length: b.right - b.left + 1 }, (_, c) => read(b.top + r, b.left + c))
          );
        const loaded: typeof this.loaded = {};
        if (names.includes("values"))
          loaded.values = cells((r, c) => b.sheet.cell(r, c)?.value ?? "");
        if (names.includes("valueTypes"))
          loaded.valueTypes = cells((r, c) => b.sheet.cell(r, c)?.type ?? "Empty") as string[][];
        if (names.includes("address")) {
          const first = `${columnName(b.left)}${b.top}`;
          const last = `${columnName(b.right)}${b.bottom}`;
          loaded.address = `${quoteName(b.sheet.name)}!${first === last ? first : `${first}:${last}`}`;
        }
        this.loaded = loaded;
        return loaded;
      },
      propertyNames
    );
  }

  merge(across?: boolean): void {
    this.queue.add(
      this.path,
      "merge",
      () => {
        const b = this.resolve();
        if (!b) return;
        // merge(true) merges each row of the range on its own, as Excel does.
        const areas = across
          ? Array.from({ length: b.bottom - b.top + 1 }, (_, r) => ({
              ...b,
              top: b.top + r,
              bottom: b.top + r,
            }))
          : [b];
        for (const area of areas) {
          const address = `${columnName(area.left)}${area.top}:${columnName(area.right)}${area.bottom}`;
          if (!b.sheet.addMerge(area, address)) {
            throw new FakeRichApiError(
              "InvalidOperation",
              `merge ${address} overlaps another merge`
            );
          }
        }
      },
      across ?? false
    );
  }

  select(): void {
    this.queue.add(this.path, "select", () => {
      const b = this.resolve();
      if (!b) return;
      b.sheet.touch(b.top, b.left);
      this.workbookSelect(b);
    });
  }

  /** Set by the worksheet that made this range, so select() can record the selection. */
  workbookSelect: (bounds: Bounds) => void = () => undefined;

  setCellProperties(data: Excel.SettableCellProperties[][]): void {
    this.queue.add(
      this.path,
      "setCellProperties",
      () => {
        const b = this.resolve();
        if (!b) return;
        requireShape(b, data, "setCellProperties");
        data.forEach((row, r) =>
          row.forEach((props, c) => {
            if (!props.format && !props.hyperlink) return;
            const cell = b.sheet.touch(b.top + r, b.left + c);
            if (props.format) mergeFormat(b.sheet, b.top + r, b.left + c, props.format);
            if (props.hyperlink) cell.hyperlink = props.hyperlink;
          })
        );
      },
      data
    );
  }

  setColumnProperties(data: Excel.SettableColumnProperties[]): void {
    this.queue.add(
      this.path,
      "setColumnProperties",
      () => {
        const b = this.resolve();
        if (!b) return;
        requireShape({ ...b, top: 1, bottom: 1 }, [data], "setColumnProperties");
        data.forEach((props, c) => {
          const column = b.left + c;
          if (props.format?.columnWidth !== undefined)
            b.sheet.columnWidths.set(column, props.format.columnWidth);
          if (props.format?.font) b.sheet.columnFonts.set(column, { ...props.format.font });
        });
      },
      data
    );
  }
}

/**
 * A write-only property bag like Office.js's format objects: assigning queues `onSet`, reading
 * throws (the host never loads formats back).
 */
function writeOnly<T extends object>(
  names: readonly (keyof T & string)[],
  onSet: (name: keyof T & string, value: unknown) => void
): T {
  const bag = {} as T;
  for (const name of names) {
    Object.defineProperty(bag, name, {
      get: () => notLoaded(name),
      set: (value: unknown) => onSet(name, value),
      enumerable: true,
    });
  }
  return bag;
}

class FakeRangeFormat implements XlRangeFormat {
  readonly font: XlRangeFormat["font"];
  readonly fill: XlRangeFormat["fill"];
  readonly borders: XlRangeFormat["borders"];

  constructor(
    private readonly queue: Queue,
    private readonly path: string,
    private readonly areas: () => Bounds[]
  ) {
    this.font = writeOnly<XlRangeFormat["font"]>(
      ["bold", "italic", "size", "color", "underline"],
      (name, value) =>
        this.set(`${path}.font`, name, value, (f) => Object.assign(f.font, { [name]: value }))
    );
    this.fill = writeOnly<XlRangeFormat["fill"]>(["color"], (name, value) =>
      this.set(`${path}.fill`, name, value, (f) => Object.assign(f.fill, { [name]: value }))
    );
    this.borders = {
      getItem: (index: XlBorderEdge) =>
        writeOnly<ReturnType<XlRangeFormat["borders"]["getItem"]>>(
          ["style", "weight", "color"],
          (name, value) =>
            queue.add(
              `${path}.borders.getItem(${index})`,
              `set ${name}`,
              () => {
                for (const b of areas())
                  for (const [r, c, side] of borderLines(b, index))
                    setLine(b.sheet, r, c, side, { [name]: value });
              },
              value
            )
        ),
    };
  }

  private set(path: string, name: string, value: unknown, apply: (f: CellFormatState) => void) {
    this.queue.add(
      path,
      `set ${name}`,
      () => {
        for (const b of this.areas())
          for (let r = b.top; r <= b.bottom; r++)
            for (let c = b.left; c <= b.right; c++) apply(b.sheet.touch(r, c).format);
      },
      value
    );
  }

  get rowHeight(): number {
    return notLoaded("rowHeight");
  }
  set rowHeight(points: number) {
    this.queue.add(
      this.path,
      "set rowHeight",
      () => {
        for (const b of this.areas())
          for (let r = b.top; r <= b.bottom; r++) b.sheet.rowHeights.set(r, points);
      },
      points
    );
  }
  get wrapText(): boolean {
    return notLoaded("wrapText");
  }
  set wrapText(value: boolean) {
    this.set(this.path, "wrapText", value, (f) => (f.wrapText = value));
  }
  get horizontalAlignment(): XlRangeFormat["horizontalAlignment"] {
    return notLoaded("horizontalAlignment");
  }
  set horizontalAlignment(value: XlRangeFormat["horizontalAlignment"]) {
    this.set(this.path, "horizontalAlignment", value, (f) => (f.horizontalAlignment = value));
  }
  get verticalAlignment(): XlRangeFormat["verticalAlignment"] {
    return notLoaded("verticalAlignment");
  }
  set verticalAlignment(value: XlRangeFormat["verticalAlignment"]) {
    this.set(this.path, "verticalAlignment", value, (f) => (f.verticalAlignment = value));
  }
}

class FakePageLayout implements XlPageLayout {
  readonly headersFooters: XlPageLayout["headersFooters"];

  constructor(
    private readonly queue: Queue,
    private readonly path: string,
    private readonly sheet: () => SheetState
  ) {
    const footerPath = `${path}.headersFooters.defaultForAllPages`;
    this.headersFooters = {
      defaultForAllPages: writeOnly<XlPageLayout["headersFooters"]["defaultForAllPages"]>(
        ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"],
        (name, value) =>
          queue.add(
            footerPath,
            `set ${name}`,
            () => {
              const { header, footer } = this.sheet().pageLayout;
              if (name.endsWith("Header")) header[name as keyof typeof header] = String(value);
              else footer[name as keyof typeof footer] = String(value);
            },
            value
          )
      ),
    };
  }

  private set(name: "orientation" | "paperSize" | "zoom", value: unknown): void {
    this.queue.add(
      this.path,
      `set ${name}`,
      () => {
        Object.assign(this.sheet().pageLayout, { [name]: value });
      },
      value
    );
  }

  private setMargin(name: MarginName, points: number): void {
    this.queue.add(
      this.path,
      `set ${name}`,
      () => {
        this.sheet().pageLayout.margins[name] = points;
      },
      points
    );
  }

  get topMargin(): number {
    return notLoaded("topMargin");
  }
  set topMargin(points: number) {
    this.setMargin("topMargin", points);
  }
  get bottomMargin(): number {
    return notLoaded("bottomMargin");
  }
  set bottomMargin(points: number) {
    this.setMargin("bottomMargin", points);
  }
  get leftMargin(): number {
    return notLoaded("leftMargin");
  }
  set leftMargin(points: number) {
    this.setMargin("leftMargin", points);
  }
  get rightMargin(): number {
    return notLoaded("rightMargin");
  }
  set rightMargin(points: number) {
    this.setMargin("rightMargin", points);
  }
  get headerMargin(): number {
    return notLoaded("headerMargin");
  }
  set headerMargin(points: number) {
    this.setMargin("headerMargin", points);
  }
  get footerMargin(): number {
    return notLoaded("footerMargin");
  }
  set footerMargin(points: number) {
    this.setMargin("footerMargin", points);
  }

  get orientation(): XlPageLayout["orientation"] {
    return notLoaded("orientation");
  }
  set orientation(value: XlPageLayout["orientation"]) {
    this.set("orientation", value);
  }
  get paperSize(): XlPageLayout["paperSize"] {
    return notLoaded("paperSize");
  }
  set paperSize(value: XlPageLayout["paperSize"]) {
    this.set("paperSize", value);
  }
  get zoom(): XlPageLayout["zoom"] {
    return notLoaded("zoom");
  }
  set zoom(value: XlPageLayout["zoom"]) {
    this.set("zoom", value);
  }

  setPrintTitleRows(rows: string): void {
    this.queue.add(
      this.path,
      "setPrintTitleRows",
      () => {
        this.sheet().pageLayout.printTitleRows = rows;
      },
      rows
    );
  }
}

interface WorksheetProxyOptions {
  /** Known without loading: the sheets of a loaded collection. */
  readonly knownName?: string;
  /** From getItemOrNullObject, or navigated from such a proxy: missing makes a null object. */
  readonly orNull?: boolean;
}

class FakeWorksheet implements XlWorksheet {
  private loadedName?: string;
  private loadedNull?: boolean;
  readonly pageLayout: XlPageLayout;
  readonly horizontalPageBreaks: XlWorksheet["horizontalPageBreaks"];

  constructor(
    private readonly queue: Queue,
    private readonly workbook: WorkbookState,
    readonly path: string,
    private readonly find: () => SheetState | undefined,
    private readonly options: WorksheetProxyOptions = {}
  ) {
    this.loadedName = options.knownName;
    if (options.orNull) queue.resolve(() => (this.loadedNull = find() === undefined));
    this.pageLayout = new FakePageLayout(queue, `${path}.pageLayout`, () => this.existing());
    this.horizontalPageBreaks = {
      // Like Excel: a break comes before the top row of the range; adding one twice is refused.
      add: (range: string) =>
        queue.add(
          `${path}.horizontalPageBreaks`,
          "add",
          () => {
            const sheet = this.existing();
            const row = boundsOf(sheet, range).top;
            if (row < 2 || sheet.rowBreaks.includes(row)) {
              throw new FakeRichApiError(
                "InvalidArgument",
                `no page break can go before row ${row}`
              );
            }
            sheet.rowBreaks.push(row);
          },
          range
        ),
    };
  }

  /** The sheet; null for a null object; getItem's proxy of a missing sheet fails the batch. */
  private sheet(): SheetState | null {
    const sheet = this.find();
    if (sheet) return sheet;
    if (this.options.orNull) return null;
    throw new FakeRichApiError("ItemNotFound", `${this.path} does not exist`);
  }

  private existing(): SheetState {
    const sheet = this.find();
    if (!sheet) throw new FakeRichApiError("ItemNotFound", `${this.path} does not exist`);
    return sheet;
  }

  get name(): string {
    if (this.loadedNull) return readOfNullObject(this.path, "name");
    return this.loadedName ?? notLoaded("name");
  }
  get isNullObject(): boolean {
    return this.loadedNull ?? notLoaded("isNullObject");
  }

  load(propertyNames: string): void {
    this.queue.add(
      this.path,
      "load",
      () => {
        const sheet = this.find();
        this.loadedNull = sheet === undefined;
        if (sheet && propertyNames.includes("name")) this.loadedName = sheet.name;
        return sheet ? { name: sheet.name } : undefined;
      },
      propertyNames
    );
  }

  getRange(address?: string): XlRange {
    const range = new FakeRange(this.queue, `${this.path}.getRange(${address ?? ""})`, () => {
      const sheet = this.sheet();
      return sheet && boundsOf(sheet, address ?? "A:XFD");
    });
    range.workbookSelect = (b) => {
      this.workbook.selection = {
        sheet: b.sheet.name,
        address: `${columnName(b.left)}${b.top}`,
      };
    };
    return range;
  }

  getRanges(address: string): XlRangeAreas {
    const path = `${this.path}.getRanges(${address})`;
    return {
      format: new FakeRangeFormat(this.queue, `${path}.format`, () => {
        const sheet = this.sheet();
        return sheet ? address.split(",").map((area) => boundsOf(sheet, area.trim())) : [];
      }),
    };
  }

  activate(): void {
    this.queue.add(this.path, "activate", () => {
      const sheet = this.sheet();
      if (sheet) this.workbook.activeSheet = sheet.name;
    });
  }

  delete(): void {
    this.queue.add(this.path, "delete", () => {
      const sheet = this.sheet();
      if (!sheet) return;
      this.workbook.sheets.splice(this.workbook.sheets.indexOf(sheet), 1);
      for (let i = this.workbook.tables.length - 1; i >= 0; i--) {
        if (this.workbook.tables[i].sheet === sheet) this.workbook.tables.splice(i, 1);
      }
      if (this.workbook.activeSheet === sheet.name)
        this.workbook.activeSheet = this.workbook.sheets[0]?.name;
    });
  }
}

class FakeWorksheets implements XlWorksheetCollection {
  private loadedItems?: XlWorksheet[];

  constructor(
    private readonly queue: Queue,
    private readonly workbook: WorkbookState
  ) {}

  get items(): XlWorksheet[] {
    return this.loadedItems ?? notLoaded("worksheets.items");
  }

  load(propertyNames: string): void {
    this.queue.add(
      "worksheets",
      "load",
      () => {
        this.loadedItems = this.workbook.sheets.map((s) =>
          this.proxy(s.name, { knownName: s.name })
        );
        return this.workbook.sheets.map((s) => ({ name: s.name }));
      },
      propertyNames
    );
  }

  private proxy(name: string, options?: WorksheetProxyOptions): FakeWorksheet {
    const method = options?.orNull ? "getItemOrNullObject" : "getItem";
    return new FakeWorksheet(
      this.queue,
      this.workbook,
      `worksheets.${method}(${JSON.stringify(name)})`,
      () => this.workbook.sheet(name),
      options
    );
  }

  getItem(key: string): XlWorksheet {
    return this.proxy(key);
  }

  getItemOrNullObject(key: string): XlWorksheet {
    return this.proxy(key, { orNull: true });
  }

  add(name?: string): XlWorksheet {
    if (name === undefined) throw new Error("the fake needs a name for worksheets.add");
    this.queue.add(
      "worksheets",
      "add",
      () => {
        if (this.workbook.sheet(name)) {
          throw new FakeRichApiError("ItemAlreadyExists", `a sheet named ${name} exists`);
        }
        this.workbook.sheets.push(new Sheet(name));
      },
      name
    );
    return this.proxy(name);
  }
}

class FakeTables implements XlTableCollection {
  constructor(
    private readonly queue: Queue,
    private readonly workbook: WorkbookState
  ) {}

  getItemOrNullObject(key: string): XlTable {
    return new FakeTable(this.queue, this.workbook, key, () => this.workbook.table(key));
  }
}

/** A table asked for by name: a null object at sync time when the workbook has no such table. */
class FakeTable implements XlTable {
  private loadedName?: string;
  private loadedNull?: boolean;
  private readonly path: string;
  readonly worksheet: XlWorksheet;

  constructor(
    private readonly queue: Queue,
    workbook: WorkbookState,
    key: string,
    private readonly find: () => TableState | undefined
  ) {
    this.path = `tables.getItemOrNullObject(${JSON.stringify(key)})`;
    queue.resolve(() => (this.loadedNull = find() === undefined));
    this.worksheet = new FakeWorksheet(
      queue,
      workbook,
      `${this.path}.worksheet`,
      () => find()?.sheet,
      { orNull: true }
    );
  }

  get name(): string {
    if (this.loadedNull) return readOfNullObject(this.path, "name");
    return this.loadedName ?? notLoaded("name");
  }
  get isNullObject(): boolean {
    return this.loadedNull ?? notLoaded("isNullObject");
  }

  load(propertyNames: string): void {
    this.queue.add(
      this.path,
      "load",
      () => {
        const table = this.find();
        if (!table) return undefined;
        if (propertyNames.includes("name")) this.loadedName = table.name;
        return { name: table.name };
      },
      propertyNames
    );
  }

  getHeaderRowRange(): XlRange {
    return this.range("getHeaderRowRange", (t) => [t.top, t.top]);
  }

  getDataBodyRange(): XlRange {
    return this.range("getDataBodyRange", (t) => [t.top + 1, t.top + t.rows]);
  }

  private range(kind: string, rows: (t: TableState) => [number, number]): XlRange {
    return new FakeRange(this.queue, `${this.path}.${kind}()`, () => {
      const table = this.find();
      if (!table) return null;
      const [top, bottom] = rows(table);
      return {
        sheet: table.sheet,
        top,
        bottom,
        left: table.left,
        right: table.left + table.columns - 1,
      };
    });
  }
}

class FakeWorkbook implements XlWorkbook {
  private loadedName?: string;
  readonly application: XlApplication;
  readonly worksheets: XlWorksheetCollection;
  readonly tables: XlTableCollection;

  constructor(
    private readonly queue: Queue,
    private readonly state: WorkbookState
  ) {
    this.worksheets = new FakeWorksheets(queue, state);
    this.tables = new FakeTables(queue, state);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        queue.add("application", "suspendApiCalculationUntilNextSync", () => undefined),
      suspendScreenUpdatingUntilNextSync: () =>
        queue.add("application", "suspendScreenUpdatingUntilNextSync", () => undefined),
    };
  }

  get name(): string {
    return this.loadedName ?? notLoaded("workbook.name");
  }

  load(propertyNames: string): void {
    this.queue.add(
      "workbook",
      "load",
      () => {
        if (propertyNames.includes("name")) this.loadedName = this.state.name;
        return { name: this.state.name };
      },
      propertyNames
    );
  }
}

/** One fake Excel with its workbook; `run` is what the host gets instead of Excel.run. */
export class FakeExcel {
  readonly syncs: SyncRecord[] = [];

  constructor(readonly workbook: WorkbookState) {}

  readonly run: ExcelRunner = async (batch) => {
    const queue = new Queue(this.syncs);
    const context: XlContext = {
      workbook: new FakeWorkbook(queue, this.workbook),
      sync: async () => queue.flush(),
    };
    return batch(context);
  };

  /** Forgets the recorded syncs (e.g. between reading and writing). */
  resetRecording(): void {
    this.syncs.length = 0;
  }

  get largestRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
