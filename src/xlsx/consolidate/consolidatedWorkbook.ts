/**
 * The consolidated workbook's bytes: the nämnd's content as a template workbook of the latest
 * version (so every command works on it), plus Tertial's own Sammanställning sheet last, and the
 * record of the units it was made from (sourcesMarker.ts).
 */
import type { Consolidation } from "../../core/consolidate/consolidate";
import { summarySheet } from "../../core/consolidate/summarySheet";
import { layoutSheet } from "../../core/layout/layout";
import { LATEST_TEMPLATE } from "../../core/template/registry";
import { renderSheetGrid } from "../render/renderSheetGrid";
import { buildWorkbook } from "../template/buildWorkbook";
import { workbookBytes } from "../template/workbookBytes";
import { sourcesPart } from "./sourcesMarker";

export async function consolidatedWorkbookBytes(consolidation: Consolidation): Promise<Uint8Array> {
  const workbook = buildWorkbook(LATEST_TEMPLATE, consolidation.content);
  renderSheetGrid(workbook, layoutSheet(summarySheet(consolidation)));
  return workbookBytes(workbook, sourcesPart(consolidation.sources));
}
