/** Runs the command in-process, as the bin would with these arguments, recording what it writes. */
import { CommanderError } from "commander";

import type { CliIo } from "../../cli/io";
import { createProgram } from "../../cli/program";

export interface CliRun {
  /** 0 on success, the command's own code, or 1 for an error (as the bin exits). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}, tty = false): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t), isTTY: tty },
    stderr: { write: (t: string) => (stderr += t), isTTY: tty },
    env,
  };
  try {
    await createProgram(io, { exitOverride: true }).parseAsync(args, { from: "user" });
    return { code: io.exitCode ?? 0, stdout, stderr };
  } catch (e) {
    // commander's own exits (--help, --version, a mistake) carry their code; anything else is the bin's exit 1.
    if (e instanceof CommanderError) return { code: e.exitCode, stdout, stderr };
    return { code: 1, stdout, stderr: `${stderr}${(e as Error).message}\n` };
  }
}
