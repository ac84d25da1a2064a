/**
 * The example year's T2 as an ekonom pastes it from the ledger in another unit: every amount (table
 * cells, Historik's amounts of closed periods, the materiality amount) multiplied to tkr or kr and
 * the Enhet set to match. A real workbook, written and read back: the Word report's tables get
 * figures like "1 092 400" instead of "1 092,4".
 */
import path from "node:path";
import type { Snapshot } from "../../src/core/snapshot";
import type { WorkbookContent } from "../../src/core/template/content";
import { parseModel } from "../../src/core/parse/parseModel";
import { contentOf } from "../../src/core/template/content";
import { TEMPLATES } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { readSnapshotFromFile } from "../../src/xlsx/read/readSnapshotFromFile";

export const EXAMPLE_T2 = path.join(
  __dirname,
  "..",
  "..",
  "templates",
  "exempel-2024-ar",
  "T2.xlsx"
);

const FACTOR = { tkr: 1_000, kr: 1_000_000 } as const;

/** The example year's T2 with its amounts in `unit` (from mnkr), as a read Snapshot. */
export async function exampleInUnit(unit: keyof typeof FACTOR): Promise<Snapshot> {
  const model = parseModel(await readSnapshotFromFile(EXAMPLE_T2));
  const content = contentOf(model);
  const factor = FACTOR[unit];
  const scale = (value: unknown) => (typeof value === "number" ? value * factor : value);
  const amountHeaders = new Set<string>();
  const tables: Record<string, unknown[]> = {};
  for (const def of model.template.tableList) {
    const amounts = def.columns.filter((c) => c.kind === "amount").map((c) => c.key);
    for (const c of def.columns) if (c.kind === "amount") amountHeaders.add(c.header);
    const rows = content.tables?.[def.key as keyof NonNullable<WorkbookContent["tables"]>] ?? [];
    tables[def.key] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          amounts.includes(key) ? scale(value) : value,
        ])
      )
    );
  }
  // Historik keeps each closed period's amounts by their column's header.
  tables.history = (tables.history ?? []).map((row) => {
    const r = row as Record<string, unknown>;
    return amountHeaders.has(String(r.column)) ? { ...r, value: scale(r.value) } : r;
  });
  const settings = {
    ...content.settings,
    unit,
    materialAmount: scale(content.settings?.materialAmount ?? null),
  };
  const template = TEMPLATES.find((t) => t.version === model.template.version)!;
  const workbook = buildWorkbook(template, {
    ...content,
    settings,
    tables,
  } as WorkbookContent);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return readSnapshotFromBuffer(bytes, `exempel-2024-T2-${unit}.xlsx`);
}
