/**
 * v2 operation statuses: the only place that reads an operation's status string.
 *
 * Twilio's specs disagree (`PENDING|COMPLETED|FAILED` in the newest, `RUNNING` and `CANCELLED`
 * in older text), so the mapping is closed on the terminal side: three known terminal statuses,
 * and anything else, including statuses not invented yet, means "still running".
 */
import { TwilioConversationsError } from "../error";

/** Where an operation stands. */
export type OperationPhase = "running" | "completed" | "failed" | "cancelled";

/** The phase of a status string; unknown statuses are `running`. */
export function phaseOf(status: string): OperationPhase {
  switch (status.trim().toUpperCase()) {
    case "COMPLETED":
      return "completed";
    case "FAILED":
      return "failed";
    case "CANCELLED":
    case "CANCELED": // US spelling: cheap to accept, costly to poll until the deadline for.
      return "cancelled";
    default:
      return "running";
  }
}

/** An operation's `error`: RFC 9457 problem details. */
export interface OperationProblem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
}

/** Reads an operation's `error` field, keeping only well-typed members; undefined when absent. */
export function problemOf(value: unknown): OperationProblem | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const text = (x: unknown): string | undefined => (typeof x === "string" && x !== "" ? x : undefined);
  const problem: OperationProblem = {
    type: text(v.type),
    title: text(v.title),
    status: typeof v.status === "number" ? v.status : undefined,
    detail: text(v.detail),
    instance: text(v.instance),
  };
  for (const key of Object.keys(problem) as Array<keyof OperationProblem>) if (problem[key] === undefined) delete problem[key];
  return Object.keys(problem).length > 0 ? problem : undefined;
}

/** The operation ended FAILED or CANCELLED: `Operation op_123 FAILED: <title>: <detail>`. */
export class OperationFailedError extends TwilioConversationsError {
  readonly operationId: string;
  /** The status string as the server sent it. */
  readonly status: string;
  readonly problem?: OperationProblem;

  constructor(operationId: string, status: string, problem?: OperationProblem) {
    const parts = [problem?.title, problem?.detail].filter((p): p is string => p !== undefined && p !== "");
    super(`Operation ${operationId} ${status}${parts.length > 0 ? `: ${parts.join(": ")}` : " (no error details given)"}`);
    this.operationId = operationId;
    this.status = status;
    this.problem = problem;
  }
}

/** The deadline passed while the operation was still running. */
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
