#!/usr/bin/env node
// The `lexer-upload` command (package.json "bin"). All work is in program.ts; this file only
// turns the result into the process's exit code once output has been flushed.
import { runCli } from './program.js';

const code = await runCli(process.argv);
// Exit explicitly: open keep-alive sockets or timers must not hold a finished command open, but
// only after stdout/stderr drained (on some platforms pipe writes are asynchronous).
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
