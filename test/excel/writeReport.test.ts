import type { GridCell, Merge, SheetGrid } from "../../src/core/layout/sheetGrid";
import type { StyleName } from "../../src/core/layout/styles";
import { STYLES } from "../../src/core/layout/styles";
import { createOfficeHost } from "../../src/excel/officeHost";
import { toCellFormat } from "../../src/excel/report/cellFormat";
import { REQUEST_BUDGET_BYTES, widthInPoints } from "../../src/excel/report/writePlan";
import { HostError } from "../../src/app/appHost";
import { analyse, generateReport } from "../../src/core/pipeline";
import type { Snapshot } from "../../src/core/snapshot";
import { makeSnapshot } from "../helpers/snapshot";
import { FakeExcel } from "./fake/fakeExcel";
import { SheetState, WorkbookState } from "./fake/workbookState";

const AMOUNT = '#,##0.0;"\u2212"#,##0.0;0.0';

const cell = (
  value: GridCell["value"],
  style: StyleName,
  extra: Partial<GridCell> = {}
): GridCell => ({
  value,
  style,
  ...extra,
});

/** A report sheet with a title, a table whose text looks like formulas, numbers and dates, and a link. */
function economyGrid(dataRows = 3, name = "Rapport Ekonomi"): SheetGrid {
  const tricky = ["=SUMMA(A1:A3)", "-2 %", "2024-08-31", "SANT", "+46 8 123", "@kommun", "'citat"];
  const statuses: StyleName[] = ["status.pagaende", "status.avslutad", "status.ej-paborjad"];
  const rows: (GridCell | null)[][] = [
    [cell("Ekonomi T2 2024", "title"), null, null, null, null],
    [null, null, null, null, null],
    [
      cell("Post", "table.header"),
      cell("Prognos", "table.header.number"),
      cell("Status", "table.header"),
      cell("Kommentar", "table.header"),
      cell(null, "table.header"),
    ],
  ];
  // Each comment spans two columns, as the risk report's comments do: a merge on every row.
  const merges: Merge[] = [
    { row: 1, col: 1, rowSpan: 1, colSpan: 5 },
    { row: 3, col: 4, rowSpan: 1, colSpan: 2 },
  ];
  for (let i = 0; i < dataRows; i++) {
    rows.push([
      cell(`Post ${i + 1}`, "table.text"),
      cell(-1092.2 + i, i % 2 ? "table.number.negative" : "table.number", { numFmt: AMOUNT }),
      cell(["Pågående", "Avslutad", "Ej påbörjad"][i % 3], statuses[i % 3]),
      cell(tricky[i % tricky.length], "table.text"),
      cell(null, "table.text"),
    ]);
    merges.push({ row: rows.length, col: 4, rowSpan: 1, colSpan: 2 });
  }
  rows.push([
    cell("Summa", "table.sum.text"),
    cell(-3000.5, "table.sum.number.negative", { numFmt: AMOUNT }),
    null,
    cell("Se Åtgärder!D7", "link", { link: { sheet: "Åtgärder", cell: "D7" } }),
    null,
  ]);
  // A risk matrix: a block of cells that each carry all four borders.
  for (const likelihood of [2, 1]) {
    rows.push([
      cell(`Sannolikhet ${likelihood}`, "matrix.axis"),
      cell(null, "matrix.low"),
      cell("R1", "matrix.low"),
      cell(null, "matrix.medium"),
      null,
    ]);
  }
  return {
    name,
    columnWidths: [30, 13, 14, 40, 10],
    rows,
    rowHeights: rows.map((_, r) => (r === 0 ? 21 : r === 1 ? undefined : 13.5)),
    merges,
    print: {
      orientation: "landscape",
      paperSize: "A4",
      scale: 85,
      margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7, header: 0.3, footer: 0.3 },
      repeatRows: { first: 3, last: 3 },
      breaksBefore: rows.length > 30 ? [20, 30] : [],
      footer: "&CSida &P (&N)",
      header: "&C&BUTKAST&B",
    },
    font: { name: "Arial", size: 10 },
  };
}

function setup(extraSheets: readonly string[] = []) {
  const snapshot = makeSnapshot();
  const state = WorkbookState.fromSnapshot({
    ...snapshot,
    sheetNames: [...snapshot.sheetNames, ...extraSheets],
  });
  const excel = new FakeExcel(state);
  return { excel, state, host: createOfficeHost({ run: excel.run, isSetSupported: () => true }) };
}

