/**
 * How much of a workbook Tertial is willing to read. A tertial follow-up is small (the example is
 * 41 KB, 130 KB unpacked; the benchmark's 10,000 åtgärder are 0.7 MB, 6.9 MB unpacked), so every limit
 * sits far above real use and far below what takes a reader down: the limits keep a crafted or
 * broken file (a zip bomb, a sheet merged over all 17 billion cells, a million-row table) from
 * exhausting memory in the CLI or the browser tab. They are checked before anything is unpacked
 * and again while unpacking, so a file that lies about its sizes stops as well.
 * Why these values, and what reading at them costs: src/xlsx/read/CONTEXT.md ("Limits").
 */

const MEBIBYTE = 1024 * 1024;

/** The .xlsx file itself, as stored on disk or dropped into the browser. */
export const MAX_WORKBOOK_FILE_BYTES = 50 * MEBIBYTE;

/** All parts of the package unpacked together, as the zip's directory declares them. */
export const MAX_UNPACKED_TOTAL_BYTES = 200 * MEBIBYTE;

/** One part unpacked (a sheet, the shared strings), declared or found while unpacking. */
export const MAX_PART_UNPACKED_BYTES = 50 * MEBIBYTE;

/** Entries in the package; Excel writes a few dozen. */
export const MAX_PACKAGE_PARTS = 10_000;

/**
 * Data rows of one template table that hold anything (within the table's range). Historik too:
 * Ny period refuses to write more (src/core/cycle/CONTEXT.md, "Historik's size").
 */
export const MAX_TABLE_ROWS = 50_000;

/** Characters in one cell: Excel's own limit, which the report must respect. */
export const MAX_CELL_TEXT_CHARS = 32_767;
