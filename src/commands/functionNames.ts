/** Names that manifest.xml refers to (ExecuteFunction › FunctionName); test/manifest.test.ts checks them. */
export const GENERATE_REPORT_FUNCTION = "genereraRapport";