function valueOf(sheet: SheetState, row: number, column: number) {
  return sheet.cell(row, column)?.value ?? "";
}

describe("Office.js host: writeReport", () => {
  it("writes every value as the grid has it: text stays text, numbers stay numbers", async () => {
    const { host, state } = setup();
    const grid = economyGrid(7);
    await host.writeSheets([grid]);
    const sheet = state.sheet("Rapport Ekonomi")!;
    grid.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        const written = sheet.cell(r + 1, col + 1);
        if (c === null || c.value === null) return expect(written?.type ?? "Empty").toBe("Empty");
        expect(written?.formula).toBeUndefined();
        expect(written?.value).toBe(c.value);
        expect(written?.type).toBe(typeof c.value === "number" ? "Double" : "String");
      })
    );
    expect(valueOf(sheet, 4, 4)).toBe("=SUMMA(A1:A3)");
    expect(valueOf(sheet, 10, 4)).toBe("'citat");
  });

  it("applies number formats, the named styles, sizes, merges, links and print setup", async () => {
    const { host, state } = setup();
    const grid = economyGrid(40);
    await host.writeSheets([grid]);
    const sheet = state.sheet("Rapport Ekonomi")!;
    const expectedLines = borderLines(grid);

    grid.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c === null) return;
        const written = sheet.cell(r + 1, col + 1)!;
        expect(written.numberFormat).toBe(c.numFmt ?? "General");
        const expected = toCellFormat(STYLES[c.style]);
        expect(written.format.font).toMatchObject(expected.font ?? {});
        expect(written.format.fill).toEqual(expected.fill ?? {});
        expect(lineStyles(written.format.borders)).toEqual(
          expectedLines.get(`${r + 1},${col + 1}`) ?? {}
        );
        expect(written.format.wrapText).toBe(expected.wrapText);
        expect(written.format.horizontalAlignment).toBe(expected.horizontalAlignment);
        expect(written.format.verticalAlignment).toBe(expected.verticalAlignment);
      })
    );
    expect(sheet.cell(5, 3)!.format.fill.color).toBe("#C6EFCE"); // status.avslutad
    expect([...sheet.merges].sort()).toEqual(
      grid.merges.map((m) => (m.col === 1 ? "A1:E1" : `D${m.row}:E${m.row}`)).sort()
    );
    expect([1, 2, 3, 4, 5].map((c) => sheet.columnWidths.get(c))).toEqual(
      [30, 13, 14, 40, 10].map(widthInPoints)
    );
    expect(sheet.columnFonts.get(1)).toEqual({ name: "Arial", size: 10 });
    expect(sheet.rowHeights.get(1)).toBe(21);
    expect(sheet.rowHeights.has(2)).toBe(false);
    expect(sheet.rowHeights.get(44)).toBe(13.5);
    expect(sheet.cell(44, 4)!.hyperlink).toEqual({
      documentReference: "'Åtgärder'!D7",
      textToDisplay: "Se Åtgärder!D7",
    });
    expect(sheet.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: 85 },
      margins: {
        topMargin: 54,
        bottomMargin: 54,
        leftMargin: 50.4,
        rightMargin: 50.4,
        headerMargin: 21.6,
        footerMargin: 21.6,
      },
      printTitleRows: "$3:$3",
      // A draft's UTKAST on every page.
      header: { leftHeader: "", centerHeader: "&BUTKAST&B", rightHeader: "" },
      footer: { leftFooter: "", centerFooter: "Sida &P (&N)", rightFooter: "" },
    });
    expect(sheet.rowBreaks).toEqual([20, 30]);
  });

  it("replaces only the product's own sheets, by exact name, and leaves every other sheet as it was", async () => {
    const users = ["Rapportering", "Rapport T1 (egen)", "Mina anteckningar"];
    const { host, state } = setup(["Rapport Ekonomi", "Kontrollresultat", ...users]);
    state.sheet("Mina anteckningar")!.touch(2, 2).value = "min text";
    state.sheet("Rapportering")!.touch(1, 1).value = "min rapport";
    state.sheet("Rapport Ekonomi")!.touch(1, 1).value = "förra rapporten";
    const usersOf = () =>
      JSON.stringify(state.sheets.filter((s) => users.includes(s.name)).map(dump));
    const before = usersOf();

    await host.writeSheets([economyGrid(3), economyGrid(2, "Kontrollresultat")]);

    const names = state.sheets.map((s) => s.name);
    expect(names.slice(-2)).toEqual(["Rapport Ekonomi", "Kontrollresultat"]);
    expect(valueOf(state.sheet("Rapport Ekonomi")!, 1, 1)).toBe("Ekonomi T2 2024");
    expect(usersOf()).toBe(before);
    expect(names).toEqual(expect.arrayContaining(users));
    expect(state.tables).toHaveLength(makeSnapshot().tables.length);
  });

  it("gives the same workbook when run twice", async () => {
    const { host, state } = setup();
    await host.writeSheets([economyGrid(5)]);
    const first = JSON.stringify(state.sheets.map(dump));
    await host.writeSheets([economyGrid(5)]);
    expect(JSON.stringify(state.sheets.map(dump))).toBe(first);
  });

  it("refuses, in Swedish and before changing anything, a user sheet whose name differs only in case", async () => {
    const { host, state, excel } = setup(["rapport ekonomi"]);
    await expect(host.writeSheets([economyGrid()])).rejects.toThrow(HostError);
    await expect(host.writeSheets([economyGrid()])).rejects.toThrow(/Byt namn på ditt blad/);
    expect(state.sheet("rapport ekonomi")!.name).toBe("rapport ekonomi");
    expect(excel.syncs.every((s) => s.actions.every((a) => a.action === "load"))).toBe(true);
  });

  it("after a read, replaces the report in one round trip with calculation and screen updating suspended", async () => {
    const listed = setup(["Rapport Riskbild", "Mina anteckningar"]);
    await listed.host.writeSheets([economyGrid(3), economyGrid(2, "Kontrollresultat")]);

    const { host, state, excel } = setup(["Rapport Riskbild", "Mina anteckningar"]);
    await host.readSnapshot();
    excel.resetRecording();
    await host.writeSheets([economyGrid(3), economyGrid(2, "Kontrollresultat")]);

    expect(excel.syncs).toHaveLength(1);
    const actions = excel.syncs[0].actions;
    expect(actions.slice(0, 2).map((a) => a.action)).toEqual([
      "suspendApiCalculationUntilNextSync",
      "suspendScreenUpdatingUntilNextSync",
    ]);
    for (const action of [
      "delete",
      "add",
      "set values",
      "set numberFormat",
      "merge",
      "setPrintTitleRows",
    ]) {
      expect(actions.map((a) => a.action)).toContain(action);
    }
    // The same workbook as when the write lists the sheets itself.
    expect(JSON.stringify(state.sheets.map(dump))).toBe(
      JSON.stringify(listed.state.sheets.map(dump))
    );
  });

  it("lists the sheets again for a second write without a new read", async () => {
    const { host, state, excel } = setup();
    await host.readSnapshot();
    await host.writeSheets([economyGrid(3)]);
    excel.resetRecording();
    await host.writeSheets([economyGrid(4)]);
    expect(excel.syncs).toHaveLength(2);
    expect(state.sheets.filter((s) => s.name === "Rapport Ekonomi")).toHaveLength(1);
    expect(valueOf(state.sheet("Rapport Ekonomi")!, 7, 1)).toBe("Post 4");
  });

  it("stops before touching a user sheet that appeared between the read and the write", async () => {
    const { host, state } = setup(["Rapport Riskbild"]);
    await host.readSnapshot();
    const mine = new SheetState("rapport ekonomi");
    mine.touch(1, 1).value = "min text";
    state.sheets.push(mine);
    const before = JSON.stringify(dump(mine));

    await expect(host.writeSheets([economyGrid()])).rejects.toThrow(/Byt namn på ditt blad/);
    expect(JSON.stringify(dump(state.sheet("rapport ekonomi")!))).toBe(before);
    expect(state.sheet("Rapport Ekonomi")).toBe(mine);
  });

  it("will not write a sheet that is not the product's", async () => {
    const { host } = setup();
    await expect(host.writeSheets([economyGrid(1, "Åtgärder")])).rejects.toThrow(
      /not a report sheet/
    );
  });

  it("writes 10,000 rows in as many round trips as 100, each request within budget", async () => {
    const measure = async (rows: number) => {
      const { host, excel } = setup(["Rapport Ekonomi"]);
      await host.writeSheets([economyGrid(rows)]);
      return excel;
    };
    const small = await measure(100);
    const large = await measure(10_000);
    expect(large.syncs.length).toBe(small.syncs.length);
    expect(large.largestRequestBytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    expect(large.largestRequestBytes).toBeGreaterThan(1_000_000); // the 10,000 rows did go in one request
    for (const excel of [small, large]) {
      const writes = excel.syncs.slice(1);
      for (const sync of writes) {
        expect(sync.actions.slice(0, 2).map((a) => a.action)).toEqual([
          "suspendApiCalculationUntilNextSync",
          "suspendScreenUpdatingUntilNextSync",
        ]);
      }
    }
  });
});

