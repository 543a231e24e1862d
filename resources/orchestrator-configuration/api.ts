/**
 * The v2 configuration endpoints: the only place that knows their URLs and wire field names.
 * Bodies are JSON in camelCase; writes answer 202 and finish in an operation (operation.ts).
 */
import { z } from "zod";

import { TwilioConversationsError } from "../../provider/error";
import type { TwilioClient } from "../../provider/http/client";
import { isNotFound, TwilioConflictError } from "../../provider/http/errors";
import { undefinedIfNotFound } from "../../provider/shared/not-found";
import { parseResponse } from "../../provider/shared/response";
import { MAX_PAGES } from "../../provider/shared/v1-list";
import { type AcceptedWrite, acceptedWrite } from "./operation";
import {
  normaliseChannelSettings,
  normaliseStatusCallbacks,
  type OrchestratorConfigurationInputs,
  type OrchestratorConfigurationOutputs,
  withApiDefaults,
} from "./schema";

const CONFIGURATIONS_PATH = "/v2/ControlPlane/Configurations";
const configurationPath = (id: string) => `${CONFIGURATIONS_PATH}/${encodeURIComponent(id)}`;

/** The JSON body of a create (POST) or full replace (PUT). */
export interface ConfigurationBody {
  displayName: string;
  description: string;
  conversationGroupingType: string;
  memoryStoreId: string;
  channelSettings: Record<string, unknown>;
  statusCallbacks: Array<{ url: string; method: string }>;
  intelligenceConfigurationIds: string[];
  memoryExtractionEnabled: boolean;
  conversationsV1Bridge?: { serviceId: string };
}

/**
 * The body for the inputs, every field explicit (see {@link withApiDefaults}). PUT is a full
 * replace, so sending the defaults (`{}`, `[]`, `false`) is what clears a property removed from
 * the program; `channelSettings` is required by PUT. The bridge is left out to clear it: the PUT
 * schema has no `null` for it. The v2 body's fields carry the resource's own property names, so
 * the settings are the body as they are (the return type checks every body field is there).
 */
export function toWire(inputs: OrchestratorConfigurationInputs): ConfigurationBody {
  return withApiDefaults(inputs);
}

/** The fields of a fetched configuration this resource reads; loose on the rest, tolerant of nulls. */
const configurationWire = z.object({
  id: z.string(),
  displayName: z.string(),
  description: z.string().nullish(),
  conversationGroupingType: z.string(),
  memoryStoreId: z.string(),
  channelSettings: z.record(z.string(), z.unknown()).nullish(),
  statusCallbacks: z.array(z.object({ url: z.string(), method: z.string().nullish() })).nullish(),
  intelligenceConfigurationIds: z.array(z.string()).nullish(),
  memoryExtractionEnabled: z.boolean().nullish(),
  conversationsV1Bridge: z.object({ serviceId: z.string() }).nullish(),
  version: z.number().nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
});
export type ConfigurationWire = z.infer<typeof configurationWire>;

/** A fetched configuration as outputs, in the normalised form check produces. */
export function fromWire(wire: ConfigurationWire, accountSid: string, logicalName: string | undefined): OrchestratorConfigurationOutputs {
  return {
    accountSid,
    configurationId: wire.id,
    displayName: wire.displayName,
    description: wire.description ?? "",
    conversationGroupingType: wire.conversationGroupingType,
    memoryStoreId: wire.memoryStoreId,
    channelSettings: normaliseChannelSettings(wire.channelSettings ?? {}),
    statusCallbacks: normaliseStatusCallbacks(wire.statusCallbacks ?? []),
    intelligenceConfigurationIds: [...(wire.intelligenceConfigurationIds ?? [])],
    memoryExtractionEnabled: wire.memoryExtractionEnabled ?? false,
    ...(wire.conversationsV1Bridge ? { conversationsV1Bridge: { serviceId: wire.conversationsV1Bridge.serviceId } } : {}),
    ...(typeof wire.version === "number" ? { version: wire.version } : {}),
    ...(wire.createdAt ? { createdAt: wire.createdAt } : {}),
    ...(wire.updatedAt ? { updatedAt: wire.updatedAt } : {}),
    ...(logicalName !== undefined ? { __logicalName: logicalName } : {}),
  };
}

/** The inputs that match a live configuration (for read: refresh shows drift as input changes). */
export function inputsOf(outs: OrchestratorConfigurationOutputs): OrchestratorConfigurationInputs {
  return {
    displayName: outs.displayName,
    description: outs.description,
    conversationGroupingType: outs.conversationGroupingType as OrchestratorConfigurationInputs["conversationGroupingType"],
    memoryStoreId: outs.memoryStoreId,
    channelSettings: outs.channelSettings,
    statusCallbacks: outs.statusCallbacks,
    intelligenceConfigurationIds: outs.intelligenceConfigurationIds,
    memoryExtractionEnabled: outs.memoryExtractionEnabled,
    ...(outs.conversationsV1Bridge ? { conversationsV1Bridge: outs.conversationsV1Bridge } : {}),
    ...(outs.__logicalName !== undefined ? { __logicalName: outs.__logicalName } : {}),
  };
}

