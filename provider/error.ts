/**
 * The root of every error this package throws.
 *
 * `instanceof` fails when two copies of a class meet: the dynamic-provider host runs the provider
 * code stored in state, a program can load a second copy of the package (a nested `node_modules`,
 * a `file:` link), and jest gives every test file its own module registry. So each class marks its
 * instances with a registered symbol per class in its chain (`Symbol.for` is shared across copies),
 * and `isInstance` checks the mark, not the prototype; the Vercel AI SDK's `AISDKError.isInstance`
 * does the same (https://github.com/vercel/ai/blob/main/packages/provider/src/errors/ai-sdk-error.ts).
 *
 * ```ts
 * if (TwilioApiError.isInstance(e) && e.status === 404) ...
 * ```
 */
import type { OperationProblem } from "./operations/status";

const MARKER_PREFIX = "pulumi-twilio-conversations.error.";

const markerOf = (className: string): symbol => Symbol.for(MARKER_PREFIX + className);

export class TwilioConversationsError extends Error {
  // `{ cause }` spelled out: lib.es2022's ErrorOptions is missing under the older targets users compile with.
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // The class's own name, not "Error": messages and logs name the kind of failure.
    Object.defineProperty(this, "name", { value: new.target.name, enumerable: false, configurable: true, writable: true });
    for (let c: unknown = new.target; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) {
      Object.defineProperty(this, markerOf((c as { name: string }).name), { value: true, enumerable: false });
    }
  }

  /** True when `error` is an instance of this class (or a subclass), from any copy of the package. */
  static isInstance<T>(this: abstract new (...args: never[]) => T, error: unknown): error is T {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[markerOf(this.name)] === true;
  }
}

/** Options of an {@link OperationFailedError} beyond the operation's own fields. */
export interface OperationFailureContext {
  /** What the operation was for: `creating OrchestratorConfiguration "support-routing"`. */
  action?: string;
  /** What the failure leaves behind and what to do: `Nothing was created; fix the cause and run pulumi up again.` */
  consequence?: string;
}

/**
 * A v2 operation ended FAILED or CANCELLED. The message quotes Twilio's problem details:
 * `Failed creating OrchestratorConfiguration "x": operation op_1 ended FAILED: <title>: <detail>. <consequence>`.
 */
export class OperationFailedError extends TwilioConversationsError {
  readonly operationId: string;
  /** The status string as the server sent it. */
  readonly status: string;
  /** The operation's `error`, RFC 9457 problem details. */
  readonly problem?: OperationProblem;
  /** The failure alone, without action or consequence: `operation op_1 ended FAILED: <title>: <detail>`. */
  readonly reason: string;

  constructor(operationId: string, status: string, problem?: OperationProblem, context: OperationFailureContext = {}) {
    // Trailing periods dropped: the texts are quoted mid-sentence.
    const parts = [problem?.title, problem?.detail]
      .filter((p): p is string => p !== undefined && p !== "")
      .map((p) => p.replace(/\.+$/, ""));
    const reason = `operation ${operationId} ended ${status}${parts.length > 0 ? `: ${parts.join(": ")}` : " (no error details given)"}`;
    const lead = context.action ? `Failed ${context.action}: ${reason}` : reason.charAt(0).toUpperCase() + reason.slice(1);
    super(context.consequence ? `${lead}. ${context.consequence}` : lead);
    this.operationId = operationId;
    this.status = status;
    this.problem = problem;
    this.reason = reason;
  }
}

/** The deadline (`twilio-conversations:operationTimeout`) passed while the operation was still running. */
export class OperationTimeoutError extends TwilioConversationsError {
  readonly operationId: string;
  /** The status of the last poll. */
  readonly lastStatus: string;
  readonly waitedMs: number;

  constructor(operationId: string, lastStatus: string, waitedMs: number) {
    super(
      `Gave up waiting for operation ${operationId} after ${Math.round(waitedMs / 1000)} s; last status ${lastStatus}. ` +
        `It may still complete: run pulumi refresh, then pulumi up.`,
    );
    this.operationId = operationId;
    this.lastStatus = lastStatus;
    this.waitedMs = waitedMs;
  }
}
