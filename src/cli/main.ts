/** The `tertial` command: a thin shell that declares commands; each lives in its own module. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
// Only types from the command modules: each is loaded by its action (exceljs alone costs ~0.5 s to
// require, docx more), so --version, --help and a usage error start as fast as Node does.
import type { ConsolidateOptions } from "./consolidateCommand";
import type { KoladaOptions } from "./koladaCommand";
import type { ImportOptions } from "./importCommand";
import type { NewPeriodOptions } from "./newPeriodCommand";
import type { MarkReadyOptions } from "./markReadyCommand";
import { guardProcess } from "./processEdges";
import type { ReportCommandOptions } from "./reportCommand";
import { runCommand } from "./runCommand";
import { commanderExitCode, speakSwedish } from "./swedishCommander";
import type { TemplateOptions } from "./templateCommand";
import type { ValidateCommandOptions } from "./validateCommand";

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
          "tertial ny-period nämnd-T1.xlsx",
          'tertial klarmarkera äo-T2.xlsx --av "Eva Ekonom" -o äo-T2-klar.xlsx',
          "tertial kolada nämnd-T2.xlsx kolada.json",
          "tertial importera nämnd-T2.xlsx huvudbok.se",
          "tertial sammanstall enheter/ -o nämnd-T2.xlsx",
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
      runCommand(async () => (await import("./validateCommand")).validateCommand(file, options))
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
      "--word-mall <mall>",
      "kommunens Word-mall (.dotx eller .docx): Word-dokumentet tar dess formatmallar " +
        "(Normal, Rubrik 1–3, tabellformat), sidhuvud och sidfot med logotyp"
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
          "tertial rapport nämnd-T2.xlsx --format docx --word-mall kommunmall.dotx",
          "tertial rapport nämnd-T2.xlsx -o rapporter/nämnd-T2.xlsx --force"
        )
    )
    .action((file: string, options: ReportCommandOptions) =>
      runCommand(async () => (await import("./reportCommand")).reportCommand(file, options))
    );

  program
    .command("ny-period")
    .description(
      "Skapar nästa periods arbetsbok (T1 → T2 → Helår → T1 nästa år) som en ny fil; " +
        "indatafilen ändras aldrig."
    )
    .argument("<fil>", "arbetsboken som stängs (.xlsx)")
    .option(
      "-o, --output <ut.xlsx>",
      "den nya arbetsboken (standard: <Organisation> <År> <Period>.xlsx bredvid indatafilen)"
    )
    .option(...FORCE)
    .showHelpAfterError("(Skriv tertial ny-period --help för hjälp.)")
    .addHelpText(
      "after",
      "\nDen nya arbetsboken är alltid en ny mall (senaste mallversionen) med det som förs över:\n" +
        "prognoserna blir Prognos föregående tertial, utfall och kommentarer töms, och det den\n" +
        "stängda perioden lämnar efter sig sparas på bladet Historik. En arbetsbok med fel förs\n" +
        "ändå över, med en varning och slutkod 1. En befintlig fil ersätts bara med --force.\n" +
        EXIT_CODES +
        examples(
          'tertial ny-period "Vård- och omsorgsnämnden 2024 T1.xlsx"',
          "tertial ny-period nämnd-T2.xlsx -o nämnd-helår.xlsx --force"
        )
    )
    .action((file: string, options: NewPeriodOptions) =>
      runCommand(async () => (await import("./newPeriodCommand")).newPeriodCommand(file, options))
    );

  program
    .command("klarmarkera")
    .description(
      "Klarmarkerar en arbetsbok utan fel: skriver en kopia med Klarmarkerad Ja, vem, dagens " +
        "datum och en kontrollsumma av uppgifterna (indatafilen ändras aldrig)."
    )
    .argument("<fil>", "arbetsboken (.xlsx)")
    .requiredOption("--av <namn>", "vem som klarmarkerar (Klarmarkerad av)")
    .requiredOption("-o, --output <ut.xlsx>", "den klarmarkerade arbetsboken")
    .option(...FORCE)
    .showHelpAfterError("(Skriv tertial klarmarkera --help för hjälp.)")
    .addHelpText(
      "after",
      "\nBara de fyra cellerna Klarmarkerad, Klarmarkerad av, Klarmarkerad datum och Klarmarkerad\n" +
        "kontrollsumma på bladet Inställningar ändras. Ändras uppgifterna efteråt säger\n" +
        "tertial validera och tertial sammanstall att arbetsboken är ändrad efter klarmarkering.\n" +
        "Raden Klarmarkerad kontrollsumma finns från mallversion 3.\n" +
        "\nSlutkoder:\n" +
        "  0  arbetsboken är klarmarkerad (varningar kan finnas)\n" +
        "  1  arbetsboken har fel och klarmarkerades inte; ingen fil skrevs\n" +
        "  2  arbetsboken gick inte att använda eller klarmarkera (raden Klarmarkerad\n" +
        "     kontrollsumma saknas), utfilen kunde inte skrivas, eller kommandot var felskrivet\n" +
        examples('tertial klarmarkera äo-T2.xlsx --av "Eva Ekonom" -o äo-T2-klar.xlsx')
    )
    .action((file: string, options: MarkReadyOptions) =>
      runCommand(async () => (await import("./markReadyCommand")).markReadyCommand(file, options))
    );

  program
    .command("kolada")
    .description(
      "Fyller i Utfall och Utfall fg år för indikatorer med Källa Kolada:<KPI-id> från sparade " +
        "svar från Koladas API, som en ny arbetsbok; indatafilen ändras aldrig."
    )
    .argument("<arbetsbok>", "arbetsboken (.xlsx, mallversion 3)")
    .argument("<kolada...>", "sparade svar från Koladas API (.json), en eller flera sidor")
    .option(
      "-o, --output <ut.xlsx>",
      "den ifyllda arbetsboken (standard: <arbetsbokens namn> Kolada.xlsx bredvid den)"
    )
    .option(...FORCE)
    .showHelpAfterError("(Skriv tertial kolada --help för hjälp.)")
    .addHelpText(
      "after",
      "\nUtfall får värdet för arbetsbokens År och Utfall fg år värdet för året före, totalen (T)\n" +
        "för arbetsbokens Kommunkod; andra kommuners rader och borttagna rader (isdeleted)\n" +
        "används inte. Värden som ersätts listas. Ingen nätverksåtkomst: hämta filen själv, t.ex.\n" +
        "https://api.kolada.se/v3/data/kpi/N00945/municipality/0381, och spara den.\n" +
        "\nSlutkoder:\n" +
        "  0  varje Kolada-indikator fick sina värden\n" +
        "  1  arbetsboken är skriven, men något värde saknades (null, ingen rad, borttagen rad)\n" +
        "  2  ingenting skrevs: inget värde att fylla i, filerna gick inte att läsa, utfilen\n" +
        "     kunde inte skrivas, eller kommandot var felskrivet\n" +
        examples(
          "tertial kolada nämnd-T2.xlsx kolada.json",
          "tertial kolada nämnd-T2.xlsx sida1.json sida2.json -o nämnd-T2-kolada.xlsx --force"
        )
    )
    .action((file: string, koladaFiles: string[], options: KoladaOptions) =>
      runCommand(async () =>
        (await import("./koladaCommand")).koladaCommand(file, koladaFiles, options)
      )
    );

  program
    .command("importera")
    .description(
      "Importerar utfall (och periodbudget) från ekonomisystemets SIE- eller CSV-export till en " +
        "ny arbetsbok; indatafilerna ändras aldrig."
    )
    .argument("<arbetsbok>", "arbetsboken (.xlsx) med kontomappningen på bladet Kontoplan")
    .argument("<fil>", "exporten från ekonomisystemet (.se, .sie, .si eller .csv)")
    .option(
      "-o, --output <ut.xlsx>",
      "den nya arbetsboken (standard: <arbetsbok> importerad.xlsx bredvid arbetsboken)"
    )
    .option(...FORCE)
    .showHelpAfterError("(Skriv tertial importera --help för hjälp.)")
    .addHelpText(
      "after",
      "\nUtfall period (och Utfall period fg år och Periodbudget när filen har dem) fylls för\n" +
        "arbetsbokens År och Period (T1 jan–apr, T2 jan–aug, Helår jan–dec) på de rader på\n" +
        "Resultaträkning och Driftsredovisning som bladet Kontoplan mappar; allt annat står kvar.\n" +
        "Konton och objekt som ingen rad mappar listas med sina belopp.\n" +
        "\nSlutkoder:\n" +
        "  0  arbetsboken är skriven och allt i filen kom med\n" +
        "  1  arbetsboken är skriven, men något i filen kom inte med (listas)\n" +
        "  2  ingenting skrevs: filerna går inte att använda, utfilen finns redan (utan --force)\n" +
        "     eller kunde inte skrivas, eller kommandot var felskrivet\n" +
        examples(
          "tertial importera nämnd-T2.xlsx huvudbok.se",
          "tertial importera nämnd-T2.xlsx utfall.csv -o nämnd-T2-utfall.xlsx --force"
        )
    )
    .action((workbook: string, file: string, options: ImportOptions) =>
      runCommand(async () =>
        (await import("./importCommand")).importCommand(workbook, file, options)
      )
    );

  program
    .command("sammanstall")
    .description(
      "Sammanställer enheternas arbetsböcker till nämndens, som en ny arbetsbok med bladet " +
        "Sammanställning; indatafilerna ändras aldrig."
    )
    .argument("<filer...>", "enheternas arbetsböcker (.xlsx) eller mappar med dem")
    .requiredOption("-o, --output <nämnd.xlsx>", "den sammanställda arbetsboken")
    .option("--organisation <namn>", "nämndens namn (standard: den första filens Organisation)")
    .option(
      "--installningar <fil.xlsx>",
      "arbetsbok vars Inställningar (gränser, bedömning) gäller (standard: den första filens)"
    )
    .option(...FORCE)
    .showHelpAfterError("(Skriv tertial sammanstall --help för hjälp.)")
    .addHelpText(
      "after",
      "\nAlla filer måste ha samma År, Period, Enhet och Mallversion, och varje Rapporterande\n" +
        "enhet får finnas en gång. En mapp läses utan undermappar; Excels låsfiler (~$) och filer\n" +
        "som inte kan användas listas på bladet Sammanställning med orsaken. Risk-, åtgärds- och\n" +
        "kontroll-ID får enhetens kod först (Enhetskod, annars härledd ur namnet), t.ex. ÄO-R1.\n" +
        "\nSlutkoder:\n" +
        "  0  alla filer är sammanställda och ingen enhet har fel\n" +
        "  1  arbetsboken är skriven, men någon fil kunde inte användas eller någon enhet har fel\n" +
        "  2  ingenting skrevs: filerna går inte att sammanställa, utfilen kunde inte skrivas,\n" +
        "     eller kommandot var felskrivet\n" +
        examples(
          "tertial sammanstall enheter/ -o nämnd-T2.xlsx",
          'tertial sammanstall äo.xlsx ifo.xlsx -o nämnd.xlsx --organisation "Socialnämnden"'
        )
    )
    .action((files: string[], options: ConsolidateOptions) =>
      runCommand(async () =>
        (await import("./consolidateCommand")).consolidateCommand(files, options)
      )
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
      runCommand(async () =>
        (await import("./templateCommand")).templateCommand({
          ...options,
          output: options.output ?? "tertialuppfoljning.xlsx",
        })
      )
    );

  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = commanderExitCode(error);
  }
}
