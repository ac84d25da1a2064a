/**
 * The ribbon's Generera rapport runs in its own JavaScript runtime (VersionOverrides 1.0 has no
 * shared runtime), so it leaves a compact outcome in localStorage for the pane to show. Both run
 * from the add-in's origin and share that storage; an open pane hears the `storage` event. The key
 * carries the document's URL so that another open workbook does not pick up this one's result.
 */
import type { ReportOutcome } from "./workflow";

export type StoredOutcome =
  | (ReportOutcome & {
      readonly kind: "generated";
      /** ISO timestamp. */
      readonly finishedAt: string;
    })
  | { readonly kind: "failed"; readonly finishedAt: string; readonly message: string };

const KEY_PREFIX = "tertial.ribbonOutcome.v1:";

export function outcomeKey(documentUrl: string): string {
  return KEY_PREFIX + documentUrl;
}

type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

export function saveOutcome(
  store: KeyValueStore,
  documentUrl: string,
  outcome: StoredOutcome
): void {
  store.setItem(outcomeKey(documentUrl), JSON.stringify(outcome));
}

/** The stored outcome, or null when there is none or it is not one this version wrote. */
export function loadOutcome(store: KeyValueStore, documentUrl: string): StoredOutcome | null {
  return parseOutcome(store.getItem(outcomeKey(documentUrl)));
}

export function parseOutcome(json: string | null): StoredOutcome | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null) return null;
    const outcome = value as Partial<Record<string, unknown>>;
    if (typeof outcome.finishedAt !== "string") return null;
    if (outcome.kind === "failed" && typeof outcome.message === "string") {
      return value as StoredOutcome;
    }
    if (
      outcome.kind === "generated" &&
      Array.isArray(outcome.sheetNames) &&
      typeof outcome.header === "object" &&
      typeof outcome.summary === "object" &&
      typeof outcome.counts === "object"
    ) {
      return value as StoredOutcome;
    }
    return null;
  } catch {
    return null;
  }
}

/** `2024-09-02 14:03` in the user's time zone (Swedish date and time formats). */
export function formatFinishedAt(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleString("sv-SE", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  });
}
