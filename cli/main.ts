#!/usr/bin/env node
/** The `pulumi-twilio-conversations` bin: the program of cli/program.ts on this process. */
import { processIo } from "./io";
import { createProgram } from "./program";

const io = processIo();
createProgram(io)
  .parseAsync(process.argv)
  .then(() => {
    if (io.exitCode !== undefined) process.exitCode = io.exitCode;
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
