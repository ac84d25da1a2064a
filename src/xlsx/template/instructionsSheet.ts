/**
 * The `Instruktioner` sheet: Swedish guidance for the ekonom who fills the workbook. The general
 * rules are written here; sheet names, column headers, list values and help texts all come from
 * the template definition, so the guidance follows the template.
 */
import type ExcelJS from "exceljs";
import { PRODUCT_SHEETS } from "../../core/report/productSheets";
import {
  INSTRUCTIONS_SHEET,
  LISTS_SHEET,
  lookupTable,
  type ColumnDef,
  type SettingKey,
  type LaterTableKey,
  type TableKey,
  type TemplateDefinition,
} from "../../core/template/definition";
import { LISTS } from "../../core/template/lists";
import {
  HEADER_FONT,
  linesHeight,
  NOTE_FONT,
  SECTION_FONT,
  TITLE_FONT,
  wrappedLines,
} from "./styles";

const LABEL_WIDTH = 34;
const TEXT_WIDTH = 100;

/** One row of the sheet: a label in column A and wrapped text in column B. */
interface Line {
  readonly label: string;
  readonly text: string;
}

interface Section {
  readonly title: string;
  readonly intro?: string;
  readonly lines: readonly Line[];
}

const unique = (values: readonly string[]) => [...new Set(values)];

/** "a, b och c" */
function enumerate(values: readonly string[]): string {
  return values.length < 2
    ? values.join("")
    : `${values.slice(0, -1).join(", ")} och ${values[values.length - 1]}`;
}

/** The names the guidance uses, from the template being built. */
function namesOf(template: TemplateDefinition) {
  return {
    allColumns: template.tableList.flatMap((t) => t.columns),
    sheetOf: (key: Exclude<TableKey, LaterTableKey>) => template.tables[key].sheet,
    settingLabel: (key: SettingKey) =>
      template.settingRows.find((s) => s.key === key)?.label ?? key,
  };
}

/** " Risk-ID på bladen Åtgärder och Internkontroll väljs bland …": one sentence per lookup column. */
function lookupSentences(template: TemplateDefinition): string {
  const lookups = template.tableList.flatMap((t) =>
    t.columns.flatMap((c) =>
      c.lookup ? [{ sheet: t.sheet, lookup: c.lookup, header: c.header }] : []
    )
  );
  return unique(lookups.map((l) => l.header))
    .map((header) => {
      const using = lookups.filter((l) => l.header === header);
      const sheets = `${using.length > 1 ? "bladen" : "bladet"} ${enumerate(using.map((l) => l.sheet))}`;
      const source = lookupTable(template, using[0].lookup).sheet;
      return (
        ` ${header} på ${sheets} väljs bland de ${header} som finns på bladet ${source}; ` +
        "listan växer när du lägger till rader där."
      );
    })
    .join("");
}

