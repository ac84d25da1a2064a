/**
 * Column widths from content: every column holds its widest word and figure at the size the
 * table prints at, the table stays within the page, the sheet's shape is kept where there is
 * room, and the text gets smaller only when it must.
 */
import fc from "fast-check";
import { leastEms, tableColumns, type ColumnNeed } from "../../src/docx/tableColumns";
import { textWidth } from "../../src/docx/pageSetup";

const PAGE = 14_003; // A4 landscape between 2.5 cm margins, twips
/** The least width a piece of `ems` takes at `sizePt`, as the module counts it (padding, air). */
const least = (ems: number, sizePt: number) => Math.ceil(ems * sizePt * 20) + 200;

describe("leastEms", () => {
  it("keeps a figure whole and a header's words apart", () => {
    const figure = leastEms({ text: "\u22121\u00a0114\u00a0200", bold: false, whole: true });
    const word = leastEms({ text: "Periodbudget jan–aug 2024", bold: true, whole: false });
    const regular = leastEms({ text: "Periodbudget", bold: false, whole: false });
    // Arial: "−1 114 200" is 5.032 em; "Periodbudget" 6.445 em in bold, 5.948 regular.
    expect(figure).toBeCloseTo(5.032, 3);
    expect(word).toBeCloseTo(6.445, 3);
    expect(regular).toBeCloseTo(5.948, 3);
    // A long comment: its widest word, wherever it is.
    const comment = `${"ord ".repeat(2000)}Konsekvensbeskrivning ${"ord ".repeat(2000)}`;
    expect(leastEms({ text: comment, bold: false, whole: false })).toBe(
      leastEms({ text: "Konsekvensbeskrivning", bold: false, whole: false })
    );
  });
});

