#!/usr/bin/env node
// Runs the compiled CLI; `npm ci` builds it through the `prepare` script.
void require("../dist/cli/main.js").main(process.argv);
