/**
 * The template as written to a file and read back with exceljs: sheets, tables, formats,
 * dropdowns, protection, and filling it with content.
 */
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnLetters, type CellValue } from "../../src/core/snapshot";
import type { RowSpec, WorkbookContent } from "../../src/core/template/content";
import { INSTRUCTIONS_SHEET, LISTS_SHEET, type TableDef } from "../../src/core/template/definition";
import { LIST_HEADERS, LISTS, type ListName } from "../../src/core/template/lists";
import { KOMMUN_BAS_ACCOUNT_MAPPING } from "../../src/core/template/kommunBas";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook, EMPTY_ROWS } from "../../src/xlsx/template/buildWorkbook";
import { sheetProtection, sheetValidations, tableModels } from "../../src/xlsx/exceljsShim";
import {
  CONTROL_SHEET,
  ECONOMY_SHEET,
  FINDINGS_SHEET,
  RISK_SHEET,
} from "../../src/core/report/productSheets";
import { readSnapshotFromBuffer } from "../../src/xlsx/read/readSnapshot";
import { calculatedColumnFormula, columnSpecifier } from "../../src/xlsx/template/computedFormula";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { VALIDATED_LAST_ROW } from "../../src/xlsx/template/validations";
import { zipDirectory } from "../../src/xlsx/zip/zipDirectory";
import { validationRanges, writeAndRead } from "./templateSummary";

const HEADER_ROW = 3;
const FIRST_DATA_ROW = HEADER_ROW + 1;
const DATA_TABLES = LATEST_TEMPLATE.tableList.filter((t) => t !== LATEST_TEMPLATE.tables.settings);

let fresh: ExcelJS.Workbook;
beforeAll(async () => {
  fresh = await writeAndRead(buildWorkbook(LATEST_TEMPLATE));
});

const sheetOf = (workbook: ExcelJS.Workbook, name: string) => {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`bladet ${name} saknas`);
  return sheet;
};

/**
 * A table's first sheet column: column A, or for a table sharing its sheet (Kontoplan) one empty
 * column after the tables before it.
 */
function firstColumnOf(def: TableDef): number {
  let column = 1;
  for (const t of LATEST_TEMPLATE.tableList) {
    if (t.name === def.name) return column;
    if (t.sheet === def.sheet) column += t.columns.length + 1;
  }
  throw new Error(`${def.name} finns inte i mallen`);
}

/** The column letter of a header in a template table. */
const letterOf = (def: TableDef, header: string) => {
  const index = def.columns.findIndex((c) => c.header === header);
  if (index === -1) throw new Error(`${def.name} har ingen kolumn ${header}`);
  return columnLetters(firstColumnOf(def) + index);
};

const SHEETS = [...new Set(LATEST_TEMPLATE.tableList.map((t) => t.sheet))];

/** Data rows of a table read back as header → value, the way a reader finds them. */
function rowsByHeader(workbook: ExcelJS.Workbook, def: TableDef): Record<string, unknown>[] {
  const sheet = sheetOf(workbook, def.sheet);
  const table = tableModels(sheet).find((t) => t.name === def.name)!;
  const [, lastRow] = /:[A-Z]+(\d+)$/.exec(table.tableRef) ?? [];
  const rows: Record<string, unknown>[] = [];
  for (let r = FIRST_DATA_ROW; r <= Number(lastRow); r++) {
    const row: Record<string, unknown> = {};
    table.columns.forEach((column, j) => {
      const value = sheet.getRow(r).getCell(firstColumnOf(def) + j).value;
      if (value !== null && value !== undefined) row[column.name] = value;
    });
    rows.push(row);
  }
  return rows;
}

