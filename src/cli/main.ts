/** The `tertial` command: a thin shell that declares commands; each lives in its own module. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { guardProcess } from "./processEdges";
import { reportCommand, type ReportCommandOptions } from "./reportCommand";
import { runCommand } from "./runCommand";
import { commanderExitCode, speakSwedish } from "./swedishCommander";
import { templateCommand, type TemplateOptions } from "./templateCommand";
import { validateCommand, type ValidateCommandOptions } from "./validateCommand";

/** package.json's version; src/cli/ and dist/cli/ are both two folders below it. */
function version(): string {
  const manifest = path.join(__dirname, "..", "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

const EXIT_CODES = `
Slutkoder:
  0  kontrollen är gjord och hittade inga fel (varningar kan finnas)
  1  kontrollen hittade minst ett fel
  2  arbetsboken gick inte att använda, filen kunde inte skrivas, eller kommandot var felskrivet
`;

const examples = (...lines: string[]) => `\nExempel:\n${lines.map((l) => `  ${l}\n`).join("")}`;

const FORCE = [
  "-f, --force",
  "ersätt filen om den redan finns (aldrig en mapp, pipe eller enhet)",
] as const;

export async function main(argv: readonly string[]): Promise<void> {
  guardProcess();
  const program = speakSwedish(new Command(), version())
    .name("tertial")
    .description("Tertialuppföljning: validerar arbetsboken och skriver rapporten.")
    .showHelpAfterError("(Skriv tertial --help för hjälp.)")
    .addHelpText(
      "after",
      EXIT_CODES +
        examples(
          "tertial validera nämnd-T2.xlsx",
          "tertial rapport nämnd-T2.xlsx",
          "tertial mall -o tertialuppfoljning.xlsx"
        )
    );

  program
    .command("validera")
    .description("Kontrollerar en ifylld arbetsbok och listar felen med cellhänvisningar.")
    .argument("<fil>", "arbetsboken (.xlsx)")
    .option("--json", "skriv bara fynden som JSON på stdout")
    .showHelpAfterError("(Skriv tertial validera --help för hjälp.)")
    .addHelpText(
      "after",
      EXIT_CODES +
        examples(
          "tertial validera nämnd-T2.xlsx",
          "tertial validera nämnd-T2.xlsx --json > fynd.json"
        )
    )
    .action((file: string, options: ValidateCommandOptions) =>
      runCommand(() => validateCommand(file, options))
    );

  program
    .command("rapport")
    .description(
      "Skriver rapporten till en ny arbetsbok eller ett Word-dokument (indatafilen ändras aldrig)."
    )
    .argument("<fil>", "arbetsboken (.xlsx)")
    .option(
      "--format <format>",
      "xlsx (rapportbladen), docx (Word-dokument) eller xlsx,docx (båda); " +
        "standard: det -o slutar på, annars xlsx"
    )
    .option(
      "-o, --output <ut>",
      "rapportfilen (standard: <fil>-rapport.xlsx eller .docx bredvid indatafilen); " +
        "med två format namnet utan ändelse"
    )
    .option(...FORCE)
    .showHelpAfterError("(Skriv tertial rapport --help för hjälp.)")
    .addHelpText(
      "after",
      "\nMed --format xlsx,docx och -o rapporter/nämnd-T2 skrivs rapporter/nämnd-T2.xlsx och " +
        "rapporter/nämnd-T2.docx.\n" +
        "En rapport som Tertial själv har skrivit ersätts utan --force (ett Word-dokument bara om " +
        "det inte har sparats om sedan dess); andra filer kräver --force.\n" +
        EXIT_CODES +
        examples(
          "tertial rapport nämnd-T2.xlsx",
          "tertial rapport nämnd-T2.xlsx -o rapporter/nämnd-T2.docx",
          "tertial rapport nämnd-T2.xlsx --format xlsx,docx",
          "tertial rapport nämnd-T2.xlsx -o rapporter/nämnd-T2.xlsx --force"
        )
    )
    .action((file: string, options: ReportCommandOptions) =>
      runCommand(() => reportCommand(file, options))
    );

  program
    .command("mall")
    .description("Skriver en ny, tom mall.")
    .option("-o, --output <fil.xlsx>", "var mallen ska sparas (standard: tertialuppfoljning.xlsx)")
    .option(...FORCE)
    .showHelpAfterError("(Skriv tertial mall --help för hjälp.)")
    .addHelpText(
      "after",
      "\nSlutkod 0 när mallen är skriven, 2 när den inte kunde skrivas.\n" +
        examples("tertial mall", "tertial mall -o mallar/nämnd-2025.xlsx")
    )
    .action((options: Partial<TemplateOptions>) =>
      runCommand(() =>
        templateCommand({ ...options, output: options.output ?? "tertialuppfoljning.xlsx" })
      )
    );

  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = commanderExitCode(error);
  }
}
