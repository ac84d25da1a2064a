/** `tertial mall`: writes a fresh template. Never replaces an existing file unless asked to with --force. */
import { LATEST_TEMPLATE } from "../core/template/registry";
import { buildWorkbook } from "../xlsx/template/buildWorkbook";
import { workbookBytes } from "../xlsx/template/saveWorkbook";
import { prepareOutput } from "./outputFile";
import { EXIT_OK } from "./runCommand";
import { forTerminal } from "./terminalText";

export interface TemplateOptions {
  /** Where to write the template (.xlsx). */
  readonly output: string;
  /** Replace an existing file. */
  readonly force?: boolean;
}

export async function templateCommand(options: TemplateOptions): Promise<number> {
  const write = await prepareOutput({
    target: options.output,
    extension: ".xlsx",
    exampleName: "tertialuppfoljning.xlsx",
    force: options.force,
  });
  await write(await workbookBytes(buildWorkbook(LATEST_TEMPLATE)));
  process.stderr.write(
    forTerminal(
      `Skrev en ny mall (mallversion ${LATEST_TEMPLATE.version}) till ${options.output}\n`
    )
  );
  return EXIT_OK;
}
