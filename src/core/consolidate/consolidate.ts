/**
 * Sammanställning: the units' reduced workbooks → the nämnd's workbook content (LATEST_TEMPLATE)
 * and the rows of the Sammanställning sheet. Pure; the host reads and reduces each file
 * (unitReport.ts) and writes the result. Rules (CONTEXT.md):
 * - År, Period and Mallversion must be the same in every unit (Enhet filled in: a unit entered in
 *   another Enhet is converted to the first file's, or the settings workbook's), and no unit may come twice:
 *   not its content (contentDigest: a copy, a link), nor its Rapporterande enhet or Enhetskod, nor
 *   as a unit a consolidation among them was made from (UnitReport.madeFrom); prefixed IDs must
 *   stay unique and no table may exceed the read cap: otherwise ConsolidationRefusedError, naming
 *   the files;
 * - every table's rows from every unit, Rapporterande enhet filled with the unit (a row that
 *   names one already, as a nämnd's consolidated rows do, keeps it after the unit's name:
 *   `Socialnämnden / Äldreomsorg`); Risk-, Åtgärds- and Kontroll-ID prefixed with the unit's code
 *   (`ÄO-R1`, over nämnder `SN-ÄO-R1`), Risk-ID references the same way;
 * - Resultaträkning summed per Post (a Post a unit lacks counts as 0); Driftsredovisning per
 *   unit's verksamhet, the unit as Verksamhetsområde where the unit gave none; a date in a
 *   numeric column carried as its text, never as an amount;
 * - Inställningar: Organisation from the option or the first unit; År, Period from the units,
 *   Enhet from the settings workbook or else the first unit; thresholds and the other settings
 *   from a settings workbook or else the first unit.
 * Historik is not carried: each unit's history stays in its own workbook. Which rule a table
 * follows is its entry's `consolidation` in the latest definition (template/v2.ts).
 */
import { convertAmount, isAmountUnit, type AmountUnit } from "../amountUnit";
import { MAX_TABLE_ROWS } from "../limits";
import { reportingUnitText } from "../reportingUnit";
import { formatIsoDate, utcDay } from "../parse/values";
import { sumPresent } from "../rollup/sum";
import type { CellValue } from "../snapshot";
import type { RowSpec, WorkbookContent } from "../template/content";
import {
  isEntry,
  type DataTableKey,
  type SettingKey,
  type TableDef,
  type TableEntry,
  type WritableTemplate,
} from "../template/definition";
import { LATEST_TEMPLATE } from "../template/registry";
import type { RowsPerUnit } from "../template/tableRules";
import { refusal } from "./refusal";
import { unitCodes } from "./unitCode";
import {
  INCOME_AMOUNT_KEYS,
  type NameSource,
  type UnitReport,
  type UnitSource,
} from "./unitReport";

/** A file that could not be used, with the Swedish reason: a row of its own on Sammanställning. */
export interface UnusableFile {
  readonly file: string;
  readonly reason: string;
}

export interface ConsolidateOptions {
  /** --organisation: the nämnd's name; else the first unit's Organisation. */
  readonly organisation?: string;
  /** --installningar: a workbook whose Inställningar give the thresholds and other settings. */
  readonly settingsFrom?: {
    readonly file: string;
    readonly settings: WorkbookContent["settings"];
  };
  /** Files the host could not read (lock files, unreadable, not a template workbook). */
  readonly unusable?: readonly UnusableFile[];
  /** The definition the nämnd's workbook is written as: the latest (a test's variant of it). */
  readonly template?: WritableTemplate;
}

/** A unit's row on Sammanställning: its report's ready-mark and figures, and the name and code it got here. */
export type UnitSummary = Pick<
  UnitReport,
  | "file"
  | "consolidated"
  | "readyMark"
  | "readyBy"
  | "readyDate"
  | "changedAfterReady"
  | "fel"
  | "varning"
  | "budget"
  | "yearEnd"
  | "deviation"
> & {
  /** The Enhet the unit entered its amounts in, when it is not the consolidation's: converted. */
  readonly convertedFrom: AmountUnit | null;
  readonly name: string;
  readonly nameFrom: NameSource;
  readonly code: string;
  readonly codeDerived: boolean;
};

