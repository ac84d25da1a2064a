/**
 * Office.js failures the user can do something about, in Swedish. Errors the core already words
 * (UnusableWorkbookError) and HostErrors pass through; anything else is a bug and is left as it is
 * for the UI's generic message.
 */
import { UnusableWorkbookError } from "../core/errors";
import { HostError } from "../app/appHost";

const MESSAGES: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode:
    "Excel är i redigeringsläge. Avsluta redigeringen av cellen (tryck Enter eller Esc) och försök igen.",
  AccessDenied:
    "Excel tillät inte Tertial att ändra arbetsboken. Är arbetsbokens struktur skyddad (Granska › Skydda arbetsbok) " +
    "går det inte att lägga till rapportbladen: ta bort skyddet och försök igen. Är arbetsboken öppnad skrivskyddad, " +
    "spara en egen kopia och försök igen i den.",
  InvalidOperation:
    "Excel avböjde att skriva rapportbladen. Kontrollera att arbetsbokens struktur inte är skyddad " +
    "(Granska › Skydda arbetsbok) och att ingen dialogruta är öppen i Excel, och försök igen.",
  ItemAlreadyExists:
    "Ett blad med samma namn som ett av rapportbladen finns redan (namnen skiljer sig bara i stora och små bokstäver). " +
    "Byt namn på ditt blad och försök igen.",
  RequestPayloadSizeLimitExceeded:
    "Arbetsboken är för stor för att Excel på webben ska kunna ta emot den i ett svep. " +
    "Öppna arbetsboken i Excel för Windows eller Mac och försök igen där.",
  ResponsePayloadSizeLimitExceeded:
    "Tabellerna är för stora för att Excel på webben ska kunna lämna ut dem i ett svep. " +
    "Öppna arbetsboken i Excel för Windows eller Mac och försök igen där.",
  Conflict:
    "Någon annan ändrade arbetsboken samtidigt. Vänta tills ändringen har sparats och försök igen.",
};

interface OfficeError {
  readonly code: string;
}

function isOfficeError(error: unknown): error is OfficeError {
  return (
    error instanceof Error &&
    typeof (error as Partial<OfficeError>).code === "string" &&
    (error.name === "RichApi.Error" || error.name === "OfficeExtension.Error")
  );
}

export function toUserError(error: unknown): unknown {
  if (error instanceof UnusableWorkbookError || error instanceof HostError) return error;
  if (!isOfficeError(error)) return error;
  return new HostError(
    MESSAGES[error.code] ??
      `Excel kunde inte slutföra åtgärden (felkod ${error.code}). Försök igen. Kvarstår felet: ` +
        "spara arbetsboken, stäng den och öppna den igen."
  );
}
