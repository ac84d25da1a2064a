/**
 * `npm run test:quick`: the unit project without its slow suites, for the loop while editing.
 * `npm test` (and CI) still runs every suite. Left out here, each taking seconds of its own:
 * suites that start another program (the built CLI, python3 with openpyxl, LibreOffice, xmllint),
 * whole commands run over real workbooks, property tests of hundreds of runs, and suites that
 * build large workbooks. A new suite is quick unless it is added here.
 */
const base = require("./jest.config.js");

const SLOW_SUITES = [
  // start another program
  "<rootDir>/test/cli/(commandLine|hostileInput|hostileText|mall|rapportOwnReport|sammanstall|sammanstallOnce|validera)\\.test\\.ts$",
  "<rootDir>/test/core/cycle/keepsEveryValue\\.test\\.ts$",
  "<rootDir>/test/xlsx/(exampleYear|readBounds|rollPackage|print|printColumns)\\.test\\.ts$",
  "<rootDir>/test/docx/print\\.test\\.ts$",
  "<rootDir>/test/browser/consolidation\\.test\\.ts$",
  "<rootDir>/test/scripts/validateManifest\\.test\\.ts$",
  // whole commands over real workbooks
  "<rootDir>/test/cli/(rapport|rapportWord|sammanstallNested)\\.test\\.ts$",
  "<rootDir>/test/golden/units\\.test\\.ts$",
  // property tests of many runs
  "<rootDir>/test/property/",
  // large workbooks
  "<rootDir>/test/xlsx/templateFiles\\.test\\.ts$",
  "<rootDir>/test/docx/exampleYearChanges\\.test\\.ts$",
  "<rootDir>/test/excel/officeHostCost\\.test\\.ts$",
  "<rootDir>/test/taskpane/userText\\.test\\.tsx$",
];

const unit = base.projects.find((project) => project.displayName === "unit");

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: base.testTimeout,
  // Jest keeps one core for itself by default: on a 2-core machine that is a single worker.
  maxWorkers: "100%",
  ...unit,
  displayName: "quick",
  testPathIgnorePatterns: [...unit.testPathIgnorePatterns, ...SLOW_SUITES],
};
