/** The ribbon command's latest outcome for this workbook, updated live while the pane is open. */
import { useEffect, useState } from "react";
import { loadOutcome, outcomeKey, parseOutcome, type StoredOutcome } from "../app/storedOutcome";

export interface RibbonOutcomeSource {
  readonly storage: Storage;
  /** Office.context.document.url: keeps one workbook's outcome from showing in another. */
  readonly documentUrl: string;
}

export function useRibbonOutcome(source: RibbonOutcomeSource | undefined): StoredOutcome | null {
  const [outcome, setOutcome] = useState(() =>
    source ? loadOutcome(source.storage, source.documentUrl) : null
  );
  useEffect(() => {
    if (!source) return undefined;
    const key = outcomeKey(source.documentUrl);
    // Fired in this window when another runtime of the add-in (the ribbon's) writes the key.
    const onStorage = (event: StorageEvent) => {
      if (event.key === key) setOutcome(parseOutcome(event.newValue));
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [source]);
  return outcome;
}
