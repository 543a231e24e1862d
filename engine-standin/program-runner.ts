import * as vm from "node:vm";

import * as pulumi from "@pulumi/pulumi";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

import type { JsonValue, PropertyMap } from "./types";

/**
 * Runs a Pulumi program in this process under `pulumi.runtime.setMocks`, handing every resource
 * registration to a callback that plays the engine.
 *
 * Isolation between runs: the SDK keeps its per-program state (settings, monitor, config, stack
 * resource, pending RPCs) in a "store" that it looks up through an AsyncLocalStorage when one is
 * active. The Automation API runs each inline program inside `withLocalStorage` for exactly this
 * reason, and so does this runner: every run gets a fresh store, so up, up, refresh, destroy in one
 * process do not see each other's resources, config or mocks. `setMocks` itself only overwrites
 * the monitor in the current store; called twice without a fresh store it would leave the previous
 * run's stack resource and RPC queue in place.
 *
 * These two SDK functions are `@internal` (absent from the .d.ts) but stable; the Automation API
 * depends on them.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- internal modules, typed by hand below */
const runtimeState = require("@pulumi/pulumi/runtime/state") as {
  withLocalStorage<T>(callback: () => Promise<T>): Promise<T>;
};
const runtimeSettings = require("@pulumi/pulumi/runtime/settings") as {
  waitForRPCs(): Promise<void>;
  getMonitor(): unknown;
};
const runtimeStack = require("@pulumi/pulumi/runtime/stack") as {
  runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** A resource registration, with what the engine receives beyond the mocks' `newResource` args. */
export interface Registration {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** False for component resources (including the stack itself). */
  readonly custom: boolean;
  /**
   * Resolved inputs. Secrets keep Pulumi's secret wrapper; in a preview, values not known yet are
   * the wire's unknown sentinel (`04da6b54-...`), exactly as the engine would forward them.
   */
  readonly inputs: PropertyMap;
  readonly parent?: string;
  /** URNs this resource depends on (its inputs' resources and `dependsOn`). */
  readonly dependencies: string[];
  readonly deleteBeforeReplace?: boolean;
  readonly replaceOnChanges: string[];
}

/** What the engine answers for a registration: the id and the outputs the program will see. */
export interface RegistrationResult {
  readonly id: string;
  readonly outputs: PropertyMap;
}

/** How to run one program. */
export interface ProgramRunOptions {
  readonly project: string;
  readonly stack: string;
  readonly preview: boolean;
  /** Namespaced stack config (`twilio:accountSid`), as `pulumi.Config` reads it. */
  readonly config: Record<string, string>;
  readonly secretKeys: readonly string[];
  /** Plays the engine for one registration; throwing fails that registration (and the run). */
  readonly register: (registration: Registration) => Promise<RegistrationResult>;
}

/** What the program produced. */
export interface ProgramRunResult {
  /** Stack outputs, as plain values. */
  readonly outputs: Record<string, unknown>;
  /** Program errors (thrown, or rejected promises nobody handled), in the order seen. */
  readonly errors: Error[];
}

/** The request fields the mocks' `newResource` does not pass on. */
interface RegisterRequestLike {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getDependenciesList(): string[];
  getDeletebeforereplace(): boolean;
  getDeletebeforereplacedefined(): boolean;
  getReplaceonchangesList(): string[];
}

interface MockMonitorLike {
  newUrn(parent: string, type: string, name: string): string;
  registerResource(req: RegisterRequestLike, callback: (err: unknown, resp?: unknown) => void): Promise<void>;
}

/** The answer for a registration whose step failed: the URN, no id, no outputs, Result.FAIL. */
function failedRegistration(urn: string): resproto.RegisterResourceResponse {
  const resp = new resproto.RegisterResourceResponse();
  resp.setUrn(urn);
  resp.setId("");
  resp.setObject(Struct.fromJavaScript({}));
  resp.setResult(resproto.Result.FAIL);
  return resp;
}

/**
 * Routes this process's unhandled rejections and uncaught exceptions to `onError` until the returned
 * function is called, then puts the previous listeners back.
 *
 * The real `process` is taken from the main V8 context: under jest, the `process` global is a
 * sandbox copy whose listeners the real process never calls, and jest's own listeners on the real
 * one would fail the test for a program error the run already reports. Outside jest it is simply
 * `process`.
 */
function takeOverErrorHandlers(onError: (e: unknown) => void): () => void {
  const real = vm.runInThisContext("process") as NodeJS.Process;
  const events = ["unhandledRejection", "uncaughtException"] as const;
  const saved = events.map((ev) => real.rawListeners(ev) as ((...args: unknown[]) => void)[]);
  const listener = (e: unknown) => onError(e);
  for (const ev of events) {
    real.removeAllListeners(ev);
    real.on(ev, listener);
  }
  return () => {
    events.forEach((ev, i) => {
      real.removeListener(ev, listener);
      for (const l of saved[i]!) {
        real.on(ev, l);
      }
    });
  };
}

/** Converts what the mocks deserialized back to wire values (the SDK's unknown marker -> the sentinel string). */
function toWire(value: unknown): JsonValue {
  if (value !== null && typeof value === "object" && pulumi.isUnknown(value)) {
    return unknownValue;
  }
  if (Array.isArray(value)) {
    return value.map(toWire);
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) {
        out[k] = toWire(v);
      }
    }
    return out;
  }
  if (value === undefined) {
    return null;
  }
  return value as JsonValue;
}

