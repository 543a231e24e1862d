/**
 * v2 operation statuses: the only place that reads an operation's status string.
 *
 * Twilio's specs disagree (`PENDING|COMPLETED|FAILED` in the newest, `RUNNING` and `CANCELLED`
 * in older text), so the mapping is closed on the terminal side: three known terminal statuses,
 * and anything else, including statuses not invented yet, means "still running". The errors a
 * failed or timed-out operation raises live with the package's other errors (provider/error.ts).
 */

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
