/**
 * Ny period as an edit of the input's package: a copy of it in which only what the roll changes
 * is changed — the template tables' data rows, the Värde cells of Inställningar the roll sets,
 * Historik, and the workbook's calculation flag — so that everything the user added (own sheets,
 * charts, images, own columns, notes, comments, formats, formulas) comes along as it was. What
 * cannot be carried is returned, named. See CONTEXT.md.
 */
import type { NextPeriodPlan, NotCarried } from "../../core/cycle/plan";
import { normalizeHeader } from "../../core/parse/headers";
import {
  cellAddress,
  type CellValue,
  type Snapshot,
  type SnapshotTable,
} from "../../core/snapshot";
import type { RowSpec } from "../../core/template/content";
import type {
  DataTableKey,
  SettingDef,
  SettingKey,
  TableDef,
} from "../../core/template/definition";
import { relationships, relationshipsPartOf } from "../read/packageXml";
import { ZipDirectoryError } from "../zip/zipDirectory";
import { DateStyles } from "./dateStyles";
import { expandSharedFormulas, relocatedPart, type SheetMoves } from "./formulaCells";
import { historyRange, historyTablePart, rewriteHistoryRows, withDimension } from "./historySheet";
import { moveComments, moveRanges } from "./rowAnchored";
import { StylesNotEditableError } from "./styleGraft";
import { NotUpgradableError, upgradePackage, type PackageGaps } from "./upgradePackage";
import { packageAdditions, unexplainedLosses, type UserAddition } from "./userAdditions";
import { PackageParts, WORKBOOK_PART, type PackageSheet, type PackageTable } from "./packageParts";
import { readSheetData, writeSheetData, type SheetData } from "./sheetData";
import { rewriteTableRows, sameValue, setCell, type KeptColumn } from "./tableRows";

const STYLES_PART = "xl/styles.xml";
const CALC_CHAIN_PART = "xl/calcChain.xml";
const CONTENT_TYPES_PART = "[Content_Types].xml";

