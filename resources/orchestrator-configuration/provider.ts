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
 * - a replay of an earlier write under the same key (a destroy-then-up with identical inputs
 *   within 24 hours, or an earlier FAILED write): detected, and the next key of the sequence used.
 */
import type { Settings } from "../../provider/config";
import { OperationFailedError, OperationTimeoutError } from "../../provider/error";
import type { TwilioClient } from "../../provider/http/client";
import { defineProvider, type OperationContext } from "../../provider/shared/define";
import { PartialFailure } from "../../provider/shared/partial";
import { createConfiguration, deleteConfiguration, fetchConfiguration, fromWire, inputsOf, replaceConfiguration, toWire } from "./api";
import { orchestratorConfigurationDiff } from "./diff";
import { createKey, deleteKey, MAX_KEY_SALT, updateKey } from "./idempotency";
import { type AcceptedWrite, awaitOperation, isReplayOfEarlierWrite, type OperationState } from "./operation";
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

/** Waits for an accepted write; the poller's timeout error (returned, not thrown) when it was still running at the deadline. */
async function settle(
  client: TwilioClient,
  settings: Settings,
  accepted: AcceptedWrite,
  action: string,
): Promise<OperationState | OperationTimeoutError> {
  try {
    return await awaitOperation(client, accepted, settings.operationTimeoutSeconds * 1000, action);
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

const sequenceExhausted = (action: string) =>
  new Error(
    `Gave up ${action}: the first ${MAX_KEY_SALT + 1} Idempotency-Keys for this exact write were all answered with ` +
      `replays of earlier writes (Twilio keeps keys for 24 hours). Change a property (the description, say) or try again later.`,
  );

async function create(inputs: OrchestratorConfigurationInputs, { client, settings }: OperationContext) {
  const action = `creating ${describeConfiguration(inputs)}`;
  const body = toWire(inputs);
  for (let salt = 0; salt <= MAX_KEY_SALT; salt++) {
    const accepted = await createConfiguration(client, body, createKey(client.accountSid, inputs.__logicalName ?? "", body, salt), action);
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
    if (outcome.phase !== "completed") {
      if (isReplayOfEarlierWrite(outcome, accepted)) continue;
      throw failed(outcome, action, "Nothing was created; fix the cause and run pulumi up again.");
    }
    const id = accepted.configurationId ?? outcome.configurationId;
    if (!id) throw new Error(`Twilio completed ${action} (${outcome.operationId}) but named no configuration id.`);
    const live = await fetchConfiguration(client, id, action);
    // COMPLETED yet gone: the original response of an identical create, replayed, whose
    // configuration was deleted since (destroy, then up again within 24 hours). Next key.
    if (!live) continue;
    return { id, outs: fromWire(live, client.accountSid, inputs.__logicalName) };
  }
  throw sequenceExhausted(action);
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
  for (let salt = 0; salt <= MAX_KEY_SALT; salt++) {
    const accepted = await replaceConfiguration(client, id, body, updateKey(client.accountSid, id, olds.version, body, salt), action);
    if (!accepted) throw gone();
    const outcome = await settle(client, settings, accepted, action);
    if (OperationTimeoutError.isInstance(outcome)) {
      throw new PartialFailure(`Timed out ${action}: ${outcome.message}`, id, await current(), [outcome.message]);
    }
    if (outcome.phase !== "completed") {
      if (isReplayOfEarlierWrite(outcome, accepted)) continue;
      const failure = failed(outcome, action, "The configuration keeps its previous settings.");
      throw new PartialFailure(failure.message, id, await current(), [failure.reason]);
    }
    const live = await fetchConfiguration(client, id, action);
    if (!live) throw gone();
    return fromWire(live, client.accountSid, logicalName);
  }
  throw sequenceExhausted(action);
}

async function remove(id: string, props: OrchestratorConfigurationOutputs, { client, settings }: OperationContext) {
  const action = `deleting ${describeConfiguration(props, id)}`;
  for (let salt = 0; salt <= MAX_KEY_SALT; salt++) {
    const accepted = await deleteConfiguration(client, id, deleteKey(client.accountSid, id, salt), action);
    if (!accepted) return; // already gone
    const outcome = await settle(client, settings, accepted, action);
    if (OperationTimeoutError.isInstance(outcome)) {
      throw new Error(`Timed out ${action}: ${outcome.message} The configuration stays in state.`);
    }
    if (outcome.phase === "completed") return;
    // Deleted by someone else between the request and the operation: gone is what we wanted.
    if (outcome.problem?.status === 404) return;
    if (isReplayOfEarlierWrite(outcome, accepted)) continue;
    throw failed(outcome, action, "The configuration stays in state; run pulumi destroy (or up) again.");
  }
  throw sequenceExhausted(action);
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
