import { mergeBomb, manyRowsWorkbook, zipBomb } from "../test/xlsx/hostileWorkbooks";
import { readSnapshotFromBuffer } from "../src/xlsx/read/readSnapshot";
import { analyse } from "../src/core/pipeline";
(async () => {
  const which = process.argv[2];
  const t0 = performance.now();
  const bytes = which === "merge" ? await mergeBomb(process.argv[3]) : which === "rows" ? await manyRowsWorkbook(Number(process.argv[3])) : await zipBomb(Number(process.argv[3]), { declaredSize: process.argv[4] ? Number(process.argv[4]) : undefined, part: process.argv[5] });
  const t1 = performance.now();
  console.log("built", bytes.length, Math.round(t1 - t0), "ms");
  try {
    const s = await readSnapshotFromBuffer(bytes, "bomb.xlsx");
    const r = analyse(s);
    console.log("read", s.tables.map(t => `${t.name}:${t.rows.length}`).join(" "), r.findings.length, "findings");
  } catch (e) { console.log("refused", (e as Error).constructor.name, (e as Error).message); }
  console.log("read ms", Math.round(performance.now() - t1), "maxRSS MB", Math.round(process.resourceUsage().maxRSS / 1024));
})();
