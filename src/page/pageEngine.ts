/**
 * The page's engine for the workbook operations, shared by browser mode and the Excel pane: the
 * shared paths in src/xlsx and src/docx, each loaded with import() when first needed. The exceljs
 * side is the chunk `exceljs.js` (browser mode loads it as it starts, the Excel pane on its first
 * Ny period or Sammanställ); the Word renderer is the chunk `docx.js`, loaded on the first Ladda
 * ner som Word.
 */
import { HostError } from "../app/appHost";
import type { PickedFile, WorkbookEngine } from "../app/operation";
import { UnusableWorkbookError } from "../core/errors";
import { UnreadableKoladaError } from "../core/kolada/koladaResponse";
import type { UnitFile } from "../xlsx/consolidate/consolidateFiles";
import { readBytes } from "./pickedFile";

/** A chunk that could not be fetched (offline, or a new deployment): say so and how to go on. */
const unloadable = (what: string) => (error: unknown) => {
  console.error(error);
  throw new HostError(
    `Tertial kunde inte ladda delen som ${what}. Kontrollera nätverket och ladda om sidan (F5).`
  );
};

/** Starts loading the exceljs chunk; the page calls it as browser mode starts, so it works offline. */
export function loadWorkbookIo(): Promise<typeof import("./workbookIo")> {
  return import(/* webpackChunkName: "exceljs" */ "./workbookIo").catch(
    unloadable("läser och skriver Excel-filer")
  );
}

function loadWordTemplate(): Promise<typeof import("../docx/wordTemplate")> {
  return import(/* webpackChunkName: "docx" */ "../docx/wordTemplate").catch(
    unloadable("läser Word-mallar")
  );
}

/** A picked Word-mall, refused by its size before it is read (a tab holds it whole). */
async function pickedWordTemplate(file: PickedFile) {
  const { MAX_WORD_TEMPLATE_BYTES, readWordTemplate, templateRefusals } = await loadWordTemplate();
  if (file.size > MAX_WORD_TEMPLATE_BYTES) throw templateRefusals.tooLarge(file.name, file.size);
  const bytes = await readBytes(
    file,
    (name) =>
      new HostError(
        `Word-mallen ${name} kunde inte läsas. Har filen ändrats, flyttats eller tagits bort ` +
          "sedan du valde den? Välj Word-mallen igen."
      )
  );
  return readWordTemplate(new Uint8Array(bytes), file.name);
}

function loadConsolidation(): Promise<typeof import("../xlsx/consolidate/consolidateFiles")> {
  return import(/* webpackChunkName: "exceljs" */ "../xlsx/consolidate/consolidateFiles").catch(
    unloadable("sammanställer arbetsböcker")
  );
}

function loadWordReport(): Promise<typeof import("../docx/wordReport")> {
  return import(/* webpackChunkName: "docx" */ "../docx/wordReport").catch(
    unloadable("skriver Word-dokument")
  );
}

/** A picked file that can no longer be read (changed, moved or deleted since it was picked). */
class PickedFileGoneError extends UnusableWorkbookError {
  readonly code = "fil-kan-inte-lasas";
  constructor(name: string) {
    super(
      `${name} kunde inte läsas. Har filen ändrats, flyttats eller tagits bort sedan du valde ` +
        "den? Välj arbetsböckerna igen."
    );
  }
}

function unitFile(file: PickedFile): UnitFile {
  return {
    name: file.name,
    bytes: async () => readBytes(file, (name) => new PickedFileGoneError(name)),
  };
}

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
}

export const pageEngine: WorkbookEngine = {
  async nextPeriod(workbook) {
    const io = await loadWorkbookIo();
    return io.nextPeriodWorkbook(workbook.bytes, workbook.fileName);
  },
  async markReady(workbook, by, today) {
    const io = await loadWorkbookIo();
    return io.markedWorkbook(workbook.bytes, workbook.fileName, by, today);
  },
  async consolidate(input) {
    const io = await loadConsolidation();
    // The files are only read, one after another, and only inside the page.
    return io.consolidateFiles(input.units.map(unitFile), {
      today: input.today,
      organisation: input.organisation,
      settingsFile: input.settings ? unitFile(input.settings) : undefined,
      onFile: input.onFile,
    });
  },
  async importActuals(workbook, ledger) {
    const io = await loadWorkbookIo();
    // A browser File is read chunk by chunk (Safari's stream is not async-iterable): memory
    // stays the reader's, whatever the export's size.
    const chunks = ledger.stream
      ? chunksOf(ledger.stream())
      : [new Uint8Array(await ledger.arrayBuffer())];
    return io.importLedgerWorkbook(workbook, ledger.name, chunks);
  },
  async wordDocument(doc, template) {
    const { reportDocumentBytes } = await loadWordReport();
    return reportDocumentBytes(
      doc,
      doc.about.title,
      template === undefined ? undefined : await pickedWordTemplate(template)
    );
  },
  async kolada(workbook, files) {
    const io = await loadWorkbookIo();
    const decoder = new TextDecoder();
    const pages = [];
    for (const file of files) {
      const bytes = await readBytes(
        file,
        (name) =>
          new UnreadableKoladaError(
            `${name} kunde inte läsas. Har filen ändrats, flyttats eller tagits bort sedan du ` +
              "valde den? Välj Kolada-filen igen."
          )
      );
      pages.push({ name: file.name, text: decoder.decode(bytes) });
    }
    return io.koladaWorkbook(workbook.bytes, workbook.fileName, pages);
  },
};
