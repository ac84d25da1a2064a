/**
 * Reading hand-made SIE and CSV files (test/fixtures/sie/, encoded by Python's own codecs): the
 * encoding detected, names decoded, records and malformed lines, in chunks cut anywhere.
 */
import { UnreadableLedgerError } from "../../../src/core/ledger/ledgerErrors";
import { readLedger } from "../../../src/core/ledger/readLedger";
import { describeLineProblem, type Ledger } from "../../../src/core/ledger/ledger";
import { chunked, readFixture } from "../../helpers/ledgerFixtures";

/** Sum in öre of the movements matching `where`. */
function sum(movements: Ledger["totals"], where: (m: Ledger["totals"][number]) => boolean): number {
  return movements.filter(where).reduce((total, m) => total + m.ore, 0);
}

describe("readLedger on SIE files", () => {
  it("detects CP437 from #FORMAT PC8 and decodes å ä ö in names", async () => {
    const ledger = await readFixture("psaldo-typ3.se");
    expect(ledger.format).toBe("SIE");
    expect(ledger.sieType).toBe(3);
    expect(ledger.encoding).toBe("CP437");
    expect(ledger.declaredEncoding).toBeNull();
    expect(ledger.companyName).toBe("Vård- och omsorgsförvaltningen");
    expect(ledger.accountNames.get("4610")).toBe("Köp av huvudverksamhet");
    expect(ledger.accountNames.get("5010")).toBe("Månadslöner");
    expect(ledger.objectNames.get("1\u0001100")).toBe("Äldreomsorg");
    expect(ledger.dimensionNames.get(1)).toBe("Ansvar");
    expect(ledger.fiscalYears).toEqual([
      { index: 0, year: 2024 },
      { index: -1, year: 2023 },
    ]);
    expect(ledger.problems).toEqual([]);
  });

  it("detects a Windows-1252 file that claims PC8 and says so", async () => {
    const ledger = await readFixture("psaldo-windows-1252.se");
    expect(ledger.encoding).toBe("Windows-1252");
    expect(ledger.declaredEncoding).toBe("CP437");
    expect(ledger.companyName).toBe("Vård- och omsorgsförvaltningen");
    expect(ledger.objectNames.get("1\u0001100")).toBe("Äldreomsorg");
  });

  it("keeps {} totals apart from object rows: no double count", async () => {
    const ledger = await readFixture("psaldo-typ3.se");
    const january = (m: { kind: string; year: number; month: number }) =>
      m.kind === "utfall" && m.year === 2024 && m.month === 1;
    expect(sum(ledger.totals, (m) => january(m) && m.account === "5010")).toBe(2_000_050);
    expect(sum(ledger.objects, (m) => january(m) && m.account === "5010")).toBe(2_000_050);
    expect(sum(ledger.totals, (m) => january(m) && m.account === "4610")).toBe(500_000);
    expect(sum(ledger.objects, (m) => january(m) && m.account === "4610")).toBe(400_000);
    expect(ledger.utfallSources.get(2024)).toBe("PSALDO");
  });

  it("derives the totals of an account written only as object rows", async () => {
    const ledger = await readFixture("psaldo-typ3.se");
    expect(ledger.derivedTotals).toEqual([
      { kind: "utfall", year: 2024, account: "8400", dimension: 1 },
    ]);
    expect(sum(ledger.totals, (m) => m.account === "8400" && m.year === 2024)).toBe(5 * 10_000);
  });

  it("reads #PBUDGET, year −1 and #RES with its calendar year", async () => {
    const ledger = await readFixture("psaldo-typ3.se");
    expect(sum(ledger.totals, (m) => m.kind === "budget" && m.account === "3010")).toBe(
      4 * -1_100_000
    );
    expect(sum(ledger.totals, (m) => m.kind === "utfall" && m.year === 2023)).toBe(3 * 900_000);
    expect(ledger.results).toContainEqual({ year: 2024, account: "5010", ore: 10_000_250 });
    expect(ledger.years).toEqual([2023, 2024]);
  });

  it("aggregates a typ-4 file's vouchers by month to the same movements as the #PSALDO file", async () => {
    const vouchers = await readFixture("verifikationer-typ4.se");
    const balances = await readFixture("psaldo-typ3.se");
    expect(vouchers.sieType).toBe(4);
    expect(vouchers.utfallSources.get(2024)).toBe("TRANS");
    expect(vouchers.utfallSources.get(2023)).toBe("PSALDO");
    const key = (m: Ledger["objects"][number] | Ledger["totals"][number]) =>
      `${m.kind} ${m.year} ${m.month} ${m.account} ${"dimension" in m ? `${m.dimension}:${m.object}` : ""} ${m.ore}`;
    const resultRows = <T extends { account: string }>(rows: readonly T[]) =>
      rows.filter((m) => m.account !== "1910");
    // 8400's total is derived in the #PSALDO file and summed from vouchers in the other: equal.
    expect(resultRows(vouchers.totals).map(key).sort()).toEqual(
      resultRows(balances.totals).map(key).sort()
    );
    expect(resultRows(vouchers.objects).map(key).sort()).toEqual(
      resultRows(balances.objects).map(key).sort()
    );
    expect(vouchers.problems).toEqual([]);
  });

  it("puts a #TRANS in the month of its own transdat, not its #VER date", async () => {
    const ledger = await readFixture("verifikationer-typ4.se");
    const months = new Set(ledger.totals.filter((m) => m.year === 2024).map((m) => m.month));
    expect([...months].sort((a, b) => a - b)).toEqual([1, 4, 8, 9, 12]);
    const august = (m: Ledger["totals"][number]) =>
      m.kind === "utfall" && m.year === 2024 && m.month === 8;
    expect(sum(ledger.totals, (m) => august(m) && m.account === "3010")).toBe(-1_000_000);
  });

  it("reads Fortnox's optional trailing fields, and #PSALDO wins over the vouchers", async () => {
    const ledger = await readFixture("fortnox.se");
    expect(ledger.problems).toEqual([]);
    expect(ledger.companyName).toBe("Testbolaget i Göteborg AB");
    expect(ledger.utfallSources.get(2025)).toBe("PSALDO");
    expect(ledger.totals.filter((m) => m.account === "6570")).toEqual([
      { kind: "utfall", year: 2025, month: 5, account: "6570", ore: 185 },
    ]);
  });

  it("reports malformed lines by line number and keeps the good ones", async () => {
    const ledger = await readFixture("felaktiga-rader.se");
    expect(ledger.accountNames.get("3010")).toBe('Intäkter "övriga" från kommuner');
    const lines = ledger.problems.map((p) => p.line);
    expect(lines).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 15]);
    expect(ledger.problems[0].message).toMatch(/citattecken/);
    expect(ledger.problems[1].message).toBe(
      '#PSALDO: "12,50" är inget belopp (kronor med punkt som decimaltecken, högst två decimaler)'
    );
    expect(ledger.problems[2].message).toBe("#PSALDO: beloppet saknas");
    expect(ledger.problems[3].message).toMatch(/perioden "2024-01" är ingen månad/);
    expect(ledger.problems[4].message).toMatch(/objektlistan saknar avslutande }/);
    expect(ledger.problems[5].message).toMatch(/står inte i en verifikation/);
    expect(ledger.problems[6].message).toMatch(/börjar inte med en etikett/);
    expect(ledger.problems[7].message).toMatch(/202301 ligger utanför räkenskapsår 0 \(2024\)/);
    expect(ledger.problems[8].message).toMatch(/"20241301" är inget datum/);
    expect(ledger.problemCount).toBe(9);
    expect(describeLineProblem(ledger.fileName, ledger.problems[2])).toBe(
      "felaktiga-rader.se, rad 8: #PSALDO: beloppet saknas"
    );
    expect(ledger.totals).toEqual([
      { kind: "utfall", year: 2024, month: 2, account: "3010", ore: -10_000 },
    ]);
  });

  it("counts an #RTRANS once, through the #TRANS that repeats it, and a #BTRANS not at all (SIE 4B)", async () => {
    const lines = [
      "#FLAGGA 0",
      "#SIETYP 4",
      "#RAR 0 20240101 20241231",
      '#VER A 1 20240115 "Faktura"',
      "{",
      "#TRANS 3010 {} -100.00",
      "#TRANS 1930 {} 100.00",
      "}",
      '#VER A 2 20240210 "Rättad efteråt"',
      "{",
      '#BTRANS 4010 {} 50.00 20240210 "Borttagen" 0 "Eva"',
      '#RTRANS 4010 {1 "110"} 70.00 20240210 "Tillagd" 0 "Eva"',
      '#TRANS 4010 {1 "110"} 70.00 20240210 "Tillagd"',
      "#TRANS 1930 {} -70.00",
      "}",
      '#VER A 3 20240305 "Tvilling med annat belopp"',
      "{",
      "#RTRANS 5010 {} 30.00", // line 18: not repeated
      "#TRANS 5010 {} 31.00",
      "#TRANS 1930 {} -31.00",
      "}",
      '#VER A 4 20240410 "Tvilling saknas"',
      "{",
      "#RTRANS 6010 {} 10.00", // line 24: the voucher ends
      "}",
    ];
    const bytes = new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
    for (const size of [7, 64, 65536]) {
      const ledger = await readLedger("rattelser.se", chunked(bytes, size));
      const byAccount = (account: string) =>
        ledger.totals.filter((m) => m.account === account).map((m) => [m.month, m.ore]);
      expect(byAccount("3010")).toEqual([[1, -10_000]]);
      expect(byAccount("4010")).toEqual([[2, 7_000]]);
      expect(ledger.objects.filter((m) => m.account === "4010")).toEqual([
        expect.objectContaining({ month: 2, dimension: 1, object: "110", ore: 7_000 }),
      ]);
      expect(byAccount("5010")).toEqual([[3, 3_100]]);
      expect(byAccount("6010")).toEqual([]);
      expect(sum(ledger.totals, (m) => m.account === "1930")).toBe(10_000 - 7_000 - 3_100);
      expect(ledger.problems.map((p) => p.line)).toEqual([18, 24]);
      expect(ledger.problems[0].message).toMatch(
        /^#RTRANS: en tillagd rad ska följas av samma rad som #TRANS \(SIE 4B\)/
      );
    }
  });

  it("refuses a non-calendar #RAR, naming the file and line", async () => {
    const reading = readFixture("brutet-ar.se");
    await expect(reading).rejects.toBeInstanceOf(UnreadableLedgerError);
    await expect(reading).rejects.toThrow(
      /^brutet-ar\.se, rad 5: räkenskapsåret går från 2024-05-01 till 2025-04-30, men en kommuns räkenskapsår är ett kalenderår/
    );
  });

  it("reads the same whatever the chunk size (lines, CRLF and characters cut anywhere)", async () => {
    const whole = await readFixture("psaldo-typ3.se");
    for (const size of [1, 2, 3, 7, 64]) {
      const cut = await readFixture("psaldo-typ3.se", size);
      expect(cut.totals).toEqual(whole.totals);
      expect(cut.companyName).toBe(whole.companyName);
      expect(cut.lineCount).toBe(whole.lineCount);
    }
    const utf8 = await readFixture("huvudbok-utf8.csv", 1);
    expect(utf8.totals).toEqual((await readFixture("huvudbok-utf8.csv")).totals);
  });
});

