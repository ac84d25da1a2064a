/**
 * Importera utfall's confirmation, over Operations with a recording delivery and (as in Excel) a
 * recording writeImportedCells: the preview writes and delivers nothing; confirmed, a host that
 * writes into the open workbook gets exactly the previewed cells, after the copy of the workbook
 * as it was when asked; the pane's words for each outcome. Real workbook, real SIE file.
 */
import {
  applyImport,
  importMessage,
  importNote,
  previewImport,
  previewTitle,
} from "../../src/app/importActuals";
import type { Operations } from "../../src/app/operation";
import type { ImportStep } from "../../src/app/progress";
import type { CellChange } from "../../src/core/importing/importPlan";
import { createBrowserHost } from "../../src/browser/browserHost";
import { LATEST_TEMPLATE } from "../../src/core/template/registry";
import { buildWorkbook } from "../../src/xlsx/template/buildWorkbook";
import { workbookBytes } from "../../src/xlsx/template/saveWorkbook";
import { recordingDelivery } from "../helpers/recordingDelivery";

const SIE = [
  "#RAR 0 20240101 20241231",
  "#PSALDO 0 202401 5011 {} 1500000.00",
  '#PSALDO 0 202401 5011 {1 "110"} 1400000.00',
  '#PSALDO 0 202401 5011 {1 "910"} 100000.00', // no Verksamhet maps object 910
  "#PSALDO 0 202402 3999 {} -20000.00", // no Post maps 3999 here
].join("\r\n");

async function workbookFile(actual: number | null): Promise<File> {
  const book = buildWorkbook(LATEST_TEMPLATE, {
    settings: { organisation: "Nämnden", year: 2024, period: "T1", unit: "tkr" },
    tables: {
      incomeStatement: [{ post: "Personalkostnader", type: "Kostnad", actual }],
      operatingStatement: [{ activity: "Hemtjänst" }],
      accountMapping: [{ accountFrom: 5000, accountTo: 5999, post: "Personalkostnader" }],
      objectMapping: [{ dimension: 1, objectFrom: "100", objectTo: "199", activity: "Hemtjänst" }],
    },
  } as never);
  return new File([Buffer.from(await workbookBytes(book))], "nämnd.xlsx");
}

/** The opened workbook's operations, delivering into a log; `inPlace` adds Excel's writer. */
async function operationsOn(file: File, inPlace: boolean) {
  const log: string[] = [];
  const written: CellChange[][] = [];
  const recorded = recordingDelivery(inPlace ? "open" : "download");
  const delivery = {
    ...recorded.delivery,
    deliver: async (...args: Parameters<typeof recorded.delivery.deliver>) => {
      log.push(`deliver ${args[0].fileName}`);
      return recorded.delivery.deliver(...args);
    },
  };
  const operations: Operations = {
    ...createBrowserHost(file, () => undefined).operations!,
    delivery,
    ...(inPlace
      ? {
          writeImportedCells: async (changes: readonly CellChange[]) => {
            log.push(`write ${changes.length}`);
            written.push([...changes]);
          },
        }
      : {}),
  };
  return { operations, log, written, delivered: recorded.delivered };
}

const steps = () => {
  const seen: ImportStep[] = [];
  return { seen, onStep: (step: ImportStep) => void seen.push(step) };
};

it("writes the previewed cells into the open workbook, after the copy of it as it was", async () => {
  const file = await workbookFile(-3);
  const { operations, log, written, delivered } = await operationsOn(file, true);
  const preview = await previewImport(operations, new File([SIE], "huvudbok.se"), steps().onStep);
  expect(log).toEqual([]);
  expect(previewTitle(preview)).toBe("2 celler ändras i nämnd.xlsx");

  const { seen, onStep } = steps();
  const applied = await applyImport(operations, preview, true, onStep);

  expect(seen).toEqual(["copy", "importCells"]);
  expect(log).toEqual(["deliver nämnd före import.xlsx", "write 2"]);
  expect(Buffer.from(delivered[0].bytes).equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
  expect(written[0].map((c) => [c.sheet, c.name, c.before, c.after])).toEqual([
    ["Resultaträkning", "Personalkostnader", -3, -1500],
    ["Driftsredovisning", "Hemtjänst", null, -1400],
  ]);
  const message = importMessage(preview, applied);
  expect(message.intent).toBe("warning");
  expect(message.lines[0]).toBe(
    "2 celler i nämnd.xlsx fick nya värden. Spara arbetsboken för att behålla dem."
  );
  expect(message.lines[1]).toContain("spara den som nämnd före import.xlsx");
  expect(message.lines.slice(2)).toEqual(["Det som inte kom med:", ...preview.gaps]);
  expect(preview.gaps.join(" ")).toContain("Konto 3999");
  expect(preview.gaps.join(" ")).toContain("Objekt 910");
});

it("without the copy: only the write", async () => {
  const { operations, log } = await operationsOn(await workbookFile(-3), true);
  const preview = await previewImport(operations, new File([SIE], "huvudbok.se"), steps().onStep);
  const { seen, onStep } = steps();

  expect(await applyImport(operations, preview, false, onStep)).toEqual({
    kind: "written",
    copy: null,
  });
  expect(seen).toEqual(["importCells"]);
  expect(log).toEqual(["write 2"]);
});

it("a workbook that already holds the ledger's figures: no cell changes", async () => {
  const { operations } = await operationsOn(await workbookFile(-1500), false);
  const sie = SIE.replace(/^.*3999.*$/m, "").replace(/^.*910.*$/m, "");
  const preview = await previewImport(operations, new File([sie], "huvudbok.se"), steps().onStep);

  expect(preview.rows.map((r) => r.name)).toEqual(["Hemtjänst"]);
  const { operations: same } = await operationsOn(
    new File([Buffer.from(preview.bytes)], "nämnd importerad.xlsx"),
    false
  );
  const again = await previewImport(same, new File([sie], "huvudbok.se"), steps().onStep);
  expect(again.rows).toEqual([]);
  expect(previewTitle(again)).toBe(
    "Inga celler ändras: nämnd importerad.xlsx har redan huvudbokens belopp"
  );
});

it("says beside the button where the import goes", async () => {
  const excel = await operationsOn(await workbookFile(null), true);
  const page = await operationsOn(await workbookFile(null), false);

  expect(importNote(excel.operations)).toContain("skrivs Utfall period, Utfall period fg år");
  expect(importNote(page.operations)).toContain("laddas en kopia av nämnd.xlsx med utfallet ned");
});