export interface Located {
  readonly sheet: PackageSheet;
  readonly table: PackageTable;
  readonly snapshot: SnapshotTable;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function locate(
  sheets: readonly PackageSheet[],
  snapshot: Snapshot,
  def: TableDef
): Located | null {
  for (const sheet of sheets) {
    const table = sheet.tables.find((t) => sameName(t.name, def.name));
    const read = snapshot.tables.find((t) => sameName(t.name, def.name));
    if (table && read) return { sheet, table, snapshot: read };
  }
  return null;
}

/**
 * What the package lacks of what the content needs: tables (with their sheets) and setting rows,
 * which an upgrade adds in place; a Rebuild when it cannot be edited: a table
 * without room for its rows or without a column the content fills, or, when tables or settings
 * are missing (an older Mallversion), a table lacking any column of the version written (v1 →
 * v2 adds columns inside tables), or a missing table whose sheet or name the workbook already uses.
 * The Rebuild says why.
 */
export function packageGaps(
  sheets: readonly PackageSheet[],
  snapshot: Snapshot,
  plan: NextPeriodPlan
): PackageGaps | Rebuild {
  const older = {
    rebuild: `arbetsboken har inte allt mallversion ${plan.template.version} har (en äldre mallversion), så den byggs om som en ny mall`,
  };
  const tables = plan.content.tables as Partial<Record<string, readonly RowSpec[]>> | undefined;
  const missing: TableDef[] = [];
  let lacksColumns = false;
  for (const def of plan.template.tableList) {
    const found = locate(sheets, snapshot, def);
    if (!found) {
      missing.push(def);
      continue;
    }
    // Historik is written whole, headers included, whatever shape it had.
    if (def.carry === "history") continue;
    const headers = new Set(found.snapshot.headers.map(normalizeHeader));
    if (def.columns.some((c) => !headers.has(normalizeHeader(c.header)))) lacksColumns = true;
    const filled = tables?.[def.key] ?? [];
    // The rows are written within the table's range, which the roll never needs to grow.
    const { top, bottom } = found.table.range;
    if (filled.length > bottom - top - (found.table.totalsRow ? 1 : 0)) return older;
    for (const column of def.columns) {
      if (headers.has(normalizeHeader(column.header)) || column.kind === "computed") continue;
      if (filled.some((row) => (row[column.key] ?? null) !== null)) return older;
    }
  }
  const settings = locate(sheets, snapshot, plan.template.tables.settings);
  if (!settings) return older;
  const labels = new Set(
    settings.snapshot.rows.map((row) => normalizeHeader(String(row[0] ?? "")))
  );
  const missingSettings = plan.template.settingRows.filter(
    (s) => !labels.has(normalizeHeader(s.label))
  );
  if (missing.length === 0 && missingSettings.length === 0) return { tables: [], settings: [] };
  const taken = (name: string, list: readonly string[]) =>
    list.some((other) => sameName(other, name));
  const sheetNames = sheets.map((s) => s.name);
  const tableNames = sheets.flatMap((s) => s.tables.map((t) => t.name));
  const clash = missing.find((def) => taken(def.sheet, sheetNames) || taken(def.name, tableNames));
  if (clash) {
    return {
      rebuild:
        `mallversion ${plan.template.version} lägger till bladet ${clash.sheet} med tabellen ${clash.name}, ` +
        "men arbetsboken har redan ett blad eller en tabell med det namnet, så den byggs om som en ny mall",
    };
  }
  return lacksColumns ? older : { tables: missing, settings: missingSettings };
}

/** Columns whose values the roll keeps as they are (the table's `carry`): a formula there stays. */
function keptColumn(def: TableDef, plan: NextPeriodPlan): KeptColumn {
  const carry = typeof def.carry === "object" ? def.carry : undefined;
  const yearEnd = plan.summary.next.year !== plan.summary.closed.year;
  const rules = carry ? (yearEnd ? carry.yearEnd : carry.withinYear) : {};
  return (key) => {
    const rule = rules[key] ?? "keep";
    return rule === "keep" || rule === "ifReported";
  };
}

/**
 * The Värde cells of Inställningar whose value `values` changes (the roll's, Klarmarkera's), as
 * sheet row, column and new value; own rows stay as they are.
 */
export function settingCells(
  table: SnapshotTable,
  values: Readonly<Partial<Record<SettingKey, CellValue>>>,
  settings: readonly SettingDef[]
): { readonly row: number; readonly column: number; readonly after: CellValue }[] {
  const headers = table.headers.map(normalizeHeader);
  const labelAt = headers.indexOf(normalizeHeader("Inställning"));
  const valueAt = headers.indexOf(normalizeHeader("Värde"));
  if (labelAt < 0 || valueAt < 0) return [];
  return Object.entries(values).flatMap(([key, value]) => {
    const setting = settings.find((s) => s.key === key);
    const i = table.rows.findIndex(
      (row) =>
        setting && normalizeHeader(String(row[labelAt] ?? "")) === normalizeHeader(setting.label)
    );
    if (i < 0 || sameValue(value ?? null, table.rows[i][valueAt])) return [];
    const column = table.firstColumn + valueAt;
    return [{ row: table.headerRow + 1 + i, column, after: value ?? null }];
  });
}

/** Excel recalculates every formula when it opens the file: cached results may be stale now. */
export function withFullCalcOnLoad(workbookXml: string): string {
  if (/<calcPr\b/.test(workbookXml)) {
    return workbookXml.replace(
      /<calcPr\b([^>]*?)(\/?)>/,
      (_whole, attributes: string, slash: string) =>
        `<calcPr${attributes.replace(/\sfullCalcOnLoad="[^"]*"/, "")} fullCalcOnLoad="1"${slash}>`
    );
  }
  for (const after of ["</definedNames>", "</externalReferences>", "</sheets>"]) {
    if (workbookXml.includes(after))
      return workbookXml.replace(after, `${after}<calcPr fullCalcOnLoad="1"/>`);
  }
  return workbookXml;
}

/** The calculation chain lists formula cells; a stale one makes Excel repair the file. */
export function dropCalcChain(parts: PackageParts): void {
  if (!parts.has(CALC_CHAIN_PART)) return;
  parts.remove(CALC_CHAIN_PART);
  const relsPart = relationshipsPartOf(WORKBOOK_PART);
  const rels = parts.text(relsPart);
  if (rels !== null)
    parts.setText(relsPart, rels.replace(/<Relationship\b[^>]*calcChain[^>]*\/>/g, ""));
  const types = parts.text(CONTENT_TYPES_PART);
  if (types !== null)
    parts.setText(CONTENT_TYPES_PART, types.replace(/<Override\b[^>]*calcChain[^>]*\/>/g, ""));
}

/** A sheet part Tertial cannot edit (no `<sheetData>` it recognises): the caller rebuilds. */
export class NotEditableError extends Error {}

export class SheetEdits {
  private readonly data = new Map<string, { sheet: PackageSheet; data: SheetData }>();

