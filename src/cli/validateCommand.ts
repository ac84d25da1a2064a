// Placeholder until its issue lands; replaced, not extended.
export async function validateCommand(file: string, options: { json?: boolean }): Promise<number> {
  void [file, options];
  throw new Error("validateCommand: inte implementerat ännu");
}