/**
 * Runs `program` as the stack's body and returns its outputs once every registration it started has
 * been answered. Never rejects: failures come back in `errors`.
 */
export function runProgram(program: () => unknown, options: ProgramRunOptions): Promise<ProgramRunResult> {
  return runtimeState.withLocalStorage(async () => {
    const errors: Error[] = [];
    const noteError = (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      if (!errors.includes(err)) {
        errors.push(err);
      }
    };
    // Pairs each mocks `newResource` call with the request that caused it. MockMonitor calls
    // `newResource` synchronously at the start of `registerResource`, so one slot is enough.
    let current: { req: RegisterRequestLike; urn: string } | undefined;

    await pulumi.runtime.setMocks(
      {
        newResource: async (args) => {
          const pending = current;
          current = undefined;
          if (!pending) {
            throw new Error(
              `engine stand-in: ${args.type} ${args.name} was not registered through registerResource (read/get is not supported)`,
            );
          }
          const { req, urn } = pending;
          const result = await options.register({
            urn,
            type: req.getType(),
            name: req.getName(),
            custom: req.getCustom(),
            inputs: toWire(args.inputs) as PropertyMap,
            parent: req.getParent() || undefined,
            dependencies: req.getDependenciesList(),
            deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
            replaceOnChanges: req.getReplaceonchangesList(),
          });
          return { id: result.id, state: result.outputs };
        },
        call: (args) => {
          throw new Error(`engine stand-in: provider functions are not supported (called ${args.token})`);
        },
      },
      options.project,
      options.stack,
      options.preview,
    );
    const monitor = runtimeSettings.getMonitor() as MockMonitorLike;
    // The mocks prefix every top-level URN with the stack's type; the engine does not
    // (`urn:pulumi:dev::proj::pkg:mod:Type::name`), and state URNs must match the engine's.
    const newUrn = monitor.newUrn.bind(monitor);
    monitor.newUrn = (parent, type, name) => newUrn(parent.split("::")[2] === ROOT_STACK_TYPE ? "" : parent, type, name);
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
      const urn = monitor.newUrn(req.getParent(), req.getType(), req.getName());
      current = { req, urn };
      return registerResource(req, (err, resp) => {
        // A failed step is answered the way the engine answers it in continue-on-error mode:
        // Result.FAIL and no outputs, so the SDK resolves this resource's outputs as unknown and the
        // program winds down without a storm of unhandled rejections (the failure is the engine's
        // to report, and `register` has recorded it).
        callback(null, err ? failedRegistration(urn) : resp);
      });
    };
    pulumi.runtime.setAllConfig(options.config, [...options.secretKeys]);

    // As the language host does: a rejection nobody handles is a program error, not a crash.
    const restoreHandlers = takeOverErrorHandlers(noteError);
    const outputs: Record<string, unknown> = {};
    try {
      let returned: unknown;
      try {
        await runtimeStack.runInPulumiStack(async () => (returned = await program()));
      } catch (e) {
        noteError(e);
      }
      await runtimeSettings.waitForRPCs().catch(noteError);
      // Stack outputs key by key: in a preview one unknown value would otherwise hide them all
      // (the CLI, too, shows each output on its own, unknown ones as `output<string>`).
      if (returned !== null && typeof returned === "object") {
        for (const [k, v] of Object.entries(returned)) {
          // `promise()` is internal to the SDK (the stack resource uses it the same way): it yields
          // undefined for an unknown value instead of never settling like `apply` would.
          const output = pulumi.output(v) as unknown as { promise(): Promise<unknown> };
          outputs[k] = await output.promise().catch((e: unknown) => (noteError(e), undefined));
        }
      }
      // Rejections of registrations settle on the next turns; let them reach the handler.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      restoreHandlers();
    }
    return { outputs, errors };
  });
}