describe("the fresh template", () => {
  it("has Instruktioner first, a sheet per table (Kontoplan has two), and a hidden Listor last", () => {
    expect(SHEETS.length).toBe(LATEST_TEMPLATE.tableList.length - 1);
    expect(fresh.worksheets.map((s) => [s.name, s.state])).toEqual([
      [INSTRUCTIONS_SHEET, "visible"],
      ...SHEETS.map((sheet) => [sheet, "visible"]),
      [LISTS_SHEET, "hidden"],
    ]);
  });

  it.each(LATEST_TEMPLATE.tableList.map((t) => [t.name, t] as const))(
    "holds %s with the contract's exact headers, below a title, header row frozen",
    (_name, def) => {
      const sheet = sheetOf(fresh, def.sheet);
      const tables = tableModels(sheet);
      const onSheet = LATEST_TEMPLATE.tableList.filter((t) => t.sheet === def.sheet);
      expect(tables.map((t) => t.name)).toEqual(onSheet.map((t) => t.name));
      const table = tables.find((t) => t.name === def.name)!;
      const rows =
        def === LATEST_TEMPLATE.tables.settings
          ? LATEST_TEMPLATE.settingRows.length
          : (def.initialRows?.length ?? EMPTY_ROWS);
      const first = firstColumnOf(def);
      const range = `${columnLetters(first)}${HEADER_ROW}:`;
      expect(table).toMatchObject({
        name: def.name,
        tableRef: `${range}${columnLetters(first + def.columns.length - 1)}${HEADER_ROW + rows}`,
        headerRow: true,
        totalsRow: false,
      });
      expect(table.columns.map((c) => c.name)).toEqual(def.columns.map((c) => c.header));
      def.columns.forEach((c, j) =>
        expect(sheet.getRow(HEADER_ROW).getCell(first + j).value).toBe(c.header)
      );
      expect(sheet.getCell("A1").value).toBe(def.title);
      expect(sheet.getCell(`${columnLetters(first)}2`).value).toBe(def.instructions);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
    }
  );

  it.each(LATEST_TEMPLATE.tableList.map((t) => [t.sheet, t] as const))(
    "sets widths and number formats on %s from the definition",
    (_sheet, def) => {
      const sheet = sheetOf(fresh, def.sheet);
      def.columns.forEach((c, j) => {
        const column = firstColumnOf(def) + j;
        expect(sheet.getColumn(column).width).toBe(c.width);
        expect(sheet.getRow(FIRST_DATA_ROW).getCell(column).numFmt).toBe(c.numFmt);
      });
    }
  );

  it("holds every setting with its initial value", () => {
    const sheet = sheetOf(fresh, LATEST_TEMPLATE.tables.settings.sheet);
    LATEST_TEMPLATE.settingRows.forEach((s, i) => {
      expect(sheet.getCell(`A${FIRST_DATA_ROW + i}`).value).toBe(s.label);
      expect(sheet.getCell(`B${FIRST_DATA_ROW + i}`).value).toBe(s.initial);
    });
  });

  it("writes computed columns as A1 formulas on every row, grey and italic", () => {
    const expected: Record<string, string> = {
      "Resultaträkning J": 'IF(OR(I{r}="",H{r}=""),"",H{r}-I{r})',
      "Resultaträkning K": "H{r}-G{r}",
      "Driftsredovisning J": 'IF(OR(I{r}="",H{r}=""),"",H{r}-I{r})',
      "Driftsredovisning K": "H{r}-G{r}",
      "Volymer E": "D{r}-C{r}",
      "Investeringar F": 'IF(OR(E{r}="",D{r}=""),"",D{r}-E{r})',
      "Investeringar G": "D{r}-B{r}",
      "Risker H": "F{r}*G{r}",
      "Indikatorer J":
        'IF(OR(I{r}="",G{r}="",AND(F{r}<>"Högre är bättre",F{r}<>"Lägre är bättre")),"",' +
        'IF(I{r}=G{r},"Oförändrad",IF((I{r}>G{r})=(F{r}="Högre är bättre"),"Förbättrad","Försämrad")))',
      "Indikatorer K":
        'IF(OR(I{r}="",H{r}="",AND(F{r}<>"Högre är bättre",F{r}<>"Lägre är bättre")),"",' +
        'IF(IF(F{r}="Högre är bättre",I{r}>=H{r},I{r}<=H{r}),"Ja","Nej"))',
    };
    const computed = DATA_TABLES.flatMap((def) =>
      def.columns
        .filter((c) => c.kind === "computed")
        .map((c) => [def.sheet, letterOf(def, c.header)] as const)
    );
    expect(computed.map(([sheet, letter]) => `${sheet} ${letter}`)).toEqual(Object.keys(expected));
    for (const [sheetName, letter] of computed) {
      const sheet = sheetOf(fresh, sheetName);
      for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + EMPTY_ROWS; r++) {
        const cell = sheet.getCell(`${letter}${r}`);
        const formula = expected[`${sheetName} ${letter}`].replace(/\{r\}/g, String(r));
        expect(cell.value).toEqual({ formula });
        expect(cell.font.italic).toBe(true);
        expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid" });
      }
      // An input column next to it is neither.
      const input = sheet.getCell(`A${FIRST_DATA_ROW}`);
      expect(input.font?.italic).toBeFalsy();
      expect(input.fill).not.toMatchObject({ pattern: "solid" });
    }
  });

  it("holds every list it uses in Listor under its header, hidden and protected", () => {
    const lists = sheetOf(fresh, LISTS_SHEET);
    expect(lists.state).toBe("hidden");
    expect(sheetProtection(lists)).toMatchObject({ sheet: true });
    // A list only a later version uses (v3's Rapportenhet) keeps its column, empty.
    const used = new Set(
      [
        ...LATEST_TEMPLATE.tableList.flatMap((t) => t.columns.map((c) => c.list)),
        ...LATEST_TEMPLATE.settingRows.map((s) => s.list),
      ].filter((l) => l !== undefined)
    );
    (Object.keys(LISTS) as ListName[]).forEach((list, j) => {
      const column = lists.getColumn(j + 1).values.slice(1);
      expect(column).toEqual(used.has(list) ? [LIST_HEADERS[list], ...LISTS[list]] : []);
    });
  });

  it("leaves the data sheets and Instruktioner unprotected, and protects Historik like Listor", () => {
    const tertials = new Set([LISTS_SHEET, LATEST_TEMPLATE.tables.history.sheet]);
    for (const sheet of fresh.worksheets.filter((s) => !tertials.has(s.name))) {
      expect(sheetProtection(sheet)).toBeFalsy();
    }
    expect(sheetProtection(sheetOf(fresh, "Historik"))).toMatchObject({ sheet: true });
  });

  /** The values a list validation offers, read from the Listor cells its formula points at. */
  function offeredValues(formula: string): string[] {
    const match = /^Listor!\$([A-Z]+)\$(\d+):\$\1\$(\d+)$/.exec(formula);
    if (!match) throw new Error(`inte ett begränsat Listor-område: ${formula}`);
    const [, letter, first, last] = match;
    const lists = sheetOf(fresh, LISTS_SHEET);
    const values: string[] = [];
    for (let r = Number(first); r <= Number(last); r++) {
      values.push(String(lists.getCell(`${letter}${r}`).value));
    }
    return values;
  }

  it.each(
    DATA_TABLES.flatMap((def) =>
      def.columns.filter((c) => c.kind === "status").map((c) => [def.sheet, c.header, def] as const)
    )
  )("gives %s › %s a dropdown of exactly its list, over a bounded area", (_s, header, def) => {
    const column = def.columns.find((c) => c.header === header)!;
    const letter = letterOf(def, header);
    const ranges = validationRanges(sheetOf(fresh, def.sheet));
    const range = `${letter}${FIRST_DATA_ROW}:${letter}${VALIDATED_LAST_ROW}`;
    const validation = ranges[range];
    expect(validation).toMatchObject({ type: "list", showErrorMessage: true, allowBlank: true });
    expect(offeredValues(String(validation.formulae?.[0]))).toEqual(LISTS[column.list!]);
    expect(validation.error).toContain(LISTS[column.list!].join(", "));
  });

  it("validates Sannolikhet and Konsekvens as whole numbers 1–4 and date columns as dates", () => {
    const risks = LATEST_TEMPLATE.tableList.find((t) => t.key === "risks")!;
    const ranges = validationRanges(sheetOf(fresh, risks.sheet));
    for (const header of ["Sannolikhet", "Konsekvens"]) {
      const letter = letterOf(risks, header);
      expect(ranges[`${letter}4:${letter}${VALIDATED_LAST_ROW}`]).toMatchObject({
        type: "whole",
        operator: "between",
        formulae: [1, 4],
        error: "Ange ett heltal från 1 till 4.",
      });
    }
    const dated = DATA_TABLES.flatMap((def) =>
      def.columns.filter((c) => c.kind === "date").map((c) => [def, c.header] as const)
    );
    expect(dated.map(([, h]) => h)).toEqual(["Slutdatum", "Uppföljningsdatum"]);
    for (const [def, header] of dated) {
      const letter = letterOf(def, header);
      const validation = validationRanges(sheetOf(fresh, def.sheet))[
        `${letter}4:${letter}${VALIDATED_LAST_ROW}`
      ];
      expect(validation).toMatchObject({ type: "date", operator: "between" });
      const [from, to] = validation.formulae as Date[];
      expect(from.getTime()).toBeLessThan(Date.UTC(2020, 0, 1));
      expect(to.getTime()).toBeGreaterThan(Date.UTC(2030, 0, 1));
    }
  });

  it("shows each column's help text as the input message of the whole column", () => {
    for (const sheet of SHEETS.slice(1)) {
      const onSheet = DATA_TABLES.filter((d) => d.sheet === sheet);
      expect(Object.keys(validationRanges(sheetOf(fresh, sheet))).sort()).toEqual(
        onSheet
          .flatMap((d) => d.columns.map((c) => letterOf(d, c.header)))
          .map((letter) => `${letter}4:${letter}${VALIDATED_LAST_ROW}`)
          .sort()
      );
    }
    for (const def of DATA_TABLES) {
      const ranges = validationRanges(sheetOf(fresh, def.sheet));
      def.columns.forEach((c) => {
        const letter = letterOf(def, c.header);
        expect(ranges[`${letter}4:${letter}${VALIDATED_LAST_ROW}`]).toMatchObject({
          showInputMessage: true,
          prompt: c.help,
        });
      });
    }
  });

  it("puts dropdowns on the Värde cells of Period, Enhet and Bedömning", () => {
    const sheet = sheetOf(fresh, LATEST_TEMPLATE.tables.settings.sheet);
    const validations = sheetValidations(sheet).model;
    LATEST_TEMPLATE.settingRows.forEach((s, i) => {
      const validation = validations[`B${FIRST_DATA_ROW + i}`];
      expect(validation?.prompt).toBe(s.help);
      if (s.list) {
        expect(validation?.type).toBe("list");
        expect(offeredValues(String(validation?.formulae?.[0]))).toEqual(LISTS[s.list]);
      } else {
        expect(validation?.type).not.toBe("list");
      }
    });
    expect(LATEST_TEMPLATE.settingRows.filter((s) => s.list).map((s) => s.label)).toEqual([
      "Period",
      "Enhet",
      "Rapportenhet",
      "Väsentlig avvikelse villkor",
      "Bedömning av intern kontroll",
      "Klarmarkerad",
    ]);
  });

  it("keeps every message within Excel's limits", () => {
    for (const sheet of fresh.worksheets) {
      for (const v of Object.values(validationRanges(sheet))) {
        expect((v.prompt ?? "").length).toBeLessThanOrEqual(255);
        expect((v.error ?? "").length).toBeLessThanOrEqual(225);
        expect((v.promptTitle ?? "").length).toBeLessThanOrEqual(32);
        expect((v.errorTitle ?? "").length).toBeLessThanOrEqual(32);
      }
    }
  });

  it("explains every sheet, setting and column on the Instruktioner sheet", () => {
    const texts: string[] = [];
    sheetOf(fresh, INSTRUCTIONS_SHEET).eachRow((row) =>
      row.eachCell((cell) => texts.push(String(cell.value)))
    );
    const all = texts.join("\n");
    for (const def of LATEST_TEMPLATE.tableList) {
      expect(texts).toContain(`Bladet ${def.sheet}`);
      expect(texts).toContain(def.instructions);
    }
    for (const column of DATA_TABLES.flatMap((d) => d.columns)) {
      expect(texts).toContain(column.header);
      expect(all).toContain(column.help);
    }
    for (const s of LATEST_TEMPLATE.settingRows) expect(all).toContain(s.help);
    for (const words of ["T1 (januari–april)", "intäkter positiva", "Skriv inga summarader"]) {
      expect(all).toContain(words);
    }
  });

  it("names the four sheets a report run writes, and the sign of investments", () => {
    const texts: string[] = [];
    sheetOf(fresh, INSTRUCTIONS_SHEET).eachRow((row) =>
      row.eachCell((cell) => texts.push(String(cell.value)))
    );
    const all = texts.join("\n");
    expect(all).toContain(
      `Tertial skriver fyra rapportblad: ${ECONOMY_SHEET}, ${RISK_SHEET}, ${CONTROL_SHEET} och ` +
        `${FINDINGS_SHEET}.`
    );
    // Only resultaträkning and driftsredovisning have sign rules (validate/rules/signs.ts).
    expect(all).toContain("Investeringar är utgifter och anges också negativa");
    expect(all).toContain(
      "Tertial kontrollerar tecknen på bladen Resultaträkning och Driftsredovisning men inte på " +
        "bladet Investeringar"
    );
    expect(all).toContain(
      "Risk-ID på bladen Åtgärder och Internkontroll väljs bland de Risk-ID som finns på bladet Risker"
    );
  });

  it.each([
    ["Åtgärder", "tblAtgarder"],
    ["Internkontroll", "tblInternkontroll"],
  ])("gives Risk-ID on %s a dropdown of Risker's Risk-IDs, blank allowed", (sheetName, table) => {
    const def = LATEST_TEMPLATE.tableList.find((t) => t.name === table)!;
    const column = def.columns.find((c) => c.header === "Risk-ID")!;
    const letter = letterOf(def, "Risk-ID");
    const validation = validationRanges(sheetOf(fresh, sheetName))[
      `${letter}${FIRST_DATA_ROW}:${letter}${VALIDATED_LAST_ROW}`
    ];
    expect(validation).toMatchObject({
      type: "list",
      formulae: ["RiskIDn"],
      allowBlank: true,
      showErrorMessage: true,
      error: "Välj ett Risk-ID som finns på bladet Risker.",
      prompt: column.help,
    });
  });
});