function generalSection(template: TemplateDefinition): Section {
  const { allColumns, sheetOf, settingLabel } = namesOf(template);
  const dropdowns = unique([
    ...allColumns.filter((c) => c.kind === "status").map((c) => c.header),
    ...template.settingRows.filter((s) => s.kind === "status").map((s) => s.label),
  ]);
  const computed = unique(allColumns.filter((c) => c.kind === "computed").map((c) => c.header));
  return {
    title: "Så fungerar mallen",
    lines: [
      {
        label: "Arbetsboken",
        text:
          `Arbetsboken har ett blad per del av uppföljningen: ${enumerate(template.tableList.map((t) => t.sheet))}. ` +
          "Fyll i den i Excel som vanligt: klistra in utfall från ekonomisystemet, skriv prognoser och " +
          "kommentarer och välj värden i listorna. Tertial kontrollerar sedan arbetsboken (Validera) och " +
          "skriver rapportbladen (Generera rapport).",
      },
      {
        label: "Tabeller",
        text:
          "Uppgifterna står i Excel-tabeller, en per blad. Skriv eller klistra in direkt under tabellens " +
          "sista rad, så växer tabellen med de nya raderna. Byt inte namn på tabellerna eller " +
          "kolumnrubrikerna. Du får flytta kolumner och lägga till egna kolumner: Tertial hittar sina " +
          "kolumner på rubriken.",
      },
      {
        label: "Listor",
        text:
          `${enumerate(dropdowns)} har rullgardinslistor. Välj ett av listans värden och skriv inga egna ` +
          `varianter.${lookupSentences(template)} Excel kontrollerar inte värden som klistras in, men det gör ` +
          "Tertial, som pekar ut cellen.",
      },
      {
        label: "Beräknade kolumner",
        text:
          `Grå kolumner med kursiv text (${enumerate(computed)}) innehåller formler. Tertial räknar ` +
          "alltid om dem själv och litar inte på värdet i cellen. Du behöver inte fylla i dem; skriv " +
          "inte över formlerna.",
      },
      {
        label: "Tecken",
        text:
          "Belopp anges med tecken så som de står i rapporten: intäkter positiva, kostnader negativa och " +
          "nettokostnad negativ. Avvikelse = prognos − budget, så en negativ avvikelse är sämre än " +
          "budget för både intäkter och kostnader. Investeringar är utgifter och anges också negativa " +
          `(t.ex. Budget helår −4,2 på bladet ${sheetOf("investments")}); en negativ avvikelse betyder ` +
          "då att investeringen väntas kosta mer än budgeterat. Tertial kontrollerar tecknen på bladen " +
          `${sheetOf("incomeStatement")} och ${sheetOf("operatingStatement")} men inte på bladet ` +
          `${sheetOf("investments")}: ange samma tecken på alla rader där.`,
      },
      {
        label: "Enhet",
        text:
          `Alla belopp anges i den enhet som står i inställningen ${settingLabel("unit")} ` +
          `(${enumerate(LISTS.enhet)}). Skriv belopp som tal, inte som text, och med full precision: ` +
          "Tertial avrundar först i rapporten.",
      },
      {
        label: "Summor",
        text:
          "Skriv inga summarader (Summa intäkter, Summa kostnader, Summa totalt eller Totalt). Tertial " +
          `räknar fram summorna och stämmer av ${sheetOf("incomeStatement")} mot ` +
          `${sheetOf("operatingStatement")}.`,
      },
      { label: "Datum", text: "Skriv datum som åååå-mm-dd, t.ex. 2024-08-31." },
      {
        label: "Rapporten",
        text:
          `Tertial skriver fyra rapportblad: ${enumerate(PRODUCT_SHEETS)}. Tillägget i Excel lägger ` +
          "dem i arbetsboken och ersätter då blad med exakt de namnen: ge inte egna blad sådana namn. " +
          "Kommandot tertial rapport och " +
          "webbläsarläget skriver i stället rapporten till en ny arbetsbok. Inga andra blad eller " +
          "celler ändras.",
      },
    ],
  };
}

