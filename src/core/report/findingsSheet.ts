/**
 * `Kontrollresultat`: every finding with its severity, cell and message. Inside the user's workbook
 * (the add-in) the cell is a link that jumps there; in a separate report file it is plain text
 * such as `Åtgärder!E7`, which Excel's Gå till (F5) also accepts.
 */
import { countBySeverity, type Finding } from "../findings";
import { findingsSummary } from "./findingsText";
import type { Block, Column, ReportSheet, TableRow } from "./reportDoc";
import { FINDINGS_SHEET } from "./productSheets";

const COLUMNS: readonly Column[] = [
  { header: "Allvarlighet", width: 11 },
  { header: "Cell", width: 24 },
  { header: "Meddelande", width: 68 },
];
const SHEET_WIDTH = 11 + 24 + 68;

/** `Åtgärder!E7`, quoting a sheet name that needs it: `'Min flik'!E7`. */
export function cellReference(sheet: string, cell: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

function findingRow(finding: Finding, links: boolean): TableRow {
  const reference = cellReference(finding.sheet, finding.cell);
  return {
    kind: "line",
    cells: [
      {
        value: finding.severity === "fel" ? "Fel" : "Varning",
        emphasis: `finding.${finding.severity}`,
      },
      links
        ? { value: reference, link: { sheet: finding.sheet, cell: finding.cell } }
        : { value: reference },
      { value: finding.message },
    ],
  };
}

/** `top`: the title, after the draft banner when there is one. */
export function findingsSheet(
  top: readonly Block[],
  findings: readonly Finding[],
  fileName: string,
  links: boolean
): ReportSheet {
  const { fel, varning } = countBySeverity(findings);
  const blocks: Block[] = [
    ...top,
    { kind: "paragraph", text: "Kontrollresultat", style: "subtitle" },
    { kind: "paragraph", text: findingsSummary(fel, varning, fileName) },
    { kind: "spacer" },
  ];
  if (findings.length > 0) {
    blocks.push({
      kind: "table",
      columns: COLUMNS,
      rows: findings.map((f) => findingRow(f, links)),
      repeatHeader: true,
    });
  }
  return { name: FINDINGS_SHEET, working: true, orientation: "portrait", width: SHEET_WIDTH, blocks };
}
