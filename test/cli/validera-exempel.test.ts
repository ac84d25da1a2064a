/**
 * The bundled example (templates/exempel-2024-T2.xlsx: document 004's economy and internkontroll,
 * document 001's risks and åtgärder, in a 2024 T2 workbook) through the built CLI. Every finding
 * is listed and was reviewed against the source documents; any other finding would be false.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Finding } from "../../src/core/findings";
import { headerAddress, rowAddress } from "./workbookCells";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join("templates", "exempel-2024-T2.xlsx");
/** The same workbook opened and saved by LibreOffice (see its README). */
const RESAVED = path.join("test", "fixtures", "libreoffice", "exempel-2024-T2.xlsx");

const validera = (file: string) =>
  spawnSync(process.execPath, ["bin/tertial.js", "validera", file, "--json"], {
    cwd: ROOT,
    encoding: "utf8",
  });

let workbook: ExcelJS.Workbook;
let findings: Finding[];
let status: number | null;

beforeAll(async () => {
  const build = spawnSync("npm", ["run", "build:cli"], { cwd: ROOT, encoding: "utf8" });
  expect(build.status).toBe(0);
  const run = validera(EXAMPLE);
  findings = JSON.parse(run.stdout) as Finding[];
  status = run.status;
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(ROOT, EXAMPLE));
});

type Expected = readonly [Finding["severity"], string, string, string];

function expected(): Expected[] {
  const ledger = (sheet: string, keyHeader: string, key: string) =>
    rowAddress(workbook, sheet, keyHeader, key, "Kommentar");
  const action = (id: string, header: string) =>
    rowAddress(workbook, "Åtgärder", "Åtgärds-ID", id, header);
  const control = (id: string, header: string) =>
    rowAddress(workbook, "Internkontroll", "Kontroll-ID", id, header);
  const material = "vasentlig-avvikelse-utan-kommentar";
  const late = "atgard-forsenad";
  return [
    // Neither report publishes a bedömning av intern kontroll; a delårsrapport should have one.
    [
      "varning",
      "bedomning-saknas",
      "Inställningar",
      rowAddress(workbook, "Inställningar", "Inställning", "Bedömning av intern kontroll", "Värde"),
    ],
    // Thresholds 5 mnkr or 10 %. 004 comments none of these rows in its economic analysis:
    // Taxor och avgifter +4,7 (10,7 % of 44,0), Bidrag (intäkter) −5,5.
    ["fel", material, "Resultaträkning", ledger("Resultaträkning", "Post", "Taxor och avgifter")],
    ["fel", material, "Resultaträkning", ledger("Resultaträkning", "Post", "Bidrag (intäkter)")],
    // 004: Utfall jan–aug 2023 is −673,4 by type but −670,3 by activity: beyond rounding.
    [
      "fel",
      "avstamning-differens",
      "Driftsredovisning",
      headerAddress(workbook, "Driftsredovisning", "Utfall period fg år", 0),
    ],
    // Korttidsboende −5,3; Öppen verksamhet socialpsykiatri −1,1 (26,8 %); Nämnd +0,2 (12,5 %).
    [
      "fel",
      material,
      "Driftsredovisning",
      ledger("Driftsredovisning", "Verksamhet", "Korttidsboende"),
    ],
    [
      "fel",
      material,
      "Driftsredovisning",
      ledger("Driftsredovisning", "Verksamhet", "Öppen verksamhet socialpsykiatri"),
    ],
    // 004: Bostadsanpassning's Utfall jan–aug 2023 is printed +1,6, the sign error behind the difference.
    [
      "varning",
      "nettokostnad-positiv",
      "Driftsredovisning",
      rowAddress(
        workbook,
        "Driftsredovisning",
        "Verksamhet",
        "Bostadsanpassning",
        "Utfall period fg år"
      ),
    ],
    ["fel", material, "Driftsredovisning", ledger("Driftsredovisning", "Verksamhet", "Nämnd")],
    // 001: five åtgärder are Pågående with slutdatum 2023-12-31, long past by 2024-08-31.
    ["varning", late, "Åtgärder", action("Å1", "Slutdatum")],
    ["varning", late, "Åtgärder", action("Å2", "Slutdatum")],
    // 001: Å2's latest follow-up is dated 2023-10-31, before the workbook's year.
    ["varning", "uppfoljningsdatum-orimligt", "Åtgärder", action("Å2", "Uppföljningsdatum")],
    ["varning", late, "Åtgärder", action("Å3", "Slutdatum")],
    ["varning", late, "Åtgärder", action("Å4", "Slutdatum")],
    ["varning", late, "Åtgärder", action("Å8", "Slutdatum")],
    // 004 ch. 10: K1 and K5 show stor avvikelse; the report has no column for an action.
    ["varning", "kontroll-atgard-saknas", "Internkontroll", control("K1", "Åtgärd vid avvikelse")],
    // 004 ch. 10: hot och våld (K3) and sjukfrånvaro (K4) have comments but no Resultat.
    ["fel", "kontroll-resultat-saknas", "Internkontroll", control("K3", "Resultat")],
    ["fel", "kontroll-resultat-saknas", "Internkontroll", control("K4", "Resultat")],
    ["varning", "kontroll-atgard-saknas", "Internkontroll", control("K5", "Åtgärd vid avvikelse")],
  ];
}

describe("tertial validera on the example workbook", () => {
  it("finds exactly the errors the published reports contain, in reading order", () => {
    expect(findings.map((f) => [f.severity, f.code, f.sheet, f.cell])).toEqual(expected());
    expect(status).toBe(1);
  });

  it("names the column, both totals and the difference in the cross-check finding", () => {
    const crossCheck = findings.find((f) => f.code === "avstamning-differens");
    expect(crossCheck?.message).toContain(
      "Utfall period fg år stämmer inte mellan tabellerna: resultaträkningen summerar till " +
        "−673,4\u00a0mnkr och driftsredovisningen till −670,3\u00a0mnkr, en skillnad på 3,1\u00a0mnkr."
    );
  });

  it("flags only the follow-up dated before 2024; 001's others are from January 2024", () => {
    const followUps = findings.filter((f) => f.code === "uppfoljningsdatum-orimligt");
    expect(followUps.map((f) => f.message)).toEqual([
      expect.stringContaining("Uppföljningsdatum 2023-10-31 ligger före 2024"),
    ]);
  });

  it("gives the same findings for the copy LibreOffice saved, cached formula results and all", () => {
    const resaved = validera(RESAVED);
    expect(JSON.parse(resaved.stdout)).toEqual(findings);
    expect(resaved.status).toBe(1);
  });
});
