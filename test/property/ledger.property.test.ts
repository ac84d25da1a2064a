/**
 * Any ledger, written three ways — as #PSALDO rows (with or without `{}` rows), as vouchers and
 * as CSV — imports to the same figures, and they equal the sums the test makes itself from the
 * generated amounts: the period's months, the template's sign, the unit, unmapped accounts named.
 */
import fc from "fast-check";
import { importLedger, type LedgerImport } from "../../src/core/ledger/ledgerImport";
import type { LedgerMapping } from "../../src/core/ledger/mapping";
import { readLedger } from "../../src/core/ledger/readLedger";
import { chunked } from "../helpers/ledgerFixtures";

interface Entry {
  year: number;
  month: number;
  account: string;
  object: string | null;
  ore: number;
}

const ACCOUNTS = ["1910", "3010", "3511", "4610", "45611", "5010", "6410", "7990", "8400"];
const MAPPING: LedgerMapping = {
  accounts: [
    { from: 3000, to: 3999, post: "Intäkter" },
    { from: 4000, to: 7999, post: "Kostnader" },
  ],
  objects: [
    { dimension: 1, from: 100, to: 199, activity: "A" },
    { dimension: 1, from: 200, to: 299, activity: "B" },
  ],
};
const LAST_MONTH = { T1: 4, T2: 8, Helår: 12 } as const;
const ORE_PER_UNIT = { kr: 100, tkr: 100_000, mnkr: 100_000_000 } as const;

const entry = fc.record({
  year: fc.constantFrom(2023, 2024),
  month: fc.integer({ min: 1, max: 12 }),
  account: fc.constantFrom(...ACCOUNTS),
  object: fc.option(fc.integer({ min: 100, max: 399 }).map(String), { nil: null }),
  ore: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
});

const kronor = (ore: number) => {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};

const HEAD = ["#FLAGGA 0", "#FORMAT PC8", "#RAR 0 20240101 20241231", "#RAR -1 20230101 20231231"];

/** `gap` between a #TRANS's fields: one space takes the reader's fast path, a tab or two spaces the general one. */
function asVouchers(entries: readonly Entry[], gap: string): string {
  const lines = [...HEAD, "#SIETYP 4"];
  entries.forEach((e, i) => {
    const date = `${e.year}${String(e.month).padStart(2, "0")}15`;
    const objects = e.object === null ? "{}" : `{1 "${e.object}"}`;
    lines.push(
      `#VER A ${i + 1} ${date} "Verifikation ${i + 1}"`,
      "{",
      ["#TRANS", e.account, objects, kronor(e.ore), `${date}`].join(gap),
      "}"
    );
  });
  return lines.join("\r\n") + "\r\n";
}

/** `{}` rows are left out for accounts all of whose money sits on objects, when `braces` says so. */
function asBalances(entries: readonly Entry[], braces: boolean): string {
  const sums = new Map<string, number>();
  const add = (key: string, ore: number) => sums.set(key, (sums.get(key) ?? 0) + ore);
  const onObjectsOnly = new Set(
    ACCOUNTS.filter((a) => entries.every((e) => e.account !== a || e.object !== null))
  );
  for (const e of entries) {
    const period = `${e.year === 2024 ? 0 : -1} ${e.year}${String(e.month).padStart(2, "0")} ${e.account}`;
    if (braces || !onObjectsOnly.has(e.account)) add(`${period} {}`, e.ore);
    if (e.object !== null) add(`${period} {1 "${e.object}"}`, e.ore);
  }
  return [
    ...HEAD,
    "#SIETYP 3",
    ...[...sums].map(([key, ore]) => `#PSALDO ${key} ${kronor(ore)} 0`),
  ].join("\n");
}

/** Decimal comma, the amount quoted (as exporters do, since the separator may be a comma). */
function asCsv(entries: readonly Entry[], separator: string): string {
  const rows = entries.map((e) =>
    [
      e.account,
      e.object ?? "",
      `${e.year}-${String(e.month).padStart(2, "0")}`,
      `"${kronor(e.ore).replace(".", ",")}"`,
    ].join(separator)
  );
  return ["Konto", "Ansvar", "Period", "Belopp"].join(separator) + "\n" + rows.join("\n");
}

/** The figures, summed by the test from the entries alone. */
function expected(
  entries: readonly Entry[],
  period: keyof typeof LAST_MONTH,
  unit: keyof typeof ORE_PER_UNIT
) {
  const inColumn = (e: Entry, year: number) => e.year === year && e.month <= LAST_MONTH[period];
  const toUnit = (ore: number) => (ore === 0 ? 0 : -ore / ORE_PER_UNIT[unit]);
  const post = (account: string) =>
    account[0] === "3" ? "Intäkter" : "4567".includes(account[0]) ? "Kostnader" : null;
  const activity = (object: string | null) =>
    object === null ? null : object < "200" ? "A" : object < "300" ? "B" : null;
  const sum = (where: (e: Entry) => boolean) =>
    entries.filter(where).reduce((s, e) => s + e.ore, 0);
  const columns = (where: (e: Entry) => boolean) => ({
    actual: toUnit(sum((e) => where(e) && inColumn(e, 2024))),
    actualPriorYear: toUnit(sum((e) => where(e) && inColumn(e, 2023))),
  });
  return {
    posts: ["Intäkter", "Kostnader"].map((name) => ({
      name,
      amounts: columns((e) => post(e.account) === name),
    })),
    activities: ["A", "B"].map((name) => ({
      name,
      amounts: columns((e) => post(e.account) !== null && activity(e.object) === name),
    })),
    unmapped: [...new Set(entries.filter((e) => e.account[0] === "8").map((e) => e.account))]
      .map((account) => ({ account, amounts: columns((e) => e.account === account) }))
      .filter(({ amounts }) => amounts.actual !== 0 || amounts.actualPriorYear !== 0),
  };
}

const read = (name: string, text: string, chunk: number) =>
  readLedger(name, chunked(new TextEncoder().encode(text), chunk));

const figures = (result: LedgerImport) => ({
  posts: result.posts,
  activities: result.activities,
  unmapped: result.reconciliation.unmappedAccounts.map(({ account, amounts }) => ({
    account,
    amounts,
  })),
});

describe("a ledger imported three ways", () => {
  it("gives the test's own sums from #PSALDO, vouchers and CSV alike", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Both years present, so both columns have data in every file.
        fc
          .array(entry, { minLength: 1, maxLength: 40 })
          .map((entries) => [
            { year: 2023, month: 12, account: "1910", object: null, ore: 1 },
            { year: 2024, month: 12, account: "1910", object: null, ore: 1 },
            ...entries,
          ]),
        fc.constantFrom("T1", "T2", "Helår" as const),
        fc.constantFrom("kr", "tkr", "mnkr" as const),
        fc.boolean(),
        fc.constantFrom(";", "\t", ","),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom("\t", "  ", " \t"),
        async (entries, period, unit, braces, separator, chunk, gap) => {
          const frame = { year: 2024, period, unit } as const;
          const want = expected(entries, period, unit);
          for (const [name, text] of [
            ["saldon.se", asBalances(entries, braces)],
            ["verifikationer.se", asVouchers(entries, " ")],
            ["verifikationer-tab.se", asVouchers(entries, gap)],
            ["huvudbok.csv", asCsv(entries, separator)],
          ] as const) {
            const ledger = await read(name, text, chunk);
            expect(ledger.problems).toEqual([]);
            expect(figures(importLedger(ledger, MAPPING, frame))).toEqual(want);
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});
