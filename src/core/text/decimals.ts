/**
 * The precision a figure was entered with. A figure rounded to one decimal may be off by 0,05 from
 * the exact amount; the cross-check between resultaträkning and driftsredovisning allows for that.
 */
import type { CellValue } from "../snapshot";

function decimalsOfNumber(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  // toString gives the shortest text that reads back as the same double: 44.5 → "44.5", 1e-7 → "1e-7".
  const [mantissa, exponent = "0"] = Math.abs(value).toString().split("e");
  const fraction = mantissa.split(".")[1] ?? "";
  return Math.max(0, fraction.length - Number(exponent));
}

/** 44.5 → 1, 12 → 0, "1 234,50" → 2, "−51,2" → 1. */
export function enteredDecimals(raw: CellValue): number {
  if (typeof raw === "number") return decimalsOfNumber(raw);
  if (typeof raw === "string") {
    const fraction = /[.,](\d+)\s*$/.exec(raw.trim());
    return fraction ? fraction[1].length : 0;
  }
  return 0;
}