describe("the saved template package", () => {
  let zip: JSZip;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await workbookBytes(buildWorkbook(LATEST_TEMPLATE));
    zip = await JSZip.loadAsync(bytes);
  });

  /** Table name → its part's XML. */
  async function tableParts(): Promise<Map<string, string>> {
    const parts = new Map<string, string>();
    for (const file of Object.values(zip.files).filter((f) =>
      /^xl\/tables\/.*\.xml$/.test(f.name)
    )) {
      const xml = await file.async("string");
      parts.set(/<table\b[^>]*?\sname="([^"]*)"/.exec(xml)![1], xml);
    }
    return parts;
  }

  it("carries the calculated-column formula of every computed column, and of no other", async () => {
    const parts = await tableParts();
    const found: Record<string, string> = {};
    for (const [table, xml] of parts) {
      for (const [, header, formula] of xml.matchAll(
        /<tableColumn\b[^>]*?\sname="([^"]*)"[^>]*>\s*<calculatedColumnFormula>([^<]*)<\/calculatedColumnFormula>/g
      )) {
        found[`${table} ${header}`] = formula;
      }
    }
    expect(found).toEqual({
      "tblResultatrakning Avvikelse prognos mot budget":
        "tblResultatrakning[[#This Row],[Prognos helår]]-tblResultatrakning[[#This Row],[Budget helår]]",
      "tblDriftsredovisning Avvikelse prognos mot budget":
        "tblDriftsredovisning[[#This Row],[Prognos helår]]-tblDriftsredovisning[[#This Row],[Budget helår]]",
      "tblVolymer Avvikelse volym":
        "tblVolymer[[#This Row],[Volym prognos]]-tblVolymer[[#This Row],[Volym budget]]",
      "tblInvesteringar Avvikelse prognos mot budget":
        "tblInvesteringar[[#This Row],[Prognos helår]]-tblInvesteringar[[#This Row],[Budget helår]]",
      "tblRisker Riskvärde":
        "tblRisker[[#This Row],[Sannolikhet]]*tblRisker[[#This Row],[Konsekvens]]",
      ...Object.fromEntries(
        ["tblResultatrakning", "tblDriftsredovisning", "tblInvesteringar"].map((t) => [
          `${t} Prognosförändring`,
          `IF(OR(${t}[[#This Row],[Prognos föregående tertial]]=&quot;&quot;,` +
            `${t}[[#This Row],[Prognos helår]]=&quot;&quot;),&quot;&quot;,` +
            `${t}[[#This Row],[Prognos helår]]-${t}[[#This Row],[Prognos föregående tertial]])`,
        ])
      ),
      "tblIndikatorer Trend": expect.stringContaining(
        "IF(tblIndikatorer[[#This Row],[Utfall]]=tblIndikatorer[[#This Row],[Utfall fg år]]," +
          "&quot;Oförändrad&quot;"
      ),
      "tblIndikatorer Målvärde uppnått": expect.stringContaining(
        "tblIndikatorer[[#This Row],[Utfall]]&gt;=tblIndikatorer[[#This Row],[Målvärde]]"
      ),
    });
    const computed = DATA_TABLES.flatMap((d) => d.columns.filter((c) => c.kind === "computed"));
    expect(Object.keys(found)).toHaveLength(computed.length);
  });

  it("defines RiskIDn as the Risk-ID column of tblRisker, beside the print titles", async () => {
    const book = await zip.file("xl/workbook.xml")!.async("string");
    const names = [...book.matchAll(/<definedName\b[^>]*?name="([^"]*)"[^>]*>([^<]*)</g)];
    expect(names.filter(([, name]) => name === "RiskIDn").map(([, , ref]) => ref)).toEqual([
      "tblRisker[Risk-ID]",
    ]);
    expect(names.filter(([, name]) => name === "_xlnm.Print_Titles")).toHaveLength(
      SHEETS.length
    );
  });

  it("is deflated, every part, with CRCs a checking unzip accepts", async () => {
    const entries = zipDirectory(bytes).entries();
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.filter((e) => e.method !== 8).map((e) => e.name)).toEqual([]);
    const checked = await JSZip.loadAsync(bytes, { checkCRC32: true });
    for (const file of Object.values(checked.files)) await file.async("uint8array");
    const sheets = entries.filter((e) => e.name.startsWith("xl/worksheets/sheet"));
    const packed = sheets.reduce((sum, e) => sum + e.compressedBytes, 0);
    expect(packed).toBeLessThan(sheets.reduce((sum, e) => sum + e.uncompressedBytes, 0) / 3);
  });

  it("still reads with the reader: every table, every header", async () => {
    const snapshot = await readSnapshotFromBuffer(bytes, "mall.xlsx");
    expect(snapshot.tables.map((t) => [t.name, t.headers])).toEqual(
      LATEST_TEMPLATE.tableList.map((t) => [t.name, t.columns.map((c) => c.header)])
    );
  });
});

