/**
 * An account snapshot -> a conversations setup document. Deterministic: entries are keyed by
 * names (never SIDs or creation order) and written in key order, account-specific SIDs of objects
 * in the export become references by key, and environment-specific values become parameters met
 * in a fixed walk of the sorted document. Two accounts with the same setup give equal documents.
 */
import { canonicalJson } from "../../provider/shared/fields";
import { defined } from "../../provider/shared/values";
import {
  SPEC_VERSION,
  type SpecConversation,
  type SpecDocument,
  type SpecOrchestratorConfiguration,
  type SpecRole,
  type SpecService,
  type SpecServiceConfiguration,
} from "../../sdk/spec/schema";
import { assignKeys, compare, keyOrSlug, slug } from "./naming";
import { escapeDeep, escapeText, ParameterRegistry } from "./parameters";
import type { AccountSnapshot, ExportedConversation, ServiceSnapshot } from "./read-account";

/**
 * The roles Twilio gives every new service. The exporter marks them `adoptExisting`, so applying
 * the document to a new account takes charge of them instead of adding a second copy.
 */
export const DEFAULT_ROLE_NAMES: readonly string[] = ["service admin", "service user", "channel admin", "channel user"];

/** Builds the document. */
export function buildSpec(snapshot: AccountSnapshot): SpecDocument {
  const params = new ParameterRegistry();
  const defaultServiceSid = snapshot.configuration?.defaultChatServiceSid ?? undefined;

  // Keys. Services: by name, ties broken by what they hold (the same in both accounts of a clone).
  const serviceKeys = assignKeys(
    snapshot.services,
    (s) => slug(s.service.friendlyName, "service"),
    (s) => `${s.service.friendlyName}\u0000${s.service.sid === defaultServiceSid ? 0 : 1}\u0000${contentOf(s)}`,
  );
  const serviceKeyBySid = new Map(snapshot.services.map((s) => [s.service.sid.toLowerCase(), serviceKeys.get(s)!]));
  const serviceRef = (sid: string | null | undefined): string | undefined =>
    sid ? (serviceKeyBySid.get(sid.toLowerCase()) ?? sid) : undefined;

  const services: Array<[string, SpecService]> = [];
  for (const s of snapshot.services) {
    const roleKeys = assignKeys(
      s.roles,
      (r) => slug(r.friendlyName, "role"),
      (r) => `${r.friendlyName}\u0000${r.type}\u0000${[...r.permissions].sort().join(",")}`,
    );
    const roleKeyBySid = new Map(s.roles.map((r) => [r.sid.toLowerCase(), roleKeys.get(r)!]));
    const roleRef = (sid: string | null | undefined) => (sid ? (roleKeyBySid.get(sid.toLowerCase()) ?? sid) : undefined);

    const roles = sortedEntries(
      s.roles.map((r): [string, SpecRole] => [
        roleKeys.get(r)!,
        {
          friendlyName: escapeText(r.friendlyName),
          type: r.type,
          permissions: [...r.permissions].sort(compare),
          ...(DEFAULT_ROLE_NAMES.includes(r.friendlyName) ? { adoptExisting: true } : {}),
        },
      ]),
    );
    const c = s.configuration;
    const configuration: SpecServiceConfiguration | undefined = c
      ? defined({
          defaultConversationCreatorRole: roleRef(c.defaultConversationCreatorRoleSid),
          defaultConversationRole: roleRef(c.defaultConversationRoleSid),
          defaultChatServiceRole: roleRef(c.defaultChatServiceRoleSid),
          reachabilityEnabled: c.reachabilityEnabled ?? undefined,
        })
      : undefined;
    services.push([
      serviceKeys.get(s)!,
      defined({
        friendlyName: escapeText(s.service.friendlyName),
        ...(s.service.sid === defaultServiceSid ? { adoptExisting: true } : {}),
        roles: roles.length > 0 ? Object.fromEntries(roles) : undefined,
        configuration: configuration && Object.keys(configuration).length > 0 ? configuration : undefined,
      }),
    ]);
  }

  // The walk that names parameters: account, then conversations and orchestrator configurations in key order.
  const a = snapshot.configuration;
  const account = a
    ? defined({
        defaultChatService: serviceRef(a.defaultChatServiceSid),
        defaultMessagingServiceSid: a.defaultMessagingServiceSid
          ? params.reference("messagingServiceSid", a.defaultMessagingServiceSid)
          : undefined,
        defaultInactiveTimer: a.defaultInactiveTimer ?? undefined,
        defaultClosedTimer: a.defaultClosedTimer ?? undefined,
      })
    : undefined;

  const allConversations = snapshot.services.flatMap((s) => s.conversations.map((c) => ({ c, serviceKey: serviceKeys.get(s)! })));
  const conversationKeys = assignKeys(
    allConversations,
    ({ c }) => (c.uniqueName !== undefined ? keyOrSlug(c.uniqueName, "conversation") : slug(c.friendlyName ?? "", "conversation")),
    ({ c, serviceKey }) => `${serviceKey}\u0000${c.uniqueName ?? ""}\u0000${conversationContent(c)}`,
  );
  const conversations: Array<[string, SpecConversation]> = [];
  for (const entry of [...allConversations].sort((x, y) => compare(conversationKeys.get(x)!, conversationKeys.get(y)!))) {
    const { c } = entry;
    conversations.push([
      conversationKeys.get(entry)!,
      defined({
        // A conversation in the account's default service is written without one: it goes wherever the default is.
        service: c.chatServiceSid.toLowerCase() === defaultServiceSid?.toLowerCase() ? undefined : serviceRef(c.chatServiceSid),
        uniqueName: c.uniqueName === undefined ? undefined : escapeText(c.uniqueName),
        friendlyName: c.friendlyName === undefined ? undefined : escapeText(c.friendlyName),
        attributes: attributesOf(c.attributes),
        messagingServiceSid: c.messagingServiceSid ? params.reference("messagingServiceSid", c.messagingServiceSid) : undefined,
        state: c.state === "active" ? undefined : c.state,
        bindings: c.emailBinding ? { email: escapeDeep(c.emailBinding) as { address?: string; name?: string } } : undefined,
      }),
    ]);
  }

  const orchestratorKeys = assignKeys(
    snapshot.orchestratorConfigurations,
    (o) => slug(o.displayName, "configuration"),
    (o) => `${o.displayName}\u0000${o.description}\u0000${o.conversationGroupingType}\u0000${canonicalJson(o.channelSettings)}`,
  );
  const orchestratorConfigurations: Array<[string, SpecOrchestratorConfiguration]> = [];
  for (const o of [...snapshot.orchestratorConfigurations].sort((x, y) => compare(orchestratorKeys.get(x)!, orchestratorKeys.get(y)!))) {
    const channels = Object.keys(o.channelSettings);
    orchestratorConfigurations.push([
      orchestratorKeys.get(o)!,
      defined({
        displayName: escapeText(o.displayName),
        description: escapeText(o.description),
        conversationGroupingType: o.conversationGroupingType,
        memoryStoreId: params.reference("memoryStoreId", o.memoryStoreId),
        channelSettings:
          channels.length > 0
            ? (escapeDeep(sortKeysDeep(o.channelSettings)) as SpecOrchestratorConfiguration["channelSettings"])
            : undefined,
        statusCallbacks:
          o.statusCallbacks.length > 0
            ? o.statusCallbacks.map((cb) => ({
                url: params.reference("statusCallbackUrl", cb.url),
                ...(cb.method === "GET" ? { method: "GET" } : {}),
              }))
            : undefined,
        intelligenceConfigurationIds:
          o.intelligenceConfigurationIds.length > 0
            ? o.intelligenceConfigurationIds.map((id) => params.reference("intelligenceConfigurationId", id))
            : undefined,
        memoryExtractionEnabled: o.memoryExtractionEnabled ? true : undefined,
        conversationsV1Bridge: o.conversationsV1Bridge ? { service: serviceRef(o.conversationsV1Bridge.serviceId)! } : undefined,
      }),
    ]);
  }

  return defined({
    version: SPEC_VERSION,
    parameters: params.section(),
    account: account && Object.keys(account).length > 0 ? account : undefined,
    services: services.length > 0 ? Object.fromEntries(sortedEntries(services)) : undefined,
    conversations: conversations.length > 0 ? Object.fromEntries(conversations) : undefined,
    orchestratorConfigurations: orchestratorConfigurations.length > 0 ? Object.fromEntries(orchestratorConfigurations) : undefined,
  }) as SpecDocument;
}

/** A service's content without SIDs, to order services of one name the same way in every account. */
function contentOf(s: ServiceSnapshot): string {
  return s.roles
    .map((r) => `${r.friendlyName}/${r.type}/${[...r.permissions].sort().join(",")}`)
    .sort(compare)
    .join(";");
}

function conversationContent(c: ExportedConversation): string {
  return [c.friendlyName ?? "", c.attributes, c.state, c.emailBinding?.address ?? "", c.emailBinding?.name ?? ""].join("\u0000");
}

/** Attributes as a mapping when they are a JSON object (`{}` left out), else as the text Twilio holds. */
function attributesOf(text: string): SpecConversation["attributes"] {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      return Object.keys(value).length === 0 ? undefined : (escapeDeep(sortKeysDeep(value)) as Record<string, unknown>);
    }
  } catch {
    // not JSON: written as text below
  }
  return text === "" ? undefined : escapeText(text);
}

function sortedEntries<T>(entries: Array<[string, T]>): Array<[string, T]> {
  return [...entries].sort(([a], [b]) => compare(a, b));
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort(compare)
        .map((k) => [k, sortKeysDeep((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
