/**
 * Shapes shared by the engine stand-in's parts: what a run reports and what state holds.
 *
 * Kept free of any runtime import so the reporter, the state store and the tests can all use them.
 */

/** What the engine did (or, in a preview, would do) to one resource. */
export type StepOp = "create" | "update" | "replace" | "delete" | "same";

/** The engine command a {@link RunSummary} describes. */
export type RunKind = "up" | "preview" | "refresh" | "destroy";

/** One line of a run's plan or result, as the CLI prints it. */
export interface RunStep {
  readonly op: StepOp;
  readonly urn: string;
  /** Type token, e.g. `pulumi-nodejs:dynamic/twilio-conversations:Conversation`. */
  readonly type: string;
  /** The resource's name in the program. */
  readonly name: string;
  /**
   * Top-level property names that differ: from the provider's detailed diff when it gives one,
   * else old inputs vs new inputs (as the engine does); for refresh, the outputs that drifted.
   */
  readonly changed?: string[];
}

/** How many resources each operation touched; the summary line is built from these. */
export interface RunCounts {
  create: number;
  update: number;
  replace: number;
  delete: number;
  same: number;
}

/** How serious a diagnostic is, as the engine's `LogSeverity`. */
export type DiagnosticSeverity = "debug" | "info" | "warning" | "error";

/** A message a provider logged to the engine (a warning `pulumi preview` prints, say). */
export interface Diagnostic {
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  /** The resource it is about, if the provider named one ("" otherwise). */
  readonly urn: string;
}

/** The structured result of one engine command; `formatSummary()` prints it like the CLI. */
export interface RunSummary {
  readonly kind: RunKind;
  /** Steps in the order the engine took them (deletes of removed resources come last). */
  readonly steps: RunStep[];
  readonly counts: RunCounts;
  /** The program's stack outputs (plain values; empty for refresh and destroy, and in preview may hold undefined). */
  readonly outputs: Record<string, unknown>;
  /** False when the run failed; `errors` then says why. */
  readonly ok: boolean;
  readonly errors: string[];
  /** What the provider logged to the engine during the run (warnings, ...), in order. */
  readonly diagnostics: Diagnostic[];
}

/** A JSON value as stored in state and sent over the wire in a protobuf Struct. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A property bag (inputs or outputs). */
export type PropertyMap = Record<string, JsonValue>;

/** One resource in the state file, as the engine's checkpoint holds it. */
export interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** Provider-assigned id. */
  readonly id: string;
  /** Checked inputs (what Check returned), including `__provider`. */
  readonly inputs: PropertyMap;
  /** What Create/Update/Read returned, including `__provider`. */
  readonly outputs: PropertyMap;
  /** URNs this resource depends on (from the registration), so deletes go dependents-first. */
  readonly dependencies: string[];
  /** Parent URN, if any (the stack resource is not recorded). */
  readonly parent?: string;
  /**
   * An old copy kept while its replacement exists (create-before-delete): the engine deletes it
   * after the program finishes, or on the next run if this one crashed first.
   */
  readonly pendingDelete?: boolean;
}

/** The whole state file. */
export interface StateFile {
  readonly version: 1;
  readonly project: string;
  readonly stack: string;
  /** In registration order: dependencies before their dependents. */
  readonly resources: StateResource[];
}
