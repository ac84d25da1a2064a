/** Test helper: a package with one part changed, as a program saving an edit rewrites it. */
import JSZip from "jszip";

export async function editPart(
  bytes: Uint8Array,
  name: string,
  change: (xml: string) => string
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(name)?.async("string");
  if (xml === undefined) throw new Error(`${name} saknas i paketet`);
  const changed = change(xml);
  if (changed === xml) throw new Error(`Ändringen av ${name} ändrade ingenting`);
  zip.file(name, changed);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
