/**
 * docProps/app.xml's list of a workbook's parts, kept true when an upgrade adds sheets and
 * defined names. HeadingPairs holds a heading and a count per group ("Worksheets" 11, "Named
 * Ranges" 3; the headings are in the writer's language), TitlesOfParts the titles, group after
 * group. Excel shows them only in the file's properties and rebuilds them on save, so nothing
 * breaks when they are stale, but a file Tertial writes should not describe sheets it lacks.
 */
import { attribute, workbookSheets } from "../read/packageXml";
import { decodeXml, escapeXml } from "../xmlText";

export const APP_PART = "docProps/app.xml";

interface Group {
  readonly heading: string;
  titles: string[];
}

const vectorOf = (element: string) =>
  new RegExp(
    `(<(?:[\\w.-]+:)?${element}\\b[^>]*>\\s*<([\\w.-]+:)?vector\\b)([^>]*>)([\\s\\S]*?)(</\\2vector>)`
  );
const HEADING_PAIRS = vectorOf("HeadingPairs");
const TITLES_OF_PARTS = vectorOf("TitlesOfParts");
const LPSTR = /<(?:[\w.-]+:)?lpstr\s*(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?lpstr>)/g;
const VARIANT_VALUE = /<(?:[\w.-]+:)?(lpstr|i4)\s*(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?\1>)/g;

/** A sheet name as Excel writes it before "!": quoted unless it is letters, digits and _ only. */
const sheetPrefix = (name: string) =>
  /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

/**
 * The titles Excel lists for the workbook's defined names: a sheet's own name as
 * `Sheet!Print_Titles` (the `_xlnm.` of a built-in name dropped), a workbook name as itself;
 * hidden names and the filters' `_FilterDatabase` are not listed.
 */
export function definedNameTitles(workbookXml: string): string[] {
  const sheets = workbookSheets(workbookXml).map((s) => s.name);
  return [...workbookXml.matchAll(/<(?:[\w.-]+:)?definedName\b[^>]*>/g)].flatMap(([tag]) => {
    const name = decodeXml(attribute(tag, "name") ?? "");
    if (attribute(tag, "hidden") === "1" || /^_xlnm\._FilterDatabase$/i.test(name)) return [];
    const shown = name.replace(/^_xlnm\./i, "");
    const scope = attribute(tag, "localSheetId");
    const sheet = scope === null ? undefined : sheets[Number(scope)];
    return [sheet === undefined ? shown : `${sheetPrefix(sheet)}!${shown}`];
  });
}

function groupsOf(headingPairs: string, titles: readonly string[]): Group[] | null {
  const values = [...headingPairs.matchAll(VARIANT_VALUE)].map((m) => ({
    kind: m[1],
    text: decodeXml(m[2] ?? ""),
  }));
  const groups: Group[] = [];
  let at = 0;
  for (let i = 0; i + 1 < values.length; i += 2) {
    const [heading, count] = [values[i], values[i + 1]];
    if (heading.kind !== "lpstr" || count.kind !== "i4") return null;
    const n = Number(count.text);
    groups.push({ heading: heading.text, titles: titles.slice(at, at + n) });
    at += n;
  }
  return at === titles.length && values.length % 2 === 0 ? groups : null;
}

/**
 * `appXml` with `addedSheets` in its worksheets group, each after the nearest sheet before it in
 * `sheetOrder` (the workbook's order), and the workbook's defined names (`definedNameTitles`)
 * that its names group lacks at the end of that group. The worksheets group is the one whose
 * titles are all sheets of the workbook, the names group the other one whose titles are all
 * names of it; a group missing is not made up, and an app.xml not of this form is returned as it
 * is (a reader rebuilds it).
 */
export function withAddedTitles(
  appXml: string,
  sheetOrder: readonly string[],
  addedSheets: readonly string[],
  nameTitles: readonly string[]
): string {
  const pairs = HEADING_PAIRS.exec(appXml);
  const parts = TITLES_OF_PARTS.exec(appXml);
  if (!pairs || !parts) return appXml;
  const titles = [...parts[4].matchAll(LPSTR)].map((m) => decodeXml(m[1] ?? ""));
  const groups = groupsOf(pairs[4], titles);
  if (!groups) return appXml;

  const sheetSet = new Set(sheetOrder);
  const fresh = new Set(addedSheets);
  const within = (group: Group, set: ReadonlySet<string>) =>
    group.titles.length > 0 && group.titles.every((t) => set.has(t));
  const sheetsGroup = groups.find((g) => within(g, sheetSet));
  if (!sheetsGroup) return appXml;
  for (const sheet of sheetOrder.filter((s) => fresh.has(s) && !sheetsGroup.titles.includes(s))) {
    const before = sheetOrder
      .slice(0, sheetOrder.indexOf(sheet))
      .reverse()
      .find((s) => sheetsGroup.titles.includes(s));
    sheetsGroup.titles.splice(
      before === undefined ? 0 : sheetsGroup.titles.indexOf(before) + 1,
      0,
      sheet
    );
  }
  const namesGroup = groups.find((g) => g !== sheetsGroup && within(g, new Set(nameTitles)));
  if (namesGroup)
    namesGroup.titles.push(...nameTitles.filter((t) => !namesGroup.titles.includes(t)));

  const prefix = pairs[2] ?? "";
  const allTitles = groups.flatMap((g) => g.titles);
  const headingXml = groups
    .map(
      (g) =>
        `<${prefix}variant><${prefix}lpstr>${escapeXml(g.heading)}</${prefix}lpstr></${prefix}variant>` +
        `<${prefix}variant><${prefix}i4>${g.titles.length}</${prefix}i4></${prefix}variant>`
    )
    .join("");
  const titlesPrefix = parts[2] ?? "";
  const titlesXml = allTitles
    .map((t) => `<${titlesPrefix}lpstr>${escapeXml(t)}</${titlesPrefix}lpstr>`)
    .join("");
  const sized = (open: string, size: number) => open.replace(/\ssize="\d+"/, ` size="${size}"`);
  return appXml
    .replace(
      HEADING_PAIRS,
      (_, head, _p, open, _body, close) =>
        `${head}${sized(open, groups.length * 2)}${headingXml}${close}`
    )
    .replace(
      TITLES_OF_PARTS,
      (_, head, _p, open, _body, close) =>
        `${head}${sized(open, allTitles.length)}${titlesXml}${close}`
    );
}
