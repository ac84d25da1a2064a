import fc from "fast-check";
import { accountInRange, objectInRange } from "../../../src/core/ledger/mapping";
import { KOMMUN_BAS_ACCOUNT_MAPPING } from "../../../src/core/template/kommunBas";
import { cellOf } from "../../helpers/snapshot";
import { findings, withCode } from "./run";

const CODE = "mappning-overlappar";
const account = (from: number, to: number, post = "Personalkostnader") => ({
  "Konto från": from,
  "Konto till": to,
  Post: post,
});
const object = (dimension: number, from: string | number, to: string | number) => ({
  Dimension: dimension,
  "Objekt från": from,
  "Objekt till": to,
  Verksamhet: "Hemtjänst",
});

const overlapsIn = (
  accountMapping: ReturnType<typeof account>[],
  objectMapping: ReturnType<typeof object>[] = []
) => withCode(findings({ accountMapping, objectMapping }), CODE);

describe("mappning-overlappar", () => {
  it("is silent on the template's Kommun-Bas default", () => {
    const rows = KOMMUN_BAS_ACCOUNT_MAPPING.map((r) => account(r.accountFrom, r.accountTo, r.post));
    expect(overlapsIn(rows)).toEqual([]);
  });

  it("reports the later of two account ranges that share accounts, at its Konto från", () => {
    const found = overlapsIn([account(5000, 5999), account(3000, 3999), account(5500, 5599)]);
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        sheet: "Kontoplan",
        cell: cellOf("accountMapping", "Konto från", 2),
      }),
    ]);
    expect(found[0].message).toBe(
      "Kontointervallet 5500–5599 överlappar 5000–5999 på rad 4: ett konto får höra till en Post. " +
        "Ändra Konto från eller Konto till så att intervallen inte delar något konto " +
        "(ändarna räknas som kontogrupper: 4000–4999 innehåller även 45611)."
    );
  });

  it("reads the ends as kontogrupper, as the import does: 45–45 lies inside 4000–4999, 4000–4999 beside 50–59", () => {
    expect(overlapsIn([account(4000, 4999), account(45, 45)])).toHaveLength(1);
    expect(overlapsIn([account(4000, 4999), account(50, 59)])).toEqual([]);
    expect(overlapsIn([account(4000, 4999), account(456, 456)])).toHaveLength(1);
  });

  it("compares object ranges within a Dimension only, as numbers when they are numbers", () => {
    expect(overlapsIn([], [object(1, 100, 199), object(2, 150, 160)])).toEqual([]);
    expect(overlapsIn([], [object(1, "100", "199"), object(1, "20", "99")])).toEqual([]);
    const found = overlapsIn([], [object(1, "100", "199"), object(1, "199", "250")]);
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([
      ["Kontoplan", cellOf("objectMapping", "Objekt från", 1)],
    ]);
    expect(found[0].message).toContain(
      "Objektintervallet 199–250 i dimension 1 överlappar 100–199 på rad 4"
    );
  });

  it("compares text objects in Swedish order (Å after Z)", () => {
    expect(overlapsIn([], [object(1, "A", "Z"), object(1, "Å", "Ö")])).toEqual([]);
    expect(overlapsIn([], [object(1, "A", "Ö"), object(1, "Å", "Å")])).toHaveLength(1);
  });

  it("reports each overlapping row once", () => {
    const found = overlapsIn([account(3000, 3999), account(3000, 3099), account(3100, 3199)]);
    expect(found.map((f) => f.cell)).toEqual([
      cellOf("accountMapping", "Konto från", 1),
      cellOf("accountMapping", "Konto från", 2),
    ]);
  });
});

describe("mappning-overlappar agrees with the import's own lookup", () => {
  // Ends of 1–4 digits: every account the import could tell apart is one of the 4-digit ones.
  const EVERY_ACCOUNT = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, "0"));
  const end = fc
    .integer({ min: 1, max: 4 })
    .chain((digits) => fc.integer({ min: 10 ** (digits - 1), max: 10 ** digits - 1 }));
  const range = fc.tuple(end, end);

  it("flags two account ranges exactly when some account lies in both", () => {
    fc.assert(
      fc.property(range, range, ([a, b], [c, d]) => {
        const shared = EVERY_ACCOUNT.some(
          (n) => accountInRange(n, a, b) && accountInRange(n, c, d)
        );
        expect(overlapsIn([account(a, b), account(c, d)])).toHaveLength(shared ? 1 : 0);
      }),
      { numRuns: 50 }
    );
  });

  it("flags two numeric object ranges exactly when some object lies in both", () => {
    const objects = Array.from({ length: 400 }, (_, i) => String(i));
    const low = fc.integer({ min: 0, max: 399 });
    fc.assert(
      fc.property(low, low, low, low, (a, b, c, d) => {
        const shared = objects.some((o) => objectInRange(o, a, b) && objectInRange(o, c, d));
        expect(
          overlapsIn([], [object(1, String(a), String(b)), object(1, String(c), String(d))])
        ).toHaveLength(shared ? 1 : 0);
      }),
      { numRuns: 50 }
    );
  });
});
