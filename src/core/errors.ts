/**
 * Errors for workbooks that cannot be used at all. Each carries a Swedish message that names the
 * file and says what to do; hosts show `message` and nothing else (never a stack trace).
 * Problems inside a usable workbook are Findings, not errors.
 */
import { formatNumber } from "./format";

export abstract class UnusableWorkbookError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Spreadsheet formats a reader recognises without being able to read them: the message names them. */
export type ForeignFormat = "xls" | "xlsb" | "ods";

const FOREIGN_FORMAT_NAMES: Record<ForeignFormat, string> = {
  xls: "en arbetsbok i det äldre Excel-formatet (.xls)",
  xlsb: "en binär Excel-arbetsbok (.xlsb)",
  ods: "ett OpenDocument-kalkylblad (.ods)",
};

export class NotAWorkbookError extends UnusableWorkbookError {
  readonly code = "inte-xlsx";
  /** What the file is instead, when the reader recognised it. */
  readonly format?: ForeignFormat;
  constructor(fileName: string, format?: ForeignFormat) {
    const what = format
      ? `är ${FOREIGN_FORMAT_NAMES[format]}, som Tertial inte kan läsa`
      : "är ingen Excel-arbetsbok (.xlsx)";
    super(
      `${fileName} ${what}. Öppna filen i Excel och spara den som Excel-arbetsbok (.xlsx), och försök igen.`
    );
    this.format = format;
  }
}

/** Why a file could not be opened at all, before any of its content was read. */
/**
 * `special`: a FIFO, a device such as /dev/zero or a socket, which could block or never end.
 * `linkLoop`: symbolic links that lead back to themselves (`ln -s a b; ln -s b a`).
 * `nameTooLong`: a name (255 bytes) or path over the file system's limit: no such file can exist.
 */
export type FileProblem =
  "missing" | "directory" | "special" | "permission" | "busy" | "linkLoop" | "nameTooLong";

/** The file a command wanted: a workbook, or (tertial importera) the ledger export. */
export type WantedFile = "workbook" | "ledger";

/** How each wanted file is named in the messages: as what it is read, and the file to give. */
const WANTED: Record<WantedFile, { readAs: string; give: string }> = {
  workbook: { readAs: "arbetsbok", give: "arbetsboken (.xlsx)" },
  ledger: {
    readAs: "export från ekonomisystemet",
    give: "exportfilen från ekonomisystemet (.se, .sie, .si eller .csv)",
  },
};

const FILE_PROBLEM_MESSAGES: Record<
  FileProblem,
  (path: string, wanted: (typeof WANTED)[WantedFile]) => string
> = {
  missing: (path) => `Filen ${path} finns inte. Kontrollera namnet och sökvägen och försök igen.`,
  directory: (path, { give }) => `${path} är en mapp, inte en fil. Ange sökvägen till ${give}.`,
  special: (path, { readAs, give }) =>
    `${path} är ingen vanlig fil (utan t.ex. en enhet eller en namngiven pipe) och kan inte läsas som ${readAs}. Ange sökvägen till ${give}.`,
  permission: (path) =>
    `${path} kan inte läsas eftersom du saknar behörighet till filen. Be om läsrätt, eller kopiera filen till en egen mapp, och försök igen.`,
  busy: (path) =>
    `${path} kan inte läsas just nu. Stäng program som har filen öppen, vänta en stund och försök igen.`,
  linkLoop: (path, { give }) =>
    `${path} är en länk som leder tillbaka till sig själv (länkarna pekar på varandra i en slinga) och kan inte läsas. Ange sökvägen till själva ${give}.`,
  nameTooLong: (path) =>
    `${path} kan inte läsas: namnet eller sökvägen är längre än filsystemet tillåter (ett filnamn högst 255 byte), så någon sådan fil finns inte. Kontrollera namnet och försök igen.`,
};

export class FileNotReadableError extends UnusableWorkbookError {
  readonly code = "fil-kan-inte-lasas";
  constructor(
    filePath: string,
    readonly problem: FileProblem,
    wanted: WantedFile = "workbook"
  ) {
    super(FILE_PROBLEM_MESSAGES[problem](filePath, WANTED[wanted]));
  }
}

export class CorruptWorkbookError extends UnusableWorkbookError {
  readonly code = "skadad-fil";
  constructor(fileName: string) {
    super(
      `${fileName} är skadad eller ofullständig och kan inte läsas. Ta fram en hel kopia av arbetsboken (t.ex. från den delade mappen) och försök igen.`
    );
  }
}