  constructor(private readonly parts: PackageParts) {}

  of(sheet: PackageSheet): SheetData {
    let entry = this.data.get(sheet.part);
    if (!entry) {
      const data = readSheetData(this.parts.text(sheet.part) ?? "");
      if (!data) throw new NotEditableError();
      expandSharedFormulas(data);
      this.data.set(sheet.part, (entry = { sheet, data }));
    }
    return entry.data;
  }

  write(): void {
    for (const [part, { data }] of this.data) this.parts.setText(part, writeSheetData(data));
  }
}

export interface RolledPackage {
  readonly bytes: Uint8Array;
  readonly notCarried: readonly NotCarried[];
}

/** Why the package is not edited but rebuilt; the caller names what that loses. */
export interface Rebuild {
  readonly rebuild: string;
}

/**
 * The edited package; a Rebuild when it lacks what the latest template has, or holds a part
 * Tertial cannot unpack or a sheet it cannot edit.
 */
export async function rollPackage(
  input: Uint8Array,
  snapshot: Snapshot,
  plan: NextPeriodPlan
): Promise<RolledPackage | Rebuild> {
  try {
    // Parts the reader never needed are unpacked here for the first time: one may be damaged.
    const parts = await PackageParts.unpack(input);
    const gaps = packageGaps(parts.sheets(), snapshot, plan);
    if ("rebuild" in gaps) return gaps;
    // What the user added is listed before the upgrade touches anything: the roll's own check.
    const before = packageAdditions(parts);
    const named =
      gaps.tables.length > 0 || gaps.settings.length > 0
        ? await upgradePackage(parts, gaps, plan)
        : [];
    return await editedPackage(parts, snapshot, plan, before, named);
  } catch (error) {
    if (
      error instanceof NotEditableError ||
      error instanceof ZipDirectoryError ||
      error instanceof NotUpgradableError ||
      error instanceof StylesNotEditableError
    ) {
      return {
        rebuild: "en del av filen kan Tertial inte ändra, så arbetsboken byggs om som en ny mall",
      };
    }
    throw error;
  }
}

async function editedPackage(
  parts: PackageParts,
  snapshot: Snapshot,
  plan: NextPeriodPlan,
  before: readonly UserAddition[],
  named: readonly NotCarried[]
): Promise<RolledPackage> {
  // Tables an upgrade grafted are not in the snapshot: they hold the content already.
  const sheets = parts.sheets();
  const notCarried: NotCarried[] = [...named];
  const dates = new DateStyles(parts.text(STYLES_PART) ?? "");
  const edits = new SheetEdits(parts);
  const movesBySheet = new Map<string, SheetMoves>();
  const tables = (plan.content.tables ?? {}) as Partial<Record<DataTableKey, readonly RowSpec[]>>;

  for (const def of plan.template.tableList) {
    const found = locate(sheets, snapshot, def);
    if (!found) continue;
    if (def.key === "settings") {
      const values = plan.content.settings ?? {};
      const data = edits.of(found.sheet);
      for (const cell of settingCells(found.snapshot, values, plan.template.settings))
        setCell(data, cell.row, cell.column, cell.after, dates);
      continue;
    }
    const rows = tables[def.key] ?? [];
    if (def.carry === "history") {
      const data = edits.of(found.sheet);
      rewriteHistoryRows(data, found.table, def, rows, dates);
      const ref = historyRange(found.table, def, rows.length);
      data.head = withDimension(data.head, ref.split(":")[1]);
      parts.setText(
        found.table.part,
        historyTablePart(parts.text(found.table.part) ?? "", def, ref)
      );
      continue;
    }
    const sources = plan.sourceRows[def.key] ?? [];
    const result = rewriteTableRows(
      edits.of(found.sheet),
      found.table,
      found.snapshot,
      def,
      rows,
      sources,
      keptColumn(def, plan),
      dates
    );
    for (const cleared of result.clearedFormulas) {
      notCarried.push({
        sheet: found.sheet.name,
        where: `cell ${cellAddress(cleared.row, cleared.column)}`,
        what:
          `formeln =${cleared.formula} töms med kolumnen men hade inget beräknat värde, så ` +
          "Historik fick inget (öppna och spara filen i Excel och kör Ny period igen)",
      });
    }
    for (const lost of result.lostCells) {
      notCarried.push({
        sheet: found.sheet.name,
        where: `cell ${cellAddress(lost.row, lost.column)}`,
        what: `värdet i en egen kolumn på en rad i ${def.name} som inte följer med till nästa period`,
      });
    }
    if (result.moves.size > 0) {
      movesBySheet.set(found.sheet.name, {
        moves: result.moves,
        lastOutputRow: result.lastOutputRow,
        left: found.table.range.left,
        right: found.table.range.right,
      });
    }
  }
  edits.write();

  if (movesBySheet.size > 0) carryMoves(parts, sheets, movesBySheet, notCarried);
  const styles = dates.changedXml();
  if (styles !== null) parts.setText(STYLES_PART, styles);
  parts.setText(WORKBOOK_PART, withFullCalcOnLoad(parts.text(WORKBOOK_PART) ?? ""));
  dropCalcChain(parts);
  notCarried.push(...unexplainedLosses(before, packageAdditions(parts), notCarried));
  return { bytes: await parts.zip(), notCarried };
}

/** Formulas, chart series and comments follow the rows that moved. */
function carryMoves(
  parts: PackageParts,
  sheets: readonly PackageSheet[],
  movesBySheet: ReadonlyMap<string, SheetMoves>,
  notCarried: NotCarried[]
): void {
  const stale = new Set<string>();
  const relocate = (part: string, ownSheet: string, where: string) => {
    const xml = parts.text(part);
    if (xml === null) return;
    parts.setText(
      part,
      relocatedPart(xml, ownSheet, movesBySheet, (ref, formula) => {
        const key = `${where}\u0000${formula}`;
        if (stale.has(key)) return;
        stale.add(key);
        notCarried.push({
          sheet: ownSheet,
          where,
          what: `formeln =${formula} pekar på rad ${ref.row} i bladet ${ref.sheet}, där nu en annan rad står (raden följde inte med)`,
        });
      })
    );
  };
  for (const sheet of sheets) {
    relocate(sheet.part, sheet.name, `delen ${sheet.part}`);
    for (const rel of sheet.relationships) {
      if (rel.type !== "drawing") continue;
      const drawing = relationships(parts.text(relationshipsPartOf(rel.part)) ?? "", rel.part);
      for (const chart of drawing)
        if (chart.type === "chart") relocate(chart.part, sheet.name, `diagrammet ${chart.part}`);
    }
    const moved = movesBySheet.get(sheet.name);
    if (!moved) continue;
    const sheetXml = parts.text(sheet.part) ?? "";
    parts.setText(
      sheet.part,
      moveRanges(sheetXml, moved, (ref, what) =>
        notCarried.push({ sheet: sheet.name, where: `cell ${ref}`, what })
      )
    );
    for (const removed of moveComments(parts, sheet, moved)) {
      notCarried.push({
        sheet: sheet.name,
        where: `cell ${removed.address}`,
        what: "en kommentar på en rad som inte följer med till nästa period",
      });
    }
  }
}
