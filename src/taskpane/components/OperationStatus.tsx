/**
 * What the pane's workbook operations show around their run (useOperationRun): the props each
 * takes from the pane, the progress while busy, why it failed, and the message of its outcome.
 * One layout, so every operation's messages wrap in a 360 px pane and read alike.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Step } from "../../app/progress";
import { ProgressView } from "./ProgressView";
import { useOperationStyles, type RunState } from "./useOperationRun";
import { UserText, WithUserValues } from "./UserText";

/** What the pane passes each operation: busy elsewhere, and the report while this one is busy. */
export interface OperationProps {
  /** Another run of the pane is busy. */
  readonly disabled: boolean;
  readonly onBusy?: (busy: boolean) => void;
}

/** The steps while the run is busy; the failure, in Swedish, once it failed. */
export function RunStatus<S extends Step>({
  state,
  steps,
  failedTitle,
}: {
  state: RunState<S, unknown>;
  steps: readonly S[];
  /** `Ny period gick inte`. */
  failedTitle: string;
}) {
  if (state.kind === "busy") return <ProgressView steps={steps} step={state.step} />;
  if (state.kind !== "failed") return null;
  return (
    <MessageBar layout="multiline" intent="error" politeness="assertive">
      <MessageBarBody>
        <MessageBarTitle>{failedTitle}</MessageBarTitle>
        <UserText>{state.message}</UserText>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * An outcome: its title and one paragraph per line, the user's `values` (file names, a name)
 * isolated in each. Multiline, so a long file name wraps instead of widening the pane.
 */
export function OperationMessage({
  intent,
  title,
  lines,
  values,
}: {
  intent: "success" | "warning" | "error";
  title: string;
  lines: readonly string[];
  values: readonly string[];
}) {
  const styles = useOperationStyles();
  return (
    <MessageBar
      layout="multiline"
      intent={intent}
      politeness={intent === "error" ? "assertive" : undefined}
    >
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {lines.map((line) => (
          <p key={line} className={styles.line}>
            <WithUserValues text={line} values={values} />
          </p>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
