import { Body1, Button, makeStyles, Title3, tokens } from "@fluentui/react-components";
import type { StoredOutcome } from "../../app/storedOutcome";
import { OutcomeView } from "./OutcomeView";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

/**
 * The dialog the ribbon's Generera rapport opens when it is done (a function command cannot open
 * the task pane without a shared runtime). It can only show; the pane navigates.
 */
export function OutcomeDialog({
  outcome,
  onClose,
}: {
  outcome: StoredOutcome | null;
  onClose: () => void;
}) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">Tertial – Generera rapport</Title3>
      {outcome ? (
        <OutcomeView outcome={outcome} />
      ) : (
        <Body1>
          Ingen körning hittades för den här arbetsboken. Försök igen från fliken Start.
        </Body1>
      )}
      <Body1>Välj Start › Visa Tertial för att se fynden och gå till cellerna.</Body1>
      <Button appearance="primary" onClick={onClose}>
        Stäng
      </Button>
    </main>
  );
}
