/**
 * What is anchored to a cell follows the table rows Ny period moves: cell comments (notes:
 * `xl/comments*.xml` and their VML shapes; Excel 365's threaded comments), merged cells and
 * links. One on a row the roll dropped stays where it is while the row stays empty, and is taken
 * out and named when another row now fills its place.
 */
import { cellAddress } from "../../core/snapshot";
import { parseRange } from "../read/sheetTables";
import type { PackageParts, PackageSheet } from "./packageParts";
import type { SheetMoves } from "./formulaCells";

export interface RemovedComment {
  readonly address: string;
}

type NewRow = (row: number, column: number) => number | null | undefined;

/** `undefined`: stays; a number: moves there; null: is taken out. */
export function newRowOf(moved: SheetMoves): NewRow {
  return (row, column) => {
    if (column < moved.left || column > moved.right) return undefined;
    const to = moved.moves.get(row);
    if (to === undefined) return undefined;
    if (to === null) return row <= moved.lastOutputRow ? null : undefined;
    return to;
  };
}

const COMMENT =
  /<((?:\w+:)?(?:comment|threadedComment))\b([^>]*?)\bref="([^"]*)"([^>]*?)(?:\/>|>[\s\S]*?<\/\1>)/g;

/** The comments part with refs moved; the addresses of those taken out. */
function movedCommentRefs(xml: string, newRow: NewRow, removed: Set<string>): string {
  return xml.replace(COMMENT, (whole, _tag, _before, ref: string) => {
    const at = parseRange(ref);
    if (!at) return whole;
    const to = newRow(at.top, at.left);
    if (to === undefined) return whole;
    if (to === null) {
      removed.add(ref);
      return "";
    }
    return whole.replace(`ref="${ref}"`, `ref="${cellAddress(to, at.left)}"`);
  });
}

const SHAPE = /<v:shape\b[\s\S]*?<\/v:shape>/g;

/** The VML with each note's shape moved to its new row (0-based there), or taken out. */
function movedShapes(vml: string, newRow: NewRow, removed: ReadonlySet<string>): string {
  return vml.replace(SHAPE, (shape) => {
    const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape);
    const column = /<x:Column>(\d+)<\/x:Column>/.exec(shape);
    if (!row || !column) return shape;
    const from = Number(row[1]) + 1;
    const col = Number(column[1]) + 1;
    if (removed.has(cellAddress(from, col))) return "";
    const to = newRow(from, col);
    if (to === undefined || to === null) return shape;
    const shift = to - from;
    return shape
      .replace(row[0], `<x:Row>${to - 1}</x:Row>`)
      .replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (_whole, anchor: string) => {
        const n = anchor.split(",").map((part) => Number(part.trim()));
        if (n.length !== 8 || n.some((v) => !Number.isFinite(v))) return _whole;
        n[2] += shift;
        n[6] += shift;
        return `<x:Anchor>${n.join(", ")}</x:Anchor>`;
      });
  });
}

/** Moves the sheet's comments with its rows; the comments taken out, by address. */
export function moveComments(
  parts: PackageParts,
  sheet: PackageSheet,
  moved: SheetMoves
): RemovedComment[] {
  const newRow = newRowOf(moved);
  const removed = new Set<string>();
  for (const rel of sheet.relationships) {
    if (rel.type !== "comments" && rel.type !== "threadedComment") continue;
    const xml = parts.text(rel.part);
    if (xml !== null) parts.setText(rel.part, movedCommentRefs(xml, newRow, removed));
  }
  for (const rel of sheet.relationships) {
    if (rel.type !== "vmlDrawing") continue;
    const vml = parts.text(rel.part);
    if (vml !== null) parts.setText(rel.part, movedShapes(vml, newRow, removed));
  }
  return [...removed].map((address) => ({ address }));
}

const RANGED = /<(mergeCell|hyperlink)\b([^>]*?)\bref="([^"]*)"([^>]*?)\/>/g;
const WHAT: Readonly<Record<string, string>> = {
  mergeCell: "sammanfogade celler",
  hyperlink: "en länk",
};

/**
 * The sheet part with merged cells and links on one moved row following it; those that span rows
 * that move apart cannot, and are named (they stay where they were).
 */
export function moveRanges(
  xml: string,
  moved: SheetMoves,
  named: (ref: string, what: string) => void
): string {
  const newRow = newRowOf(moved);
  const edited = xml.replace(RANGED, (whole, tag: string, _before, ref: string) => {
    const at = parseRange(ref);
    if (!at) return whole;
    const rows = Array.from({ length: at.bottom - at.top + 1 }, (_, i) => at.top + i);
    const targets = rows.flatMap((r) =>
      Array.from({ length: at.right - at.left + 1 }, (_, j) => newRow(r, at.left + j))
    );
    if (targets.every((to) => to === undefined)) return whole;
    const to = targets[0];
    const oneRow = at.top === at.bottom && targets.every((t) => t === to);
    if (!oneRow || to === undefined) {
      named(ref, `${WHAT[tag]} ${ref} ligger kvar där de var; raderna flyttades`);
      return whole;
    }
    if (to === null) {
      named(ref, `${WHAT[tag]} ${ref} på en rad som inte följer med till nästa period`);
      return "";
    }
    const left = cellAddress(to, at.left);
    const moved = at.left === at.right ? left : `${left}:${cellAddress(to, at.right)}`;
    return whole.replace(`ref="${ref}"`, `ref="${moved}"`);
  });
  return withoutEmptyLists(edited);
}

/** `<mergeCells>` counted again, and a list left empty taken out (the schema wants one item). */
function withoutEmptyLists(xml: string): string {
  return xml
    .replace(/<mergeCells\b[^>]*>([\s\S]*?)<\/mergeCells>/, (_whole, items: string) => {
      const count = (items.match(/<mergeCell\b/g) ?? []).length;
      return count === 0 ? "" : `<mergeCells count="${count}">${items}</mergeCells>`;
    })
    .replace(/<hyperlinks>\s*<\/hyperlinks>/, "");
}
