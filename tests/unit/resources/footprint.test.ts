/**
 * Adding a kind is its folder and a few lines (docs/adding-a-resource.md): every kind added since
 * release 0.1.0 edits at most 8 files outside tests, its folder's included, and at most 4 test
 * files. The footprint is read from the tree (tests/support/footprint.ts), so a kind that starts
 * to need a line in one more place fails here, naming the files.
 */
import * as path from "node:path";

import { KINDS } from "../../../resources/registry";
import shimV0 = require("../../fixtures/shim-v0.json");
import { footprints, trackedFiles } from "../../support/footprint";

const ROOT = path.resolve(__dirname, "../../..");
/** The kinds release 0.1.0 had: the kinds of its serialized providers (tests/fixtures/shim-v0.json). */
const RELEASED = new Set(Object.keys(shimV0));

describe("the files each kind added since 0.1.0 edits", () => {
  const all = footprints(
    trackedFiles(ROOT),
    KINDS.map((k) => ({ name: k.name, rootSection: "parent" in k.spec.placement ? undefined : k.spec.placement.section })),
  );
  const added = KINDS.filter((k) => !RELEASED.has(k.name)).map((k) => {
    const footprint = all.get(k.name)!;
    return [k.name, footprint.own.length + footprint.code.length, footprint.tests.length, footprint] as const;
  });

  test("0.1.0's kinds are known, and some kinds came after", () => {
    expect([...RELEASED].every((name) => KINDS.some((k) => k.name === name))).toBe(true);
    expect(added.length).toBeGreaterThan(0);
  });

  // On failure the files are listed, so the place that started to need a line shows.
  // The title carries the counts, so `npx jest tests/unit/resources/footprint.test.ts --verbose` reports them.
  test.each(added)(
    "%s: %i files outside tests (its folder's included; at most 8), %i test files (at most 4)",
    (_name, _code, _tests, footprint) => {
      const code = [...footprint.own, ...footprint.code];
      expect(code.length <= 8 ? "at most 8" : code).toBe("at most 8");
      expect(footprint.tests.length <= 4 ? "at most 4" : footprint.tests).toBe("at most 4");
      // Its own folder: schema, api, provider, resource, kind.
      expect(footprint.own.length).toBeGreaterThanOrEqual(5);
    },
  );
});

describe("footprints", () => {
  const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
  // A kind of fiction, so this file names no real one.
  const kinds = [{ name: "ChannelSender", rootSection: "channelSenders" }];

  test("code that names the kind counts; a comment that mentions it does not", () => {
    const found = footprints(
      files({
        "resources/channel-sender/kind.ts": "export const channelSenderKind = 1;",
        "resources/registry.ts": 'import { channelSenderKind } from "./channel-sender/kind";',
        "sdk/index.ts": "/** See {@link ChannelSender}. */ export const x = 1;",
        "cli/a.ts": "const s = `${a} ChannelSenderEntry ${b}`;",
        "cli/b.ts": "function f() { return `x${{ a: 1 }.a}y`; } // ChannelSender",
        "cli/c.ts": "const t = `${x}`; const y = { z: 1 }; /* ChannelSenders */",
        "tests/x.yaml": "version: 1\nchannelSenders:\n  a: {}\n",
        "tests/y.yaml": "version: 1\nnotChannelSenders: 1\n",
      }),
      kinds,
    ).get("ChannelSender")!;
    expect(found).toEqual({
      own: ["resources/channel-sender/kind.ts"],
      code: ["cli/a.ts", "resources/registry.ts"],
      tests: ["tests/x.yaml"],
    });
  });

  test("a module outside the folder with an export only the folder uses was written for the kind", () => {
    const found = footprints(
      files({
        "resources/channel-sender/api.ts": 'import { DEFAULT_SANDBOX } from "../../provider/shared/facts";',
        "resources/other/api.ts": 'import { SHARED } from "../../provider/shared/facts";',
        "provider/shared/facts.ts": "export const DEFAULT_SANDBOX = false;\nexport const SHARED = 1;",
        "provider/shared/only-shared.ts": "export const SHARED_TOO = 1;",
        "resources/other/kind.ts": 'import { SHARED_TOO } from "../../provider/shared/only-shared";',
      }),
      kinds,
    ).get("ChannelSender")!;
    expect(found.code).toEqual(["provider/shared/facts.ts"]);
  });
});
