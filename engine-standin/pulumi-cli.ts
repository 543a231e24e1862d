/**
 * Finding the Pulumi CLI the real-engine suites run: the user's `pulumi` on PATH first (an
 * official install has the Node.js language host and the dynamic-provider launcher beside it),
 * else the one `npm run pulumi-cli` builds from Go modules into `.tools/pulumi/bin/`
 * (scripts/pulumi-cli/build.sh).
 *
 * The CLI finds its bundled plugins (pulumi-language-nodejs, pulumi-resource-pulumi-nodejs) on
 * PATH, then beside its own executable, and is never allowed to download any: callers put
 * {@link PulumiCli.binDir} first on PATH and set {@link CLI_ENV}.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

import { PulumiCommand } from "@pulumi/pulumi/automation";

import { findRepoRoot } from "./link-package";

// From the sources (tests/support) or their build (dist/tests/support, for `npm run bench`).
const ROOT = findRepoRoot(__dirname) ?? path.resolve(__dirname, "../..");

/** Where `npm run pulumi-cli` puts the binaries. */
export const TOOLS_BIN = path.join(ROOT, ".tools/pulumi/bin");
/** The command that builds them. */
export const BUILD_COMMAND = "npm run pulumi-cli";

/**
 * Environment every CLI run gets: no update check, no plugin download (the bundled plugins are
 * found beside the CLI; anything else missing must fail, not be fetched).
 */
export const CLI_ENV: Readonly<Record<string, string>> = {
  PULUMI_SKIP_UPDATE_CHECK: "true",
  PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
};

export interface PulumiCli {
  /** Absolute path of the `pulumi` executable. */
  readonly command: string;
  /** Its folder; the language host and the launcher are expected on PATH or here. */
  readonly binDir: string;
  /** Where it was found. */
  readonly source: "PATH" | ".tools";
  /** What `pulumi version` prints, e.g. `v3.248.0`. */
  readonly version: string;
}

/** The `pulumi` on PATH, else the built one in `.tools/`, else undefined. */
export function findPulumiCli(env: NodeJS.ProcessEnv = process.env): PulumiCli | undefined {
  const onPath = executableOnPath("pulumi", env);
  if (onPath) return describeCli(onPath, "PATH");
  const built = path.join(TOOLS_BIN, "pulumi");
  if (isExecutable(built)) return describeCli(built, ".tools");
  return undefined;
}

/**
 * Why a missing CLI must fail the suites here instead of skipping them, or undefined when
 * skipping is fine (a user's machine without Go and without Pulumi). The project's machines have
 * Go (so `npm run pulumi-cli` works there); CI sets `CI`; a `.tools/pulumi` folder means a build was
 * made and something is wrong with it.
 */
export function cliRequiredBecause(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CI && env.CI !== "false" && env.CI !== "0") return `CI is set (CI=${env.CI})`;
  if (fs.existsSync(path.dirname(TOOLS_BIN))) return `${path.relative(ROOT, path.dirname(TOOLS_BIN))} exists (a build was made)`;
  if (executableOnPath("go", env)) return "Go is installed, so it can be built";
  return undefined;
}

function describeCli(command: string, source: PulumiCli["source"]): PulumiCli {
  const real = fs.realpathSync(command);
  const version = execFileSync(command, ["version"], { encoding: "utf8", env: { ...process.env, ...CLI_ENV } }).trim();
  return { command: real, binDir: path.dirname(real), source, version };
}

function executableOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The environment of a CLI run kept to one scratch folder: its own PULUMI_HOME and a file backend
 * there, stack secrets under `passphrase`, the CLI's folder first on PATH (for its plugins).
 */
export function scratchEnv(cli: PulumiCli, scratch: string, passphrase: string): Record<string, string> {
  for (const sub of ["home", "backend"]) fs.mkdirSync(path.join(scratch, sub), { recursive: true });
  return {
    ...CLI_ENV,
    PULUMI_HOME: path.join(scratch, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(scratch, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    PATH: `${cli.binDir}${path.delimiter}${process.env.PATH ?? ""}`,
  };
}

/**
 * The Automation API's handle on this CLI. It runs `<root>/bin/pulumi`, so a CLI that is not in a
 * `bin` folder gets one in `scratch`, linked to it.
 */
export function pulumiCommand(cli: PulumiCli, scratch: string): Promise<PulumiCommand> {
  let root = path.dirname(cli.binDir);
  if (path.basename(cli.binDir) !== "bin") {
    root = path.join(scratch, "cli");
    fs.mkdirSync(path.join(root, "bin"), { recursive: true });
    fs.symlinkSync(cli.command, path.join(root, "bin", "pulumi"));
  }
  return PulumiCommand.get({ root, skipVersionCheck: true });
}
