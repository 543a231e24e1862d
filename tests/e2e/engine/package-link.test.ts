import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";

import * as pulumi from "@pulumi/pulumi";

import { EngineStandIn, findRepoRoot, linkPackageForHost } from "../../../engine-standin";

/**
 * The project's shims load their implementation by package name in the host. From this repo that
 * only works through the NODE_PATH link the stand-in makes by default.
 */
const byName: pulumi.dynamic.ResourceProvider = {
  async create() {
    // Resolved in the host process, not in jest: the serialized function carries this require call.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require("pulumi-twilio-conversations/package.json") as { name: string };
    return { id: "linked", outs: { pkg: pkg.name } };
  },
};

class ByName extends pulumi.dynamic.Resource {
  declare readonly pkg: pulumi.Output<string>;
  constructor(name: string) {
    super(byName, name, { pkg: undefined }, undefined, "engine-test", "ByName");
  }
}

describe("engine stand-in package link", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-stand-in-link-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("findRepoRoot finds this repo and linkPackageForHost links it under node_modules", () => {
    const root = findRepoRoot(__dirname)!;
    expect(fs.existsSync(path.join(root, "package.json"))).toBe(true);
    const nodeModules = linkPackageForHost(root);
    expect(fs.realpathSync(path.join(nodeModules, "pulumi-twilio-conversations"))).toBe(fs.realpathSync(root));
    expect(linkPackageForHost(root)).toBe(nodeModules); // one link per process
  });

  test("one link and one exit listener per process, however many test files load the module", () => {
    const root = findRepoRoot(__dirname)!;
    const realProcess = vm.runInThisContext("process") as NodeJS.Process;
    const first = linkPackageForHost(root);
    const listeners = realProcess.listenerCount("exit");
    // A fresh copy of the module, as the next test file in this jest worker gets.
    let again: string | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require("../../../engine-standin/link-package") as typeof import("../../../engine-standin/link-package");
      again = fresh.linkPackageForHost(root);
    });
    expect(again).toBe(first);
    expect(realProcess.listenerCount("exit")).toBe(listeners);
  });

  test("by default the host can require this package by name", async () => {
    const engine = new EngineStandIn({ project: "engine-test", stack: "link", statePath: path.join(dir, "state.json") });
    try {
      const s = await engine.up(() => ({ pkg: new ByName("n").pkg }));
      expect(s.outputs).toEqual({ pkg: "pulumi-twilio-conversations" });
      await engine.destroy();
    } finally {
      await engine.killHost();
    }
  });
});
