import { rectanglesOf } from "../../src/excel/report/rectangles";

const key = (cell: unknown) => (cell === null ? null : String(cell));

describe("rectanglesOf", () => {
  it("joins equal runs across rows into rectangles and leaves gaps out", () => {
    const grid = [
      ["a", "a", "b", null],
      ["a", "a", "c", null],
      ["a", "a", "b", "b"],
      [null, "a", "a", "a"],
    ];
    expect(rectanglesOf(grid, 5, key)).toEqual([
      { key: "a", top: 5, left: 1, bottom: 7, right: 2 },
      { key: "b", top: 5, left: 3, bottom: 5, right: 3 },
      { key: "c", top: 6, left: 3, bottom: 6, right: 3 },
      { key: "b", top: 7, left: 3, bottom: 7, right: 4 },
      { key: "a", top: 8, left: 2, bottom: 8, right: 4 },
    ]);
  });

  it("covers every keyed cell exactly once", () => {
    const keys = ["x", "y", null];
    const grid = Array.from({ length: 30 }, (_, r) =>
      Array.from({ length: 7 }, (_, c) => keys[(r * 7 + c * c + Math.floor(r / 3)) % 3])
    );
    const covered = new Map<string, string>();
    for (const rect of rectanglesOf(grid, 1, key)) {
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) {
          expect(covered.has(`${r},${c}`)).toBe(false);
          covered.set(`${r},${c}`, rect.key);
        }
    }
    grid.forEach((row, r) =>
      row.forEach((k, c) => expect(covered.get(`${r + 1},${c + 1}`)).toBe(k ?? undefined))
    );
  });
});