type Side = "top" | "bottom" | "left" | "right";
type Lines = Partial<Record<Side, string>>;

/**
 * The lines around each cell when every cell carries its style's borders: Excel draws one line
 * between two cells, so a cell's bottom border is also the top border of the cell below.
 */
function borderLines(grid: SheetGrid): Map<string, Lines> {
  const lines = new Map<string, Lines>();
  const set = (row: number, col: number, side: Side, style: string) => {
    lines.set(`${row},${col}`, { ...lines.get(`${row},${col}`), [side]: style });
  };
  const opposite = {
    top: [-1, 0, "bottom"],
    bottom: [1, 0, "top"],
    left: [0, -1, "right"],
    right: [0, 1, "left"],
  } as const;
  grid.rows.forEach((cells, r) =>
    cells.forEach((c, col) => {
      const border = c ? STYLES[c.style].border : undefined;
      if (!border) return;
      const sides: [Side, string][] = [];
      if (border.top) sides.push(["top", "Continuous"]);
      if (border.bottom) sides.push(["bottom", "Continuous"]);
      if (border.doubleBottom) sides.push(["bottom", "Double"]);
      if (border.left) sides.push(["left", "Continuous"]);
      if (border.right) sides.push(["right", "Continuous"]);
      for (const [side, style] of sides) {
        set(r + 1, col + 1, side, style);
        const [dr, dc, other] = opposite[side];
        if (r + 1 + dr >= 1 && col + 1 + dc >= 1) set(r + 1 + dr, col + 1 + dc, other, style);
      }
    })
  );
  return lines;
}

