/**
 * `--word-mall <fil>`: the kommun's Word template read from disk, refused before the workbook is
 * read when it is no regular file, larger than MAX_WORD_TEMPLATE_BYTES (by `stat`, before a
 * byte is read) or no usable Word template (../docx/wordTemplate.ts).
 */
import { promises as fs } from "node:fs";
import {
  MAX_WORD_TEMPLATE_BYTES,
  readWordTemplate,
  templateRefusals,
  type WordTemplate,
} from "../docx/wordTemplate";
import { fileProblem } from "../xlsx/read/readSnapshotFromFile";

export async function readWordTemplateFile(file: string): Promise<WordTemplate> {
  const stats = await fs.stat(file).catch((error: unknown) => {
    throw fileProblem(error, file);
  });
  if (!stats.isFile()) throw templateRefusals.notAFile(file);
  if (stats.size > MAX_WORD_TEMPLATE_BYTES) throw templateRefusals.tooLarge(file, stats.size);
  const bytes = await fs.readFile(file).catch((error: unknown) => {
    throw fileProblem(error, file);
  });
  return readWordTemplate(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), file);
}
