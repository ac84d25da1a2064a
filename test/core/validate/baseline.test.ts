import { readFileSync } from "node:fs";
import path from "node:path";
import { RULES } from "../../../src/core/validate";
import { ACTION, CONTROL, findings, RISK } from "./run";

describe("the rule set", () => {
  it("finds nothing in a correctly filled workbook, so every rule test starts from silence", () => {
    expect(findings({ risks: [RISK], actions: [ACTION], controls: [CONTROL] })).toEqual([]);
  });

  it("has unique, stable kebab-case codes and a one-line Swedish title per rule", () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      expect(rule.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.title).not.toMatch(/\n/);
      expect(rule.title.length).toBeGreaterThan(10);
    }
  });

  it("is listed, rule for rule, in src/core/validate/CONTEXT.md", () => {
    const doc = readFileSync(
      path.join(__dirname, "..", "..", "..", "src", "core", "validate", "CONTEXT.md"),
      "utf8"
    );
    const listed = [...doc.matchAll(/^\| `([a-z-]+)` \| (fel|varning) \| (.+) \|$/gm)].map((m) =>
      m.slice(1, 4)
    );
    expect(listed).toEqual(RULES.map((r) => [r.code, r.severity, r.title]));
  });
});
