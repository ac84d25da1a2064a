/**
 * commander in Swedish, through its configuration APIs only: help titles and placeholders, the
 * help and version options, the help command, and its error messages, which commander writes in
 * English and this module rewrites on their way out. Usage errors exit with 2 like an unusable
 * file; 0 and 1 keep meaning "checked: no fel / fel".
 */
import { Command, CommanderError, type HelpConfiguration } from "commander";
import { EXIT_OK, EXIT_UNUSABLE } from "./runCommand";
import { forTerminal } from "./terminalText";

const TITLES: Readonly<Record<string, string>> = {
  "Usage:": "Användning:",
  "Arguments:": "Argument:",
  "Options:": "Flaggor:",
  "Commands:": "Kommandon:",
  "Global Options:": "Globala flaggor:",
};

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  "[options]": "[flaggor]",
  "[command]": "[kommando]",
};

export const SWEDISH_HELP: HelpConfiguration = {
  styleTitle: (title) => TITLES[title] ?? title,
  styleOptionText: (text) => PLACEHOLDERS[text] ?? text,
  styleSubcommandText: (text) => PLACEHOLDERS[text] ?? text,
};

/** "(Did you mean x?)" and "(Did you mean one of x, y?)" as commander appends them. */
const suggestion = (text: string) =>
  text
    .replace(/\(Did you mean one of (.*)\?\)/, "(Menade du något av $1?)")
    .replace(/\(Did you mean (.*)\?\)/, "(Menade du $1?)");

const ERRORS: readonly (readonly [RegExp, string])[] = [
  [/^error: unknown option '(.*)'/, "Fel: okänd flagga '$1'"],
  [/^error: unknown command '(.*)'/, "Fel: okänt kommando '$1'"],
  [/^error: missing required argument '(.*)'/, "Fel: argumentet <$1> saknas"],
  [/^error: option '(.*)' argument missing/, "Fel: flaggan '$1' saknar värde"],
  [/^error: required option '(.*)' not specified/, "Fel: flaggan '$1' måste anges"],
  [
    /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\./,
    "Fel: för många argument till '$1': det ska vara $2, men det var $3",
  ],
  [
    /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./,
    "Fel: för många argument: det ska vara $1, men det var $2",
  ],
  [/^error: /, "Fel: "],
];

/** commander's English error message in Swedish. */
export function swedishError(message: string): string {
  const [first, ...rest] = message.split("\n");
  const [pattern, replacement] = ERRORS.find(([p]) => p.test(first)) ?? [/^/, ""];
  return [first.replace(pattern, replacement), ...rest.map(suggestion)].join("\n");
}

/** Sets up `program` (before its commands are added: they inherit it) to speak Swedish. */
export function speakSwedish(program: Command, version: string): Command {
  return program
    .configureHelp(SWEDISH_HELP)
    .configureOutput({ outputError: (text, write) => write(forTerminal(swedishError(text))) })
    .helpOption("-h, --help", "visa hjälpen")
    .helpCommand("help [kommando]", "Visar hjälpen för ett kommando.")
    .version(version, "-V, --version", "visa Tertials versionsnummer")
    .exitOverride();
}

/** The exit code for commander's own exits: help and version 0, every usage error 2. */
export function commanderExitCode(error: CommanderError): number {
  return error.exitCode === 0 ? EXIT_OK : EXIT_UNUSABLE;
}
