import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";

/** This repository's package name: the host must resolve `require("<name>/provider")`. */
export const PACKAGE_NAME = "pulumi-twilio-conversations";

/**
 * The real process and its globals: under jest, `process` and `globalThis` are a test file's sandbox
 * copies, made anew for every file, whose "exit" never fires. Keeping the links on the real global
 * gives one folder and one exit listener per worker, not one per test file (which piled up exit
 * listeners on the real process: MaxListenersExceededWarning).
 */
const realProcess = vm.runInThisContext("process") as NodeJS.Process;
const realGlobal = vm.runInThisContext("globalThis") as Record<symbol, Map<string, string> | undefined>;
const LINKED = Symbol.for("pulumi-twilio-conversations/engine-standin/linked");
const linked = (realGlobal[LINKED] ??= new Map<string, string>());

/**
 * Makes a temp folder holding `node_modules/pulumi-twilio-conversations` -> `repoRoot` and returns
 * the `node_modules` path, to pass to the host as `NODE_PATH`.
 *
 * Why: the shim serialized into `__provider` requires the implementation by package name, and code
 * the host loads with require-from-string cannot use Node's self-reference, so in this repo the
 * package is only found through such a link (a user's install finds it in their node_modules).
 * One folder per repo root per process; it is removed when the process exits.
 */
export function linkPackageForHost(repoRoot: string): string {
  const root = path.resolve(repoRoot);
  const known = linked.get(root);
  if (known && fs.existsSync(known)) {
    return known;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-stand-in-host-"));
  const nodeModules = path.join(dir, "node_modules");
  fs.mkdirSync(nodeModules);
  fs.symlinkSync(root, path.join(nodeModules, PACKAGE_NAME), "dir");
  linked.set(root, nodeModules);
  realProcess.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return nodeModules;
}

/** The nearest folder at or above `from` whose package.json is this package, or undefined. */
export function findRepoRoot(from: string = __dirname): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string }).name === PACKAGE_NAME) {
          return dir;
        }
      } catch {
        // Not JSON we can read: keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}
