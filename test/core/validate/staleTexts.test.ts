/**
 * Texts left over from an earlier period, through real workbooks: a small nämnd's T1 is written,
 * read back with exceljs and rolled by Ny period to T2, Helår and T1 of the next year, each filled
 * as an ekonom would and written and read again, so Historik is what Ny period really leaves.
 */
import { rollForward } from "../../../src/core/cycle/nextPeriod";
import type { Finding } from "../../../src/core/findings";
import { parseModel } from "../../../src/core/parse/parseModel";
import { analyse } from "../../../src/core/pipeline";
import type { RowOf, WorkbookContent } from "../../../src/core/template/content";
import { LATEST_TEMPLATE } from "../../../src/core/template/registry";
import { readSnapshotFromBuffer } from "../../../src/xlsx/read/readSnapshot";
import { buildWorkbook } from "../../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../../src/xlsx/template/saveWorkbook";
import { filled, HELAR_FILLING, T1_2024, T2_FILLING } from "../cycle/yearContent";
import { withCode } from "./run";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function readBack(content: WorkbookContent) {
  const bytes = await workbookBytes(buildWorkbook(LATEST_TEMPLATE, content));
  return readSnapshotFromBuffer(bytes, "arbetsbok.xlsx");
}

/** The next period's workbook as Ny period writes it from `content` written to a file. */
async function rolled(content: WorkbookContent): Promise<WorkbookContent> {
  return rollForward(parseModel(await readBack(content))).content;
}

/** The findings of `content` written to a file and read back, validated on `today`. */
async function findingsOf(content: WorkbookContent, today: Date): Promise<readonly Finding[]> {
  return analyse(await readBack(content), { today }).findings;
}

type Patches = {
  readonly [K in keyof NonNullable<WorkbookContent["tables"]>]?: Readonly<
    Record<string, Readonly<Record<string, unknown>>>
  >;
};

const KEYS: Readonly<Record<string, string>> = {
  incomeStatement: "post",
  operatingStatement: "activity",
  volumes: "activity",
  investments: "name",
  actions: "id",
  controls: "id",
};

/** `content` with the given rows' columns set, rows named by their key. */
function patched(content: WorkbookContent, patches: Patches): WorkbookContent {
  const tables: Record<string, readonly Record<string, unknown>[]> = { ...content.tables };
  for (const [table, byKey] of Object.entries(patches)) {
    const key = KEYS[table];
    tables[table] = (tables[table] ?? []).map((row) => ({
      ...row,
      ...(byKey?.[String(row[key])] ?? {}),
    }));
  }
  return { ...content, tables: tables as WorkbookContent["tables"] };
}

/** Every comment of T2_FILLING's rows rewritten for T2, so the T2 workbook starts from silence. */
const T2_COMMENTS: Patches = {
  incomeStatement: {
    "Verksamhetens intäkter": { comment: "Avgifterna har ökat under sommaren." },
    Personalkostnader: { comment: "Sommarvikarier och övertid." },
  },
  operatingStatement: {
    Hemtjänst: { comment: "Behovet har ökat under sommaren." },
    "Särskilt boende": { comment: "Två nya platser sedan juni." },
  },
  investments: { Inventarier: { comment: "Larmen levererade i juni." } },
  controls: { K2: { comment: "Tre rättelser i juni." } },
  // Å3 became Avbruten in T2_FILLING: its follow-up is T2's.
  actions: { Å3: { followUpDate: utc(2024, 9, 2) } },
};

const T2_DAY = utc(2024, 9, 20);
const HELAR_DAY = utc(2025, 1, 20);

let t2Rolled: WorkbookContent;
let t2: WorkbookContent;
let helarRolled: WorkbookContent;
beforeAll(async () => {
  t2Rolled = filled(await rolled(T1_2024), T2_FILLING);
  t2 = patched(t2Rolled, T2_COMMENTS);
  helarRolled = filled(await rolled(t2), HELAR_FILLING);
});

