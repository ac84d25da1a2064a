/** The hand-made ledger exports of test/fixtures/sie/, read as a host would: in chunks. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readLedger } from "../../src/core/ledger/readLedger";

const FIXTURES = path.join(__dirname, "..", "fixtures", "sie");

export const fixtureBytes = (name: string) =>
  new Uint8Array(readFileSync(path.join(FIXTURES, name)));

/** The bytes in chunks of `size`, so lines, CRLF and characters are cut between chunks. */
export function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

export const readFixture = (name: string, chunkSize = 65536) =>
  readLedger(name, chunked(fixtureBytes(name), chunkSize));
