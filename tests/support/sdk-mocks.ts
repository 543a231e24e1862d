/**
 * The harness of the SDK class tests: each test file runs its resources under
 * `pulumi.runtime.setMocks` (project "project", stack "stack"), with a stand-in for what the
 * provider's create would return, and then asserts what was registered and what comes back.
 */
import * as pulumi from "@pulumi/pulumi";

import type { KindName } from "../../resources/registry";

/** What the mocked create answers for one registration: the resource id and its recorded state. */
export type MockCreate = (args: pulumi.runtime.MockResourceArgs) => { id: string; state: Record<string, unknown> };

/**
 * Installs the mocks before the tests of the block it is called in run (in a `beforeAll`) and
 * returns the list every registration is appended to, in order. Call it once per test file, or
 * once per top-level `describe`: Pulumi's mocks are global, so each block's `beforeAll` installs
 * its own before its tests, and blocks must not nest.
 */
export function mockResources(create: MockCreate): pulumi.runtime.MockResourceArgs[] {
  const created: pulumi.runtime.MockResourceArgs[] = [];
  beforeAll(async () => {
    await pulumi.runtime.setMocks(
      {
        newResource(args) {
          created.push(args);
          return create(args);
        },
        call: () => ({}),
      },
      "project",
      "stack",
      false,
    );
  });
  return created;
}

/** The registration of the resource named `name`; fails the test when there is none. */
export function registered(created: pulumi.runtime.MockResourceArgs[], name: string): pulumi.runtime.MockResourceArgs {
  const args = created.find((c) => c.name === name);
  if (!args) throw new Error(`no resource named ${JSON.stringify(name)} was registered`);
  return args;
}

/** An output's value once the mocked engine has resolved it. */
export const value = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));

/**
 * Asserts that a registration is a dynamic resource of `kind`: its type token, and a serialized
 * provider shim (a string) that loads the implementation by the package's name for that kind.
 */
export function expectDynamicResource(args: pulumi.runtime.MockResourceArgs, kind: KindName): void {
  expect(args.type).toBe(`pulumi-nodejs:dynamic/twilio-conversations:${kind}`);
  expect(typeof args.inputs.__provider).toBe("string");
  expect(args.inputs.__provider).toContain('require("pulumi-twilio-conversations/provider")');
  expect(args.inputs.__provider).toContain(JSON.stringify(kind));
}
