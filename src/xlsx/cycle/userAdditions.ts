/**
 * What a workbook holds beyond the template: own sheets, own columns inside the template's
 * tables, filled cells outside the tables, cell comments, drawings (charts, images) and own
 * Inställningar rows. Ny period names these when it cannot carry them (a workbook it rebuilds, of
 * an older Mallversion it cannot upgrade in place, keeps none of them); tests check with it that a roll
 * kept them.
 */
import type { NotCarried } from "../../core/cycle/plan";
import { normalizeHeader } from "../../core/parse/headers";
import { cellAddress, type Snapshot } from "../../core/snapshot";
import { TEMPLATES } from "../../core/template/registry";
import { KNOWN_SETTINGS } from "../../core/template/settings";
import { decodeXml } from "../xmlText";
import { PackageParts, type PackageSheet } from "./packageParts";
import { readSheetData } from "./sheetData";

/** One thing the user added, as Ny period names it. */
export type UserAddition = NotCarried;

const TEMPLATE_SHEETS = new Set(
  TEMPLATES.flatMap((t) => [...t.tableList.map((d) => d.sheet), "Instruktioner", "Listor"])
);
const TEMPLATE_TABLES = new Map(
  TEMPLATES.flatMap((t) => t.tableList).map((d) => [d.name.toLowerCase(), d] as const)
);
const TEMPLATE_HEADERS = new Map<string, Set<string>>();
for (const def of TEMPLATES.flatMap((t) => t.tableList)) {
  const headers = TEMPLATE_HEADERS.get(def.name.toLowerCase()) ?? new Set<string>();
  for (const column of def.columns) headers.add(normalizeHeader(column.header));
  TEMPLATE_HEADERS.set(def.name.toLowerCase(), headers);
}
const SETTING_LABELS = new Set(KNOWN_SETTINGS.map((s) => normalizeHeader(s.label)));
/**
 * The template's title (row 1) and instructions (row 2) stand in column A; a table sharing its
 * sheet (Kontoplan) has its instructions above its own first column.
 */
const isTemplateText = (sheet: PackageSheet, row: number, column: number) =>
  row <= 2 && (column === 1 || sheet.tables.some(({ range }) => range.left === column));

function cellsOutsideTables(parts: PackageParts, sheet: PackageSheet): UserAddition[] {
  const data = readSheetData(parts.text(sheet.part) ?? "");
  if (!data) return [];
  const additions: UserAddition[] = [];
  for (const [r, row] of data.rows) {
    for (const [c, cell] of row.cells) {
      if (cell.content === "" || isTemplateText(sheet, r, c)) continue;
      const inTable = sheet.tables.some(
        ({ range }) => r >= range.top && r <= range.bottom && c >= range.left && c <= range.right
      );
      if (inTable) continue;
      const formula = /<f\b[^>]*>([^<]*)<\/f>/.exec(cell.content)?.[1];
      additions.push({
        sheet: sheet.name,
        where: `cell ${cellAddress(r, c)}`,
        what: formula
          ? `en cell utanför tabellen, med formeln =${decodeXml(formula)}`
          : "en cell utanför tabellen",
      });
    }
  }
  return additions;
}

function partsOfSheet(parts: PackageParts, sheet: PackageSheet): UserAddition[] {
  const additions: UserAddition[] = [];
  for (const rel of sheet.relationships) {
    if (rel.type === "comments") {
      for (const [, ref] of (parts.text(rel.part) ?? "").matchAll(
        /<comment\b[^>]*?\bref="([^"]*)"/g
      )) {
        additions.push({ sheet: sheet.name, where: `cell ${ref}`, what: "en kommentar" });
      }
    } else if (rel.type === "drawing") {
      additions.push({
        sheet: sheet.name,
        where: `delen ${rel.part}`,
        what: "en ritning (diagram, bilder, former)",
      });
    } else if (
      rel.type === "table" &&
      !sheet.tables.some((t) => TEMPLATE_TABLES.has(t.name.toLowerCase()) && t.part === rel.part)
    ) {
      additions.push({ sheet: sheet.name, where: `delen ${rel.part}`, what: "en egen tabell" });
    }
  }
  return additions;
}

