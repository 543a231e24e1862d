/**
 * The lifecycle of `OrchestratorConfiguration`. Every write is a v2 asynchronous operation: send
 * it with a derived Idempotency-Key (idempotency.ts), wait for the operation, then read the
 * configuration back for the outputs.
 *
 * What happens when a write does not simply succeed:
 * - create FAILED: an OperationFailedError; nothing exists, nothing enters state.
 * - create still running at `twilio:operationTimeout`: PartialFailure with the id Twilio gave, so
 *   Pulumi keeps the resource and the next up (or refresh) reconciles it.
 * - update FAILED or timed out: PartialFailure with the id and the freshest outputs known.
 * - delete FAILED (an OperationFailedError) or timed out: the resource stays in state. 404 means gone.
 * - an operation an earlier write left behind under the same key, found already finished right
 *   after the 202 (operation.ts `followOperation`): COMPLETED is this write done (a crash or lost
 *   response before, so nothing is made twice), unless it was a create whose configuration is gone
 *   since; FAILED (or a create since deleted) is tried again under the next key, derived from that
 *   operation's id (idempotency.ts `nextKey`). So a re-run right after a FAILED write tries it again.
 */
import type { Settings } from "../../provider/config";
import { OperationFailedError, OperationTimeoutError } from "../../provider/error";
import type { TwilioClient } from "../../provider/http/client";
import { defineProvider, type OperationContext } from "../../provider/shared/define";
import { PartialFailure } from "../../provider/shared/partial";
import { createConfiguration, deleteConfiguration, fetchConfiguration, fromWire, inputsOf, replaceConfiguration, toWire } from "./api";
import { orchestratorConfigurationDiff } from "./diff";
import { createKey, deleteKey, MAX_KEY_STEPS, nextKey, updateKey } from "./idempotency";
import { type AcceptedWrite, type Followed, followOperation, type OperationState } from "./operation";
import {
  type OrchestratorConfigurationInputs,
  type OrchestratorConfigurationOutputs,
  orchestratorConfigurationSchema,
  withApiDefaults,
} from "./schema";

const KIND = "OrchestratorConfiguration";

/** `OrchestratorConfiguration "support-routing"` (the display name), else the id. */
export function describeConfiguration(props: { displayName?: unknown }, id?: string): string {
  if (typeof props.displayName === "string" && props.displayName !== "") return `${KIND} "${props.displayName}"`;
  return id ? `${KIND} ${id}` : KIND;
}

/** Follows an accepted write; the poller's timeout error (returned, not thrown) when it was still running at the deadline. */
async function settle(
  client: TwilioClient,
  settings: Settings,
  accepted: AcceptedWrite,
  action: string,
): Promise<Followed | OperationTimeoutError> {
  try {
    return await followOperation(client, accepted, settings.operationTimeoutSeconds * 1000, action);
  } catch (e) {
    if (OperationTimeoutError.isInstance(e)) return e;
    throw e;
  }
}

/** The error for an operation that ended FAILED or CANCELLED. */
const failed = (op: OperationState, action: string, consequence: string) =>
  new OperationFailedError(op.operationId, op.status, op.problem, { action, consequence });

/** Outputs known without a fetch: the inputs with the API's defaults (a create still running). */
function outputsFromInputs(inputs: OrchestratorConfigurationInputs, accountSid: string, id: string): OrchestratorConfigurationOutputs {
  return {
    accountSid,
    configurationId: id,
    ...withApiDefaults(inputs),
    ...(inputs.__logicalName !== undefined ? { __logicalName: inputs.__logicalName } : {}),
  };
}

const stepsExhausted = (action: string) =>
  new Error(
    `Gave up ${action}: the first ${MAX_KEY_STEPS + 1} Idempotency-Keys for this exact write all led to operations ` +
      `earlier writes left behind (failed, or undone since; Twilio keeps keys for 24 hours). Change a property ` +
      `(the description, say) or try again later.`,
  );

