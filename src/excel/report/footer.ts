/** Excel header/footer codes (`&LText&CSida &P (&N)`) split into Office.js's three sections. */

export interface FooterSections {
  readonly leftFooter: string;
  readonly centerFooter: string;
  readonly rightFooter: string;
}

const SECTION_KEYS = { L: "leftFooter", C: "centerFooter", R: "rightFooter" } as const;

/** Text before any section code belongs to the centre, as in Excel. `&&` is a literal `&`. */
export function splitFooter(code: string): FooterSections {
  const sections = { leftFooter: "", centerFooter: "", rightFooter: "" };
  let current: keyof typeof sections = "centerFooter";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    const next = code[i + 1];
    if (ch === "&" && (next === "L" || next === "C" || next === "R")) {
      current = SECTION_KEYS[next];
      i++;
    } else if (ch === "&" && next === "&") {
      sections[current] += "&&";
      i++;
    } else {
      sections[current] += ch;
    }
  }
  return sections;
}

export interface HeaderSections {
  readonly leftHeader: string;
  readonly centerHeader: string;
  readonly rightHeader: string;
}

/** The same codes as a page header's three sections. */
export function splitHeader(code: string): HeaderSections {
  const { leftFooter, centerFooter, rightFooter } = splitFooter(code);
  return { leftHeader: leftFooter, centerHeader: centerFooter, rightHeader: rightFooter };
}
