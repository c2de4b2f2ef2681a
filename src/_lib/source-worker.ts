// _lib: a worker thread of one of Gazette's worker modules: the compiled file beside its caller (lib/bundle/<name>.js),
// or, while Gazette runs from its TypeScript sources (the tests, `npm run gazette`), a bundle of them.
//
// Loader hooks are not inherited by workers, and tsx registered in each worker loaded the module graph through
// hooks that answer on another thread, one module at a time: ≈ 450 ms of CPU per worker start. Here the module and
// what it imports are bundled once per process by esbuild (a devDependency, present wherever the sources are; the
// same compiler tsx uses) and each worker evaluates that one script: ≈ 70 ms per start.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The one call of esbuild's API used here (its types are a devDependency's, kept out of the package's). */
interface EsbuildSync {
  buildSync(options: Record<string, unknown>): {
    readonly outputFiles: readonly { readonly text: string }[];
    readonly metafile: { readonly inputs: Record<string, unknown> };
  };
}

/** Bundles made in this process, by entry URL: a test process starts many workers of the same module. */
const bundles = new Map<string, string>();

/**
 * Starts Gazette's worker module `name` (e.g. `rebuild-worker`) found beside the module whose URL is `besides` (its
 * `import.meta.url`): `<name>.js` in the compiled package (lib/bundle/ ships each one), else `<name>.ts` run from a
 * bundle of the sources.
 */
export function startWorkerModule(name: string, besides: string, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const file = new URL(`./${name}${path.extname(fileURLToPath(besides))}`, besides);
  return file.pathname.endsWith('.ts') ? startSourceWorker(file, options) : new Worker(file, options);
}

// --- internal ---

/** Starts `entry` (a `.ts` worker module of src/) in a worker thread, from its bundle. */
function startSourceWorker(entry: URL, options: Omit<WorkerOptions, 'eval'>): Worker {
  let code = bundles.get(entry.href);
  if (code === undefined) bundles.set(entry.href, (code = bundle(entry)));
  return new Worker(code, { ...options, eval: true });
}

/**
 * The worker module and its imports as one CommonJS script. Modules find files relative to their own URL (the code
 * root, package.json, a sibling worker module); the bundle gives every module the entry's `import.meta.url`, which is
 * theirs in effect only for modules in a folder as deep as the entry's: any other that uses it is refused by name.
 */
function bundle(entry: URL): string {
  const file = fileURLToPath(entry);
  const esbuild = createRequire(import.meta.url)('esbuild') as EsbuildSync;
  const result = esbuild.buildSync({
    entryPoints: [file],
    bundle: true,
    write: false,
    metafile: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // As scripts/bundle-cli.mjs: a package's ES module build where it has one.
    mainFields: ['module', 'main'],
    define: { 'import.meta.url': JSON.stringify(entry.href) },
    logLevel: 'silent',
  });
  const depth = (name: string) => path.relative(path.join(path.dirname(file), '..'), path.resolve(name)).split(path.sep).length;
  for (const input of Object.keys(result.metafile.inputs)) {
    if (input.includes('node_modules') || depth(input) === depth(file)) continue;
    if (readFileSync(path.resolve(input), 'utf8').includes('import.meta'))
      throw new Error(`${input} uses import.meta and cannot be bundled for a worker from the sources of ${file}`);
  }
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error(`esbuild gave no bundle of ${file}`);
  return output.text;
}
