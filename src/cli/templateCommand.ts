// Placeholder until its issue lands; replaced, not extended.
export async function templateCommand(options: { output: string }): Promise<number> {
  void [options];
  throw new Error("templateCommand: inte implementerat ännu");
}
