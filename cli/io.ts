/**
 * Where a command writes and what it reads from its process: the real one for the bin, a recorded
 * one for tests (commands run in-process through {@link createProgram}).
 */

/** A stream a command writes to; `isTTY` decides whether progress is shown. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The environment settings are read from (credentials among them: never from flags). */
  readonly env: NodeJS.ProcessEnv;
  /** Set by a command that ends with another code than 0 (`plan`: 2 when there are differences). */
  exitCode?: number;
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