function ownColumnsAndRows(sheet: PackageSheet, snapshot: Snapshot): UserAddition[] {
  const additions: UserAddition[] = [];
  for (const table of snapshot.tables) {
    if (table.sheet !== sheet.name) continue;
    const known = TEMPLATE_HEADERS.get(table.name.toLowerCase());
    if (!known) continue;
    table.headers.forEach((header, j) => {
      if (known.has(normalizeHeader(header))) return;
      additions.push({
        sheet: sheet.name,
        where: `cell ${cellAddress(table.headerRow, table.firstColumn + j)}`,
        what: `den egna kolumnen ${header} i tabellen ${table.name}`,
      });
    });
    if (TEMPLATE_TABLES.get(table.name.toLowerCase())?.key !== "settings") continue;
    table.rows.forEach((row, i) => {
      const label = String(row[0] ?? "");
      if (label.trim() === "" || SETTING_LABELS.has(normalizeHeader(label))) return;
      additions.push({
        sheet: sheet.name,
        where: `cell ${cellAddress(table.headerRow + 1 + i, table.firstColumn)}`,
        what: `den egna raden ${label} i Inställningar`,
      });
    });
  }
  return additions;
}

/** What the package's parts show beyond the template: sheets, drawings, tables, comments, cells. */
export function packageAdditions(parts: PackageParts): UserAddition[] {
  return parts.sheets().flatMap((sheet) => {
    if (!TEMPLATE_SHEETS.has(sheet.name)) {
      return [
        { sheet: sheet.name, where: `delen ${sheet.part}`, what: "ett eget blad" },
        ...partsOfSheet(parts, sheet),
      ];
    }
    if (sheet.name === "Instruktioner" || sheet.name === "Listor")
      return partsOfSheet(parts, sheet);
    return [...cellsOutsideTables(parts, sheet), ...partsOfSheet(parts, sheet)];
  });
}

/**
 * Additions in `before` that `after` lacks and that `named` does not already account for (a
 * comment taken out with its row is named where it happens): the roll's own check that nothing
 * went missing unnamed.
 */
export function unexplainedLosses(
  before: readonly UserAddition[],
  after: readonly UserAddition[],
  named: readonly NotCarried[]
): NotCarried[] {
  const key = (a: UserAddition) => `${a.sheet}\u0000${a.what}`;
  const count = (list: readonly UserAddition[], k: string) =>
    list.filter((a) => key(a) === k).length;
  const lost: NotCarried[] = [];
  for (const k of new Set(before.map(key))) {
    const items = before.filter((a) => key(a) === k);
    const explained = named.filter(
      (n) =>
        items[0].what === "en kommentar" &&
        n.sheet === items[0].sheet &&
        n.what.startsWith("en kommentar")
    ).length;
    const missing = items.length - count(after, k) - explained;
    if (missing <= 0) continue;
    const places = new Set(after.filter((a) => key(a) === k).map((a) => a.where));
    const gone = items.filter((a) => !places.has(a.where));
    for (const item of (gone.length >= missing ? gone : items).slice(0, missing)) {
      lost.push({ ...item, what: `${item.what}: Tertial kunde inte föra över den` });
    }
  }
  return lost;
}

/** Everything the workbook holds beyond the template, sheet by sheet. */
export async function userAdditions(
  bytes: Uint8Array,
  snapshot: Snapshot
): Promise<UserAddition[]> {
  const parts = await PackageParts.unpack(bytes);
  const sheets = parts.sheets();
  return [
    ...packageAdditions(parts),
    ...sheets.flatMap((sheet) =>
      TEMPLATE_SHEETS.has(sheet.name) ? ownColumnsAndRows(sheet, snapshot) : []
    ),
  ];
}
