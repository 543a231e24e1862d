/**
 * The package as a user gets it: `npm pack` of the current build, installed with `npm install`
 * into a fresh folder. The e2e tests that must not see this repository (the packed install, the
 * typings check) start from here.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";

import { findRepoRoot } from "../../engine-standin/link-package";

/** The repository: found by walking up, so the compiled copy (dist/tests/support, for `npm run bench`) finds it too. */
export const ROOT = findRepoRoot(__dirname) ?? path.resolve(__dirname, "../..");
const run = promisify(execFile);

/** Failures of `npm install` that mean "no network and not in the cache", not a broken package. */
export const OFFLINE = /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|network/i;

/** Packs dist/ as it is (no `prepare`: the build under test is the one just made) into `dir`; returns the tarball. */
export async function packInto(dir: string): Promise<string> {
  if (!fs.existsSync(path.join(ROOT, "dist/sdk/index.js"))) throw new Error("dist/ is missing: npm test builds first");
  await run("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], { cwd: ROOT });
  const tarball = fs.readdirSync(dir).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${dir}`);
  return path.join(dir, tarball);
}

/**
 * Creates `app` with a package.json and installs `specs` (a tarball path, `name@range`) from the
 * npm cache where it can. Returns a reason when the cache lacks something and there is no network
 * (the caller prints it and skips), else undefined.
 */
export async function installApp(app: string, specs: readonly string[]): Promise<string | undefined> {
  fs.mkdirSync(app, { recursive: true });
  fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: path.basename(app), private: true }, null, 2));
  try {
    await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...specs], { cwd: app, maxBuffer: 16 * 1024 * 1024 });
    return undefined;
  } catch (e) {
    const text = `${(e as { stderr?: string }).stderr ?? ""}${(e as Error).message}`;
    if (OFFLINE.test(text)) return `npm install needs the network and the npm cache lacks a dependency:\n${text.slice(-800)}`;
    throw e;
  }
}
