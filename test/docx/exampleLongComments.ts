/**
 * The example year's T2 as a unit writes it when the comments run long: every åtgärd's "Kommentar
 * vid senaste uppföljning" and every kontroll's Kommentar a paragraph of several sentences with a
 * web address in it. A real workbook, written and read back. In Word the comment columns must not
 * take the width Åtgärd and Kontroll need.
 */
import type { Snapshot } from "../../src/core/snapshot";
import type { WorkbookContent } from "../../src/core/template/content";
import { parseModel } from "../../src/core/parse/parseModel";
import { contentOf } from "../../src/core/template/content";
import { TEMPLATES } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";
import { EXAMPLE_T2 } from "./exampleInUnit";

export const WEB_ADDRESS =
  "https://www.kommunen.se/namnder/socialnamnden/protokoll/2024-06-12/atgardsplan-ekonomi-i-balans";

export const LONG_COMMENT =
  "Arbetet har pågått enligt plan under perioden men bemanningen har varit ansträngd under " +
  "sommaren, vilket försenat uppföljningen av delmål två. Förvaltningen har tagit fram ett " +
  "förslag till reviderad tidplan som behandlas av nämnden i oktober; underlaget finns på " +
  `${WEB_ADDRESS} tillsammans med konsekvensbeskrivningen och riskanalysen för verksamheten.`;

export async function exampleWithLongComments(): Promise<Snapshot> {
  const model = parseModel(await readSnapshotFromFile(EXAMPLE_T2));
  const content = contentOf(model);
  const withComment = (rows: readonly object[] | undefined) =>
    (rows ?? []).map((row) => ({ ...row, comment: LONG_COMMENT }));
  const tables = {
    ...content.tables,
    actions: withComment(content.tables?.actions),
    controls: withComment(content.tables?.controls),
  };
  const template = TEMPLATES.find((t) => t.version === model.template.version)!;
  const workbook = buildWorkbook(template, { ...content, tables } as WorkbookContent);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return readSnapshotFromBuffer(bytes, "exempel-2024-T2-langa-kommentarer.xlsx");
}
