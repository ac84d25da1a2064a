// Preloaded (`node --require`) into the built CLI by startLoad.test.ts: when the process ends it
// writes every CommonJS module it loaded, as JSON, to the file named by TERTIAL_LOADED_MODULES.
const { writeFileSync } = require("node:fs");

const target = process.env.TERTIAL_LOADED_MODULES;
if (target) {
  process.on("exit", () => writeFileSync(target, JSON.stringify(Object.keys(require.cache))));
}
