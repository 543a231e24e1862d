/**
 * A user's program type-checks against the package's declarations, under the settings users have:
 * the tsconfig `pulumi new typescript` writes (strict, `module: commonjs`, `moduleResolution: node`,
 * no `skipLibCheck`, no `esModuleInterop`; pulumi/templates typescript/tsconfig.json) and under
 * `module`/`moduleResolution: nodenext`. Pulumi's Node.js runtime type-checks the program through
 * ts-node before running it (`@pulumi/pulumi` cmd/run/run.js), so a declaration error stops
 * `pulumi up` before it starts.
 *
 * The program is the README's own example, so the front door and the check cannot drift apart; a
 * second file imports every documented import path. Without `skipLibCheck`, tsc checks every .d.ts
 * the program reaches: no dependency's types (zod's, whose v4 .d.cts fail under `node`
 * resolution) may be among them.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

import { installApp, packInto, ROOT } from "../../support/packed-app";

const run = promisify(execFile);
const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");

/** The first ```ts block of the README: the program users copy. */
function readmeProgram(): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const block = /```ts\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error("README.md has no ```ts block");
  return block[1]!;
}

/** Every import path the README documents, used so that the compiler must resolve each. */
const IMPORTS = `import * as tc from "pulumi-twilio-conversations";
import providers = require("pulumi-twilio-conversations/provider");
import { startEmulator } from "pulumi-twilio-conversations/emulator";

export const kinds: string[] = Object.keys(providers);
export const start: typeof startEmulator = startEmulator;
export const setup: typeof tc.ConversationsSetup = tc.ConversationsSetup;
// Each kind merges its section into the document's type from its own declarations.
export const document: tc.SpecDocument = {
  version: 1,
  services: {
    support: { friendlyName: "Support", roles: { agent: { friendlyName: "agent", type: "conversation", permissions: [] } }, webhooks: {} },
  },
  conversations: { lobby: { uniqueName: "lobby" } },
};
`;

/** pulumi/templates typescript/tsconfig.json, as `pulumi new typescript` writes it. */
const PULUMI_NEW = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: false,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts", "imports.ts"],
};

const NODENEXT = {
  compilerOptions: { strict: true, target: "es2022", module: "nodenext", moduleResolution: "nodenext", noEmit: true, pretty: false },
  files: ["index.ts", "imports.ts"],
};

describe("a program using the installed package type-checks", () => {
  let dir: string;
  let app: string;
  let skipped: string | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-typings-"));
    app = path.join(dir, "typings-app");
    skipped = await installApp(app, [await packInto(dir), "@types/node@^20"]);
    if (skipped) return;
    fs.writeFileSync(path.join(app, "index.ts"), readmeProgram());
    fs.writeFileSync(path.join(app, "imports.ts"), IMPORTS);
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["the pulumi new typescript tsconfig", PULUMI_NEW],
    ["module and moduleResolution nodenext", NODENEXT],
  ])(
    "under %s",
    async (_label, tsconfig) => {
      if (skipped) return console.log(`skipped: ${skipped}`);
      fs.writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
      const result = await run(process.execPath, [TSC, "-p", ".", "--noEmit", "--listFiles"], {
        cwd: app,
        maxBuffer: 16 * 1024 * 1024,
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code?: number; stdout?: string }) => ({ code: e.code ?? 1, out: e.stdout ?? "" }),
      );
      const errors = result.out.split("\n").filter((l) => /error TS\d+/.test(l));
      expect(errors).toEqual([]);
      expect(result.code).toBe(0);
      const read = result.out.split("\n").filter((l) => l.includes(`${path.sep}node_modules${path.sep}`));
      expect(read.some((f) => f.includes("pulumi-twilio-conversations"))).toBe(true);
      expect(read.filter((f) => f.includes(`${path.sep}zod${path.sep}`))).toEqual([]);
    },
    120_000,
  );
});
