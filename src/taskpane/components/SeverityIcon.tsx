import { tokens } from "@fluentui/react-components";
import { ErrorCircle20Filled, Warning20Filled } from "@fluentui/react-icons";
import type { Severity } from "../../core/findings";

/** The icon is decoration: the text next to it (or the button's label) says fel or varning. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  return severity === "fel" ? (
    <ErrorCircle20Filled aria-hidden primaryFill={tokens.colorPaletteRedForeground1} />
  ) : (
    <Warning20Filled aria-hidden primaryFill={tokens.colorPaletteDarkOrangeForeground1} />
  );
}
