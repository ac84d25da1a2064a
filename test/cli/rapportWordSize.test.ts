/**
 * A report too large for a Word document is refused before anything is made, with a Swedish
 * message naming the workbook and exit code 2 (V8's "heap out of memory" could not be caught once
 * it happened); and `--format xlsx,docx` writes nothing until both documents are made, so a
 * failure while making the second leaves no .xlsx behind.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { ReportDoc } from "../../src/core/report/reportDoc";
import { reportCommand } from "../../src/cli/reportCommand";
import { runCommand } from "../../src/cli/runCommand";
import * as documentSize from "../../src/docx/documentSize";
import { useInProcessCli } from "./inProcess";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");
const { checkWordDocumentSize, MAX_WORD_BODY_BYTES, WordDocumentTooLargeError, wordBodyEstimate } =
  documentSize;

const io = useInProcessCli("tertial-rapport-docx-size-");

async function copyExample(): Promise<string> {
  const file = path.join(io.dir, "exempel.xlsx");
  await fs.copyFile(EXAMPLE, file);
  return file;
}

const filesIn = async (dir: string) => (await fs.readdir(dir)).sort();

/** A report of one table with `rows` rows of a comment each: as large as wanted, cheaply. */
function reportOf(rows: number): ReportDoc {
  const comment = "Åtgärden följs upp varje månad av enhetschefen. ".repeat(2);
  return {
    draft: null,
    about: { title: "Nämnden – Delår", organisation: "Nämnden", report: "Delår", period: null },
    sheets: [
      {
        name: "Rapport Riskbild",
        orientation: "portrait",
        width: 100,
        blocks: [
          {
            kind: "table",
            columns: [
              { header: "Åtgärd", width: 30 },
              { header: "Kommentar", width: "rest" },
            ],
            rows: Array.from({ length: rows }, (_, i) => ({
              kind: "line" as const,
              cells: [{ value: `Å${i}` }, { value: comment }],
            })),
          },
        ],
      },
    ],
  };
}

describe("the Word document's size", () => {
  it("grows with the rows and is refused past the limit, before any rendering", () => {
    const small = wordBodyEstimate(reportOf(1_000));
    const large = wordBodyEstimate(reportOf(10_000));
    expect(large).toBeGreaterThan(9 * (small - wordBodyEstimate(reportOf(0))));
    const rows = Math.ceil(MAX_WORD_BODY_BYTES / ((large - small) / 9_000));
    expect(() =>
      checkWordDocumentSize(reportOf(Math.round(rows * 0.9)), "nämnd.xlsx")
    ).not.toThrow();
    expect(() => checkWordDocumentSize(reportOf(Math.round(rows * 1.1)), "nämnd.xlsx")).toThrow(
      WordDocumentTooLargeError
    );
    expect(() => checkWordDocumentSize(reportOf(Math.round(rows * 1.1)), "nämnd.xlsx")).toThrow(
      /^nämnd\.xlsx: rapporten blir för stor för ett Word-dokument \(omkring \d+ MB text och tabeller; Tertial skriver Word-dokument upp till 250 MB\), så inget Word-dokument skrevs\./
    );
  });
});

describe("tertial rapport --format xlsx,docx", () => {
  afterEach(() => jest.restoreAllMocks());

  it("refuses a Word document too large up front: exit 2, a Swedish message, no file", async () => {
    const input = await copyExample();
    jest.spyOn(documentSize, "checkWordDocumentSize").mockImplementation(() => {
      throw new WordDocumentTooLargeError("exempel.xlsx", 300_000_000);
    });
    await runCommand(() => reportCommand(input, { format: "xlsx,docx" }));
    expect(process.exitCode).toBe(2);
    expect(io.stderr).toMatch(
      /^Fel: exempel\.xlsx: rapporten blir för stor för ett Word-dokument .* Skriv rapporten som Excel-arbetsbok med --format xlsx\.\n$/m
    );
    expect(io.stderr).not.toMatch(/heap out of memory|JavaScript|\n\s+at /);
    expect(await filesIn(io.dir)).toEqual(["exempel.xlsx"]);
  });

  it("writes no .xlsx when the Word document fails after the workbook was made", async () => {
    const input = await copyExample();
    // The command's own check passes; the renderer's, after the .xlsx was made, refuses.
    const check = jest.spyOn(documentSize, "checkWordDocumentSize");
    check.mockImplementationOnce(() => {});
    check.mockImplementationOnce(() => {
      throw new WordDocumentTooLargeError("exempel.xlsx", 300_000_000);
    });
    await runCommand(() => reportCommand(input, { format: "xlsx,docx" }));
    expect(check).toHaveBeenCalledTimes(2);
    expect(process.exitCode).toBe(2);
    expect(await filesIn(io.dir)).toEqual(["exempel.xlsx"]);
  });
});
