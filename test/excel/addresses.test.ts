import { parseCell, quoteSheet, rangeAddress, topLeftOf } from "../../src/excel/addresses";
import { toExcelInput, toSnapshotValue } from "../../src/excel/cellValues";

describe("addresses", () => {
  it("reads the top-left cell of the addresses Excel returns", () => {
    expect(topLeftOf("Åtgärder!B3:I40")).toEqual({ row: 3, column: 2 });
    expect(topLeftOf("'Min flik!'!AB12")).toEqual({ row: 12, column: 28 });
    expect(parseCell("$C$7")).toEqual({ row: 7, column: 3 });
  });

  it("writes ranges and quoted sheet names", () => {
    expect(rangeAddress(2, 1, 2, 1)).toBe("A2");
    expect(rangeAddress(2, 1, 10, 27)).toBe("A2:AA10");
    expect(quoteSheet("Bob's blad")).toBe("'Bob''s blad'");
  });
});

describe("cell values", () => {
  it("maps Office.js values and value types to Snapshot values", () => {
    expect(toSnapshotValue("", "Empty")).toBeNull();
    expect(toSnapshotValue("#DIV/0!", "Error")).toEqual({ error: "#DIV/0!" });
    expect(toSnapshotValue(45535, "Double")).toBe(45535);
    expect(toSnapshotValue(true, "Boolean")).toBe(true);
    expect(toSnapshotValue("Pågående", "String")).toBe("Pågående");
  });

  it("protects text from Excel's input parsing and leaves numbers and blanks alone", () => {
    expect(toExcelInput("=1+1")).toBe("'=1+1");
    expect(toExcelInput("Hemtjänst")).toBe("'Hemtjänst");
    expect(toExcelInput(-51.2)).toBe(-51.2);
    expect(toExcelInput(null)).toBe("");
    expect(toExcelInput("")).toBe("");
  });
});