export interface Consolidation {
  readonly content: WorkbookContent;
  readonly units: readonly UnitSummary[];
  readonly unusable: readonly UnusableFile[];
  /** The file the thresholds and other settings come from, and Enhet. */
  readonly settingsFile: string;
  /** The Enhet every amount of the consolidation is in: the settings file's. */
  readonly unit: AmountUnit;
  /** Whether Organisation was given (the option) or taken from the first unit. */
  readonly organisationGiven: boolean;
  /**
   * Every unit this consolidation is made from, and the units of the consolidations among them:
   * what the written workbook records, so that a later run refuses it together with one of them.
   */
  readonly sources: readonly UnitSource[];
}

/**
 * The settings a settings workbook (or the first unit) gives the consolidated workbook. Enhet
 * comes from the same file (consolidationUnit), so Väsentlig avvikelse belopp, entered in it,
 * needs no conversion; Rapportenhet is the same file's choice of how the report shows it.
 */
const TAKEN_SETTINGS = [
  "materialAmount",
  "materialPercent",
  "materialCondition",
  "assessment",
  "assessmentAnalysis",
  "reportUnit",
] as const satisfies readonly SettingKey[];
/** The nämnd's own identity: only from a settings workbook, never from a unit. */
const OWN_SETTINGS = ["reportingUnit", "unitCode"] as const satisfies readonly SettingKey[];

const stem = (file: string) => file.replace(/\.xlsx$/i, "");
const fold = (text: string) => text.toLocaleLowerCase("sv").replace(/\s+/g, " ").trim();

function checkSameFrame(units: readonly UnitReport[]): void {
  const [first, ...rest] = units;
  const fields = [
    ["År", (u: UnitReport) => u.year],
    ["Period", (u: UnitReport) => u.period],
    ["Mallversion", (u: UnitReport) => u.version],
  ] as const;
  for (const unit of units) {
    for (const [label, of] of [...fields, ["Enhet", (u: UnitReport) => u.unit] as const])
      if (of(unit) === null) throw refusal.missing(unit.file, label);
  }
  for (const unit of rest) {
    for (const [label, of] of fields) {
      if (of(unit) !== of(first)) {
        throw refusal.differs(unit.file, label, of(unit), first.file, of(first));
      }
    }
  }
}

/** A unit's name and where it came from (NameSource). */
function unitName(u: UnitReport): { name: string; from: NameSource } {
  if (u.reportingUnit) return { name: u.reportingUnit, from: "reportingUnit" };
  const organisation = u.organisation?.trim();
  // A unit's own workbook carries its nämnd's Organisation like its sibling units do; only a
  // consolidation's Organisation names the unit it stands for.
  if (u.consolidated && organisation) return { name: organisation, from: "organisation" };
  return { name: stem(u.file), from: "file" };
}

function namesAndCodes(units: readonly UnitReport[]) {
  const names = units.map(unitName);
  const byName = new Map<string, string>();
  const byCode = new Map<string, string>();
  units.forEach((u, i) => {
    const name = fold(names[i].name);
    const other = byName.get(name);
    if (other !== undefined) throw refusal.sameUnit(u.file, other, names[i]);
    byName.set(name, u.file);
    if (u.unitCode !== null) {
      const code = fold(u.unitCode);
      const otherCode = byCode.get(code);
      if (otherCode !== undefined) throw refusal.sameCode(u.file, otherCode, u.unitCode);
      byCode.set(code, u.file);
    }
  });
  const codes = unitCodes(units.map((u, i) => ({ name: names[i].name, given: u.unitCode })));
  return names.map((n, i) => ({ ...n, ...codes[i] }));
}

/** The same data twice (a copy, a link, the same bytes under two names): refused, naming both. */
function checkEachUnitOnce(units: readonly UnitReport[]): void {
  const byDigest = new Map<string, string>();
  for (const unit of units) {
    const other = byDigest.get(unit.digest);
    if (other !== undefined) throw refusal.sameContent(unit.file, other);
    byDigest.set(unit.digest, unit.file);
  }
}

/**
 * A consolidation given together with a unit it was made from (an earlier consolidation left in
 * the units' folder) would count that unit twice. The consolidation records its units: the same
 * content, or, for a unit changed since, the same name within the same Organisation.
 */
