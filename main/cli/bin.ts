#!/usr/bin/env node
// The `lexer-upload` command (package.json "bin"). All work is in program.ts; this file only
// turns the result into the process's exit code once output has been flushed.
import module from 'node:module';

// Node 22.1+ can keep compiled code between runs (the engine's modules are most of a command's
// start-up); on older Node the method is absent and this does nothing. Called before the
// program is imported, so the cache covers it too.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { runCli } = await import('./program.js');

const code = await runCli(process.argv);
// Exit explicitly: open keep-alive sockets or timers must not hold a finished command open, but
// only after stdout/stderr drained (on some platforms pipe writes are asynchronous).
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