function periodSection(template: TemplateDefinition): Section {
  const { sheetOf, settingLabel } = namesOf(template);
  const [t1, t2, fullYear] = LISTS.period;
  const settings = template.tables.settings.sheet;
  const period = settingLabel("period");
  return {
    title: "Varje tertial",
    intro: "Utfallen är ackumulerade från 1 januari.",
    lines: [
      {
        label: `${t1} (januari–april)`,
        text:
          `Ställ in ${settingLabel("year")} och ${period} (${t1}) på bladet ${settings}. Klistra in ` +
          `utfallet januari–april på ${sheetOf("incomeStatement")} och ${sheetOf("operatingStatement")} ` +
          `och skriv prognos helår; uppdatera ${sheetOf("volumes")} och ${sheetOf("investments")}. ` +
          `Kommentera väsentliga avvikelser. Följ upp varje åtgärd på bladet ${sheetOf("actions")} ` +
          "(Status, Uppföljningsdatum och Kommentar vid senaste uppföljning) och fyll i Resultat för " +
          `kontrollerna med tidpunkt ${t1} på bladet ${sheetOf("controls")}.`,
      },
      {
        label: `${t2} (januari–augusti, delårsrapport)`,
        text:
          `Som ${t1}, med utfallet januari–augusti och ${period} ${t2}. Fyll i Resultat för kontrollerna ` +
          `med tidpunkt ${t2} och, på bladet ${settings}, ${settingLabel("assessment")} och ` +
          `${settingLabel("assessmentAnalysis")}.`,
      },
      {
        label: `${fullYear} (januari–december, verksamhetsberättelse)`,
        text:
          `${period} ${fullYear} och utfallet för hela året. Alla kontroller i internkontrollplanen ska ha ` +
          `ett resultat, och ${settingLabel("assessment")} fylls i. Avsluta de åtgärder som är klara ` +
          "och kommentera dem som fortsätter.",
      },
    ],
  };
}

function columnText(column: ColumnDef): string {
  return column.required ? `${column.help} Obligatorisk.` : column.help;
}

function sheetSections(template: TemplateDefinition): Section[] {
  const settingsTable = template.tables.settings;
  const settings: Section = {
    title: `Bladet ${settingsTable.sheet}`,
    intro: settingsTable.instructions,
    lines: template.settingRows.map((s) => ({
      label: s.label,
      text: s.required ? `${s.help} Obligatorisk.` : s.help,
    })),
  };
  const data = template.tableList
    .filter((t) => t !== settingsTable)
    .map((t) => ({
      title: `Bladet ${t.sheet}`,
      intro: t.instructions,
      lines: t.columns.map((c) => ({ label: c.header, text: columnText(c) })),
    }));
  const lists: Section = {
    title: `Bladet ${LISTS_SHEET}`,
    intro: "Dolt och skyddat. Innehåller listornas tillåtna värden; ändra inte.",
    lines: [],
  };
  return [settings, ...data, lists];
}

export function addInstructionsSheet(
  workbook: ExcelJS.Workbook,
  template: TemplateDefinition
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.getColumn(1).width = LABEL_WIDTH;
  sheet.getColumn(2).width = TEXT_WIDTH;
  const wrap: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true };
  const fit = (row: number, label: string, text: string) => {
    const lines = Math.max(wrappedLines(label, LABEL_WIDTH), wrappedLines(text, TEXT_WIDTH));
    if (lines > 1) sheet.getRow(row).height = linesHeight(lines);
  };

  sheet.getCell("A1").value = "Tertialuppföljning – instruktioner";
  sheet.getCell("A1").font = TITLE_FONT;
  sheet.getCell("A2").value =
    `Mallversion ${template.version}. Läs det här en gång; varje blad har också en kort ` +
    "instruktion ovanför tabellen och en hjälptext när du står i en cell.";
  sheet.getCell("A2").font = NOTE_FONT;

  let row = 3;
  for (const section of [
    generalSection(template),
    periodSection(template),
    ...sheetSections(template),
  ]) {
    row += 1; // blank row before each section
    const title = sheet.getCell(row, 1);
    title.value = section.title;
    title.font = SECTION_FONT;
    title.alignment = wrap;
    if (section.intro) {
      const intro = sheet.getCell(row, 2);
      intro.value = section.intro;
      intro.alignment = wrap;
      fit(row, section.title, section.intro);
    }
    row += 1;
    for (const line of section.lines) {
      const label = sheet.getCell(row, 1);
      label.value = line.label;
      label.font = HEADER_FONT;
      label.alignment = wrap;
      const text = sheet.getCell(row, 2);
      text.value = line.text;
      text.alignment = wrap;
      fit(row, line.label, line.text);
      row += 1;
    }
  }
  return sheet;
}
