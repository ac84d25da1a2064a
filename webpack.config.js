/**
 * The Excel add-in bundle, after the Yeoman Office template (Office-Addin-TaskPane-React): entries
 * `taskpane` and `commands`, HtmlWebpackPlugin pages, the manifest and icons copied beside them,
 * an HTTPS dev server on port 3000 with office-addin-dev-certs, and the manifest's dev URLs
 * rewritten for production. Differences: TypeScript is type-checked in the build (ts-loader
 * without transpileOnly), and the output goes to dist/addin/ so that `npm run build:cli` (tsc into
 * dist/core, dist/cli, dist/xlsx) and this build never clean or overwrite each other.
 *
 * Production URL: set TERTIAL_PROD_URL (e.g. https://tertial.kommun.se/addin/) when building for
 * deployment; without it the manifest keeps https://localhost:3000/ and the build says so.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { HEADER_POLICY, PAGE_POLICY } = require("./scripts/contentSecurityPolicy");

const urlDev = "https://localhost:3000/";
const urlProd = process.env.TERTIAL_PROD_URL;

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** Production manifest: every dev URL points at the deployment instead. */
function productionManifest(content) {
  if (!urlProd) return content;
  if (!/^https:\/\/.+\/$/.test(urlProd)) {
    throw new Error(`TERTIAL_PROD_URL must be an https:// URL ending in "/", not ${urlProd}`);
  }
  return content.toString().split(urlDev).join(urlProd);
}

/** Makes the missing production URL visible in the build output instead of failing an offline build. */
class ProdUrlNotice {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ProdUrlNotice", (compilation) => {
      compilation.warnings.push(
        new Error(`TERTIAL_PROD_URL is not set: dist/addin/manifest.xml points at ${urlDev}`)
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist", "addin"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type-check only what is bundled, with ES modules so that unused Fluent UI is dropped.
              onlyCompileBundledFiles: true,
              compilerOptions: { module: "esnext", noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/hjalp.html", to: "hjalp.html" },
          // The browser asks for /favicon.ico whatever the page links: Tertial's icon, no 404.
          { from: "assets/icon-32.png", to: "favicon.ico" },
          // The empty template, fetched by the pane from its own origin: Skapa tertialarbetsbok in
          // Excel, Ladda ned tom mall in browser mode (src/app/templateFile.ts).
          { from: "templates/tertialuppfoljning-v3.xlsx", to: "tertialuppfoljning-v3.xlsx" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content)),
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        meta: { csp: { "http-equiv": "Content-Security-Policy", content: PAGE_POLICY } },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        meta: { csp: { "http-equiv": "Content-Security-Policy", content: PAGE_POLICY } },
      }),
      ...(!dev && !urlProd ? [new ProdUrlNotice()] : []),
    ],
    optimization: {
      // Browser mode loads exceljs as one chunk, exceljs.js, not beside a vendors chunk. The Word
      // renderer (docx.js) loads only when the user asks for Word; jszip, which both need, is a
      // chunk of its own (jszip.js) so that neither carries a copy.
      splitChunks: {
        cacheGroups: {
          defaultVendors: false,
          jszip: {
            test: /[\\/]node_modules[\\/]jszip[\\/]/,
            name: "jszip",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    performance: {
      // The task pane is about 390 KB minified (120 KB gzip), mostly React and Fluent UI: warn on growth.
      // The exceljs chunk (about 1 MB) loads in browser mode after the page is up, and in the Excel
      // pane only on Ny period or Sammanställ (src/page/pageEngine.ts puts its code there);
      // the docx chunk (about 360 KB) only on Ladda ned som Word.
      maxAssetSize: 600_000,
      maxEntrypointSize: 600_000,
      assetFilter: (name) => !name.endsWith(".map") && !name.startsWith("exceljs."),
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*", "Content-Security-Policy": HEADER_POLICY },
      server: {
        type: "https",
        options:
          env.WEBPACK_BUILD || options.https !== undefined
            ? options.https
            : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