describe("readLedger on CSV files", () => {
  it("reads UTF-8 with BOM, semicolons, decimal comma and no-break-space thousands", async () => {
    const ledger = await readFixture("huvudbok-utf8.csv");
    expect(ledger.format).toBe("CSV");
    expect(ledger.encoding).toBe("UTF-8");
    expect(ledger.problems).toEqual([]);
    expect(
      sum(ledger.totals, (m) => m.year === 2024 && m.month === 1 && m.account === "3010")
    ).toBe(-1_000_000);
    expect(sum(ledger.objects, (m) => m.year === 2024 && m.account === "4610")).toBe(5 * 400_000);
    expect(sum(ledger.totals, (m) => m.year === 2024 && m.account === "4610")).toBe(5 * 500_000);
    expect(sum(ledger.totals, (m) => m.year === 2023)).toBe(3 * 900_000);
  });

  it("reads Windows-1252 with tabs, decimal point, Objekt and År columns and bare months", async () => {
    const ledger = await readFixture("huvudbok-windows-1252.csv");
    expect(ledger.encoding).toBe("Windows-1252");
    expect(ledger.problems).toEqual([]);
    const key = (m: Ledger["totals"][number]) => `${m.year} ${m.month} ${m.account} ${m.ore}`;
    expect(ledger.totals.map(key).sort()).toEqual(
      (await readFixture("huvudbok-utf8.csv")).totals.map(key).sort()
    );
  });

  it("names malformed CSV rows by line number", async () => {
    const text =
      'Konto;Belopp;Period\n3010;-100;202401\nabc;5;202401\n3010;1.234,50;202401\n3010;5;13\n3010;"5;202401\n';
    const ledger = await readLedger("fel.csv", [new TextEncoder().encode(text)]);
    expect(ledger.problems).toEqual([
      { line: 3, message: 'Konto "abc" är inget kontonummer' },
      {
        line: 4,
        message:
          'Belopp "1.234,50" är inget belopp (kronor med decimalkomma eller decimalpunkt, högst två decimaler)',
      },
      { line: 5, message: 'Period "13" är ingen månad (ÅÅÅÅMM, ÅÅÅÅ-MM eller 1–12)' },
      { line: 6, message: "ett fält inom citattecken saknar avslutande citattecken" },
    ]);
  });
});

