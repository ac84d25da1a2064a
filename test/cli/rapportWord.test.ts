/**
 * `tertial rapport --format docx`: the Word document instead of or beside the workbook, chosen by
 * --format or -o's ending; Tertial's own earlier document is replaced without --force, an edited
 * or foreign one is not, and a refusal of either file writes neither.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
import { reportCommand } from "../../src/cli/reportCommand";
import { reportTargets } from "../../src/cli/reportFormats";
import { runCommand } from "../../src/cli/runCommand";
import { isTertialDocument } from "../../src/docx/documentMarker";
import { isTertialReport } from "../../src/xlsx/render/reportMarker";
import { paragraphs } from "../docx/documentXml";
import { sha256, useInProcessCli } from "./inProcess";

const EXAMPLE = path.join(__dirname, "..", "..", "templates", "exempel-2024-T2.xlsx");

const io = useInProcessCli("tertial-rapport-docx-");

async function copyExample(): Promise<string> {
  const file = path.join(io.dir, "exempel.xlsx");
  await fs.copyFile(EXAMPLE, file);
  return file;
}

async function exitCodeOf(command: () => Promise<number>): Promise<number | undefined> {
  await runCommand(command);
  return process.exitCode as number | undefined;
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false
  );

describe("reportTargets", () => {
  const input = path.join("mapp", "nämnd.xlsx");
  const at = (name: string) => path.join("mapp", name);

  it.each([
    ["nothing", {}, [["xlsx", at("nämnd-rapport.xlsx")]]],
    ["-o ending in .docx", { output: "ut.DOCX" }, [["docx", "ut.DOCX"]]],
    ["-o ending in .xlsx", { output: "ut.xlsx" }, [["xlsx", "ut.xlsx"]]],
    ["--format docx", { format: "docx" }, [["docx", at("nämnd-rapport.docx")]]],
    [
      "--format xlsx,docx",
      { format: "xlsx,docx" },
      [
        ["xlsx", at("nämnd-rapport.xlsx")],
        ["docx", at("nämnd-rapport.docx")],
      ],
    ],
    [
      "--format ' DOCX, xlsx ' with -o without an ending",
      { format: " DOCX, xlsx ", output: "rapporter/T2" },
      [
        ["docx", "rapporter/T2.docx"],
        ["xlsx", "rapporter/T2.xlsx"],
      ],
    ],
    ["--format docx,docx", { format: "docx,docx" }, [["docx", at("nämnd-rapport.docx")]]],
  ])("%s", (_, options, expected) => {
    expect(reportTargets(input, options).map((t) => [t.format, t.target])).toEqual(expected);
  });

  it.each([
    [{ format: "pdf" }, 'Okänt format "pdf" för --format. Välj xlsx, docx eller xlsx,docx.'],
    [{ format: "xlsx," }, 'Okänt format "" för --format. Välj xlsx, docx eller xlsx,docx.'],
    [
      { format: "xlsx,docx", output: "rapporter/T2.docx" },
      "Med två format anger -o filnamnet utan ändelse, t.ex. -o rapporter/T2; Tertial skriver " +
        "då rapporter/T2.xlsx och rapporter/T2.docx.",
    ],
  ])("refuses %j in Swedish", (options, message) => {
    expect(() => reportTargets(input, options)).toThrow(message);
  });
});

describe("tertial rapport --format docx", () => {
  it("writes the workbook and the document, both marked as Tertial's, and leaves the input as it was", async () => {
    const input = await copyExample();
    const before = await sha256(input);
    expect(await exitCodeOf(() => reportCommand(input, { format: "xlsx,docx" }))).toBe(1);
    const docx = path.join(io.dir, "exempel-rapport.docx");
    const xlsx = path.join(io.dir, "exempel-rapport.xlsx");
    expect(await isTertialDocument(await fs.readFile(docx))).toBe(true);
    expect(await isTertialReport(await fs.readFile(xlsx))).toBe(true);
    expect(await sha256(input)).toBe(before);
    expect(io.stdout).toContain(`i ${xlsx} (Rapport Ekonomi, `);
    expect(io.stdout).toContain(`Kontrollresultat) och ${docx}, eftersom arbetsboken har 8 fel.`);
    const zip = await JSZip.loadAsync(await fs.readFile(docx));
    const body = await zip.file("word/document.xml")!.async("string");
    expect(paragraphs(body).filter((p) => p.style === "Heading1")[0].text).toBe("Sammanfattning");
  });

  it("writes only the document when -o ends in .docx, and says where its findings are", async () => {
    const input = await copyExample();
    const output = path.join(io.dir, "nämnd.docx");
    expect(await exitCodeOf(() => reportCommand(input, { output }))).toBe(1);
    expect(await isTertialDocument(await fs.readFile(output))).toBe(true);
    expect(await exists(path.join(io.dir, "exempel-rapport.xlsx"))).toBe(false);
    expect(io.stdout).toContain("; de listas i kapitlet Kontrollresultat.");
  });

  it("replaces its own earlier document without --force", async () => {
    const input = await copyExample();
    expect(await exitCodeOf(() => reportCommand(input, { format: "docx" }))).toBe(1);
    expect(await exitCodeOf(() => reportCommand(input, { format: "docx" }))).toBe(1);
    expect(io.stderr).not.toContain("finns redan");
  });

  it("keeps a document edited since, and a foreign one, unless --force", async () => {
    const input = await copyExample();
    const docx = path.join(io.dir, "exempel-rapport.docx");
    expect(await exitCodeOf(() => reportCommand(input, { format: "docx" }))).toBe(1);
    // The user's edit: a word of the body changed and saved.
    const zip = await JSZip.loadAsync(await fs.readFile(docx));
    const body = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", body.replace("Sammanfattning", "Sammanfattning (reviderad)"));
    await fs.writeFile(docx, await zip.generateAsync({ type: "uint8array" }));
    const edited = await sha256(docx);

    expect(await exitCodeOf(() => reportCommand(input, { format: "docx" }))).toBe(2);
    expect(io.stderr).toContain(
      `${docx} finns redan; använd --force för att ersätta den, eller ange en annan fil med -o.`
    );
    expect(await sha256(docx)).toBe(edited);

    const foreign = path.join(io.dir, "brev.docx");
    const letter = new Document({ sections: [{ children: [new Paragraph("Hej")] }] });
    await fs.writeFile(foreign, await Packer.toBuffer(letter));
    expect(await exitCodeOf(() => reportCommand(input, { output: foreign }))).toBe(2);

    expect(await exitCodeOf(() => reportCommand(input, { format: "docx", force: true }))).toBe(1);
    expect(await isTertialDocument(await fs.readFile(docx))).toBe(true);
  });

  it("writes neither file when one of the two may not be written", async () => {
    const input = await copyExample();
    const docx = path.join(io.dir, "exempel-rapport.docx");
    await fs.writeFile(docx, "användarens fil");
    expect(await exitCodeOf(() => reportCommand(input, { format: "xlsx,docx" }))).toBe(2);
    expect(await exists(path.join(io.dir, "exempel-rapport.xlsx"))).toBe(false);
    expect(await fs.readFile(docx, "utf8")).toBe("användarens fil");
  });

  it("refuses a document name with another ending", async () => {
    const input = await copyExample();
    const output = path.join(io.dir, "ut.xlsx");
    expect(await exitCodeOf(() => reportCommand(input, { format: "docx", output }))).toBe(2);
    expect(io.stderr).toContain(
      `${output}: filen blir ett Word-dokument, så namnet måste sluta på .docx, t.ex. -o rapport.docx.`
    );
    expect(await exists(output)).toBe(false);
  });
});
