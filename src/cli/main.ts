/** The `tertial` command: a thin shell that declares commands; each lives in its own module. */
import { Command } from "commander";
import { reportCommand } from "./reportCommand";
import { runCommand } from "./runCommand";
import { templateCommand } from "./templateCommand";
import { validateCommand } from "./validateCommand";

export function main(argv: readonly string[]): void {
  const program = new Command()
    .name("tertial")
    .description("Tertialuppföljning: validerar arbetsboken och skriver rapporten.")
    .showHelpAfterError("(Skriv tertial --help för hjälp.)");

  program
    .command("validera")
    .description("Kontrollerar en ifylld arbetsbok och listar felen med cellhänvisningar.")
    .argument("<fil>", "arbetsboken (.xlsx)")
    .option("--json", "skriv bara fynden som JSON på stdout")
    .action((file: string, options: { json?: boolean }) =>
      runCommand(() => validateCommand(file, options))
    );

  program
    .command("rapport")
    .description("Skriver rapportbladen till en ny arbetsbok (indatafilen ändras aldrig).")
    .argument("<fil>", "arbetsboken (.xlsx)")
    .option(
      "-o, --output <ut.xlsx>",
      "rapportfilen (standard: <fil>-rapport.xlsx bredvid indatafilen)"
    )
    .action((file: string, options: { output?: string }) =>
      runCommand(() => reportCommand(file, options))
    );

  program
    .command("mall")
    .description("Skriver en ny, tom mall.")
    .option("-o, --output <fil.xlsx>", "var mallen ska sparas", "tertialuppfoljning.xlsx")
    .option("-f, --force", "ersätt filen om den redan finns")
    .action((options: { output: string; force?: boolean }) =>
      runCommand(() => templateCommand(options))
    );

  program.parse(argv as string[]);
}