function checkNotMadeFrom(units: readonly UnitReport[], names: readonly { name: string }[]): void {
  const sameOrganisation = (a: string | null, b: string | null) => fold(a ?? "") === fold(b ?? "");
  units.forEach((whole) => {
    if (whole.madeFrom.length === 0) return;
    units.forEach((part, i) => {
      if (part === whole) return;
      const source =
        whole.madeFrom.find((s) => s.digest === part.digest) ??
        whole.madeFrom.find(
          (s) =>
            fold(s.name) === fold(names[i].name) &&
            sameOrganisation(s.organisation, part.organisation)
        );
      if (source) throw refusal.madeFrom(whole.file, part.file, source);
    });
  });
}

const prefixed = (code: string, id: CellValue): CellValue =>
  id === null || (typeof id === "string" && id.trim() === "") ? id : `${code}-${String(id).trim()}`;

type Row = Record<string, CellValue>;

/** Sums Resultaträkning per Post in order of first appearance; comments kept with the unit's code. */
function summedIncomeStatement(units: readonly UnitReport[], codes: readonly string[]): RowSpec[] {
  const rows = new Map<string, Row>();
  const comments = new Map<string, string[]>();
  units.forEach((unit, i) => {
    for (const line of unit.incomeStatement) {
      // A line without Post is a fel in its unit; it is kept apart rather than merged.
      const key = line.post === null ? `\u0000${i}\u0000${rows.size}` : fold(line.post);
      const row = rows.get(key) ?? { post: line.post, type: line.type };
      if (row.type === null) row.type = line.type;
      for (const k of INCOME_AMOUNT_KEYS) {
        const value = line.amounts[k];
        if (value === null) continue;
        row[k] = sumPresent([(row[k] as number | undefined) ?? null, value]);
      }
      rows.set(key, row);
      // Every line says its unit, so a nämnd's "ÄO: …" lines become "SN: ÄO: …".
      if (line.comment !== null) {
        const said = line.comment.split(/\r?\n/).map((text) => `${codes[i]}: ${text}`);
        comments.set(key, [...(comments.get(key) ?? []), ...said]);
      }
    }
  });
  return [...rows].map(([key, row]) =>
    comments.has(key) ? { ...row, comment: (comments.get(key) ?? []).join("\n") } : row
  );
}

/**
 * The Rapporterande enhet of a unit's row: the unit's name, or, where the row names a unit of its
 * own (a nämnd's consolidated row), both: "Socialnämnden / Äldreomsorg". Unit names are unique
 * within a nämnd only (each may have a Stab), and the controller chasing a row needs both.
 */
function rowUnit(unit: string, own: CellValue): string {
  const text = typeof own === "string" ? own.trim() : own === null ? "" : String(own);
  return text === "" || fold(text) === fold(unit)
    ? unit
    : reportingUnitText({ nämnd: unit, unit: text });
}

/** The columns whose values are numbers: a date there is a fel in its unit, never an amount. */
const NUMERIC_KINDS: ReadonlySet<string> = new Set(["amount", "number", "integer"]);
const numericColumns = (def: TableDef): ReadonlySet<string> =>
  new Set(def.columns.filter((c) => NUMERIC_KINDS.has(c.kind)).map((c) => c.key));

/**
 * A date typed in an amount cell is carried as its text (`1997-05-23`): written as a date into a
 * cell formatted as an amount, Excel and every reader would see the serial number 35574 and sum
 * it; as text it stays what it is, a fel in the consolidated workbook too.
 */
const keptType = (value: CellValue): CellValue =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? formatIsoDate(utcDay(value)) : value;

/** Every unit's rows of a table, its IDs prefixed and Rapporterande enhet filled (`rule`). */
function unitRows(
  def: TableEntry,
  rule: RowsPerUnit,
  units: readonly UnitReport[],
  named: readonly { name: string; code: string }[]
): RowSpec[] {
  const numeric = numericColumns(def);
  return units.flatMap((unit, i) => {
    const inside = referencesInside(def, rule, unit);
    return (unit.content.tables?.[def.key] ?? []).map((source) => {
      const row: Row = { ...(source as RowSpec) };
      for (const column of numeric) if (column in row) row[column] = keptType(row[column]);
      row.reportingUnit = rowUnit(named[i].name, row.reportingUnit ?? null);
      for (const column of rule.prefixed) {
        if (!(column in row)) continue;
        const ids = inside.get(column);
        if (ids === undefined || ids.has(idText(row[column]))) {
          row[column] = prefixed(named[i].code, row[column]);
        }
      }
      const empty = rule.unitWhereEmpty;
      if (empty !== undefined && (row[empty] ?? null) === null) row[empty] = named[i].name;
      return row;
    });
  });
}