function lineStyles(borders: Excel.CellBorderCollection): Lines {
  const lines: Lines = {};
  for (const side of ["top", "bottom", "left", "right"] as const) {
    const style = borders[side]?.style;
    if (style) lines[side] = style;
  }
  return lines;
}

/** Everything the fake holds about a sheet, for before/after comparisons. */
function dump(sheet: SheetState) {
  return {
    name: sheet.name,
    cells: [...sheet.cells],
    merges: sheet.merges,
    widths: [...sheet.columnWidths],
    fonts: [...sheet.columnFonts],
    heights: [...sheet.rowHeights],
    pageLayout: sheet.pageLayout,
  };
}

describe("Office.js host: a report that no longer has Rapport Verksamhet", () => {
  const withGoals = makeSnapshot({
    reportText: [{ Avsnitt: "Sammanfattning", Text: "Nämndens text." }],
    goals: [{ "Mål-ID": "M1", Mål: "Minskad sjukfrånvaro", Målnivå: "Nämnd" }],
  });
  const reportOf = (snapshot: Snapshot) => generateReport(analyse(snapshot)).doc;

  it.each([
    ["after a read (the sheets it saw)", true],
    ["listing the sheets itself", false],
  ])("removes the earlier run's sheet, %s", async (_, read) => {
    const state = WorkbookState.fromSnapshot(withGoals);
    const excel = new FakeExcel(state);
    const host = createOfficeHost({ run: excel.run, isSetSupported: () => true });
    await host.writeReport(reportOf(withGoals));
    expect(state.sheets.map((s) => s.name)).toContain("Rapport Verksamhet");

    // The ekonom has removed every text and mål (or it is a v1/v2 workbook): no such sheet now.
    const without = reportOf(makeSnapshot());
    expect(without.sheets.map((s) => s.name)).not.toContain("Rapport Verksamhet");
    if (read) await host.readSnapshot();
    await host.writeReport(without);
    const names = state.sheets.map((s) => s.name);
    expect(names).not.toContain("Rapport Verksamhet");
    expect(names.slice(-4)).toEqual(without.sheets.map((s) => s.name));
  });
});
