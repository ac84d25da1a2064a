import JSZip from "jszip";
import { malformedParts } from "../helpers/wellFormedParts";

async function packageWith(text: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  zip.file("xl/sharedStrings.xml", `<?xml version="1.0"?><sst><si><t>${text}</t></si></sst>`);
  return zip.generateAsync({ type: "uint8array" });
}

describe("malformedParts (the tests' independent XML check)", () => {
  it("passes a package whose parts are well-formed", async () => {
    expect(await malformedParts(await packageWith("Åtgärd"))).toEqual([]);
  });

  it("names the part that holds a character XML cannot hold", async () => {
    const bad = await malformedParts(await packageWith("före\uFFFEefter"));
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^xl\/sharedStrings\.xml: /);
  });
});
