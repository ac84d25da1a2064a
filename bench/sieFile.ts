/**
 * Writes the SIE typ-4 file of `npm run bench -- --sie`: a year of vouchers with `count` #TRANS
 * lines over 300 accounts and 60 objects, CP437 like a real export, and prints its size as JSON.
 * Run as a process of its own, so its memory is not counted in the tasks measured after it.
 * Usage: tsx bench/sieFile.ts <file.se> <count>
 * `sieWorkbook` writes the workbook the file is imported into.
 */
import { createWriteStream } from "node:fs";
import type { RowOf } from "../src/core/template/content";
import { KOMMUN_BAS_ACCOUNT_MAPPING } from "../src/core/template/kommunBas";
import { LATEST_TEMPLATE } from "../src/core/template/registry";
import { buildWorkbook } from "../src/xlsx/template/buildWorkbook";
import { saveWorkbook } from "../src/xlsx/template/saveWorkbook";

/**
 * A T2 2024 workbook in mnkr with the template's Kommun-Bas account mapping, a Resultaträkning
 * row for each of its Posts, and the bench's objects in ranges of a hundred as five Verksamheter.
 */
export async function sieWorkbook(file: string): Promise<void> {
  const posts = [...new Set(KOMMUN_BAS_ACCOUNT_MAPPING.map((range) => range.post))];
  const activities = [1, 2, 3, 4, 5].map((hundred) => ({
    hundred,
    activity: `Verksamhet ${hundred}`,
  }));
  const incomeStatement: Partial<RowOf<"incomeStatement">>[] = posts.map((post) => ({
    post,
    type: post.includes("intäkter") || post === "Taxor och avgifter" ? "Intäkt" : "Kostnad",
  }));
  await saveWorkbook(
    buildWorkbook(LATEST_TEMPLATE, {
      settings: { organisation: "Bänkeby", year: 2024, period: "T2", unit: "mnkr" },
      tables: {
        incomeStatement,
        operatingStatement: activities.map(({ activity }) => ({ activity })),
        objectMapping: activities.map(({ hundred, activity }) => ({
          dimension: 1,
          objectFrom: String(hundred * 100),
          objectTo: String(hundred * 100 + 99),
          activity,
        })),
      },
    } as never),
    file
  );
}

const ACCOUNTS = Array.from({ length: 300 }, (_, i) => String(3000 + i * 19)); // 3000–8681
const OBJECTS = Array.from({ length: 60 }, (_, i) => String(100 + i * 7)); // 100–513

/** Å ä ö in CP437, as #FORMAT PC8 says. */
const cp437 = (text: string) =>
  Buffer.from(
    text.replace(/[åäöÅÄÖ]/g, (c) =>
      String.fromCharCode({ å: 0x86, ä: 0x84, ö: 0x94, Å: 0x8f, Ä: 0x8e, Ö: 0x99 }[c]!)
    ),
    "latin1"
  );

async function main(): Promise<void> {
  const [file, countText] = process.argv.slice(2);
  const count = Number(countText);
  const out = createWriteStream(file);
  let bytes = 0;
  let buffered: string[] = [];
  const write = async (line: string) => {
    buffered.push(line);
    if (buffered.length < 10_000) return;
    await flush();
  };
  const flush = async () => {
    const chunk = cp437(buffered.join("\r\n") + "\r\n");
    buffered = [];
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  };
  for (const line of [
    "#FLAGGA 0",
    '#PROGRAM "Tertial bench" 1.0',
    "#FORMAT PC8",
    "#GEN 20250115",
    "#SIETYP 4",
    '#FNAMN "Vård- och omsorgsnämnden i Bänkeby"',
    "#RAR 0 20240101 20241231",
    "#RAR -1 20230101 20231231",
    '#DIM 1 "Ansvar"',
    '#KONTO 1930 "Bank"',
    ...ACCOUNTS.map((a) => `#KONTO ${a} "Konto ${a} för åtgärder och övrigt"`),
    ...OBJECTS.map((o) => `#OBJEKT 1 "${o}" "Enhet ${o} Äldreomsorg"`),
  ]) {
    await write(line);
  }
  let transactions = 0;
  for (let voucher = 1; transactions < count; voucher++) {
    const month = String((voucher % 12) + 1).padStart(2, "0");
    const day = String((voucher % 28) + 1).padStart(2, "0");
    await write(
      `#VER A ${voucher} 2024${month}${day} "Leverantörsfaktura ${voucher} för köp av tjänster" 2024${month}${day}`
    );
    await write("{");
    let balance = 0;
    for (let i = 0; i < 3 && transactions < count - 1; i++, transactions++) {
      const account = ACCOUNTS[(voucher * 7 + i * 31) % ACCOUNTS.length];
      const object = OBJECTS[(voucher + i * 13) % OBJECTS.length];
      const ore = ((voucher * 7919 + i * 104_729) % 10_000_000) - 2_000_000;
      balance += ore;
      await write(
        `   #TRANS ${account} {1 "${object}"} ${(ore / 100).toFixed(2)} "" "Köp av tjänst, måltider" 0`
      );
    }
    await write(`   #TRANS 1930 {} ${(-balance / 100).toFixed(2)} "" "" 0`);
    transactions++;
    await write("}");
  }
  await flush();
  await new Promise<void>((resolve) => out.end(() => resolve()));
  console.log(JSON.stringify({ bytes, transactions }));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
