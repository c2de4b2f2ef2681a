#!/usr/bin/env node
// cli: the `gazette` bin; runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { runMain } = await import('../src/cli/main.ts');
process.exitCode = await runMain(process.argv.slice(2));
