import { cellOf } from "../../helpers/snapshot";
import { ACTION, CONTROL, findings, RISK, withCode } from "./run";

const LINE = { Post: "Lokalhyror", Typ: "Kostnad", "Budget helår": -64.1, "Prognos helår": -64.1 };
/** The same figures by activity, so that the two tables agree. */
const ACTIVITY = { Verksamhet: "Hemtjänst", "Budget helår": -64.1, "Prognos helår": -64.1 };

describe("felvarde", () => {
  it("reports an Excel error value in any column, computed ones included", () => {
    const found = withCode(
      findings({
        incomeStatement: [
          { ...LINE, "Utfall period": { error: "#REF!" } },
          {
            ...LINE,
            Post: { error: "#N/A" },
            "Avvikelse prognos mot budget": { error: "#DIV/0!" },
          },
        ],
      }),
      "felvarde"
    );
    expect(found.map((f) => [f.severity, f.sheet, f.cell])).toEqual([
      ["fel", "Resultaträkning", cellOf("incomeStatement", "Utfall period", 0)],
      ["fel", "Resultaträkning", cellOf("incomeStatement", "Post", 1)],
      ["fel", "Resultaträkning", cellOf("incomeStatement", "Avvikelse prognos mot budget", 1)],
    ]);
    expect(found[0].message).toBe(
      "Utfall period innehåller felvärdet #REF!. Rätta formeln eller skriv in värdet."
    );
    expect(found[2].message).toContain("Tertial räknar fram kolumnen själv");
  });

  it("reports nothing else for the same cell", () => {
    const all = findings({
      investments: [
        { Investering: "Inventarier", "Budget helår": { error: "#REF!" }, "Prognos helår": -4.2 },
      ],
    });
    expect(all.map((f) => [f.code, f.cell])).toEqual([
      ["felvarde", cellOf("investments", "Budget helår", 0)],
    ]);
  });
});

describe("inte-ett-tal", () => {
  it.each([
    ["abc", '"abc"'],
    [true, "SANT"],
    [new Date(Date.UTC(2024, 7, 31)), "2024-08-31"],
    ["1.234,5", '"1.234,5"'],
  ])("refuses %j in an amount column", (value, quoted) => {
    const found = withCode(
      findings({ incomeStatement: [{ ...LINE, "Utfall period": value }] }),
      "inte-ett-tal"
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        cell: cellOf("incomeStatement", "Utfall period", 0),
      }),
    ]);
    expect(found[0].message).toBe(
      `Utfall period: ${quoted} är inget tal. Skriv beloppet som ett tal, t.ex. −51,2.`
    );
  });

  it("refuses text in a volume column, with an example of a quantity", () => {
    const found = withCode(
      findings({ volumes: [{ Verksamhet: "Hemtjänst", "Volym budget": "många" }] }),
      "inte-ett-tal"
    );
    expect(found.map((f) => f.cell)).toEqual([cellOf("volumes", "Volym budget", 0)]);
    expect(found[0].message).toContain("Skriv ett tal, t.ex. 1 200.");
  });

  it("accepts numbers and Swedish number text", () => {
    const all = findings({ incomeStatement: [{ ...LINE, "Utfall period": "−45,3" }] });
    expect(withCode(all, "inte-ett-tal")).toEqual([]);
  });
});

describe("tal-som-text", () => {
  it("warns about a Swedish-formatted number typed as text and says which value is used", () => {
    const found = withCode(
      findings({ incomeStatement: [{ ...LINE, "Utfall period": "-1 045,30" }] }),
      "tal-som-text"
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: "varning",
        cell: cellOf("incomeStatement", "Utfall period", 0),
      }),
    ]);
    expect(found[0].message).toContain(
      '"-1 045,30" är skrivet som text. Tertial räknar med −1\u00a0045,30'
    );
  });

  it("stays silent for real numbers", () => {
    const all = findings({
      incomeStatement: [{ ...LINE, "Utfall period": -45.3 }],
      operatingStatement: [{ ...ACTIVITY, "Utfall period": -45.3 }],
    });
    expect(all).toEqual([]);
  });
});