describe("tableColumns", () => {
  const need = fc.record({
    words: fc.double({ min: 0, max: 12, noNaN: true }),
    figures: fc.double({ min: 0, max: 8, noNaN: true }),
  });
  const table = fc
    .array(fc.tuple(fc.integer({ min: 200, max: 4000 }), need), { minLength: 1, maxLength: 12 })
    .map((columns) => ({
      declared: columns.map(([w]) => w),
      needs: columns.map(([, n]): ColumnNeed => n),
    }));

  it("holds every word and figure whole when the page allows, at 9 pt if it fits", () => {
    fc.assert(
      fc.property(table, ({ declared, needs }) => {
        const whole = needs.map((n) => Math.max(n.words, n.figures));
        const { widths, sizePt } = tableColumns(declared, needs, PAGE);
        const sum = widths.reduce((a, b) => a + b, 0);
        expect(sum).toBeLessThanOrEqual(
          Math.max(
            PAGE,
            declared.reduce((a, b) => a + b, 0)
          )
        );
        const fitsAt = (size: number) => whole.reduce((s, e) => s + least(e, size), 0) <= PAGE;
        if (fitsAt(9)) expect(sizePt).toBe(9);
        if (fitsAt(sizePt)) {
          whole.forEach((e, i) => expect(widths[i]).toBeGreaterThanOrEqual(least(e, sizePt)));
        } else {
          // Words may break now, figures never (when even they fit).
          const figures = needs.map((n) => least(n.figures, sizePt));
          if (figures.reduce((a, b) => a + b, 0) <= PAGE - 12 * 600)
            figures.forEach((f, i) => expect(widths[i]).toBeGreaterThanOrEqual(f));
        }
      })
    );
  });

  it("keeps the sheet's widths where every column already holds its content", () => {
    // The widest text column 2,800 of 6,400: under the 45 % a text column may take beside others.
    const declared = [2800, 1200, 1200, 1200];
    const needs = [4, 3, 3, 3].map((e): ColumnNeed => ({ words: e, figures: 0 }));
    expect(tableColumns(declared, needs, PAGE)).toEqual({ widths: declared, sizePt: 9 });
  });

  it("widens a column short of its widest word with room taken from the others", () => {
    const declared = [3000, 1000, 1000];
    const needs: ColumnNeed[] = [
      { words: 5, figures: 0 },
      { words: 6.445, figures: 5.032 }, // "Periodbudget" in bold over "−1 114 200"
      { words: 3, figures: 4 },
    ];
    const { widths, sizePt } = tableColumns(declared, needs, 5000);
    expect(sizePt).toBe(9);
    expect(widths[1]).toBe(least(6.445, 9));
    // The room comes mostly from the wide text column, a little from the one with less to spare.
    expect(3000 - widths[0]).toBeGreaterThan(10 * (1000 - widths[2]));
    expect(widths[2]).toBeGreaterThanOrEqual(least(4, 9));
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5000);
  });

  it("gives no text column more than 45 % of a table beside other text columns", () => {
    const text = fc.record({
      words: fc.double({ min: 0, max: 60, noNaN: true }),
      figures: fc.constant(0),
    });
    const figure = fc.record({
      words: fc.double({ min: 0, max: 8, noNaN: true }),
      figures: fc.double({ min: 1, max: 8, noNaN: true }),
    });
    const columns = fc.array(
      fc.tuple(fc.integer({ min: 200, max: 6000 }), fc.oneof(text, figure)),
      {
        minLength: 2,
        maxLength: 8,
      }
    );
    fc.assert(
      fc.property(columns, fc.constantFrom(9071, PAGE), (cols, page) => {
        const declared = cols.map(([w]) => w);
        const needs = cols.map(([, n]): ColumnNeed => n);
        const { widths, sizePt } = tableColumns(declared, needs, page);
        const total = widths.reduce((a, b) => a + b, 0);
        expect(total).toBeLessThanOrEqual(
          Math.max(
            page,
            declared.reduce((a, b) => a + b, 0)
          )
        );
        const texts = needs.flatMap((n, i) => (n.figures === 0 ? [i] : []));
        // A text column's longest word counts up to a third of the page.
        const textLeast = (i: number) =>
          Math.min(least(needs[i].words, sizePt), Math.floor(page / 3));
        const figuresFit =
          needs.reduce(
            (sum, n, i) =>
              sum + (n.figures === 0 ? textLeast(i) : least(Math.max(n.words, n.figures), sizePt)),
            0
          ) <= page;
        if (texts.length < 2 || !figuresFit) return;
        const most = Math.floor(total * 0.45);
        for (const i of texts) {
          expect(widths[i]).toBeGreaterThanOrEqual(textLeast(i));
          // Over the share only at its least width, or when every other text column has it too.
          const othersFull = texts.every((j) => j === i || widths[j] >= most);
          if (widths[i] > most && widths[i] > textLeast(i)) expect(othersFull).toBe(true);
        }
      })
    );
  });

  it("leaves Åtgärd a fair share beside a long comment, and a web address breaks in its cell", () => {
    // Samlad riskbild's åtgärder on a portrait page: the sheet gives the comment 61 % (what it
    // has left), and "Kommentar vid senaste uppföljning" then holds a web address of 52 ems.
    const page = textWidth("portrait");
    const declared = [1463, 2048, 5560];
    const comment = (words: number): ColumnNeed[] => [
      { words: 4.9, figures: 0 }, // "Åtgärdens" in bold
      { words: 11.0, figures: 0 },
      { words, figures: 0 },
    ];
    for (const words of [10.4, 52.1]) {
      const { widths, sizePt } = tableColumns(declared, comment(words), page);
      const total = widths.reduce((a, b) => a + b, 0);
      expect(sizePt).toBe(9);
      // fitColumns may round a twip or two away.
      expect(total).toBeGreaterThanOrEqual(declared.reduce((a, b) => a + b, 0) - 3);
      expect(widths[2]).toBeLessThanOrEqual(total * 0.45);
      // Åtgärd gets what the comment gave up, beyond the sheet's 2,048 twips (3.6 cm).
      expect(widths[1]).toBeGreaterThan(2900);
    }
    // Beside figures only, a comment keeps what the sheet gives it.
    const ledger: ColumnNeed[] = [
      { words: 3, figures: 4 },
      { words: 3, figures: 4 },
      { words: 10, figures: 0 },
    ];
    expect(tableColumns([1500, 1500, 6000], ledger, page).widths).toEqual([1500, 1500, 6000]);
  });
});
