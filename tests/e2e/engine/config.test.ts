import * as fs from "node:fs";

import * as pulumi from "@pulumi/pulumi";

import { type Harness, harness } from "./harness";
import { Item } from "./item-provider";

/** Stack config: what the provider's configure() and the program's pulumi.Config see. */
describe("engine stand-in config", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  test("the whole stack config reaches configure(), secrets unwrapped by the host, and never lands in state", async () => {
    const engine = h.engine({ config: { "rec:token": "s3cret-token", plain: "p-value" }, secretKeys: ["rec:token"] });
    await engine.up(() => void new Item("a", { label: "A" }));
    const configure = h.server.calls.find((c) => c.body?.op === "configure")!.body!;
    // `plain` was namespaced with the project, and the host resolves the bare key in that namespace.
    expect(configure).toEqual({ op: "configure", token: "s3cret-token", plain: "p-value" });
    expect(fs.readFileSync(h.statePath, "utf8")).not.toContain("s3cret-token");
  });

  test("the program's pulumi.Config sees the stack config, secret keys as secrets", async () => {
    const engine = h.engine({ config: { "rec:token": "s3cret-token", plain: "p-value" }, secretKeys: ["rec:token"] });
    let tokenIsSecret: boolean | undefined;
    const s = await engine.up(async () => {
      const rec = new pulumi.Config("rec");
      const token = rec.requireSecret("token");
      tokenIsSecret = await pulumi.isSecret(token);
      return { url: rec.require("url"), plain: new pulumi.Config().require("plain"), missing: rec.get("nope") ?? "none" };
    });
    expect(s.outputs).toEqual({ url: h.server.url, plain: "p-value", missing: "none" });
    expect(tokenIsSecret).toBe(true);
  });

  test("each run sees only its own config, even in one process", async () => {
    const seen: (string | undefined)[] = [];
    const program = () => {
      seen.push(new pulumi.Config().get("plain"));
      return {};
    };
    await h.engine({ config: { plain: "first" } }).up(program);
    await h.engine({ config: {} }).up(program);
    expect(seen).toEqual(["first", undefined]);
  });

  test("a secret input reaches the provider unwrapped and comes back to the program as a secret", async () => {
    const engine = h.engine({ config: { "rec:token": "s3cret-token" }, secretKeys: ["rec:token"] });
    let labelIsSecret: boolean | undefined;
    await engine.up(async () => {
      const a = new Item("a", { label: new pulumi.Config("rec").requireSecret("token") });
      labelIsSecret = await pulumi.isSecret(a.label);
      return {};
    });
    expect(h.server.items.get("i1")).toMatchObject({ label: "s3cret-token" });
    expect(labelIsSecret).toBe(true);
  });
});
