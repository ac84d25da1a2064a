// ESLint for the whole project (`npm run lint` runs it through office-addin-lint): typescript-eslint,
// React, the Office add-in rules on the Office.js code, and the layers' boundaries: the core imports no
// host and no app code (and its report content not its worksheet layout), src/app (what every
// interactive host shares) imports only the core, and no host imports the task pane.
// The office-addins plugin's bundled presets pin an older typescript-eslint that breaks on ESLint 9.39,
// so its rules are taken one by one onto the current typescript-eslint.
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import tseslint from "typescript-eslint";
import globals from "globals";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const officeAddinRules = Object.fromEntries(
  Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([name]) =>
    name.startsWith("office-addins/")
  )
);

const HOST_MODULES = [
  "exceljs",
  "docx",
  "jszip",
  "react",
  "react-dom",
  "@fluentui/react-components",
  "@microsoft/office-js",
  "fs",
  "path",
  "os",
  "node:fs",
  "node:path",
  "node:os",
];

/** The hosts' folders, as import patterns: src/core and src/app import none of them. */
const HOST_FOLDERS = [
  "**/xlsx/**",
  "**/excel/**",
  "**/taskpane/**",
  "**/cli/**",
  "**/commands/**",
  "**/browser/**",
  "**/page/**",
  "**/docx/**",
];

const hostModules = (message) => HOST_MODULES.map((name) => ({ name, message }));

/** What src/core may not import, and the patterns a folder of it forbids besides. */
const coreImports = (...patterns) => ({
  paths: hostModules(
    "src/core is host-independent: no exceljs, docx, Office.js, UI or Node I/O here."
  ),
  patterns: [
    {
      group: [...HOST_FOLDERS, "**/app/**"],
      message: "src/core must not import the app layer or a host.",
    },
    ...patterns,
  ],
});

export default [
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "test-output/**",
      "bench/out/**",
      "templates/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { ...react.configs.flat.recommended, files: ["**/*.tsx"] },
  {
    settings: { react: { version: "detect" } },
    languageOptions: {
      globals: {
        ...globals.node,
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      "react/react-in-jsx-scope": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Type-checked: a switch over a union names every member (a block kind, an operation, a
    // status), or says in a default why not; the exhaustive() helper makes the compiler check the same.
    // A promise is awaited, returned or handed to .catch: a dropped one loses its failure (a
    // half-written file, an error the user never sees); `void` marks the few left to run on their
    // own, each with a comment saying why, and misused-promises catches an async handler where a
    // plain callback is expected (its rejection would go nowhere). On the tests too: an
    // `expect(…).rejects` left unawaited is a test that cannot fail.
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: dirname(fileURLToPath(import.meta.url)),
      },
    },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    files: ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinRules,
  },
  {
    files: ["src/core/**/*.ts"],
    rules: { "no-restricted-imports": ["error", coreImports()] },
  },
  {
    files: ["src/core/report/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        coreImports({
          group: ["**/layout/**"],
          message:
            "What the report says does not depend on the worksheet layout: core/layout imports core/report, not the other way.",
        }),
      ],
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: hostModules(
            "src/app is shared by every interactive host: it imports only src/core, no React, Office.js, exceljs, docx or Node."
          ),
          patterns: [
            { group: HOST_FOLDERS, message: "src/app must not import a host." },
            {
              group: ["node:*"],
              message: "src/app runs in the browser and in Excel: no Node here.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "src/excel/**/*.{ts,tsx}",
      "src/browser/**/*.{ts,tsx}",
      "src/page/**/*.{ts,tsx}",
      "src/docx/**/*.{ts,tsx}",
      "src/commands/**/*.{ts,tsx}",
      "src/cli/**/*.{ts,tsx}",
      "src/xlsx/**/*.{ts,tsx}",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/taskpane/**"],
              message:
                "Hosts do not import the task pane: what hosts share with it lives in src/app.",
            },
          ],
        },
      ],
    },
  },
  // The pane reaches its hosts only through src/app (AppHost, Operations); index.tsx alone
  // composes them, so a component never depends on Office.js, exceljs or the page's downloads.
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/browser/**", "**/excel/**", "**/page/**", "**/xlsx/**", "**/docx/**"],
              message:
                "The pane reaches hosts only through src/app; src/taskpane/index.tsx composes them.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
