import type { RowSpec, WorkbookContent } from "../../src/core/template/content";
import { LISTS } from "../../src/core/template/lists";
import { REQUEST_BUDGET_BYTES } from "../../src/excel/report/writePlan";
import { measureOfficeHost } from "./officeHostCost";

/** A filled workbook with `actions` åtgärder and risks, controls and ledger rows in proportion. */
function content(actions: number): WorkbookContent {
  const risks = Math.max(1, actions / 10);
  const pick = <T>(values: readonly T[], i: number) => values[i % values.length];
  const riskRows: RowSpec[] = Array.from({ length: risks }, (_, i) => ({
    "Risk-ID": `R${i + 1}`,
    Riskområde: `Riskområde ${1 + (i % 6)}`,
    Risk: `Risk ${i + 1}`,
    Riskbeskrivning: "Risk att den enskilde inte får det stöd hen har rätt till.",
    Konsekvensbeskrivning: "Behov tillgodoses inte.",
    Sannolikhet: 1 + (i % 4),
    Konsekvens: 1 + ((i * 3) % 4),
    Riskhantering: pick(LISTS.riskhantering, i),
    "Existerande kontrollaktiviteter": "Avvikelsehantering",
  }));
  const actionRows: RowSpec[] = Array.from({ length: actions }, (_, i) => ({
    "Åtgärds-ID": `Å${i + 1}`,
    "Risk-ID": `R${1 + (i % risks)}`,
    Åtgärd: `Åtgärd ${i + 1}: kartlägga och följa upp rutinen`,
    Status: pick(LISTS.atgardsstatus, (i * 7) % 11),
    Slutdatum: new Date(Date.UTC(2024, i % 12, 1 + (i % 28))),
    Ansvarig: "Verksamhetschef",
    Uppföljningsdatum: new Date(Date.UTC(2024, i % 8, 15)),
    "Kommentar vid senaste uppföljning": `Arbetet fortskrider enligt plan (${i + 1}).`,
  }));
  const controlRows: RowSpec[] = Array.from({ length: actions / 5 }, (_, i) => ({
    "Kontroll-ID": `K${i + 1}`,
    "Risk-ID": `R${1 + (i % risks)}`,
    Process: `Process ${1 + (i % 20)}`,
    Kontrollaktivitet: `Stickprov av underlag ${i + 1}`,
    Ansvarig: "Controller",
    Tidpunkt: pick(LISTS.tidpunkt, i),
    Resultat: pick(LISTS.kontrollresultat, (i * 5) % 7),
    Kommentar: "Brister i dokumentationen.",
  }));
  const operatingRows: RowSpec[] = Array.from({ length: actions / 10 }, (_, i) => ({
    Verksamhet: `Verksamhet ${i + 1}`,
    Verksamhetsområde: `Område ${1 + (i % 12)}`,
    "Utfall period": -10 - (i % 7),
    "Budget helår": -15 - (i % 5),
    "Prognos helår": -15.5 - (i % 5),
    Kommentar: i % 3 === 0 ? `Avvikelsen beror på ökade personalkostnader (${i}).` : null,
  }));
  return {
    tables: {
      incomeStatement: [
        { Post: "Taxor och avgifter", Typ: "Intäkt", "Budget helår": 40, "Prognos helår": 41 },
        { Post: "Personalkostnader", Typ: "Kostnad", "Budget helår": -900, "Prognos helår": -950 },
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
