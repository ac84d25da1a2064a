/**
 * Sammanställ's state in the pane: the files, the optional Organisation and settings workbook,
 * and the run (src/app/consolidation.ts) with its outcome. Each run, and each new set of files or
 * settings, takes a new number: a run shows its outcome only while its number is the latest (the
 * user may drop other files while one is read). A shown download is released when it goes stale.
 */
import { useEffect, useRef, useState } from "react";
import { consolidateUnits, ConsolidationFailure } from "../app/consolidation";
import { userMessage } from "../app/errorMessage";
import type { Delivered, Operations } from "../app/operation";
import type { Consolidation, UnusableFile } from "../core/consolidate/consolidate";

export type ConsolidationState =
  | { readonly kind: "idle" }
  | { readonly kind: "busy"; readonly index: number; readonly name: string }
  | { readonly kind: "done"; readonly consolidation: Consolidation; readonly delivered: Delivered }
  | {
      readonly kind: "failed";
      readonly message: string;
      /** What was read before it failed, if anything. */
      readonly consolidation: Consolidation | null;
      readonly unusable: readonly UnusableFile[];
    };

export function useConsolidation(operations: Operations, files: readonly File[]) {
  const [organisation, setOrganisation] = useState("");
  const [settingsFile, setSettingsFile] = useState<File | null>(null);
  const [state, setState] = useState<ConsolidationState>({ kind: "idle" });
  const shown = useRef<Delivered | null>(null);
  const latest = useRef(0);
  const { release } = operations.delivery;

  const replaceDelivered = (next: Delivered | null) => {
    if (shown.current) release(shown.current);
    shown.current = next;
  };
  // Other files make the last result stale; its download URL is freed then and on unmount.
  useEffect(() => {
    latest.current += 1;
    setState({ kind: "idle" });
    return () => {
      if (shown.current) release(shown.current);
      shown.current = null;
    };
  }, [files, release]);

  // Another settings workbook (or none) makes the last result stale too.
  const chooseSettings = (file: File | null) => {
    latest.current += 1;
    replaceDelivered(null);
    setState({ kind: "idle" });
    setSettingsFile(file);
  };

  const run = async () => {
    const id = ++latest.current;
    const wanted = () => latest.current === id;
    const show = (next: ConsolidationState) => {
      if (wanted()) setState(next);
    };
    show({ kind: "busy", index: 0, name: files[0]?.name ?? "" });
    try {
      const outcome = await consolidateUnits(operations, {
        units: files,
        organisation,
        settings: settingsFile ?? undefined,
        onFile: (index, name) => show({ kind: "busy", index, name }),
        wanted,
      });
      if ("refused" in outcome) {
        show({
          kind: "failed",
          message: userMessage(outcome.refused),
          consolidation: null,
          unusable: outcome.unusable,
        });
        return;
      }
      const { delivered } = outcome;
      if (delivered === null) return;
      if (!wanted()) return operations.delivery.release(delivered);
      replaceDelivered(delivered);
      setState({ kind: "done", consolidation: outcome.consolidation, delivered });
    } catch (error) {
      const made = error instanceof ConsolidationFailure;
      show({
        kind: "failed",
        message: userMessage(made ? error.cause : error),
        consolidation: made ? error.consolidation : null,
        unusable: [],
      });
    }
  };

  return { state, organisation, setOrganisation, settingsFile, chooseSettings, run };
}
