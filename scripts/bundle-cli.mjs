// The last step of `npm run build`: src/cli/main.ts and the live engine's worker bundled by esbuild into lib/bundle/,
// the files bin/gazette.js loads. Loading the few files of a bundle instead of lib/'s ~200 modules and their
// dependencies' hundreds (date-fns alone is one file per function) is most of the fixed cost of every command
// (docs/performance.md, "A bundled CLI"). lib/ stays as tsc writes it, for library users (package.json `exports`).
//
// Layout rules the bundled code relies on:
// - Every output sits one folder below lib/, like lib/<folder>/<module>.js, because modules find files relative to
//   their own URL: `../../package.json` (version), `..` as the code root (code-stamp.ts stamps lib/<folder>/),
//   `../index.js` (the `gazette` a TypeScript config imports), `./rebuild-worker.js` (worker-engine.ts),
//   `./build-worker.js` (bounded-build.ts), `./page-worker.js` (page-pool.ts). So the chunks stay beside the entries,
//   never in a subfolder.
// - Code splitting keeps the commands lazy as in the sources: `--version` and `--help` load only cli.js.
// - express (a peer dependency: the user's copy serves) and jiti (loaded only for a TypeScript config, and it loads
//   its own files relative to itself) stay imports of node_modules; the other dependencies are bundled.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'lib/bundle');

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: {
    cli: 'src/cli/main.ts',
    'rebuild-worker': 'src/site/rebuild-worker.ts',
    // gazette build's heap-bounded worker (cli/commands/bounded-build.ts finds it beside itself; without it, the build
    // would run in the process with no bound).
    'build-worker': 'src/cli/commands/build-worker.ts',
    'page-worker': 'src/site/page-worker.ts',
    index: 'src/index.ts',
  },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The ES module build of a package where it has one (jsonc-parser's `main` is a UMD build that requires its own
  // files by relative path, which a bundle cannot resolve).
  mainFields: ['module', 'main'],
  external: ['express', 'jiti'],
  // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none of its own.
  banner: { js: "import { createRequire as __gazetteCreateRequire } from 'node:module';\nconst require = __gazetteCreateRequire(import.meta.url);" },
  legalComments: 'inline',
  logLevel: 'warning',
});
