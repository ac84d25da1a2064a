/**
 * Model → content → new workbook: the path roll-forward and consolidation take. The example read
 * back and written again from its own Model holds the same tables and values.
 */
import { parseModel } from "../../src/core/parse/parseModel";
import { contentOf } from "../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { TEMPLATE_V1 } from "../../src/core/template/v1";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { EXAMPLE_2024_T2 } from "../../scripts/data/exempel-2024-T2";

const read = async (bytes: Uint8Array) => readSnapshotFromBuffer(bytes, "exempel-2024-T2.xlsx");

it("writes a workbook from a Model's content that reads as the original", async () => {
  // The example is a version-1 workbook (scripts/build-example.ts).
  const original = await read(await workbookBytes(buildWorkbook(TEMPLATE_V1, EXAMPLE_2024_T2)));
  const model = parseModel(original);
  const content = contentOf(model);
  expect(content.version).toBe(1);
  expect(content.tables?.risks).toHaveLength(model.risks.length);

  const rewritten = await read(await workbookBytes(buildWorkbook(model.template, content)));
  expect(rewritten).toEqual(original);
  expect(parseModel(rewritten).settings.values).toEqual(model.settings.values);
});

it("refuses content read from another template version", () => {
  expect(() => buildWorkbook(LATEST_TEMPLATE, { version: 99 })).toThrow(
    `Innehållet är läst enligt mallversion 99, inte ${LATEST_TEMPLATE.version}.`
  );
});
