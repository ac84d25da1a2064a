/**
 * The formula references Ny period rewrites when rows move (src/xlsx/cycle/formulaReferences.ts,
 * formulaCells.ts): shared formulas expanded as Excel derives them, references following moved
 * rows, and text that only looks like a reference left alone.
 */
import {
  expandSharedFormulas,
  relocatedFormula,
  type SheetMoves,
} from "../../src/xlsx/cycle/formulaCells";
import { mapReferences, shiftedFormula } from "../../src/xlsx/cycle/formulaReferences";
import { readSheetData, writeSheetData } from "../../src/xlsx/cycle/sheetData";

describe("shiftedFormula", () => {
  it("moves relative parts and keeps $ parts, as Excel fills a formula", () => {
    expect(shiftedFormula("H4-G4", 2, 0)).toBe("H6-G6");
    expect(shiftedFormula("SUM($C$4:C4)*B$1", 1, 1)).toBe("SUM($C$4:D5)*C$1");
    expect(shiftedFormula("'Min flik'!A1+Blad2!B2:C3", 1, 0)).toBe("'Min flik'!A2+Blad2!B3:C4");
    expect(shiftedFormula("A1", -1, 0)).toBe("#REF!");
  });

  it("leaves strings, structured references, function names and names alone", () => {
    const formula = 'IF(A4="B4",LOG10(tblX[[#This Row],[Q1]]),x1A1)';
    expect(shiftedFormula(formula, 3, 0)).toBe('IF(A7="B4",LOG10(tblX[[#This Row],[Q1]]),x1A1)');
  });
});

describe("relocatedFormula", () => {
  const moves: SheetMoves = {
    moves: new Map([
      [6, null],
      [7, 6],
      [8, 7],
      [9, null],
    ]),
    lastOutputRow: 7,
    left: 1,
    right: 10,
  };
  const bySheet = new Map([["Åtgärder", moves]]);

  it("follows moved rows on their sheet, from any sheet, ranges too", () => {
    const stale: number[] = [];
    const relocate = (formula: string, sheet: string) =>
      relocatedFormula(formula, sheet, bySheet, (ref) => stale.push(ref.row));
    expect(relocate("Åtgärder!J8&J8", "Analys")).toBe("Åtgärder!J7&J8");
    // Column K is outside the table: its cells stay where they are.
    expect(relocate("Åtgärder!K8", "Analys")).toBe("Åtgärder!K8");
    expect(relocate("SUM(C4:C8)", "Åtgärder")).toBe("SUM(C4:C7)");
    expect(relocate("'Åtgärder'!A7:B8", "Analys")).toBe("'Åtgärder'!A6:B7");
    expect(stale).toEqual([]);
  });

  it("reports a reference to a dropped row that another row now fills, not one left empty", () => {
    const stale: number[] = [];
    expect(
      relocatedFormula("Åtgärder!J6+Åtgärder!J9", "Analys", bySheet, (ref) => stale.push(ref.row))
    ).toBe("Åtgärder!J6+Åtgärder!J9");
    expect(stale).toEqual([6]);
  });

  it("gives every reference to the callback once, with its sheet", () => {
    const seen: string[] = [];
    mapReferences("Blad2!A1:B2+C3", (ref) => {
      seen.push(`${ref.sheet ?? "-"} ${ref.column},${ref.row}`);
      return "X";
    });
    expect(seen).toEqual(["Blad2! 1,1", "Blad2! 2,2", "- 3,3"].map((s) => s.replace("! ", " ")));
  });
});

describe("expandSharedFormulas", () => {
  it("writes each cell of a shared formula with its own formula, cached values kept", () => {
    const xml =
      '<worksheet><sheetData><row r="4"><c r="N4"><f t="shared" ref="N4:N6" si="0">H4*2</f><v>2</v></c></row>' +
      '<row r="5"><c r="N5"><f t="shared" si="0"/><v>4</v></c></row>' +
      '<row r="6"><c r="N6" s="3"><f t="shared" si="0"></f></c></row></sheetData></worksheet>';
    const data = readSheetData(xml)!;
    expandSharedFormulas(data);
    expect(writeSheetData(data)).toBe(
      '<worksheet><sheetData><row r="4"><c r="N4"><f>H4*2</f><v>2</v></c></row>' +
        '<row r="5"><c r="N5"><f>H5*2</f><v>4</v></c></row>' +
        '<row r="6"><c r="N6" s="3"><f>H6*2</f></c></row></sheetData></worksheet>'
    );
  });
});
