import type { ReactNode } from "react";

/**
 * Text the user wrote (a cell, Organisation, Enhet, a file name) among the pane's own words, as
 * a bidi isolate: a right-to-left override (U+202E) or a right-to-left name in it cannot reorder
 * the words around it, and its direction comes from its own first letter (`<bdi>` is dir=auto).
 */
export function UserText({ children }: { children: string }) {
  return <bdi>{children}</bdi>;
}

/**
 * A sentence the app composed around user values (`values`, e.g. file names): each occurrence of
 * a value is isolated as UserText, the longer value first where two start at the same place.
 */
export function WithUserValues({ text, values }: { text: string; values: readonly string[] }) {
  const wanted = [...new Set(values)].filter((v) => v !== "").sort((a, b) => b.length - a.length);
  const parts: ReactNode[] = [];
  let rest = text;
  while (rest !== "") {
    let next: { at: number; value: string } | null = null;
    for (const value of wanted) {
      const at = rest.indexOf(value);
      if (at !== -1 && (next === null || at < next.at)) next = { at, value };
    }
    if (next === null) {
      parts.push(rest);
      break;
    }
    if (next.at > 0) parts.push(rest.slice(0, next.at));
    parts.push(<UserText key={parts.length}>{next.value}</UserText>);
    rest = rest.slice(next.at + next.value.length);
  }
  return <>{parts}</>;
}
