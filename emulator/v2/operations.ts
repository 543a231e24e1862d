/**
 * v2 long-running operations: every write is queued as an operation and takes effect only when the
 * operation completes.
 *
 * Completion is lazy: before each v2 request (and in `dump()`) {@link OperationQueue.settle} applies,
 * in creation order, every operation whose `operationDelayMs` has elapsed by `ctx.now()`. Nothing
 * can observe the state between requests, so no timer is needed; that keeps the emulator free of
 * dangling timers and lets tests drive completion with an injected clock.
 */
import type { EmulatorContext } from "../context";
import { type Configuration, createdConfiguration, patchedConfiguration, replacedConfiguration } from "./configuration";
import { CONFLICT_AT_APPLY, GONE_BEFORE_APPLY, INJECTED_FAILURE, problem, type ProblemDetails } from "./errors";
import { newOperationId } from "./ids";
import type { ConfigurationStore } from "./store";
import { wireTimestamp } from "./timestamps";
import type { CreateInput, PatchInput, ReplaceInput } from "./validation";

/** A write waiting for its operation to complete. */
export type PendingWrite =
  | { kind: "create"; configurationId: string; input: CreateInput }
  | { kind: "replace"; configurationId: string; input: ReplaceInput }
  | { kind: "patch"; configurationId: string; input: PatchInput }
  | { kind: "delete"; configurationId: string };

/** Statuses of the newest spec; the emulator never reports RUNNING or CANCELLED. */
export type OperationStatus = "PENDING" | "COMPLETED" | "FAILED";

/** An operation as the emulator keeps it. */
export interface Operation {
  readonly id: string;
  status: OperationStatus;
  readonly createdAt: Date;
  completedAt: Date | null;
  error: ProblemDetails | null;
  readonly write: PendingWrite;
  /** Decided when the operation is created, from `faults.failOperationsNext`. */
  readonly injectedFailure: boolean;
}

/** The operation status document (`GET /v2/ControlPlane/Operations/{id}`). */
export interface OperationResource {
  operationId: string;
  status: OperationStatus;
  createdAt: string;
  /** null until the operation is done; never missing (twilio-node reads a missing date as "now"). */
  completedAt: string | null;
  statusUrl: string;
  error: ProblemDetails | null;
  related: { configurationId: string };
}

/** Path of an operation's status document. */
export function operationPath(id: string): string {
  return `/v2/ControlPlane/Operations/${id}`;
}

/** The operations of one emulator instance and the writes they carry. */
export class OperationQueue {
  private readonly operations = new Map<string, Operation>();
  /** Operations still PENDING, in creation order. */
  private pending: Operation[] = [];

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly store: ConfigurationStore,
  ) {}

  /**
   * Queues a write. `failOperationsNext` is consumed here, when the operation is created, so
   * "the next N operations fail" means the next N writes accepted, whatever order they are polled in.
   */
  enqueue(write: PendingWrite): Operation {
    const now = this.ctx.now();
    const injectedFailure = this.ctx.faults.failOperationsNext > 0;
    if (injectedFailure) this.ctx.faults.failOperationsNext -= 1;
    const op: Operation = {
      id: newOperationId(now),
      status: "PENDING",
      createdAt: now,
      completedAt: null,
      error: null,
      write,
      injectedFailure,
    };
    this.operations.set(op.id, op);
    this.pending.push(op);
    return op;
  }

  get(id: string): Operation | undefined {
    return this.operations.get(id);
  }

  all(): Operation[] {
    return [...this.operations.values()];
  }

  /**
   * Completes every due operation, oldest first, stopping at the first one not yet due so writes
   * apply in the order they were accepted. While `operationsStayPending` is on nothing completes.
   */
  settle(): void {
    if (this.ctx.faults.operationsStayPending) return;
    const now = this.ctx.now();
    const delay = this.ctx.options.operationDelayMs;
    while (this.pending.length > 0) {
      const op = this.pending[0];
      if (now.getTime() < op.createdAt.getTime() + delay) break;
      this.pending.shift();
      this.complete(op, now);
    }
  }

  /**
   * Which configuration would hold the bridge to `serviceId` once every pending write is applied,
   * other than `exceptId`. Checked at request time against applied and pending writes, so two racing
   * writes cannot both claim one v1 service.
   */
  bridgeHolder(serviceId: string, exceptId?: string): string | undefined {
    const bridges = new Map<string, string | undefined>();
    for (const { config } of this.store.list()) bridges.set(config.id, config.conversationsV1Bridge?.serviceId);
    for (const { write } of this.pending) {
      switch (write.kind) {
        case "create":
        case "replace":
          bridges.set(write.configurationId, write.input.conversationsV1Bridge?.serviceId);
          break;
        case "patch":
          if (write.input.conversationsV1Bridge !== undefined) {
            bridges.set(write.configurationId, write.input.conversationsV1Bridge?.serviceId);
          }
          break;
        case "delete":
          bridges.delete(write.configurationId);
          break;
      }
    }
    for (const [id, held] of bridges) if (held === serviceId && id !== exceptId) return id;
    return undefined;
  }

  /** The status document, with absolute URLs on the emulator's origin. */
  toResource(op: Operation): OperationResource {
    return {
      operationId: op.id,
      status: op.status,
      createdAt: wireTimestamp(op.createdAt),
      completedAt: op.completedAt ? wireTimestamp(op.completedAt) : null,
      statusUrl: this.ctx.origin() + operationPath(op.id),
      error: op.error,
      related: { configurationId: op.write.configurationId },
    };
  }

  clear(): void {
    this.operations.clear();
    this.pending = [];
  }

  private complete(op: Operation, now: Date): void {
    op.completedAt = now;
    const error = op.injectedFailure
      ? problem(INJECTED_FAILURE, "The operation failed (fault injected by the emulator: failOperationsNext).", operationPath(op.id))
      : this.apply(op, now);
    op.status = error ? "FAILED" : "COMPLETED";
    op.error = error;
  }

  /** Applies the write; returns the problem that stopped it, or null. */
  private apply(op: Operation, now: Date): ProblemDetails | null {
    const { write } = op;
    const instance = operationPath(op.id);
    if (write.kind === "create") {
      return this.putChecked(createdConfiguration(write.configurationId, write.input, now), instance);
    }
    const current = this.store.get(write.configurationId);
    if (!current) {
      // Deleted by an earlier operation after this write was accepted.
      return problem(GONE_BEFORE_APPLY, `Configuration ${write.configurationId} no longer exists.`, instance);
    }
    if (write.kind === "delete") {
      this.store.delete(write.configurationId);
      return null;
    }
    const next =
      write.kind === "replace" ? replacedConfiguration(current, write.input, now) : patchedConfiguration(current, write.input, now);
    return this.putChecked(next, instance);
  }

  /**
   * Stores the configuration unless another applied configuration already holds its bridge. The
   * request-time check makes this rare; it still happens when a write that released the service
   * (a delete, a bridge change) failed after the claiming write was accepted.
   */
  private putChecked(config: Configuration, instance: string): ProblemDetails | null {
    const serviceId = config.conversationsV1Bridge?.serviceId;
    if (serviceId) {
      const holder = this.store.list().find((s) => s.config.id !== config.id && s.config.conversationsV1Bridge?.serviceId === serviceId);
      if (holder) {
        return problem(
          CONFLICT_AT_APPLY,
          `Configuration ${holder.config.id} is already bridged to Conversations v1 service ${serviceId}.`,
          instance,
        );
      }
    }
    this.store.put(config);
    return null;
  }
}
