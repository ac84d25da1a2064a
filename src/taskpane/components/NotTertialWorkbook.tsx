import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { DocumentAdd20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { NewWorkbookOffer } from "../../app/appHost";
import { userMessage } from "../../app/errorMessage";
import { UserText } from "./UserText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  action: { alignSelf: "flex-start" },
});

type Attempt =
  | { readonly kind: "idle" }
  | { readonly kind: "busy" }
  | { readonly kind: "done" }
  | { readonly kind: "failed"; readonly message: string };

/**
 * The pane opened on a workbook that is not a Tertial workbook: why (the core's message), and the
 * way forward its host offers — a new workbook from the template.
 */
export function NotTertialWorkbook({
  message,
  offer,
}: {
  message: string;
  offer: NewWorkbookOffer | undefined;
}) {
  const styles = useStyles();
  const [attempt, setAttempt] = useState<Attempt>({ kind: "idle" });

  const create = async (go: NewWorkbookOffer) => {
    setAttempt({ kind: "busy" });
    try {
      await go.create();
      setAttempt({ kind: "done" });
    } catch (error) {
      setAttempt({ kind: "failed", message: userMessage(error) });
    }
  };

  return (
    <section className={styles.root} aria-label="Ingen tertialarbetsbok">
      <MessageBar intent="warning" politeness="assertive">
        <MessageBarBody>
          <MessageBarTitle>Det här är ingen tertialarbetsbok</MessageBarTitle>
          <UserText>{message}</UserText>
        </MessageBarBody>
      </MessageBar>
      {offer && (
        <>
          <Body1>{offer.explanation}</Body1>
          <Button
            className={styles.action}
            appearance="primary"
            icon={<DocumentAdd20Regular />}
            disabledFocusable={attempt.kind === "busy"}
            onClick={() => void create(offer)}
          >
            {offer.label}
          </Button>
          <div role="status">{attempt.kind === "done" && <Body1>{offer.done}</Body1>}</div>
          {attempt.kind === "failed" && (
            <MessageBar intent="error" politeness="assertive">
              <MessageBarBody>
                <MessageBarTitle>Det gick inte</MessageBarTitle>
                {attempt.message}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}
