/**
 * Cell comments (notes: `xl/comments*.xml` and their VML shapes; Excel 365's threaded comments)
 * follow the rows Ny period moves. A comment on a row the roll dropped stays where it is while
 * the row stays empty, and is taken out and named when another row now fills its place.
 */
import { cellAddress } from "../../core/snapshot";
import { parseRange } from "../read/sheetTables";
import type { PackageParts, PackageSheet } from "./packageParts";
import type { SheetMoves } from "./formulaCells";

export interface RemovedComment {
  readonly address: string;
}

type NewRow = (row: number) => number | null | undefined;

/** `undefined`: stays; a number: moves there; null: is taken out. */
function newRowOf(moved: SheetMoves): NewRow {
  return (row) => {
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
    const to = newRow(at.top);
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
    if (removed.has(cellAddress(from, Number(column[1]) + 1))) return "";
    const to = newRow(from);
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