const idText = (value: CellValue): string => (value === null ? "" : String(value).trim());

/**
 * For each prefixed reference to a mål (Indikatorer's Mål-ID, Mål's Överordnat mål-ID): the
 * Mål-IDs the unit holds. Only a reference inside the unit is prefixed with it; one to a mål the
 * unit does not hold (a KF-mål of the kommun's plan) stays as it is, so it still names that mål.
 * Other references (Risk-ID) are prefixed as before: a Risk-ID names the unit's own risk.
 */
function referencesInside(
  def: TableEntry,
  rule: RowsPerUnit,
  unit: UnitReport
): Map<string, ReadonlySet<string>> {
  const inside = new Map<string, ReadonlySet<string>>();
  for (const key of rule.prefixed) {
    const column = def.columns.find((c) => c.key === key);
    const target = column?.lookup?.table ?? (key === "parentId" ? def.key : null);
    if (key === "id" || target !== "goals") continue;
    const goals = (unit.content.tables?.goals ?? []) as readonly RowSpec[];
    inside.set(key, new Set(goals.map((g) => idText(g.id ?? null)).filter((id) => id !== "")));
  }
  return inside;
}

/**
 * Prefixed IDs must stay unique across units: code SN with ID ÄO-R1 and code SN-ÄO with ID R1
 * both give SN-ÄO-R1. Refused, naming both files (a unit's own duplicate is its own fel).
 */
function checkUniqueIds(
  units: readonly UnitReport[],
  named: readonly { code: string }[],
  target: WritableTemplate
): void {
  const withIds = target.tableList
    .filter(isEntry)
    .filter(
      (def) => def.consolidation.kind === "perUnit" && def.consolidation.prefixed.includes("id")
    );
  for (const { key, sheet, columns } of withIds) {
    const seen = new Map<string, { unit: number; id: string }>();
    units.forEach((unit, i) => {
      for (const row of unit.content.tables?.[key] ?? []) {
        const id = (row as RowSpec).id ?? null;
        const result = prefixed(named[i].code, id);
        if (typeof result !== "string" || result === id) continue;
        const key = fold(result);
        const other = seen.get(key);
        const own = String(id).trim();
        if (other !== undefined && other.unit !== i) {
          const header = columns.find((c) => c.key === "id")?.header ?? "ID";
          throw refusal.sameId(sheet, header, result, [
            { file: units[other.unit].file, code: named[other.unit].code, id: other.id },
            { file: unit.file, code: named[i].code, id: own },
          ]);
        }
        if (other === undefined) seen.set(key, { unit: i, id: own });
      }
    });
  }
}

/** A table over the read cap would give a workbook Tertial itself refuses: refused before writing. */
function checkRowCap(
  tables: { readonly [K in DataTableKey]?: readonly unknown[] },
  target: WritableTemplate
): void {
  for (const { key, name, sheet } of target.tableList) {
    const rows = key === "settings" ? 0 : (tables[key]?.length ?? 0);
    if (rows > MAX_TABLE_ROWS) throw refusal.tooManyRows(name, sheet, rows, MAX_TABLE_ROWS);
  }
}

/** A table of the nämnd's workbook, as its entry's `consolidation` says; null when not carried. */
function consolidatedRows(
  def: TableEntry,
  units: readonly UnitReport[],
  named: readonly { name: string; code: string }[]
): RowSpec[] | null {
  const rule = def.consolidation;
  switch (rule.kind) {
    case "summedPerPost":
      return summedIncomeStatement(
        units,
        named.map((n) => n.code)
      );
    case "perUnit":
      return unitRows(def, rule, units, named);
    case "notCarried":
      return null;
  }
}

/**
 * The unit's amounts in `to` (amountUnit.ts, full precision): every amount column of the tables
 * carried, Resultaträkning's amounts and its totals. A unit already in `to` is returned as it is.
 */
