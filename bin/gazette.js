#!/usr/bin/env node
// cli: the `gazette` bin; runs the compiled JavaScript in lib/ (`npm run build`, also run by npm install and npm pack).
let cli;
try {
  cli = await import('../lib/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('lib/cli/main.js')) throw error;
  process.stderr.write('gazette: lib/ is missing; run `npm run build` in the Gazette folder first\n');
  process.exit(70);
}
await cli.runCli(process.argv.slice(2));