export class EncryptedWorkbookError extends UnusableWorkbookError {
  readonly code = "losenordsskyddad";
  constructor(fileName: string) {
    super(
      `${fileName} är lösenordsskyddad. Öppna den i Excel, ta bort lösenordet (Arkiv › Info › Skydda arbetsbok) och spara, och försök igen.`
    );
  }
}

/**
 * The workbook is not built on Tertial's template. The message says so in words every host can
 * show (no table names, no commands); each host adds its own way forward from the fields.
 */
export class MissingTableError extends UnusableWorkbookError {
  readonly code = "tabell-saknas";
  constructor(
    fileName: string,
    /** The Excel table's name, e.g. `tblRisker`: for hosts whose users can restore it by name. */
    readonly tableName: string,
    readonly sheet: string
  ) {
    super(
      `${fileName} saknar tabellen på bladet ${sheet}, så den bygger inte på Tertials mall ` +
        `(eller så har tabellen tagits bort).`
    );
  }
}

/**
 * A report Tertial made (its sheets only, no tables) given where the workbook belongs: a
 * blank template would be the wrong way forward, the workbook it was made from the right one.
 */
export class ReportAsInputError extends UnusableWorkbookError {
  readonly code = "rapport-som-arbetsbok";
  constructor(fileName: string) {
    super(
      `Det här är en rapport från Tertial; öppna arbetsboken den gjordes från. ${fileName} har ` +
        "bara rapportens blad, inte tabellerna som rapporten bygger på."
    );
  }
}

export class MissingColumnError extends UnusableWorkbookError {
  readonly code = "kolumn-saknas";
  constructor(
    fileName: string,
    /** The Excel table's name: for hosts whose users can look the table up by name. */
    readonly tableName: string,
    sheet: string,
    header: string
  ) {
    super(
      `${fileName}: tabellen på bladet ${sheet} saknar kolumnen "${header}". ` +
        `Lägg tillbaka kolumnen med exakt den rubriken (eller ändra tillbaka en omdöpt rubrik).`
    );
  }
}

export class UnknownTemplateVersionError extends UnusableWorkbookError {
  readonly code = "okand-mallversion";
  constructor(
    fileName: string,
    version: string,
    sheet: string,
    cell: string,
    known: readonly number[]
  ) {
    const versions =
      known.length < 2 ? known.join("") : `${known.slice(0, -1).join(", ")} eller ${known.at(-1)}`;
    super(
      `${fileName}: Mallversion "${version}" (bladet ${sheet}, cell ${cell}) känns inte igen. ` +
        `Den här versionen av Tertial läser mallversion ${versions}. Uppdatera Tertial eller använd en arbetsbok som bygger på mallversion ${versions}.`
    );
  }
}

/** Ny period needs to know which period the workbook closes: År and Period must be usable. */
export class PeriodUnknownError extends UnusableWorkbookError {
  readonly code = "period-okand";
  constructor(fileName: string, label: string, sheet: string, cell: string | null, shown: string) {
    const where = cell === null ? `saknas på bladet ${sheet}` : `(bladet ${sheet}, cell ${cell})`;
    const what =
      cell === null ? "" : shown === "" ? " är inte ifylld" : ` "${shown}" går inte att använda`;
    super(
      `${fileName}: ${label} ${where}${what}, så Tertial vet inte vilken period som kommer härnäst. ` +
        "Fyll i År (t.ex. 2024) och Period (T1, T2 eller Helår) och försök igen."
    );
  }
}

/** Which limit of `limits.ts` a workbook exceeds. */
export type SizeProblem =
  | { readonly kind: "file"; readonly bytes: number; readonly limitBytes: number }
  | {
      readonly kind: "unpacked";
      readonly bytes: number;
      readonly limitBytes: number;
      /** The largest part, so that the user knows where the size is. */
      readonly part: string;
    }
  | { readonly kind: "part"; readonly part: string; readonly limitBytes: number }
  | { readonly kind: "parts"; readonly count: number; readonly limit: number }
  | {
      readonly kind: "table";
      readonly table: string;
      readonly sheet: string;
      readonly rows: number;
      readonly limit: number;
    };