describe("kommentar-oforandrad", () => {
  const CODE = "kommentar-oforandrad";

  it("is silent on a first T1 (no Historik) and on a T2 whose comments are its own", async () => {
    expect(withCode(await findingsOf(T1_2024, utc(2024, 5, 15)), CODE)).toEqual([]);
    expect(withCode(await findingsOf(t2, T2_DAY), CODE)).toEqual([]);
  });

  it("warns at each comment Historik holds unchanged from T1: ledgers, volymer, investeringar, a Löpande kontroll", async () => {
    const copied = patched(t2, {
      incomeStatement: { Personalkostnader: { comment: "Sjukfrånvaro och vikarier." } },
      // The same text with another line break and a trailing space is still a copy.
      operatingStatement: { Hemtjänst: { comment: "Fler kunder\ni egen regi. " } },
      investments: { Inventarier: { comment: "Färre inköp." } },
      controls: { K2: { comment: "Två rättelser." } },
    });
    const found = withCode(await findingsOf(copied, T2_DAY), CODE);
    expect(found.map((f) => [f.severity, f.sheet])).toEqual([
      ["varning", "Resultaträkning"],
      ["varning", "Driftsredovisning"],
      ["varning", "Investeringar"],
      ["varning", "Internkontroll"],
    ]);
    expect(found[0].message).toBe(
      "Kommentaren är oförändrad sedan T1: Historik har samma text för Personalkostnader i T1. " +
        "Skriv vad som gäller i T2 2024, eller töm cellen om det inte finns något att kommentera."
    );
    expect(found.map((f) => f.message.split(":")[0])).toEqual(
      Array(4).fill("Kommentaren är oförändrad sedan T1")
    );
    // Each finding points at the Kommentar cell of its row (read back from the written file).
    const model = parseModel(await readBack(copied));
    expect(found.map((f) => f.cell)).toEqual([
      model.incomeStatement[1].cells.comment.address,
      model.operatingStatement[0].cells.comment.address,
      model.investments[0].cells.comment.address,
      model.controls[1].cells.comment.address,
    ]);
  });

  it("names the volym and compares with the period before only: T2's text at Helår, not T1's", async () => {
    const t2WithVolume = patched(t2, {
      volumes: { Hemtjänst: { comment: "Fler timmar än budgeterat." } },
    });
    const helar = patched(filled(await rolled(t2WithVolume), HELAR_FILLING), {
      incomeStatement: {
        "Verksamhetens intäkter": { comment: "Avgifterna ökade under året." },
        // T1's text, not T2's: the period before said something else.
        Personalkostnader: { comment: "Sjukfrånvaro och vikarier." },
      },
      operatingStatement: {
        Hemtjänst: { comment: "Behovet har ökat under sommaren." },
        "Särskilt boende": { comment: "Två nya platser under året." },
      },
      volumes: { Hemtjänst: { comment: "Fler timmar än budgeterat." } },
      investments: { Inventarier: { comment: "Larmen levererades." } },
    });
    const found = withCode(await findingsOf(helar, HELAR_DAY), CODE);
    expect(found.map((f) => [f.sheet, f.message.split(".")[0]])).toEqual([
      [
        "Driftsredovisning",
        "Kommentaren är oförändrad sedan T2: Historik har samma text för Hemtjänst i T2",
      ],
      ["Volymer", "Kommentaren är oförändrad sedan T2: Historik har samma text för Hemtjänst i T2"],
    ]);
  });

  it("names the year across the year end: Helår 2024's text in T1 2025", async () => {
    const helar = patched(helarRolled, {
      incomeStatement: { Personalkostnader: { comment: "Årets personalkostnader." } },
    });
    const t1 = patched(await rolled(helar), {
      incomeStatement: {
        Personalkostnader: { comment: "Årets personalkostnader.", actual: -250, forecast: -752 },
      },
    });
    const found = withCode(await findingsOf(t1, utc(2025, 5, 15)), CODE);
    expect(found.map((f) => f.message.split(":")[0])).toEqual([
      "Kommentaren är oförändrad sedan Helår 2024",
    ]);
  });

  it("leaves an åtgärd's comment and a kontroll reported for its period alone: Ny period keeps them", async () => {
    // Å1's "Annonser ute." and K1's "Inga fel." stand unchanged in t2, kept by the roll.
    const actions = t2.tables!.actions as readonly RowOf<"actions">[];
    expect(actions[0].comment).toBe("Annonser ute.");
    expect(withCode(await findingsOf(t2, T2_DAY), CODE)).toEqual([]);
  });
});

