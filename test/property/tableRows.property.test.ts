/**
 * For any table, any choice of rows the roll carries (in order, some dropped) and any values it
 * writes, Ny period's row rewrite (src/xlsx/cycle/tableRows.ts) puts content row i in output row
 * i: own-column cells move with their row untouched, kept cells are copied whole, changed ones hold
 * the new value, rows left over are emptied, cells outside the table stay where they were, and
 * every own-column value of a dropped row is reported.
 */
import fc from "fast-check";
import type { CellValue, SnapshotTable } from "../../src/core/snapshot";
import type { TableDef } from "../../src/core/template/definition";
import { DateStyles } from "../../src/xlsx/cycle/dateStyles";
import type { PackageTable } from "../../src/xlsx/cycle/packageParts";
import type { SheetCell, SheetData } from "../../src/xlsx/cycle/sheetData";
import { rewriteTableRows, valueCell } from "../../src/xlsx/cycle/tableRows";

const DEF = {
  key: "actions",
  name: "tblTest",
  sheet: "Test",
  title: "Test",
  instructions: "",
  columns: [
    { key: "id", header: "ID", kind: "text", required: true, width: 10, help: "" },
    { key: "amount", header: "Belopp", kind: "amount", required: false, width: 10, help: "" },
  ],
} as const satisfies TableDef;
const HEADERS = ["ID", "Belopp", "Egen"];
const [ID, AMOUNT, OWN, OUTSIDE] = [1, 2, 3, 5];
const TOP = 3;

interface InputRow {
  readonly id: string;
  readonly amount: number | null;
  readonly own: string | null;
  readonly outside: string | null;
}

const inputRow: fc.Arbitrary<InputRow> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  amount: fc.option(fc.integer({ min: -99, max: 99 })),
  own: fc.option(fc.string({ maxLength: 4 })),
  outside: fc.option(fc.string({ minLength: 1, maxLength: 4 })),
});

const text = (value: string): SheetCell => ({
  attributes: ' s="4" t="inlineStr"',
  content: `<is><t>${value.replace(/[<&]/g, "_")}</t></is>`,
});

const scenario = fc.array(inputRow, { minLength: 1, maxLength: 10 }).chain((rows) =>
  fc.record({
    rows: fc.constant(rows),
    carried: fc.subarray(rows.map((_, i) => TOP + 1 + i)),
    newAmounts: fc.array(fc.option(fc.integer({ min: -99, max: 99 })), {
      minLength: rows.length,
      maxLength: rows.length,
    }),
    keepAmount: fc.array(fc.boolean(), { minLength: rows.length, maxLength: rows.length }),
  })
);

it("moves each carried row whole and reports what the dropped rows held", () => {
  fc.assert(
    fc.property(scenario, ({ rows, carried, newAmounts, keepAmount }) => {
      const data: SheetData = { head: "", tail: "", rows: new Map() };
      rows.forEach((row, i) => {
        const cells = new Map<number, SheetCell>([[ID, text(row.id)]]);
        if (row.amount !== null)
          cells.set(AMOUNT, { attributes: ' s="7"', content: `<v>${row.amount}</v>` });
        if (row.own !== null) cells.set(OWN, text(row.own));
        if (row.outside !== null) cells.set(OUTSIDE, text(row.outside));
        data.rows.set(TOP + 1 + i, { attributes: ' ht="20"', cells });
      });
      const original = new Map([...data.rows].map(([r, row]) => [r, new Map(row.cells)]));
      const snapshot: SnapshotTable = {
        name: DEF.name,
        sheet: DEF.sheet,
        headerRow: TOP,
        firstColumn: 1,
        headers: HEADERS,
        rows: rows.map((row): CellValue[] => [row.id, row.amount, row.own]),
      };
      const table: PackageTable = {
        name: DEF.name,
        part: "xl/tables/table1.xml",
        range: { top: TOP, left: 1, bottom: TOP + rows.length, right: OWN },
        totalsRow: false,
      };
      const content = carried.map((source, i) => {
        const row = rows[source - TOP - 1];
        return { id: row.id, amount: keepAmount[i] ? row.amount : newAmounts[i] };
      });
      const dates = new DateStyles('<cellXfs count="1"><xf numFmtId="0"/></cellXfs>');

      const result = rewriteTableRows(
        data,
        table,
        snapshot,
        DEF,
        content,
        carried,
        () => true,
        dates
      );

      carried.forEach((source, i) => {
        const out = data.rows.get(TOP + 1 + i)!.cells;
        const before = original.get(source)!;
        expect(out.get(ID)).toBe(before.get(ID));
        expect(out.get(OWN)).toBe(before.get(OWN));
        const amount = content[i].amount;
        if (amount === (rows[source - TOP - 1].amount ?? null) && before.has(AMOUNT)) {
          expect(out.get(AMOUNT)).toBe(before.get(AMOUNT));
        } else {
          expect(out.get(AMOUNT)?.content).toBe(valueCell(amount, 0, dates).content);
        }
      });
      for (let r = TOP + 1 + carried.length; r <= TOP + rows.length; r++) {
        for (const c of [ID, AMOUNT, OWN])
          expect(data.rows.get(r)?.cells.get(c)?.content ?? "").toBe("");
      }
      rows.forEach((_, i) => {
        const r = TOP + 1 + i;
        expect(data.rows.get(r)?.cells.get(OUTSIDE)).toBe(original.get(r)!.get(OUTSIDE));
      });
      const dropped = rows.map((_, i) => TOP + 1 + i).filter((r) => !carried.includes(r));
      expect(result.lostCells).toEqual(
        dropped.filter((r) => rows[r - TOP - 1].own !== null).map((row) => ({ row, column: OWN }))
      );
      for (const [from, to] of result.moves) {
        expect(to === null ? dropped.includes(from) : carried.indexOf(from) === to - TOP - 1).toBe(
          true
        );
        expect(to).not.toBe(from);
      }
    }),
    { numRuns: 300 }
  );
});
