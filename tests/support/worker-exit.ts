/**
 * Lets a jest worker exit as soon as jest ends it. A worker exits once its event loop is empty,
 * and Node then tears its heap down; with every test file loading @pulumi/pulumi and zod into a
 * fresh vm context, that heap reaches 1-2 GB, whose teardown was measured at 400-550 ms: longer
 * than the 500 ms jest-worker grants (FORCE_EXIT_DELAY), so jest killed the worker and printed "A
 * worker process has failed to exit gracefully" with no handle open. `beforeExit` is emitted only
 * when nothing is left to run, so exiting there skips the teardown and nothing else: a test that
 * leaves a handle open still keeps its worker alive, and jest still reports it.
 *
 * Only in a worker (a child process jest talks to over IPC): in band, jest's own process must end
 * as jest ends it, with its exit code.
 */
import * as vm from "node:vm";

// The real process and global: under jest, `process` and `globalThis` are a test file's sandbox copies.
const realProcess = vm.runInThisContext("process") as NodeJS.Process;
const realGlobal = vm.runInThisContext("globalThis") as Record<symbol, boolean | undefined>;
const INSTALLED = Symbol.for("pulumi-twilio-conversations/tests/worker-exit");

if (typeof realProcess.send === "function" && realGlobal[INSTALLED] !== true) {
  realGlobal[INSTALLED] = true;
  realProcess.once("beforeExit", (code) => realProcess.exit(code));
}
