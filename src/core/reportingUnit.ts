/**
 * A row's Rapporterande enhet as a value. In a consolidation over nämnder (a kommunstyrelse's) a
 * row keeps the unit it came from after its nämnd's name, because unit names are unique within a
 * nämnd only; in a cell the two are written "Socialnämnden / Äldreomsorg" (the template contract),
 * and this module is the only one that knows that form: consolidate writes a value with it, the
 * report reads the cell back into a value, and neither joins or splits text of its own.
 */
export interface ReportingUnit {
  /** The nämnd the unit belongs to: set only on a row consolidated over nämnder. */
  readonly nämnd: string | null;
  /** The unit; over three levels, the rest of the path ("SN / ÄO" under a kommunstyrelse). */
  readonly unit: string;
}

/** Between a nämnd's name and its unit's in a consolidated row's Rapporterande enhet. */
const SEPARATOR = " / ";

/** The cell text of a reporting unit: "Socialnämnden / Äldreomsorg", or the unit alone. */
export const reportingUnitText = ({ nämnd, unit }: ReportingUnit): string =>
  nämnd === null ? unit : `${nämnd}${SEPARATOR}${unit}`;

/** A Rapporterande enhet cell's text as a value: the nämnd is what stands before the first separator. */
export function readReportingUnit(text: string): ReportingUnit {
  const at = text.indexOf(SEPARATOR);
  return at < 0
    ? { nämnd: null, unit: text }
    : { nämnd: text.slice(0, at), unit: text.slice(at + SEPARATOR.length) };
}
