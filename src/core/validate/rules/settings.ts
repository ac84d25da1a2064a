/** The Inställningar table: required settings present, values of the right kind, no stray rows. */
import { normalizeHeader } from "../../parse/headers";
import { isBlank } from "../../parse/values";
import { isCellError } from "../../snapshot";
import { allowedValues, type SettingDef } from "../../template/definition";
import { suggestValue } from "../../text/suggest";
import { isPlausibleYear } from "../context";
import { notAnAllowedValue, settings as msg } from "../messages";
import { defineRule, type Hit } from "../rule";
import { textOf } from "../tables";

const missing = defineRule(
  { code: "installning-saknas", severity: "fel", title: "Obligatoriska inställningar är ifyllda" },
  function* ({ model }) {
    const table = model.tables.settings;
    for (const setting of model.template.settings.filter((s) => s.required)) {
      const cell = model.settings.cells[setting.key];
      if (!cell) {
        const message = msg.rowMissing(setting.label, setting.help);
        yield { sheet: table.sheet, cell: table.tableAddress, message };
      } else if (isBlank(cell.raw)) {
        const message =
          setting.key === "templateVersion"
            ? msg.templateVersionEmpty(model.template.version)
            : msg.empty(setting.label, setting.help);
        yield { sheet: table.sheet, cell: cell.address, message };
      }
    }
  }
);

/** Why a filled setting's value is unusable, or null when it is fine. */
function invalidValue(setting: SettingDef, raw: Parameters<typeof isBlank>[0], value: unknown) {
  switch (setting.kind) {
    case "integer":
      if (setting.key === "year")
        return typeof value === "number" && isPlausibleYear(value) ? null : msg.yearInvalid(raw);
      return typeof value === "number" && Number.isInteger(value)
        ? null
        : msg.wholeNumberInvalid(setting.label, raw);
    case "number":
      // Both number settings are thresholds: a negative one would make every deviation material.
      return typeof value === "number" && value >= 0
        ? null
        : msg.thresholdInvalid(setting.label, raw);
    case "status": {
      const allowed = allowedValues(setting);
      if (value !== null || !allowed) return null;
      const suggestion = typeof raw === "string" ? suggestValue(raw, allowed) : null;
      return notAnAllowedValue(setting.label, raw, allowed, suggestion);
    }
    case "date":
      return value instanceof Date ? null : msg.dateInvalid(setting.label, raw);
    case "text":
      return null;
  }
}

const invalid = defineRule(
  {
    code: "installning-ogiltig",
    severity: "fel",
    title: "Inställningarnas värden går att använda",
  },
  function* ({ model }) {
    const sheet = model.tables.settings.sheet;
    for (const setting of model.template.settings) {
      const cell = model.settings.cells[setting.key];
      if (!cell || isBlank(cell.raw) || isCellError(cell.raw)) continue;
      const message = invalidValue(setting, cell.raw, cell.value);
      if (message) yield { sheet, cell: cell.address, message };
    }
  }
);

const labelsOf = (settings: readonly SettingDef[]) => settings.map((s) => s.label);
const knownOf = (settings: readonly SettingDef[]) =>
  new Set(labelsOf(settings).map(normalizeHeader));

const unknown = defineRule(
  { code: "installning-okand", severity: "varning", title: "Inställningarna har kända namn" },
  function* ({ model }) {
    const table = model.tables.settings;
    const labels = labelsOf(model.template.settings);
    const known = knownOf(model.template.settings);
    for (const row of table.rows) {
      const name = textOf(row.cells.name);
      if (name === null || known.has(normalizeHeader(name))) continue;
      const suggestion = suggestValue(name, labels);
      const message = msg.unknown(name, suggestion?.value ?? null);
      yield { sheet: row.sheet, cell: row.cells.name.address, message };
    }
  }
);

const duplicate = defineRule(
  { code: "installning-dubblett", severity: "fel", title: "Varje inställning finns en gång" },
  function* ({ model }) {
    const first = new Map<string, string>();
    const known = knownOf(model.template.settings);
    for (const row of model.tables.settings.rows) {
      const name = textOf(row.cells.name);
      if (name === null) continue;
      const key = normalizeHeader(name);
      const seen = first.get(key);
      if (seen === undefined) {
        first.set(key, row.cells.name.address);
      } else if (known.has(key)) {
        yield {
          sheet: row.sheet,
          cell: row.cells.name.address,
          message: msg.duplicate(name, seen),
        };
      }
    }
  }
);

const assessmentMissing = defineRule(
  {
    code: "bedomning-saknas",
    severity: "varning",
    title: "Bedömning av intern kontroll är ifylld vid delår och helår",
  },
  function* ({ model }): Generator<Hit> {
    const period = model.settings.values.period;
    if (period !== "T2" && period !== "Helår") return;
    const cell = model.settings.cells.assessment;
    if (cell && !isBlank(cell.raw)) return;
    const table = model.tables.settings;
    yield {
      sheet: table.sheet,
      cell: cell?.address ?? table.tableAddress,
      message: msg.assessmentMissing(period),
    };
  }
);

export const SETTINGS_RULES = [missing, invalid, unknown, duplicate, assessmentMissing];
