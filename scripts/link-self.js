#!/usr/bin/env node
/**
 * Makes this repository resolvable by its own package name from its own node_modules, as it is
 * wherever users install it. The dynamic-provider host loads providers with
 * `require("pulumi-twilio-conversations/provider")`, and Node's self-reference does not work from
 * the host's code in node_modules/@pulumi, so without this link `pulumi up` at the repository root
 * (the GitOps program in Pulumi.yaml) could not load its providers.
 *
 * Runs from `prepare`; does nothing when the package is itself installed inside a node_modules.
 */
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
if (root.split(path.sep).includes("node_modules")) process.exit(0);
const modules = path.join(root, "node_modules");
if (!fs.existsSync(modules)) process.exit(0);
const link = path.join(modules, require(path.join(root, "package.json")).name);
try {
  fs.lstatSync(link);
} catch {
  // Relative, so the link survives moving the clone.
  fs.symlinkSync("..", link, "dir");
}