describe("uppfoljning-fore-statusandring", () => {
  const CODE = "uppfoljning-fore-statusandring";

  it("warns at Uppföljningsdatum when the status changed since T1 but the date is before T1 ended", async () => {
    const stale = patched(t2, { actions: { Å1: { status: "Avslutad" } } });
    const found = withCode(await findingsOf(stale, T2_DAY), CODE);
    const model = parseModel(await readBack(stale));
    expect(found).toEqual([
      expect.objectContaining({
        severity: "varning",
        sheet: "Åtgärder",
        cell: model.actions[0].cells.followUpDate.address,
        message:
          "Åtgärden Å1 har bytt status sedan T1 (Pågående → Avslutad), men Uppföljningsdatum " +
          "2024-04-20 ligger före slutet av T1 (2024-04-30). Skriv datum och kommentar för den " +
          "uppföljning som ändrade statusen.",
      }),
    ]);
  });

  it("is silent when the status changed and the follow-up is dated after T1, or the status did not change", async () => {
    const followedUp = patched(t2, {
      actions: { Å1: { status: "Avslutad", followUpDate: utc(2024, 9, 5) } },
    });
    expect(withCode(await findingsOf(followedUp, T2_DAY), CODE)).toEqual([]);
    // Å1 kept Pågående and its T1 follow-up: not followed up, but no status claims otherwise.
    expect(withCode(await findingsOf(t2, T2_DAY), CODE)).toEqual([]);
  });

  it("at Helår compares with T2's status and T2's end", async () => {
    const helar = patched(helarRolled, {
      actions: { Å1: { status: "Avslutad", followUpDate: utc(2024, 8, 15) } },
    });
    const found = withCode(await findingsOf(helar, HELAR_DAY), CODE).filter((f) =>
      f.message.startsWith("Åtgärden Å1")
    );
    expect(found.map((f) => f.message)).toEqual([
      expect.stringContaining(
        "sedan T2 (Pågående → Avslutad), men Uppföljningsdatum 2024-08-15 " +
          "ligger före slutet av T2 (2024-08-31)"
      ),
    ]);
  });
});

describe("prognos-i-verksamhetsberattelse", () => {
  const CODE = "prognos-i-verksamhetsberattelse";

  it("warns at Helår at a figure's comment that speaks of a forecast, quoting the word", async () => {
    const helar = patched(helarRolled, {
      incomeStatement: { Personalkostnader: { comment: "I övrigt är prognosen oförändrad." } },
      volumes: { Hemtjänst: { comment: "Helårsprognosen för timmarna höll." } },
      // An åtgärd may look ahead: not judged.
      actions: { Å1: { comment: "Prognosen för 2025 är osäker." } },
    });
    const found = withCode(await findingsOf(helar, HELAR_DAY), CODE);
    expect(found.map((f) => [f.severity, f.sheet, f.message])).toEqual([
      [
        "varning",
        "Resultaträkning",
        'Personalkostnader: kommentaren talar om prognos ("prognosen"), men vid helår är rapporten ' +
          "en verksamhetsberättelse som redovisar årets utfall. Skriv om kommentaren så att den " +
          "förklarar utfallet.",
      ],
      ["varning", "Volymer", expect.stringContaining('("Helårsprognosen")')],
    ]);
  });

  it("is silent in T2, where the forecast is the year's figure", async () => {
    const forecastTalk = patched(t2, {
      incomeStatement: { Personalkostnader: { comment: "Prognosen är osäker." } },
    });
    expect(withCode(await findingsOf(forecastTalk, T2_DAY), CODE)).toEqual([]);
  });
});
