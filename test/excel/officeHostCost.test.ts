import type { RowOf, WorkbookContent } from "../../src/core/template/content";
import { LISTS } from "../../src/core/template/lists";
import { REQUEST_BUDGET_BYTES } from "../../src/excel/report/writePlan";
import { measureOfficeHost } from "./officeHostCost";

/** A filled workbook with `actions` åtgärder and risks, controls and ledger rows in proportion. */
function content(actions: number): WorkbookContent {
  const risks = Math.max(1, actions / 10);
  const pick = <T>(values: readonly T[], i: number) => values[i % values.length];
  const riskRows: RowOf<"risks">[] = Array.from({ length: risks }, (_, i) => ({
    id: `R${i + 1}`,
    area: `Riskområde ${1 + (i % 6)}`,
    title: `Risk ${i + 1}`,
    description: "Risk att den enskilde inte får det stöd hen har rätt till.",
    consequence: "Behov tillgodoses inte.",
    likelihood: 1 + (i % 4),
    impact: 1 + ((i * 3) % 4),
    treatment: pick(LISTS.riskhantering, i),
    existingControls: "Avvikelsehantering",
  }));
  const actionRows: RowOf<"actions">[] = Array.from({ length: actions }, (_, i) => ({
    id: `Å${i + 1}`,
    riskId: `R${1 + (i % risks)}`,
    text: `Åtgärd ${i + 1}: kartlägga och följa upp rutinen`,
    status: pick(LISTS.atgardsstatus, (i * 7) % 11),
    endDate: new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
    responsible: "Verksamhetschef",
    followUpDate: new Date(Date.UTC(2024, i % 8, 15)),
    comment: `Arbetet fortskrider enligt plan (${i + 1}).`,
  }));
  const controlRows: RowOf<"controls">[] = Array.from({ length: actions / 5 }, (_, i) => ({
    id: `K${i + 1}`,
    riskId: `R${1 + (i % risks)}`,
    process: `Process ${1 + (i % 20)}`,
    activity: `Stickprov av underlag ${i + 1}`,
    responsible: "Controller",
    timing: pick(LISTS.tidpunkt, i),
    result: pick(LISTS.kontrollresultat, (i * 5) % 7),
    comment: "Brister i dokumentationen.",
  }));
  const operatingRows: RowOf<"operatingStatement">[] = Array.from(
    { length: actions / 10 },
    (_, i) => ({
      activity: `Verksamhet ${i + 1}`,
      area: `Område ${1 + (i % 12)}`,
      actual: -10 - (i % 7),
      budget: -15 - (i % 5),
      forecast: -15.5 - (i % 5),
      comment: i % 3 === 0 ? `Avvikelsen beror på ökade personalkostnader (${i}).` : null,
    })
  );
  return {
    tables: {
      incomeStatement: [
        { post: "Taxor och avgifter", type: "Intäkt", budget: 40, forecast: 41 },
        { post: "Personalkostnader", type: "Kostnad", budget: -900, forecast: -950 },
      ],
      operatingStatement: operatingRows,
      risks: riskRows,
      actions: actionRows,
      controls: controlRows,
    },
  };
}

describe("Office.js host cost (recording fake)", () => {
  it("reads in one round trip and writes in as few as the request budget allows", async () => {
    const small = await measureOfficeHost(content(100));
    const medium = await measureOfficeHost(content(1_000));
    const large = await measureOfficeHost(content(10_000));

    // Validera: one round trip whatever the size.
    expect([small, medium, large].map((c) => c.validate.syncs)).toEqual([1, 1, 1]);
    // Generera rapport: read (1) and write (1 while the report fits in one request, as it does up
    // to 1,000 åtgärder; one more per further request's worth: 2 at 10,000).
    expect([small, medium, large].map((c) => c.generate.syncs)).toEqual([2, 2, 3]);
    expect(large.generate.writeRequestBytes).toHaveLength(2);
    for (const cost of [small, medium, large]) {
      expect(cost.largestRequestBytes).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    }
    // 10,000 åtgärder make a report of about 5 MB: it is split, and only as much as it must be.
    const writes = large.generate.writeRequestBytes;
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.length).toBeLessThanOrEqual(
      Math.ceil(writes.reduce((a, b) => a + b, 0) / (0.75 * REQUEST_BUDGET_BYTES))
    );
  });
});
