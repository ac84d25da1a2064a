import { cellOf, type RowSpec } from "../../helpers/snapshot";
import { ACTION, findings, RISK, withCode } from "./run";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("atgard-forsenad", () => {
  const late = (action: RowSpec, period = "T2") =>
    withCode(
      findings({ risks: [RISK], actions: [{ ...ACTION, ...action }] }, { period }),
      "atgard-forsenad"
    );

  it("warns about an open action whose Slutdatum is before the period's last day", () => {
    const found = late({ Slutdatum: day("2023-12-31") });
    expect(found).toEqual([
      expect.objectContaining({
        severity: "varning",
        sheet: "Åtgärder",
        cell: cellOf("actions", "Slutdatum", 0),
      }),
    ]);
    expect(found[0].message).toBe(
      "Åtgärden Å1 har status Pågående men slutdatum 2023-12-31, före periodens slut 2024-08-31: " +
        "den är försenad. Sätt rätt status, eller skriv ett nytt slutdatum och förklara förseningen i kommentaren."
    );
  });

  it("counts Ej påbörjad as open", () => {
    expect(late({ Status: "Ej påbörjad", Slutdatum: "2024-06-30" })).toHaveLength(1);
  });

  it("does not flag an action due on the period's last day", () => {
    expect(late({ Slutdatum: day("2024-08-31") })).toEqual([]);
  });

  it.each(["Avslutad", "Avbruten"])("does not flag a %s action", (status) => {
    expect(late({ Status: status, Slutdatum: day("2023-12-31") })).toEqual([]);
  });

  it("measures against the workbook's period: at T1 an end date in June is not late", () => {
    expect(late({ Slutdatum: day("2024-06-30") }, "T1")).toEqual([]);
    expect(late({ Slutdatum: day("2024-06-30") }, "T2")).toHaveLength(1);
  });

  it("stays silent when the period is unknown (the settings rule reports that)", () => {
    expect(late({ Slutdatum: day("2023-12-31") }, "Q3")).toEqual([]);
  });
});

describe("avslutad-utan-kommentar", () => {
  it("warns about a closed action without a follow-up comment", () => {
    const found = withCode(
      findings({
        risks: [RISK],
        actions: [
          ACTION,
          {
            ...ACTION,
            "Åtgärds-ID": "Å2",
            Status: "Avslutad",
            "Kommentar vid senaste uppföljning": null,
          },
        ],
      }),
      "avslutad-utan-kommentar"
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: "varning",
        cell: cellOf("actions", "Kommentar vid senaste uppföljning", 1),
      }),
    ]);
    expect(found[0].message).toContain("Åtgärden Å2 är avslutad men har ingen kommentar");
  });

  it("accepts an open action without a comment", () => {
    const all = findings({
      risks: [RISK],
      actions: [{ ...ACTION, "Kommentar vid senaste uppföljning": null }],
    });
    expect(all).toEqual([]);
  });
});

describe("uppfoljningsdatum-orimligt", () => {
  const followUp = (date: unknown, settings = {}, today = day("2024-09-20")) =>
    withCode(
      findings(
        { risks: [RISK], actions: [{ ...ACTION, Uppföljningsdatum: date as Date }] },
        settings,
        today
      ),
      "uppfoljningsdatum-orimligt"
    );

  it("warns about a follow-up from before the year began", () => {
    const found = followUp(day("2023-12-15"));
    expect(found).toEqual([
      expect.objectContaining({
        severity: "varning",
        cell: cellOf("actions", "Uppföljningsdatum", 0),
      }),
    ]);
    expect(found[0].message).toContain("2023-12-15 ligger före 2024");
  });

  it("warns about a follow-up dated after today", () => {
    const found = followUp(day("2024-10-01"));
    expect(found[0].message).toBe(
      "Uppföljningsdatum 2024-10-01 ligger efter dagens datum (2024-09-20). Skriv datumet då uppföljningen gjordes."
    );
  });

  it("accepts a follow-up shortly after the period's end", () => {
    expect(followUp(day("2024-09-10"))).toEqual([]);
    expect(followUp(day("2024-09-20"))).toEqual([]);
  });

  it("accepts document 001's case: Helår 2023 followed up in January 2024", () => {
    expect(followUp(day("2024-01-26"), { year: 2023, period: "Helår" }, day("2024-02-15"))).toEqual(
      []
    );
  });

  it("uses the calendar day of today, whatever the time of day", () => {
    expect(followUp(day("2024-09-20"), {}, new Date(Date.UTC(2024, 8, 20, 23, 59)))).toEqual([]);
  });
});
