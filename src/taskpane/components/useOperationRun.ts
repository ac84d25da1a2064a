/**
 * What the pane's workbook operations (Ny period, Klarmarkera, Hämta från Kolada-fil, Importera
 * utfall) share: a run with its steps, its outcome or its Swedish failure, shown only while its
 * host is still the current one (browser mode may open another workbook meanwhile); the pane told
 * while it is busy; and the last download kept valid until the next one, so a slow download is
 * never cut off. What they show around it is in OperationStatus.tsx.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { userMessage } from "../../app/errorMessage";
import type { Delivered } from "../../app/operation";

export type RunState<S, D> =
  | { readonly kind: "idle" }
  | { readonly kind: "busy"; readonly step: S }
  | { readonly kind: "done"; readonly done: D }
  | { readonly kind: "failed"; readonly message: string };

export const useOperationStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
  line: { margin: 0 },
});

export function useOperationRun<S, D>(
  host: unknown,
  release: (delivered: Delivered) => void,
  onBusy?: (busy: boolean) => void
) {
  const [state, setState] = useState<RunState<S, D>>({ kind: "idle" });
  const current = useRef(host);
  current.current = host;
  useEffect(() => setState({ kind: "idle" }), [host]);
  const last = useRef<Delivered | null>(null);

  /** Runs `work` from its first step; `delivered` names what it handed the user, if anything. */
  const run = async (
    first: S,
    work: (onStep: (step: S) => void) => Promise<D>,
    delivered: (done: D) => Delivered | null | undefined
  ) => {
    const show = (next: RunState<S, D>) => {
      if (current.current === host) setState(next);
    };
    show({ kind: "busy", step: first });
    onBusy?.(true);
    try {
      const done = await work((step) => show({ kind: "busy", step }));
      const handed = delivered(done);
      if (handed) {
        if (last.current) release(last.current);
        last.current = handed;
      }
      show({ kind: "done", done });
    } catch (error) {
      show({ kind: "failed", message: userMessage(error) });
    } finally {
      onBusy?.(false);
    }
  };

  /** Back to idle: a preview the user turned down. */
  const clear = () => setState({ kind: "idle" });

  return { state, run, clear };
}
