import { Body1, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { describeStep, stepFraction, type Step } from "../../app/progress";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** The running step, named in words (and announced to screen readers), with a bar. */
export function ProgressView({ steps, step }: { steps: readonly Step[]; step: Step }) {
  const styles = useStyles();
  const text = describeStep(step, steps);
  return (
    <div className={styles.root}>
      <Body1 role="status" aria-live="polite">
        {text}
      </Body1>
      <ProgressBar value={stepFraction(step, steps)} aria-label={text} />
    </div>
  );
}
