/**
 * Errors for workbooks that cannot be used at all. Each carries a Swedish message that names the
 * file and says what to do; hosts show `message` and nothing else (never a stack trace).
 * Problems inside a usable workbook are Findings, not errors.
 */
export abstract class UnusableWorkbookError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotAWorkbookError extends UnusableWorkbookError {
  readonly code = "inte-xlsx";
  constructor(fileName: string) {
    super(
      `${fileName} är ingen Excel-arbetsbok (.xlsx). Öppna filen i Excel och spara den som Excel-arbetsbok (.xlsx), och försök igen.`
    );
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

export class MissingTableError extends UnusableWorkbookError {
  readonly code = "tabell-saknas";
  constructor(fileName: string, tableName: string, sheet: string) {
    super(
      `${fileName} saknar tabellen ${tableName} (bladet ${sheet}). Arbetsboken måste bygga på Tertials mall: ` +
        `skapa en ny med \`tertial mall\` och för över uppgifterna, eller återställ tabellen.`
    );
  }
}

export class MissingColumnError extends UnusableWorkbookError {
  readonly code = "kolumn-saknas";
  constructor(fileName: string, tableName: string, sheet: string, header: string) {
    super(
      `${fileName}: tabellen ${tableName} på bladet ${sheet} saknar kolumnen "${header}". ` +
        `Lägg tillbaka kolumnen med exakt den rubriken (eller ändra tillbaka en omdöpt rubrik).`
    );
  }
}

export class UnknownTemplateVersionError extends UnusableWorkbookError {
  readonly code = "okand-mallversion";
  constructor(fileName: string, version: string, sheet: string, cell: string) {
    super(
      `${fileName}: Mallversion "${version}" (bladet ${sheet}, cell ${cell}) känns inte igen. ` +
        `Den här versionen av Tertial läser mallversion 1. Uppdatera Tertial eller använd en arbetsbok som bygger på mallversion 1.`
    );
  }
}
