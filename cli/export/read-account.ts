/**
 * Reads everything the exporter writes from a live account: the account configuration, every
 * service with its roles, configuration and (as asked) conversations, and every orchestrator
 * configuration. Every page of every list; at most `concurrency` lists read at once (the shared
 * client also limits requests in flight and retries 429s honouring Retry-After).
 *
 * Wire shapes come from the resources' own api.ts modules (services, roles, configurations, a
 * conversation, the v2 configuration list); only a service's conversation list, with the email
 * binding the provider never reads back, is read here.
 */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { pathSegment } from "../../provider/http/paths";
import { parseResponse } from "../../provider/shared/response";
import { listAllV1 } from "../../provider/shared/v1-list";
import { fromWire as conversationFromWire, type LiveConversation } from "../../resources/conversation/api";
import { listServices } from "../../resources/conversation-service/api";
import type { ConversationServiceOutputs } from "../../resources/conversation-service/schema";
import { fetchGlobalConfiguration } from "../../resources/global-configuration/api";
import type { GlobalConfigurationValues } from "../../resources/global-configuration/schema";
import { fromWire as orchestratorOutputs, listConfigurations } from "../../resources/orchestrator-configuration/api";
import type { OrchestratorConfigurationOutputs } from "../../resources/orchestrator-configuration/schema";
import { fetchServiceConfiguration } from "../../resources/service-configuration/api";
import type { ServiceConfigurationValues } from "../../resources/service-configuration/schema";
import { listRoles } from "../../resources/service-role/api";
import type { ServiceRoleOutputs } from "../../resources/service-role/schema";
import { mapBounded } from "./pool";

/** Which conversations to export: those with a unique name (default), all, or none. */
export type ConversationSelection = "unique-named" | "all" | "none";
export const CONVERSATION_SELECTIONS: readonly ConversationSelection[] = ["unique-named", "all", "none"];

/** A conversation with its email binding (the provider's wire mapping does not carry bindings). */
export interface ExportedConversation extends LiveConversation {
  emailBinding?: { address?: string; name?: string };
}

/** One service and what is in it. */
export interface ServiceSnapshot {
  readonly service: ConversationServiceOutputs;
  readonly roles: ServiceRoleOutputs[];
  readonly configuration?: ServiceConfigurationValues;
  readonly conversations: ExportedConversation[];
}

/** Everything read from the account. */
export interface AccountSnapshot {
  readonly configuration?: GlobalConfigurationValues;
  readonly services: ServiceSnapshot[];
  readonly orchestratorConfigurations: OrchestratorConfigurationOutputs[];
}

/** What a long export reports as it goes (for a progress display). */
export interface ProgressEvent {
  /** Lists and documents read so far, and known so far (the total grows as services are found). */
  readonly done: number;
  readonly total: number;
  /** Items (services, roles, conversations, configurations) read so far. */
  readonly items: number;
  /** What was just read: `roles of "Support"`. */
  readonly step: string;
}

export interface ReadOptions {
  readonly conversations?: ConversationSelection;
  /** Lists read at once. Default 4. */
  readonly concurrency?: number;
  readonly onProgress?: (event: ProgressEvent) => void;
}

const emailBindingWire = z.looseObject({
  bindings: z.looseObject({ email: z.looseObject({ address: z.string().nullish(), name: z.string().nullish() }).nullish() }).nullish(),
});

/** Reads the account. Rejects with the client's error (a TwilioApiError, ...) when a read fails. */
export async function readAccount(client: TwilioClient, options: ReadOptions = {}): Promise<AccountSnapshot> {
  const selection = options.conversations ?? "unique-named";
  const concurrency = options.concurrency ?? 4;
  let done = 0;
  let total = 3; // the account configuration, the service list, the orchestrator list
  let items = 0;
  const report = (step: string, read = 0) => {
    done++;
    items += read;
    options.onProgress?.({ done, total, items, step });
  };

  const [configuration, services, orchestratorConfigurations] = await Promise.all([
    fetchGlobalConfiguration(client, "reading the account configuration").then((live) => {
      report("account configuration", 1);
      return live?.values;
    }),
    listServices(client, "listing services").then((list) => {
      total += list.length * (selection === "none" ? 2 : 3);
      report("services", list.length);
      return list;
    }),
    listOrchestratorConfigurations(client).then((list) => {
      report("orchestrator configurations", list.length);
      return list;
    }),
  ]);

  // One task per list of each service, so a service with many conversations does not hold up the rest.
  type Task = { service: ConversationServiceOutputs; part: "roles" | "configuration" | "conversations" };
  const tasks: Task[] = services.flatMap((service) =>
    (["roles", "configuration", "conversations"] as const)
      .filter((part) => part !== "conversations" || selection !== "none")
      .map((part) => ({ service, part })),
  );
  const results = await mapBounded(tasks, concurrency, async ({ service, part }) => {
    const name = JSON.stringify(service.friendlyName);
    if (part === "roles") {
      const roles = await listRoles(client, service.sid, `listing the roles of service ${name}`);
      report(`roles of ${name}`, roles.length);
      return roles;
    }
    if (part === "configuration") {
      const live = await fetchServiceConfiguration(client, service.sid, `reading the configuration of service ${name}`);
      report(`configuration of ${name}`, 1);
      return live?.values;
    }
    const conversations = await listConversations(client, service.sid, selection, `listing the conversations of service ${name}`);
    report(`conversations of ${name}`, conversations.length);
    return conversations;
  });

  const snapshots = services.map((service): ServiceSnapshot => {
    const of = <P extends Task["part"]>(part: P) => results[tasks.findIndex((t) => t.service === service && t.part === part)];
    return {
      service,
      roles: (of("roles") as ServiceRoleOutputs[] | undefined) ?? [],
      configuration: of("configuration") as ServiceConfigurationValues | undefined,
      conversations: (of("conversations") as ExportedConversation[] | undefined) ?? [],
    };
  });
  return { configuration, services: snapshots, orchestratorConfigurations };
}

/** Every conversation of a service (filtered by the selection), with its email binding. */
async function listConversations(
  client: TwilioClient,
  serviceSid: string,
  selection: ConversationSelection,
  action: string,
): Promise<ExportedConversation[]> {
  const raw = await listAllV1(client, `/v1/Services/${pathSegment(serviceSid)}/Conversations`, "conversations", { pageSize: 100, action });
  const out: ExportedConversation[] = [];
  for (const item of raw) {
    const live: ExportedConversation = conversationFromWire(item, action);
    if (selection === "unique-named" && live.uniqueName === undefined) continue;
    const email = parseResponse(emailBindingWire, item, action).bindings?.email;
    if (email && (email.address || email.name)) {
      live.emailBinding = { ...(email.address ? { address: email.address } : {}), ...(email.name ? { name: email.name } : {}) };
    }
    out.push(live);
  }
  return out;
}

/** Every orchestrator configuration, as outputs (the resource's own list and mapping). */
async function listOrchestratorConfigurations(client: TwilioClient): Promise<OrchestratorConfigurationOutputs[]> {
  const list = await listConfigurations(client, "listing orchestrator configurations");
  return list.map((wire) => orchestratorOutputs(wire, client.accountSid, undefined));
}
