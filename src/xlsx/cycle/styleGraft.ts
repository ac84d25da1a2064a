/**
 * Cell styles of another package (a freshly built template) added to this package's styles.xml,
 * so cells copied from it look as they did there. Each cell style used is appended with copies of
 * its font, fill and border (a number format is reused by its code, else added): appending never
 * changes a style the input's cells already use, which merging equal styles could get wrong.
 */

const NUM_FMT = /<numFmt\b[^>]*?\/>|<numFmt\b[^>]*>[\s\S]*?<\/numFmt>/g;
const ELEMENT = (tag: string) => new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, "g");
const LISTS = { fonts: "font", fills: "fill", borders: "border", cellXfs: "xf" } as const;
type ListTag = keyof typeof LISTS;
/** Number formats below this are Excel's built-in ones; a package's own start here. */
const FIRST_CUSTOM_FORMAT = 164;

const listBody = (xml: string, tag: string) =>
  new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml);

function items(xml: string, list: ListTag): string[] {
  return [...(listBody(xml, list)?.[1] ?? "").matchAll(ELEMENT(LISTS[list]))].map((m) => m[0]);
}

const numberAttribute = (xml: string, name: string) =>
  Number(new RegExp(`\\s${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);

const withNumberAttribute = (xml: string, name: string, value: number) =>
  new RegExp(`\\s${name}="\\d+"`).test(xml)
    ? xml.replace(new RegExp(`\\s${name}="\\d+"`), ` ${name}="${value}"`)
    : xml.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);

/** Thrown when a styles part lacks a list every valid one has: the caller rebuilds instead. */
export class StylesNotEditableError extends Error {}

export class StyleGraft {
  private readonly added: Record<ListTag, string[]> = {
    fonts: [],
    fills: [],
    borders: [],
    cellXfs: [],
  };
  private readonly counts: Record<ListTag, number>;
  private readonly mapped = new Map<string, number>();
  private readonly fromFormats: Map<number, string>;
  private readonly formats: Map<string, number>;
  private readonly addedFormats: string[] = [];
  private nextFormat: number;

  constructor(
    private readonly stylesXml: string,
    private readonly fromXml: string
  ) {
    const count = (list: ListTag) => {
      if (!listBody(stylesXml, list)) throw new StylesNotEditableError(list);
      return items(stylesXml, list).length;
    };
    this.counts = {
      fonts: count("fonts"),
      fills: count("fills"),
      borders: count("borders"),
      cellXfs: count("cellXfs"),
    };
    const formats = (xml: string) =>
      [...xml.matchAll(NUM_FMT)].map(
        (m) =>
          [numberAttribute(m[0], "numFmtId"), /formatCode="([^"]*)"/.exec(m[0])?.[1] ?? ""] as const
      );
    this.fromFormats = new Map(formats(fromXml));
    this.formats = new Map(formats(stylesXml).map(([id, code]) => [code, id]));
    this.nextFormat = Math.max(FIRST_CUSTOM_FORMAT - 1, ...this.formats.values()) + 1;
  }

  /** This package's style index for the other package's cell style `index`. */
  styleOf(index: number): number {
    return this.copied("cellXfs", index, (xf) => {
      let copy = xf;
      for (const [list, attribute] of [
        ["fonts", "fontId"],
        ["fills", "fillId"],
        ["borders", "borderId"],
      ] as const) {
        const id = this.copied(list, numberAttribute(xf, attribute), (item) => item);
        copy = withNumberAttribute(copy, attribute, id);
      }
      copy = withNumberAttribute(copy, "numFmtId", this.formatOf(numberAttribute(xf, "numFmtId")));
      // The other package's cell style (cellStyleXfs) is its Normal, as this one's 0 is.
      return withNumberAttribute(copy, "xfId", 0);
    });
  }

  /** The styles part with what was added; null when nothing was. */
  changedXml(): string | null {
    if (this.mapped.size === 0) return null;
    let xml = this.stylesXml;
    for (const list of Object.keys(LISTS) as ListTag[]) {
      const added = this.added[list];
      if (added.length > 0) xml = appendedTo(xml, list, added, this.counts[list] + added.length);
    }
    if (this.addedFormats.length > 0) {
      const count = this.formats.size;
      xml = listBody(xml, "numFmts")
        ? appendedTo(xml, "numFmts", this.addedFormats, count)
        : // numFmts is the first child of styleSheet.
          xml.replace(
            /<styleSheet\b[^>]*>/,
            (open) => `${open}<numFmts count="${count}">${this.addedFormats.join("")}</numFmts>`
          );
    }
    return xml;
  }

  private copied(list: ListTag, index: number, copy: (item: string) => string): number {
    const key = `${list}\u0000${index}`;
    const known = this.mapped.get(key);
    if (known !== undefined) return known;
    const item = items(this.fromXml, list)[index] ?? items(this.fromXml, list)[0];
    const position = this.counts[list] + this.added[list].length;
    this.mapped.set(key, position);
    this.added[list].push(copy(item));
    return position;
  }

  private formatOf(id: number): number {
    const code = this.fromFormats.get(id);
    if (id < FIRST_CUSTOM_FORMAT || code === undefined) return id;
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const added = this.nextFormat++;
    this.formats.set(code, added);
    this.addedFormats.push(`<numFmt numFmtId="${added}" formatCode="${code}"/>`);
    return added;
  }
}

/** `xml` with `added` appended inside the list element `list`, its count set to `count`. */
function appendedTo(xml: string, list: string, added: readonly string[], count: number): string {
  return xml.replace(
    new RegExp(`<${list}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${list}>)`),
    (_whole, attributes: string, body: string | undefined) => {
      const counted = /\scount="\d+"/.test(attributes)
        ? attributes.replace(/\scount="\d+"/, ` count="${count}"`)
        : `${attributes} count="${count}"`;
      return `<${list}${counted}>${body ?? ""}${added.join("")}</${list}>`;
    }
  );
}
