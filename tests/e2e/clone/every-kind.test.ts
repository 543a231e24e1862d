/**
 * Cloning an account that uses every kind the registry holds, at once: account A is the seeded
 * account of the export tests with the all-kinds program (tests/e2e/resources/all-kinds-program.ts,
 * one scenario per kind) applied over it. Export A; apply the document to an empty account B
 * through the root GitOps program (program/index.ts), with each secret the document asks for set
 * per stack as a secret; export B: equal documents; a second `up` changes nothing, and `plan`
 * finds no difference. Nothing here names a kind: the kinds are read from the registry, the
 * secrets from the document, so a kind without a scenario, or without a place in the document,
 * fails here.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

import { exportAccount, formatSpec } from "../../../cli/export";
import { readAccount } from "../../../cli/export/read-account";
import { comparePlan } from "../../../cli/plan";
import type { StateFile } from "../../../engine-standin";
import { kindOfType, KINDS } from "../../../resources/registry";
import { checkSpec } from "../../../sdk/spec/check";
import type { SpecDocument } from "../../../sdk/spec/document";
import { formatPath } from "../../../sdk/spec/issues";
import { entriesOf, fieldPath, valueAt } from "../../../sdk/spec/kinds";
import { clientFor, seedAccount } from "../../integration/export/seed";
import { plainSecretsIn, secretsIn, textsInSecrets } from "../helpers/secrets";
import { allKinds, scenarios } from "../resources/all-kinds-program";
import { cloneAccounts, engineFor, notSame } from "./harness";
import program = require("../../../program/index");

// Two `up` runs of ~100 resources through the real dynamic-provider host.
jest.setTimeout(300_000);

const accounts = cloneAccounts("clone-every-kind-", { operationDelayMs: 5, operationRetryAfterSeconds: 0 });

/** A's secrets: those the all-kinds program declares in its first version. */
const A_SECRETS = scenarios().flatMap(([, s]) => s.secrets?.(1) ?? []);

/**
 * A value for a secret parameter that no one else uses. Some secret fields take PEM text only
 * (each looks for its own block, a certificate's or a private key's, anywhere in the value); any
 * other takes text. This holds one block of each around unique lines, so every secret field takes it.
 */
const freshSecret = () =>
  [
    `-----BEGIN CERTIFICATE-----\nMII${randomUUID()}\n-----END CERTIFICATE-----`,
    `-----BEGIN PRIVATE KEY-----\nMII${randomUUID()}\n-----END PRIVATE KEY-----`,
  ].join("\n");

/** Counts by name. */
const countBy = <T>(items: readonly T[], name: (item: T) => string) =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [name(item)]: (counts[name(item)] ?? 0) + 1 }), {});

