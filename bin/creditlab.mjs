#!/usr/bin/env node
// `creditlab` (`npx creditlab …` in the repository): the TypeScript command line run through tsx,
// in this process (no second Node start-up), with the process's streams and exit status.
import { register } from 'tsx/esm/api';

register();
const { runCreditlab } = await import('../src/cli/main.ts');
const { COMMANDS } = await import('../src/cli/commands.ts');
process.exitCode = await runCreditlab(process.argv.slice(2), process, COMMANDS);