describe("readLedger refusals", () => {
  const read = (name: string, text: string | Uint8Array) =>
    readLedger(name, [typeof text === "string" ? new TextEncoder().encode(text) : text]);

  it("refuses a file that is neither SIE nor a ledger CSV", async () => {
    await expect(read("anteckningar.txt", "Hej\nDet här är inget\n")).rejects.toThrow(
      /^anteckningar\.txt är varken en SIE-fil eller en CSV-fil med kolumnerna Konto och Belopp/
    );
    await expect(read("tom.se", "")).rejects.toBeInstanceOf(UnreadableLedgerError);
  });

  it("refuses a file past the size cap as soon as it is passed", async () => {
    const line = new TextEncoder().encode("#PSALDO 0 202401 3010 {} -100.00\n");
    const reading = readLedger(
      "stor.se",
      (function* () {
        for (let i = 0; i < 40_000; i++) yield line; // 1.3 MB against a 1 MiB cap
        throw new Error("read past the size cap");
      })(),
      { maxBytes: 1024 * 1024 }
    );
    await expect(reading).rejects.toThrow(/^stor\.se är större än 1 MB, vilket Tertial inte läser/);
  });

  it("reads a UTF-8 SIE file and says that it claims PC8", async () => {
    const text = '#FLAGGA 0\n#FORMAT PC8\n#FNAMN "Vård och omsorg"\n#RAR 0 20240101 20241231\n';
    const ledger = await readLedger("utf8.se", [new TextEncoder().encode(text)]);
    expect(ledger.encoding).toBe("UTF-8");
    expect(ledger.declaredEncoding).toBe("CP437");
    expect(ledger.companyName).toBe("Vård och omsorg");
  });

  it("calls an Excel workbook by its name", async () => {
    await expect(
      read("utfall.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))
    ).rejects.toThrow(/^utfall\.xlsx är en Excel-arbetsbok, inte en export från ekonomisystemet/);
  });

  it("refuses a line past the cap with its line number, before reading the rest", async () => {
    const long = `#FLAGGA 0\n#FNAMN "${"x".repeat(20_000)}"\n`;
    await expect(read("lång.se", long)).rejects.toThrow(
      /^lång\.se, rad 2 är längre än 10\u00a0000 tecken/
    );
    // No newline at all: refused once the cap is passed, not after buffering the whole file.
    const reading = readLedger(
      "binär.se",
      (function* () {
        for (let i = 0; i < 100; i++) yield new Uint8Array(1000).fill(0x41);
        throw new Error("read past the line cap");
      })()
    );
    await expect(reading).rejects.toThrow(/^binär\.se, rad 1 är längre än/);
  });
});
