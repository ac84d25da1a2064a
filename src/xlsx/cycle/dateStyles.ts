/**
 * Which cell styles of a package show a date, and a date style to give a Date that lands in a cell
 * whose style does not: Excel stores a date as a number, so a Date written without a date style
 * would read back as an amount (35574) and lose its finding.
 */

// Excel's built-in date and time formats (ECMA-376 part 1, 18.8.30).
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const CELL_XFS = /<cellXfs\b([^>]*)>([\s\S]*?)<\/cellXfs>/;
const XF = /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g;
const NUM_FMT = /<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g;

/** A format code shows a date or time when, outside quotes and brackets, it has d, m, y, h or s. */
function isDateCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

export class DateStyles {
  private readonly dateStyles = new Set<number>();
  private xfCount: number;
  private added: number | null = null;

  constructor(private stylesXml: string) {
    const dateFormats = new Set(BUILT_IN_DATES);
    for (const [, id, code] of stylesXml.matchAll(NUM_FMT)) {
      if (isDateCode(code.replace(/&quot;/g, '"'))) dateFormats.add(Number(id));
    }
    const xfs = [...(CELL_XFS.exec(stylesXml)?.[2] ?? "").matchAll(XF)].map((m) => m[0]);
    xfs.forEach((xf, i) => {
      const id = Number(/numFmtId="(\d+)"/.exec(xf)?.[1] ?? 0);
      if (dateFormats.has(id)) this.dateStyles.add(i);
    });
    this.xfCount = xfs.length;
  }

  isDate(style: number): boolean {
    return this.dateStyles.has(style);
  }

  /** A date style: `style` when it is one, else one added to the package (yyyy-mm-dd, built-in 14). */
  dateStyle(style: number): number {
    if (this.isDate(style)) return style;
    if (this.added === null) {
      this.added = this.xfCount;
      this.xfCount += 1;
      this.stylesXml = this.stylesXml.replace(
        CELL_XFS,
        (_whole, attributes: string, xfs: string) =>
          `<cellXfs${attributes.replace(/count="\d+"/, `count="${this.xfCount}"`)}>${xfs}` +
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
      );
    }
    return this.added;
  }

  /** The styles part, with the added date style if one was needed; null when unchanged. */
  changedXml(): string | null {
    return this.added === null ? null : this.stylesXml;
  }
}