async function create(inputs: OrchestratorConfigurationInputs, { client, settings }: OperationContext) {
  const action = `creating ${describeConfiguration(inputs)}`;
  const body = toWire(inputs);
  let key = createKey(client.accountSid, inputs.__logicalName ?? "", body);
  for (let step = 0; step <= MAX_KEY_STEPS; step++) {
    const accepted = await createConfiguration(client, body, key, action);
    const outcome = await settle(client, settings, accepted, action);
    if (OperationTimeoutError.isInstance(outcome)) {
      if (!accepted.configurationId) {
        throw new Error(`${outcome.message} (${action}; Twilio named no configuration id, so nothing can be recorded in state).`);
      }
      // It exists (or will): keep it in state rather than orphan it.
      throw new PartialFailure(
        `Timed out ${action}: ${outcome.message}`,
        accepted.configurationId,
        outputsFromInputs(inputs, client.accountSid, accepted.configurationId),
      );
    }
    const { op, earlier } = outcome;
    if (op.phase !== "completed") {
      // An earlier run's failure, replayed: this run has not tried yet.
      if (earlier) {
        key = nextKey(key, op.operationId);
        continue;
      }
      throw failed(op, action, "Nothing was created; fix the cause and run pulumi up again.");
    }
    const id = accepted.configurationId ?? op.configurationId;
    if (!id) throw new Error(`Twilio completed ${action} (${op.operationId}) but named no configuration id.`);
    const live = await fetchConfiguration(client, id, action);
    // Completed yet gone: the original response of an identical create, replayed, whose
    // configuration was deleted since (destroy, then up again within 24 hours). Next key.
    if (!live) {
      key = nextKey(key, op.operationId);
      continue;
    }
    return { id, outs: fromWire(live, client.accountSid, inputs.__logicalName) };
  }
  throw stepsExhausted(action);
}

async function update(
  id: string,
  olds: OrchestratorConfigurationOutputs,
  news: OrchestratorConfigurationInputs,
  { client, settings }: OperationContext,
) {
  const action = `updating ${describeConfiguration(news, id)}`;
  const body = toWire(news);
  const logicalName = news.__logicalName ?? olds.__logicalName;
  // After a failure the configuration is as it was: its live outputs, else the prior ones.
  const current = async (): Promise<OrchestratorConfigurationOutputs> => {
    const live = await fetchConfiguration(client, id, action).catch(() => undefined);
    return live ? fromWire(live, client.accountSid, logicalName) : olds;
  };
  const gone = () =>
    new Error(
      `Cannot finish ${action}: configuration ${id} no longer exists. Run pulumi refresh to drop it from state, then pulumi up to create it again.`,
    );
  let key = updateKey(client.accountSid, id, olds.version, body);
  for (let step = 0; step <= MAX_KEY_STEPS; step++) {
    const accepted = await replaceConfiguration(client, id, body, key, action);
    if (!accepted) throw gone();
    const outcome = await settle(client, settings, accepted, action);
    if (OperationTimeoutError.isInstance(outcome)) {
      throw new PartialFailure(`Timed out ${action}: ${outcome.message}`, id, await current(), [outcome.message]);
    }
    const { op, earlier } = outcome;
    if (op.phase !== "completed") {
      if (earlier) {
        key = nextKey(key, op.operationId);
        continue;
      }
      const failure = failed(op, action, "The configuration keeps its previous settings.");
      throw new PartialFailure(failure.message, id, await current(), [failure.reason]);
    }
    const live = await fetchConfiguration(client, id, action);
    if (!live) throw gone();
    return fromWire(live, client.accountSid, logicalName);
  }
  throw stepsExhausted(action);
}

async function remove(id: string, props: OrchestratorConfigurationOutputs, { client, settings }: OperationContext) {
  const action = `deleting ${describeConfiguration(props, id)}`;
  let key = deleteKey(client.accountSid, id);
  for (let step = 0; step <= MAX_KEY_STEPS; step++) {
    const accepted = await deleteConfiguration(client, id, key, action);
    if (!accepted) return; // already gone
    const outcome = await settle(client, settings, accepted, action);
    if (OperationTimeoutError.isInstance(outcome)) {
      throw new Error(`Timed out ${action}: ${outcome.message} The configuration stays in state.`);
    }
    const { op, earlier } = outcome;
    if (op.phase === "completed") return;
    // Deleted by someone else between the request and the operation: gone is what we wanted.
    if (op.problem?.status === 404) return;
    if (earlier) {
      key = nextKey(key, op.operationId);
      continue;
    }
    throw failed(op, action, "The configuration stays in state; run pulumi destroy (or up) again.");
  }
  throw stepsExhausted(action);
}

async function read(id: string, olds: OrchestratorConfigurationOutputs, { client }: OperationContext) {
  const live = await fetchConfiguration(client, id, `reading ${describeConfiguration(olds, id)}`);
  if (!live) return undefined;
  const props = fromWire(live, client.accountSid, olds.__logicalName);
  return { props, inputs: inputsOf(props) };
}

/** The provider the dynamic-provider host runs for `OrchestratorConfiguration`. */
export const orchestratorConfigurationProvider = defineProvider<OrchestratorConfigurationInputs, OrchestratorConfigurationOutputs>({
  kind: KIND,
  schema: orchestratorConfigurationSchema,
  diff: orchestratorConfigurationDiff,
  describe: describeConfiguration,
  create,
  read,
  update,
  delete: remove,
});