describe("an account using every kind: export, apply to an empty one with its secrets, export again", () => {
  let exportedA: SpecDocument;
  let specFile: string;
  /** Each field the document marks secret: where it is, and the parameter it holds. */
  let secretFields: { path: string; parameter: string }[];
  /** B's secrets, by parameter: set per stack, as secrets. */
  let secretsB: Record<string, string>;
  /** What B's runs logged and returned as stack outputs. */
  const logB: string[] = [];
  const outputsB: unknown[] = [];
  const engineB = (parameters: Record<string, string>) =>
    engineFor(accounts.b, accounts.dir, {
      config: { spec: specFile, ...parameters },
      secretKeys: Object.keys(parameters),
      log: (line) => logB.push(line),
    });

  test("A exports an entry of every kind; its secrets are parameters without a default, never exported", async () => {
    await seedAccount(accounts.a);
    await engineFor(accounts.a, accounts.dir, { project: "all-kinds", stack: "a" }).up(allKinds(1));
    exportedA = await exportAccount(clientFor(accounts.a));
    // Every kind of the registry has an entry in the document.
    const exportedKinds = new Set(entriesOf(exportedA).map((entry) => entry.kind.name));
    expect(KINDS.map((k) => k.name).filter((name) => !exportedKinds.has(name))).toEqual([]);

    // Each field a kind marks secret holds one whole parameter, and the parameters without a
    // default are exactly those: a secret is never written in the document.
    const fields = entriesOf(exportedA).flatMap((entry) =>
      (entry.kind.spec.secrets ?? []).flatMap((field) => {
        const value = valueAt(entry.value, fieldPath(field));
        return value === undefined ? [] : [{ path: formatPath([...entry.path, ...fieldPath(field)]), value }];
      }),
    );
    expect(fields.filter((f) => typeof f.value !== "string" || !/^\$\{\w+\}$/.test(f.value))).toEqual([]);
    secretFields = fields.map((f) => ({ path: f.path, parameter: (f.value as string).slice(2, -1) }));
    const withoutDefault = Object.entries(exportedA.parameters ?? {}).filter(([, p]) => p.default === undefined);
    expect(withoutDefault.map(([name]) => name).sort()).toEqual(secretFields.map((f) => f.parameter).sort());
    // A holds secrets (the scenarios declare some), so the document asks for some.
    expect(secretFields.length > 0).toBe(A_SECRETS.length > 0);
    expect(secretsIn(formatSpec(exportedA, "yaml"), A_SECRETS)).toEqual([]);

    specFile = path.join(accounts.dir, "conversations.yaml");
    fs.writeFileSync(specFile, formatSpec(exportedA, "yaml"));
    secretsB = Object.fromEntries(secretFields.map((f) => [f.parameter, freshSecret()]));
  });

  test("without its secrets, B's stack stops before anything is made, naming the command that sets each", async () => {
    const before = accounts.b.state();
    const failure = await engineB({})
      .up(program)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    for (const { path: at, parameter } of secretFields) {
      expect(failure?.message).toContain(
        `${at}: uses secret parameter "${parameter}", which has no value for this stack and no default: ` +
          `run \`pulumi config set --secret ${parameter} <value> --stack clone\``,
      );
    }
    expect(accounts.b.state()).toEqual(before);
  });

  test("with them, B gets every entry of the document, and exports as A did", async () => {
    const first = await engineB(secretsB).up(program);
    outputsB.push(first.outputs);
    expect(notSame(first).every((s) => s.startsWith("create "))).toBe(true);
    // Every entry was made or taken in charge in B: as many resources of each kind as the document has entries.
    const made = first.steps.filter((s) => s.op === "create" && kindOfType(s.type) !== undefined);
    expect(countBy(made, (s) => kindOfType(s.type)!.name)).toEqual(countBy(entriesOf(exportedA), (e) => e.kind.name));

    const exportedB = await exportAccount(clientFor(accounts.b));
    expect(exportedB).toEqual(exportedA);
    expect(formatSpec(exportedB, "yaml")).toBe(formatSpec(exportedA, "yaml"));
  });

  test("again: no changes; and plan, which cannot read the secrets, finds no difference", async () => {
    const again = await engineB(secretsB).up(program);
    outputsB.push(again.outputs);
    expect(notSame(again)).toEqual([]);

    // plan takes the secrets as the document says. From an empty stack, an up would only adopt what
    // the document marks adoptExisting (the objects Twilio made itself), with nothing to change.
    const { resolved, issues } = checkSpec(fs.readFileSync(specFile, "utf8"), { parameters: secretsB });
    expect(issues).toEqual([]);
    const plan = await comparePlan(resolved!, await readAccount(clientFor(accounts.b)));
    expect(plan.steps.filter((step) => step.action !== "same" && step.action !== "adopt")).toEqual([]);
    expect(plan.steps.flatMap((step) => step.changes)).toEqual([]);
    expect(plan.differs).toBe(false);
    // A step for every entry of the document.
    expect(plan.steps.map((step) => step.path).sort()).toEqual(
      entriesOf(exportedA)
        .map((e) => formatPath(e.path))
        .sort(),
    );
  });

  test("B's secrets are Pulumi secrets in its state inputs, and nowhere in plain", async () => {
    const values = Object.values(secretsB);
    const state = JSON.parse(fs.readFileSync(path.join(accounts.dir, "clone.json"), "utf8")) as StateFile;
    for (const r of state.resources) {
      // Never in an output, not even as a secret; in the inputs only as one.
      expect([r.name, plainSecretsIn(r.inputs, values), secretsIn(JSON.stringify(r.outputs), values)]).toEqual([r.name, [], []]);
    }
    const inSecrets = new Set(state.resources.flatMap((r) => textsInSecrets(r.inputs)));
    expect(values.filter((v) => !inSecrets.has(v))).toEqual([]);
    expect(logB.some((l) => l.startsWith("Resources:"))).toBe(true); // the log was captured
    expect(logB.flatMap((l) => secretsIn(l, values))).toEqual([]);
    expect(secretsIn(JSON.stringify(outputsB), values)).toEqual([]);
    // The emulator logs fingerprints of what it was sent; the documents of both accounts hold none of either's secrets.
    expect(secretsIn(JSON.stringify(accounts.b.requests()), values)).toEqual([]);
    const documents = [fs.readFileSync(specFile, "utf8"), formatSpec(await exportAccount(clientFor(accounts.b)), "yaml")];
    expect(documents.flatMap((d) => secretsIn(d, [...values, ...A_SECRETS]))).toEqual([]);
  });
});
