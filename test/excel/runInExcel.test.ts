import type { XlContext } from "../../src/excel/excelApi";
import { runInExcel } from "../../src/excel/runInExcel";

describe("runInExcel", () => {
  it("asks Excel to wait until the user leaves cell-edit mode instead of failing", async () => {
    const context = { sync: async () => undefined } as unknown as XlContext;
    const run = jest.fn((_options: Excel.RunOptions, batch: (c: XlContext) => Promise<unknown>) =>
      batch(context)
    );
    (globalThis as unknown as { Excel: { run: typeof run } }).Excel = { run };
    try {
      await expect(runInExcel(async () => "klart")).resolves.toBe("klart");
      expect(run).toHaveBeenCalledTimes(1);
      expect(run.mock.calls[0][0]).toEqual({ delayForCellEdit: true });
    } finally {
      delete (globalThis as { Excel?: unknown }).Excel;
    }
  });
});