describe("calculatedColumnFormula", () => {
  it("qualifies both this-row forms with the table and [#This Row]", () => {
    expect(calculatedColumnFormula("tblRisker", "[@Sannolikhet]*[@[Konsekvens]]")).toBe(
      "tblRisker[[#This Row],[Sannolikhet]]*tblRisker[[#This Row],[Konsekvens]]"
    );
  });

  it("escapes the characters structured references reserve", () => {
    expect(columnSpecifier("Antal # [st] 'x'")).toBe("[Antal '# '[st'] ''x'']");
  });
});

describe("buildWorkbook(LATEST_TEMPLATE, content)", () => {
  const endDate = new Date(Date.UTC(2024, 11, 31));
  const content: WorkbookContent = {
    settings: {
      organisation: "Kultur- och fritidsnämnden",
      year: 2025,
      period: "T1",
      assessment: null,
    },
    tables: {
      actions: [
        {
          id: "Å1",
          riskId: "R1",
          text: "- tydliggöra kontrollerna",
          status: "Pågående",
          endDate: endDate,
          comment: "=SUMMA(A1:A2)",
        },
        { id: "Å2", riskId: "R1", text: "+46 8 123 45", status: "pagaende" },
      ],
      incomeStatement: [
        {
          post: "Personalkostnader",
          type: "Kostnad",
          budget: -763.5,
          forecast: -829.9,
          deviation: 999,
          actual: { error: "#REF!" },
        },
      ],
    },
  };
  let filled: ExcelJS.Workbook;
  beforeAll(async () => {
    filled = await writeAndRead(buildWorkbook(LATEST_TEMPLATE, content));
  });

  it("gives the rows back by header, text kept as text and dates as UTC midnight", () => {
    const actions = LATEST_TEMPLATE.tableList.find((t) => t.key === "actions")!;
    expect(rowsByHeader(filled, actions)).toEqual([
      {
        "Åtgärds-ID": "Å1",
        "Risk-ID": "R1",
        Åtgärd: "- tydliggöra kontrollerna",
        Status: "Pågående",
        Slutdatum: endDate,
        "Kommentar vid senaste uppföljning": "=SUMMA(A1:A2)",
      },
      { "Åtgärds-ID": "Å2", "Risk-ID": "R1", Åtgärd: "+46 8 123 45", Status: "pagaende" },
    ]);
    const comment = sheetOf(filled, actions.sheet).getCell(
      `${letterOf(actions, "Kommentar vid senaste uppföljning")}4`
    );
    expect(comment.type).not.toBe(6); // ExcelJS.ValueType.Formula
  });

  it("writes a given computed value as the formula's cached result, and error values as errors", () => {
    const income = LATEST_TEMPLATE.tableList.find((t) => t.key === "incomeStatement")!;
    const [row] = rowsByHeader(filled, income);
    expect(row).toMatchObject({
      Post: "Personalkostnader",
      "Avvikelse prognos mot budget": { formula: "H4-G4", result: 999 },
      "Utfall period": { error: "#REF!" },
    });
  });

  it("fills the settings it is given, keeps the others' initial values, and empties nulls", () => {
    const sheet = sheetOf(filled, LATEST_TEMPLATE.tables.settings.sheet);
    const values = Object.fromEntries(
      LATEST_TEMPLATE.settingRows.map((s, i) => [
        s.key,
        sheet.getCell(`B${FIRST_DATA_ROW + i}`).value,
      ])
    );
    expect(values).toEqual({
      organisation: "Kultur- och fritidsnämnden",
      year: 2025,
      period: "T1",
      unit: "mnkr",
      reportUnit: null,
      materialAmount: 1,
      materialPercent: 5,
      materialCondition: "Belopp eller procent",
      assessment: null,
      assessmentAnalysis: null,
      reportingUnit: null,
      unitCode: null,
      municipalityCode: null,
      readyMark: "Nej",
      readyBy: null,
      readyDate: null,
      readyDigest: null,
      templateVersion: 3,
    });
  });

  it("gives tables without content empty rows, so no table is ever empty", () => {
    const untouched = DATA_TABLES.filter((d) => !["actions", "incomeStatement"].includes(d.key));
    for (const def of untouched.filter((d) => !d.initialRows)) {
      const rows = rowsByHeader(filled, def);
      expect(rows).toHaveLength(EMPTY_ROWS);
      const inputs = rows.map((r) =>
        Object.fromEntries(Object.entries(r).filter(([, v]) => !(v instanceof Object)))
      );
      expect(inputs.every((r) => Object.keys(r).length === 0)).toBe(true);
    }
  });

  it("gives a table the content does not mention the rows the template ships with", () => {
    const accounts = LATEST_TEMPLATE.tables.accountMapping;
    const shipped = rowsByHeader(filled, accounts);
    expect(shipped).toHaveLength(KOMMUN_BAS_ACCOUNT_MAPPING.length);
    expect(shipped[0]).toEqual({ "Konto från": 3000, "Konto till": 3099, Post: "Övriga intäkter" });
    // Given rows, even none, replace them: a workbook's own mapping is never added to.
    const own = buildWorkbook(LATEST_TEMPLATE, { tables: { accountMapping: [] } });
    const table = tableModels(sheetOf(own, accounts.sheet)).find((t) => t.name === accounts.name);
    expect(table?.tableRef).toBe(`A3:C${HEADER_ROW + EMPTY_ROWS}`);
  });

  it("extends the validated area to the last row of a large table", async () => {
    const many = Array.from({ length: VALIDATED_LAST_ROW + 10 }, (_v, i) => ({
      id: `Å${i + 1}`,
      status: "Pågående" as CellValue,
    }));
    const workbook = buildWorkbook(LATEST_TEMPLATE, { tables: { actions: many } });
    const sheet = sheetOf(workbook, "Åtgärder");
    const last = HEADER_ROW + many.length;
    expect(tableModels(sheet)[0]).toMatchObject({ tableRef: `A3:I${last}` });
    expect(Object.keys(sheetValidations(sheet).model)).toContain(`D4:D${last}`);
  });

  it("refuses a row with a column key the table does not have", () => {
    // Typed content cannot hold the misspelt key; content from elsewhere (a RowSpec) can.
    const misspelt: RowSpec = { id: "R1", Sannolikhett: 3 };
    expect(() => buildWorkbook(LATEST_TEMPLATE, { tables: { risks: [misspelt] } })).toThrow(
      'Tabellen tblRisker har ingen kolumn "Sannolikhett".'
    );
  });
});