function inUnit(unit: UnitReport, to: AmountUnit, target: WritableTemplate): UnitReport {
  const from = unit.unit;
  if (from === null || from === to) return unit;
  const amount = (value: number | null) => (value === null ? null : convertAmount(value, from, to));
  const cell = (value: CellValue | undefined) =>
    typeof value === "number" ? convertAmount(value, from, to) : (value ?? null);
  const tables: Partial<Record<DataTableKey, readonly RowSpec[]>> = { ...unit.content.tables };
  for (const def of target.tableList.filter(isEntry)) {
    const amounts = def.columns.filter((c) => c.kind === "amount").map((c) => c.key);
    const rows = tables[def.key];
    if (rows === undefined || amounts.length === 0) continue;
    tables[def.key] = rows.map((row) => {
      const converted: Row = { ...(row as RowSpec) };
      for (const key of amounts) if (key in converted) converted[key] = cell(converted[key]);
      return converted;
    });
  }
  return {
    ...unit,
    unit: to,
    budget: amount(unit.budget),
    yearEnd: amount(unit.yearEnd),
    deviation: amount(unit.deviation),
    content: { ...unit.content, tables },
    incomeStatement: unit.incomeStatement.map((line) => ({
      ...line,
      amounts: Object.fromEntries(
        Object.entries(line.amounts).map(([key, value]) => [key, amount(value)])
      ),
    })),
  };
}

/**
 * The Enhet of the nämnd's workbook: the settings workbook's when it names one, else the first
 * unit's. Its thresholds are in that Enhet, so every unit's amounts are converted to it.
 */
function consolidationUnit(first: UnitReport, options: ConsolidateOptions): AmountUnit {
  const given = options.settingsFrom?.settings?.unit;
  if (isAmountUnit(given)) return given;
  // checkSameFrame refused a unit without Enhet, and the list admits no other value.
  return first.unit as AmountUnit;
}

export function consolidate(
  units: readonly UnitReport[],
  options: ConsolidateOptions = {}
): Consolidation {
  const unusable = options.unusable ?? [];
  if (units.length === 0) throw refusal.nothingUsable(unusable.length);
  checkSameFrame(units);
  checkEachUnitOnce(units);
  checkNotMadeFrom(units, units.map(unitName));
  const target = options.template ?? LATEST_TEMPLATE;
  const named = namesAndCodes(units);
  checkUniqueIds(units, named, target);
  const first = units[0];
  const amountUnit = consolidationUnit(first, options);
  const converted = units.map((u) => inUnit(u, amountUnit, target));

  const source = options.settingsFrom?.settings ?? first.content.settings ?? {};
  const settings: Partial<Record<SettingKey, CellValue>> = {};
  for (const key of TAKEN_SETTINGS) settings[key] = source[key] ?? null;
  if (options.settingsFrom) {
    for (const key of OWN_SETTINGS) settings[key] = options.settingsFrom.settings?.[key] ?? null;
  }
  const organisation = options.organisation?.trim() || null;
  Object.assign(settings, {
    organisation: organisation ?? first.content.settings?.organisation ?? null,
    year: first.year,
    period: first.period,
    unit: amountUnit,
    readyMark: "Nej",
    templateVersion: target.version,
  });

  // Every table of the written version, as its entry says (a table has no entry without a rule).
  const tables: Partial<Record<DataTableKey, readonly RowSpec[]>> = {};
  for (const def of target.tableList.filter(isEntry)) {
    const rows = consolidatedRows(def, converted, named);
    if (rows !== null) tables[def.key] = rows;
  }
  checkRowCap(tables, target);

  return {
    content: { version: target.version, settings, tables },
    units: converted.map((u, i) => ({
      file: u.file,
      consolidated: u.consolidated,
      readyMark: u.readyMark,
      readyBy: u.readyBy,
      readyDate: u.readyDate,
      changedAfterReady: u.changedAfterReady,
      fel: u.fel,
      varning: u.varning,
      budget: u.budget,
      yearEnd: u.yearEnd,
      deviation: u.deviation,
      convertedFrom: units[i].unit === amountUnit ? null : units[i].unit,
      name: named[i].name,
      nameFrom: named[i].from,
      code: named[i].code,
      codeDerived: named[i].derived,
    })),
    unusable,
    settingsFile: options.settingsFrom?.file ?? first.file,
    unit: amountUnit,
    organisationGiven: organisation !== null,
    sources: units.flatMap((u, i) => [
      { file: u.file, name: named[i].name, organisation: u.organisation, digest: u.digest },
      ...u.madeFrom,
    ]),
  };
}