const MEBIBYTE = 1024 * 1024;
/** A limit, a whole number of MB (`50 MB`). */
const limitMegabytes = (bytes: number) => `${formatNumber(bytes / MEBIBYTE, 0)}\u00a0MB`;
/** A size, rounded up to a tenth, so that a file just past a limit never reads as equal to it. */
const megabytes = (bytes: number) =>
  `${formatNumber(Math.ceil((bytes / MEBIBYTE) * 10) / 10, 1)}\u00a0MB`;
const count = (n: number) => formatNumber(n, 0);

const OVERLOAD =
  "Det är långt mer än en tertialuppföljning behöver, och arbetsboken ser ut att vara konstruerad för att överbelasta program som läser den (eller är skadad).";
const WHAT_TO_DO =
  "Tertial läser den inte. Öppna den inte om du inte vet var den kommer ifrån; för annars över uppgifterna till en ny arbetsbok från Tertials mall och försök igen.";

const SIZE_MESSAGES: {
  [K in SizeProblem["kind"]]: (p: Extract<SizeProblem, { kind: K }>) => string;
} = {
  file: (p) =>
    `är för stor (${megabytes(p.bytes)}; Tertial läser arbetsböcker på högst ${limitMegabytes(p.limitBytes)}). ` +
    `En tertialuppföljning brukar vara under 1\u00a0MB: ta bort bilder och blad som inte hör till uppföljningen, eller för över uppgifterna till en ny arbetsbok från Tertials mall, och försök igen.`,
  unpacked: (p) =>
    `är för stor uppackad: delarna blir tillsammans ${megabytes(p.bytes)} (gränsen är ${limitMegabytes(p.limitBytes)}; störst är ${p.part}). ${OVERLOAD} ${WHAT_TO_DO}`,
  part: (p) =>
    `är för stor uppackad: ${p.part} blir större än ${limitMegabytes(p.limitBytes)}. ${OVERLOAD} ${WHAT_TO_DO}`,
  parts: (p) =>
    `består av ${count(p.count)} delar (Tertial läser högst ${count(p.limit)}; Excel skriver några tiotal). ${OVERLOAD} ${WHAT_TO_DO}`,
  table: (p) =>
    `: tabellen ${p.table} på bladet ${p.sheet} har ${count(p.rows)} rader, och Tertial läser högst ${count(p.limit)} rader per tabell. ` +
    `Ta bort tomma eller överflödiga rader i tabellen (markera raderna, högerklicka › Ta bort), eller minska tabellen (Tabelldesign › Ändra tabellstorlek), och försök igen.`,
};

/**
 * A workbook larger than Tertial reads (`limits.ts`): refused before it can exhaust memory.
 * Names the file, and the part, sheet or table where the size is.
 */
export class WorkbookTooLargeError extends UnusableWorkbookError {
  readonly code = "for-stor";
  constructor(
    fileName: string,
    readonly problem: SizeProblem
  ) {
    const text = (SIZE_MESSAGES[problem.kind] as (p: SizeProblem) => string)(problem);
    super(`${fileName}${text.startsWith(":") ? "" : " "}${text}`);
  }
}

/** What a roll would have made of Historik, past what Tertial reads (`MAX_TABLE_ROWS`). */
export interface HistorySize {
  readonly rows: number;
  /** Rows the closed period adds, and its name (`T1 2024`). */
  readonly added: number;
  readonly closed: string;
  readonly limit: number;
  /** The sheet whose rows add the most, and how many (records, before a long value is split). */
  readonly largestSheet: string;
  readonly largestRows: number;
}

/**
 * Ny period refuses up front, writing nothing, when the new workbook's Historik would hold more
 * rows than Tertial reads: it would write a workbook it then refuses.
 */
export class HistoryTooLargeError extends UnusableWorkbookError {
  readonly code = "historik-for-stor";
  constructor(
    fileName: string,
    readonly size: HistorySize
  ) {
    super(
      `${fileName}: Ny period skrev ingen fil. Historik i den nya arbetsboken skulle få ` +
        `${count(size.rows)} rader (${count(size.added)} av dem från ${size.closed}, flest från ` +
        `bladet ${size.largestSheet}: ${count(size.largestRows)}), och Tertial läser högst ` +
        `${count(size.limit)} rader i Historik, så den nya arbetsboken skulle inte gå att läsa. ` +
        "Så många rader blir det bara när tabellerna har tusentals rader: dela upp uppföljningen " +
        "i en arbetsbok per enhet (de sammanställs med Sammanställ) och försök igen."
    );
  }
}
