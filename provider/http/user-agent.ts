/**
 * The User-Agent, shaped like twilio-node's (`twilio-node/<ver> (<platform> <arch>) node/<ver>`)
 * so Twilio support can tell this client apart in their logs.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const PACKAGE_NAME = "pulumi-twilio-conversations";

let cached: string | undefined;

/** `pulumi-twilio-conversations/<version> (<platform> <arch>) node/<version>`, computed once. */
export function userAgent(): string {
  cached ??= `${PACKAGE_NAME}/${packageVersion(__dirname)} (${process.platform} ${process.arch}) node/${process.version}`;
  return cached;
}

/**
 * The version in this package's package.json, found by walking up from `startDir`: the code runs
 * both from sources (provider/http) and from dist/provider/http, at different depths. Other
 * package.json files on the way (a user's project, a nested folder) are skipped by name.
 */
export function packageVersion(startDir: string): string {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "package.json");
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === "string") return pkg.version;
    } catch {
      // No package.json here, or not JSON: keep walking.
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}
