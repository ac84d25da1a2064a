/**
 * Excel number formats of the report cells, by what the value is (the layout's choice; content
 * says only `amount`, `wholeAmount`, `integer`, `share`). Negative numbers carry a printed minus sign (U+2212,
 * quoted: Excel needs no backslash escape for it), so a deficit reads in black-and-white print.
 * Excel shows `#,##0.0` with the user's separators: `1 092,2` in Swedish.
 */
import type { ValueFormat } from "../report/reportDoc";

export const AMOUNT_FORMAT = '#,##0.0;"\u2212"#,##0.0;0.0';
export const INTEGER_FORMAT = '#,##0;"\u2212"#,##0;0';
/** A fraction shown as percent: −0.087 → `−8,7%`. */
export const SHARE_FORMAT = '0.0%;"\u2212"0.0%;0.0%';

/** Text has no number format. */
export const EXCEL_FORMATS: Readonly<Record<ValueFormat, string | undefined>> = {
  amount: AMOUNT_FORMAT,
  // Whole tkr or kr: the cell keeps its full value, the format shows it without decimals.
  wholeAmount: INTEGER_FORMAT,
  integer: INTEGER_FORMAT,
  share: SHARE_FORMAT,
  text: undefined,
};