describe("varde-utanfor-intervall", () => {
  it.each([[5], [0], [2.5], ["3,5"]])("refuses Sannolikhet %j", (value) => {
    const found = withCode(
      findings({ risks: [{ ...RISK, Sannolikhet: value }], actions: [ACTION] }),
      "varde-utanfor-intervall"
    );
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        sheet: "Risker",
        cell: cellOf("risks", "Sannolikhet", 0),
      }),
    ]);
    expect(found[0].message).toContain("är inte ett heltal 1–4. Skriv ett heltal 1–4.");
  });

  it.each([[1], [4], ["2"]])("accepts Sannolikhet %j", (value) => {
    const all = findings({ risks: [{ ...RISK, Sannolikhet: value }], actions: [ACTION] });
    expect(withCode(all, "varde-utanfor-intervall")).toEqual([]);
  });
});

describe("inte-ett-datum", () => {
  const slutdatum = (value: unknown) =>
    withCode(
      findings({ risks: [RISK], actions: [{ ...ACTION, Slutdatum: value as null }] }),
      "inte-ett-datum"
    );

  it("refuses text that is not an ISO date", () => {
    const found = slutdatum("31/12 2024");
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        sheet: "Åtgärder",
        cell: cellOf("actions", "Slutdatum", 0),
      }),
    ]);
    expect(found[0].message).toBe(
      'Slutdatum: "31/12 2024" är inget datum. Skriv datumet som åååå-mm-dd, t.ex. 2024-08-31.'
    );
  });

  it("refuses a year typed as a number, which Excel would read as a date in 1905", () => {
    const found = slutdatum(2024);
    expect(found[0].message).toContain("2 024 blir datumet 1905-07-16".replace(" ", "\u00a0"));
  });

  it.each([
    ["a date", new Date(Date.UTC(2024, 11, 31))],
    ["ISO text", "2024-12-31"],
    ["an Excel serial number", 45657],
  ])("accepts %s", (_label, value) => {
    expect(slutdatum(value)).toEqual([]);
  });
});

describe("status-ogiltig", () => {
  const status = (value: unknown) =>
    withCode(
      findings({ risks: [RISK], actions: [{ ...ACTION, Status: value as null }] }),
      "status-ogiltig"
    );

  it.each([
    ["pagaende", "Pågående"],
    ["Pågående ", "Pågående"],
    ["AVSLUTAD", "Avslutad"],
    ["ej  påbörjad", "Ej påbörjad"],
  ])("suggests the right spelling of the near miss %j", (value, right) => {
    const found = status(value);
    expect(found).toEqual([
      expect.objectContaining({
        severity: "fel",
        sheet: "Åtgärder",
        cell: cellOf("actions", "Status", 0),
      }),
    ]);
    expect(found[0].message).toBe(
      `Status "${value}" är nästan rätt. Skriv ${right} (välj gärna i listan).`
    );
  });

  it("guesses at a typo but still lists the allowed values", () => {
    expect(status("Avslutat")[0].message).toBe(
      'Status "Avslutat" är inget tillåtet värde. Menar du Avslutad? ' +
        "Välj Ej påbörjad, Pågående, Avslutad eller Avbruten."
    );
  });

  it.each([["Klar"], [3]])("lists the allowed values for %j", (value) => {
    expect(status(value)[0].message).toMatch(
      /är inget tillåtet värde\. Välj Ej påbörjad, Pågående, Avslutad eller Avbruten\.$/
    );
  });

  it("recognises a result written without its first words", () => {
    const found = withCode(
      findings({
        risks: [RISK],
        actions: [ACTION],
        controls: [{ ...CONTROL, Resultat: "med stor avvikelse", Kommentar: "Brister." }],
      }),
      "status-ogiltig"
    );
    expect(found.map((f) => f.cell)).toEqual([cellOf("controls", "Resultat", 0)]);
    expect(found[0].message).toContain("Menar du Kontroll genomförd med stor avvikelse?");
  });

  it("checks every status column, e.g. Typ", () => {
    const found = withCode(
      findings({ incomeStatement: [{ ...LINE, Typ: "kostnad" }] }),
      "status-ogiltig"
    );
    expect(found.map((f) => f.cell)).toEqual([cellOf("incomeStatement", "Typ", 0)]);
    expect(found[0].message).toContain("Skriv Kostnad");
  });

  it("accepts the allowed values", () => {
    for (const value of ["Ej påbörjad", "Pågående", "Avbruten"]) expect(status(value)).toEqual([]);
  });
});
