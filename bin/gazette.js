#!/usr/bin/env node
// cli: the `gazette` bin; runs the bundled CLI in lib/bundle/ (`npm run build`, also run by npm install and npm pack;
// scripts/bundle-cli.mjs says why a bundle).
let cli;
try {
  cli = await import('../lib/bundle/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('lib/bundle/cli.js')) throw error;
  process.stderr.write('gazette: lib/ is missing; run `npm run build` in the Gazette folder first\n');
  process.exit(70);
}
await cli.runCli(process.argv.slice(2));