/**
 * A second configuration bridged to a v1 service that already has one (409 with
 * `X-Conflicting-Resource-Id`). The message names the holder and the ways out.
 */
export class BridgeConflictError extends TwilioConversationsError {
  constructor(
    readonly action: string,
    readonly serviceId: string | undefined,
    readonly conflictingConfigurationId: string | undefined,
    serverMessage: string,
  ) {
    const service = serviceId ? `Conversations v1 service ${serviceId}` : "the Conversations v1 service";
    const holder = conflictingConfigurationId ? `configuration ${conflictingConfigurationId}` : "another configuration";
    super(
      `Conflict ${action}: ${service} is already bridged to ${holder} (Twilio: ${serverMessage}). ` +
        `A v1 service can be bridged to one configuration only: remove conversationsV1Bridge from this resource or ` +
        `point it at another service, or remove the bridge from ${holder} (or delete it) first.`,
    );
  }
}

/**
 * Turns a bridge 409 into {@link BridgeConflictError}; anything else (another kind of 409
 * included) passes through as the client's own error.
 */
function conflictOr(e: unknown, action: string, body: ConfigurationBody | undefined): unknown {
  if (TwilioConflictError.isInstance(e) && (e.conflictingResourceId !== undefined || body?.conversationsV1Bridge !== undefined)) {
    return new BridgeConflictError(action, body?.conversationsV1Bridge?.serviceId, e.conflictingResourceId, e.detail);
  }
  return e;
}

/** POST: starts a create. */
export async function createConfiguration(
  client: TwilioClient,
  body: ConfigurationBody,
  idempotencyKey: string,
  action: string,
): Promise<AcceptedWrite> {
  try {
    const response = await client.request({ method: "POST", path: CONFIGURATIONS_PATH, json: body, idempotencyKey, action });
    return acceptedWrite(response, action);
  } catch (e) {
    throw conflictOr(e, action, body);
  }
}

/** PUT: starts a full replace. Undefined when the configuration does not exist (404). */
export async function replaceConfiguration(
  client: TwilioClient,
  id: string,
  body: ConfigurationBody,
  idempotencyKey: string,
  action: string,
): Promise<AcceptedWrite | undefined> {
  try {
    const response = await client.request({ method: "PUT", path: configurationPath(id), json: body, idempotencyKey, action });
    return acceptedWrite(response, action);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw conflictOr(e, action, body);
  }
}

/** DELETE: starts a delete. Undefined when the configuration is already gone (404). */
export async function deleteConfiguration(
  client: TwilioClient,
  id: string,
  idempotencyKey: string,
  action: string,
): Promise<AcceptedWrite | undefined> {
  return undefinedIfNotFound(async () => {
    const response = await client.request({ method: "DELETE", path: configurationPath(id), idempotencyKey, action });
    return acceptedWrite(response, action);
  });
}

const configurationsPageWire = z.object({
  configurations: z.array(z.unknown()),
  meta: z.looseObject({ nextToken: z.string().nullish() }),
});

/**
 * GET the list, every page (token paging): each configuration read as {@link fetchConfiguration} reads one.
 * @param onPage called after each page with the number of configurations read so far (progress displays)
 */
export async function listConfigurations(
  client: TwilioClient,
  action: string,
  onPage?: (itemsSoFar: number) => void,
): Promise<ConfigurationWire[]> {
  const out: ConfigurationWire[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.request({ method: "GET", path: CONFIGURATIONS_PATH, query: { pageSize: 100, pageToken: token }, action });
    const body = parseResponse(configurationsPageWire, res.data, action);
    for (const item of body.configurations) out.push(parseResponse(configurationWire, item, action));
    onPage?.(out.length);
    token = body.meta.nextToken ?? undefined;
    if (token === undefined) return out;
    if (seen.has(token)) break;
    seen.add(token);
  }
  throw new Error(`Twilio kept paging ${action}; giving up rather than looping`);
}

/** GET: the configuration, or undefined when it does not exist (404). */
export async function fetchConfiguration(client: TwilioClient, id: string, action: string): Promise<ConfigurationWire | undefined> {
  const response = await undefinedIfNotFound(() => client.request<unknown>({ method: "GET", path: configurationPath(id), action }));
  if (!response) return undefined;
  const data = response.data;
  const parsed = configurationWire.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join(".") || "(body)").join(", ");
    throw new Error(`Twilio returned configuration ${id} in an unexpected shape (${where}) while ${action}.`);
  }
  return parsed.data;
}
