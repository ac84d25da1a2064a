/**
 * Test helper: what an independent reader (openpyxl, `/usr/bin/python3`; CI installs
 * python3-openpyxl) finds in an .xlsx: its sheets, each sheet's tables, comments, links,
 * formulas, charts and images, and the values and number formats of chosen cells. Loading at all is the
 * first check: openpyxl refuses a package it cannot parse.
 */
import { spawnSync } from "node:child_process";

export interface OpenpyxlInventory {
  readonly sheets: string[];
  readonly tables: Record<string, Record<string, string>>;
  /** "Sheet!A1" → comment text. */
  readonly comments: Record<string, string>;
  /** "Sheet!A1" → formula, as openpyxl gives it (with "="). */
  readonly formulas: Record<string, string>;
  /** "Sheet!A1" → a link's target. */
  readonly links: Record<string, string>;
  /** Sheet → count of charts, of images. */
  readonly charts: Record<string, number>;
  readonly images: Record<string, number>;
  /** "Sheet!A1" → [value as text, number format], for every non-empty cell. */
  readonly cells: Record<string, [string, string]>;
}

const SCRIPT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "tables": {}, "comments": {}, "formulas": {}, "links": {}, "charts": {}, "images": {}, "cells": {}}
for ws in wb.worksheets:
    out["tables"][ws.title] = {name: ref for name, ref in ws.tables.items()}
    out["charts"][ws.title] = len(ws._charts)
    out["images"][ws.title] = len(ws._images)
    for row in ws.iter_rows():
        for c in row:
            key = ws.title + "!" + c.coordinate
            if c.comment:
                out["comments"][key] = c.comment.text
            if c.hyperlink is not None:
                out["links"][key] = c.hyperlink.target
            if c.data_type == "f":
                out["formulas"][key] = str(c.value)
            if c.value is not None:
                out["cells"][key] = [str(c.value), c.number_format]
json.dump(out, sys.stdout, ensure_ascii=False)
`;

export function openpyxlInventory(file: string): OpenpyxlInventory {
  const run = spawnSync("/usr/bin/python3", ["-c", SCRIPT, file], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`openpyxl kunde inte läsa ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as OpenpyxlInventory;
}
