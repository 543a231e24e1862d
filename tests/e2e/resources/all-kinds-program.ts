/**
 * One program with every resource kind, as one scenario per kind: how the kind declares its
 * resources in each version of the program, the step each of them takes when the next version is
 * applied, whether release 0.1.0 had the kind, the secret values it declares, what the account
 * holds of it once a version is up, and what destroy cannot put back. The registry-wide suites
 * (all-kinds.test.ts, tests/e2e/clone/every-kind.test.ts, tests/e2e/engine/old-shim-state.test.ts)
 * derive everything they expect from here; a kind of the registry without a scenario does not
 * compile.
 *
 * Each version changes something:
 * - 1: the starting point;
 * - 2: an in-place update of every kind that has one (all but ConversationService, which Twilio
 *   cannot update), some resources untouched;
 * - 3: the service renamed, which replaces it and, through `chatServiceSid`, everything scoped to
 *   it; what names it from outside (the account configuration, the bridge, the address
 *   configurations) follows in place.
 */
import { randomUUID } from "node:crypto";

import * as tc from "pulumi-twilio-conversations";

import { secretFingerprint } from "../../../emulator/secret-fingerprint";
import type { KindName } from "../../../resources/registry";

export type Version = 1 | 2 | 3;
export const VERSIONS: readonly Version[] = [1, 2, 3];

/** The step a resource takes when a version is applied over the one before. */
export type Op = "update" | "same" | "replace";

/** What scenarios declare for the ones after them (the service they sit in, the role a configuration names). */
export interface Made {
  readonly service?: tc.ConversationService;
  readonly agent?: tc.ServiceRole;
}

/**
 * The parts of the emulator's state dump (`emulator.state()`) the scenarios read. Only the fields
 * used are named; the dump holds more.
 */
export interface AccountDump {
  readonly v1: {
    readonly configuration: { defaultChatServiceSid: string | null; defaultClosedTimer: string | null };
    readonly services: ReadonlyArray<{
      sid: string;
      friendlyName: string;
      configuration: { defaultConversationRoleSid: string | null; reachabilityEnabled: boolean };
      webhooks: { method: string | null; filters: string[] | null; preWebhookUrl: string | null };
      notifications: {
        newMessage: { enabled: boolean; template: string | null; badgeCountEnabled: boolean };
        addedToConversation: { enabled: boolean };
      };
    }>;
    readonly roles: ReadonlyArray<{ sid: string; serviceSid: string; friendlyName: string; permissions: string[] }>;
    readonly conversations: ReadonlyArray<{ serviceSid: string; uniqueName: string | null; friendlyName: string | null }>;
    readonly accountWebhooks: { method: string; filters: string[]; postWebhookUrl: string | null };
    readonly addressConfigurations: ReadonlyArray<{
      address: string;
      friendlyName: string | null;
      addressCountry: string | null;
      autoCreation: { enabled: boolean; type: string; conversationServiceSid: string | null; studioFlowSid: string | null };
    }>;
    readonly credentials: ReadonlyArray<{ friendlyName: string | null; sandbox: boolean; secretFingerprints: Record<string, string> }>;
  };
  readonly v2: {
    readonly configurations: ReadonlyArray<{ description: string; conversationsV1Bridge?: { serviceId: string } }>;
  };
}

export interface Scenario {
  /** Whether release 0.1.0 had the kind: tests/e2e/engine/old-shim-state.test.ts replays 0.1.0's state of those. */
  readonly released: boolean;
  /** Declares the kind's resources for `version`, given what the scenarios before it made; returns what later ones use. */
  declare(version: Version, made: Made): Made | void;
  /** Every resource it declares, by name, with the step it takes when version 2, then version 3, is applied. */
  readonly ops: Readonly<Record<string, { readonly 2: Op; readonly 3: Op }>>;
  /** The secret values (plain text) `version` declares: each must reach state only as a Pulumi secret, and no log. */
  readonly secrets?: (version: Version) => readonly string[];
  /** What the account holds of the kind once `version` is up, and what the program declares of it: the two must be equal. */
  readonly remote?: (account: AccountDump, version: Version) => { readonly held: unknown; readonly declared: unknown };
  /**
   * What the account keeps of the kind after destroy, applied to the account as it was before the
   * first up (what Twilio gives no way to put back). Absent: destroy leaves nothing of it.
   */
  readonly leftByDestroy?: (before: AccountDump) => AccountDump;
}

/** What a scenario needs from one declared before it. */
function needs<K extends keyof Made>(made: Made, key: K): NonNullable<Made[K]> {
  const value = made[key];
  if (value === undefined) throw new Error(`all-kinds-program: declare the scenario that makes "${key}" first`);
  return value as NonNullable<Made[K]>;
}

const serviceName = (version: Version) => (version === 3 ? "Support 2" : "Support");
/** The service the program declares in `version`, as the account holds it. */
const supportIn = (account: AccountDump, version: Version) => account.v1.services.find((s) => s.friendlyName === serviceName(version));
/** The name of the service with this SID (null when there is none). */
const serviceNamed = (account: AccountDump, sid: string | null) => account.v1.services.find((s) => s.sid === sid)?.friendlyName ?? null;
/** From version 2 on, the value of version 2 (version 3 changes only the service). */
const upTo2 = (version: Version) => Math.min(version, 2);

const ACCOUNT_WEBHOOK_FILTERS = ["onMessageAdded", "onConversationUpdated"] as const;
const accountWebhookUrl = (version: Version) => `https://hooks.example.com/v${upTo2(version)}`;
const STUDIO_FLOW = `FW${"f1".repeat(16)}`;
const pem = (label: string) => `-----BEGIN ${label}-----\nMII${randomUUID()}\n-----END ${label}-----`;
/** Values no one else uses, so finding one anywhere means it leaked. */
const FCM_KEYS = [`fcm-e2e-${randomUUID()}`, `fcm-e2e-${randomUUID()}`] as const;
const fcmKey = (version: Version) => FCM_KEYS[version === 1 ? 0 : 1];
const APN = { certificate: pem("CERTIFICATE"), privateKey: pem("PRIVATE KEY") } as const;

export const SCENARIOS = {
  ConversationService: {
    released: true,
    declare: (version) => ({ service: new tc.ConversationService("support", { friendlyName: serviceName(version) }) }),
    // Twilio cannot rename a service: a new name replaces it.
    ops: { support: { 2: "same", 3: "replace" } },
    remote: (account, version) => ({
      held: account.v1.services.filter((s) => s.friendlyName.startsWith("Support")).map((s) => s.friendlyName),
      declared: [serviceName(version)],
    }),
  },
  ServiceRole: {
    released: true,
    declare: (version, made) => ({
      agent: new tc.ServiceRole("agent", {
        chatServiceSid: needs(made, "service").sid,
        friendlyName: "agent",
        type: "conversation",
        permissions: permissionsOf(version),
      }),
    }),
    ops: { agent: { 2: "update", 3: "replace" } },
    remote: (account, version) => ({
      held: account.v1.roles
        .filter((r) => r.serviceSid === supportIn(account, version)?.sid && r.friendlyName === "agent")
        .map((r) => [...r.permissions].sort()),
      declared: [[...permissionsOf(version)].sort()],
    }),
  },
  ServiceConfiguration: {
    released: true,
    declare: (version, made) => {
      new tc.ServiceConfiguration("support", {
        chatServiceSid: needs(made, "service").sid,
        defaultConversationRoleSid: needs(made, "agent").sid,
        reachabilityEnabled: version === 1,
      });
    },
    ops: { support: { 2: "update", 3: "replace" } },
    remote: (account, version) => {
      const configuration = supportIn(account, version)?.configuration;
      const role = account.v1.roles.find((r) => r.sid === configuration?.defaultConversationRoleSid);
      return {
        held: { defaultConversationRole: role?.friendlyName, reachabilityEnabled: configuration?.reachabilityEnabled },
        declared: { defaultConversationRole: "agent", reachabilityEnabled: version === 1 },
      };
    },
  },
  GlobalConfiguration: {
    released: true,
    declare: (version, made) => {
      new tc.GlobalConfiguration("account", {
        defaultChatServiceSid: needs(made, "service").sid,
        defaultClosedTimer: closedTimerOf(version),
      });
    },
    ops: { account: { 2: "update", 3: "update" } },
    remote: (account, version) => ({
      held: {
        defaultChatService: serviceNamed(account, account.v1.configuration.defaultChatServiceSid),
        defaultClosedTimer: account.v1.configuration.defaultClosedTimer,
      },
      declared: { defaultChatService: serviceName(version), defaultClosedTimer: closedTimerOf(version) },
    }),
  },
  Conversation: {
    released: true,
    declare: (version, made) => {
      const chatServiceSid = needs(made, "service").sid;
      new tc.Conversation("lobby", {
        chatServiceSid,
        uniqueName: "lobby",
        friendlyName: lobbyNameOf(version),
        attributes: { tier: "gold" },
      });
      new tc.Conversation("desk", { chatServiceSid, uniqueName: "desk", friendlyName: "Desk" });
    },
    // Two conversations, so "identical per kind" compares two resources; the desk is never changed.
    ops: { lobby: { 2: "update", 3: "replace" }, desk: { 2: "same", 3: "replace" } },
    remote: (account, version) => ({
      held: Object.fromEntries(
        account.v1.conversations
          .filter((c) => c.serviceSid === supportIn(account, version)?.sid)
          .map((c) => [c.uniqueName, c.friendlyName]),
      ),
      declared: { lobby: lobbyNameOf(version), desk: "Desk" },
    }),
  },
  OrchestratorConfiguration: {
    released: true,
    declare: (version, made) => {
      new tc.OrchestratorConfiguration("routing", {
        displayName: "routing",
        description: `version ${upTo2(version)}`,
        conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
        memoryStoreId: "mem_store_e2e",
        conversationsV1Bridge: { serviceId: needs(made, "service").sid },
      });
    },
    ops: { routing: { 2: "update", 3: "update" } },
    remote: (account, version) => ({
      held: account.v2.configurations.map((c) => ({
        description: c.description,
        bridge: serviceNamed(account, c.conversationsV1Bridge?.serviceId ?? null),
      })),
      declared: [{ description: `version ${upTo2(version)}`, bridge: serviceName(version) }],
    }),
  },
  GlobalWebhookConfiguration: {
    released: false,
    declare: (version) => {
      new tc.GlobalWebhookConfiguration("account", { postWebhookUrl: accountWebhookUrl(version), filters: [...ACCOUNT_WEBHOOK_FILTERS] });
    },
    ops: { account: { 2: "update", 3: "same" } },
    remote: (account, version) => ({
      held: { postWebhookUrl: account.v1.accountWebhooks.postWebhookUrl, filters: [...account.v1.accountWebhooks.filters].sort() },
      declared: { postWebhookUrl: accountWebhookUrl(version), filters: [...ACCOUNT_WEBHOOK_FILTERS].sort() },
    }),
    // Twilio has no way to unset a webhook URL or to empty the filters: destroy leaves the last ones.
    leftByDestroy: (before) => ({
      ...before,
      v1: {
        ...before.v1,
        accountWebhooks: { ...before.v1.accountWebhooks, postWebhookUrl: accountWebhookUrl(3), filters: [...ACCOUNT_WEBHOOK_FILTERS] },
      },
    }),
  },
  ServiceWebhookConfiguration: {
    released: false,
    declare: (version, made) => {
      new tc.ServiceWebhookConfiguration("support", {
        chatServiceSid: needs(made, "service").sid,
        method: webhookMethodOf(version),
        filters: ["onParticipantAdded"],
        preWebhookUrl: "https://hooks.example.com/support/pre",
      });
    },
    ops: { support: { 2: "update", 3: "replace" } },
    remote: (account, version) => {
      const webhooks = supportIn(account, version)?.webhooks;
      return {
        held: { method: webhooks?.method, filters: webhooks?.filters, preWebhookUrl: webhooks?.preWebhookUrl },
        declared: {
          method: webhookMethodOf(version),
          filters: ["onParticipantAdded"],
          preWebhookUrl: "https://hooks.example.com/support/pre",
        },
      };
    },
  },
  ServiceNotificationConfiguration: {
    released: false,
    declare: (version, made) => {
      new tc.ServiceNotificationConfiguration("support", {
        chatServiceSid: needs(made, "service").sid,
        // Twilio's placeholders: the document must write them back as text, not as parameters.
        newMessage: { enabled: true, template: "${PARTICIPANT}: ${MESSAGE}", badgeCountEnabled: version === 1 },
        addedToConversation: { enabled: true },
      });
    },
    ops: { support: { 2: "update", 3: "replace" } },
    remote: (account, version) => {
      const notifications = supportIn(account, version)?.notifications;
      return {
        held: {
          newMessage: {
            enabled: notifications?.newMessage.enabled,
            template: notifications?.newMessage.template,
            badgeCountEnabled: notifications?.newMessage.badgeCountEnabled,
          },
          addedToConversation: notifications?.addedToConversation.enabled,
        },
        declared: {
          newMessage: { enabled: true, template: "${PARTICIPANT}: ${MESSAGE}", badgeCountEnabled: version === 1 },
          addedToConversation: true,
        },
      };
    },
  },
  AddressConfiguration: {
    released: false,
    declare: (version, made) => {
      const conversationServiceSid = needs(made, "service").sid;
      new tc.AddressConfiguration("sms", {
        type: "sms",
        address: "+15551234567",
        friendlyName: version === 1 ? "Support line" : "Support line 2",
        autoCreation: {
          enabled: true,
          type: "webhook",
          conversationServiceSid,
          webhookUrl: "https://example.com/inbound",
          webhookMethod: "GET",
          webhookFilters: ["onParticipantAdded", "onMessageAdded"],
        },
      });
      new tc.AddressConfiguration("whatsapp", {
        type: "whatsapp",
        address: "whatsapp:+15551234567",
        autoCreation: { enabled: false, type: "studio", studioFlowSid: STUDIO_FLOW, studioRetryCount: 2 },
      });
      new tc.AddressConfiguration("email", {
        type: "email",
        address: "help@example.com",
        addressCountry: "US",
        autoCreation: { enabled: true, type: "default", conversationServiceSid },
      });
    },
    // The service they send conversations to is named, not owned: a new one is an update.
    ops: { sms: { 2: "update", 3: "update" }, whatsapp: { 2: "same", 3: "same" }, email: { 2: "same", 3: "update" } },
    remote: (account, version) => ({
      held: Object.fromEntries(
        account.v1.addressConfigurations.map((a) => [
          a.address,
          {
            friendlyName: a.friendlyName,
            addressCountry: a.addressCountry,
            autoCreation: a.autoCreation.type,
            enabled: a.autoCreation.enabled,
            service: serviceNamed(account, a.autoCreation.conversationServiceSid),
            studioFlowSid: a.autoCreation.studioFlowSid,
          },
        ]),
      ),
      declared: {
        "+15551234567": {
          friendlyName: version === 1 ? "Support line" : "Support line 2",
          addressCountry: null,
          autoCreation: "webhook",
          enabled: true,
          service: serviceName(version),
          studioFlowSid: null,
        },
        "whatsapp:+15551234567": {
          friendlyName: null,
          addressCountry: null,
          autoCreation: "studio",
          enabled: false,
          service: null,
          studioFlowSid: STUDIO_FLOW,
        },
        "help@example.com": {
          friendlyName: null,
          addressCountry: "US",
          autoCreation: "default",
          enabled: true,
          service: serviceName(version),
          studioFlowSid: null,
        },
      },
    }),
  },
  PushCredential: {
    released: false,
    declare: (version) => {
      // Plain text in the program: the class makes each a Pulumi secret.
      new tc.PushCredential("android", { type: "fcm", friendlyName: "Android", secret: fcmKey(version) });
      new tc.PushCredential("ios", { type: "apn", friendlyName: "iOS", sandbox: true, ...APN });
    },
    ops: { android: { 2: "update", 3: "same" }, ios: { 2: "same", 3: "same" } },
    secrets: (version) => [fcmKey(version), APN.certificate, APN.privateKey],
    // Twilio never returns a secret; the emulator keeps a fingerprint of each, which tells which value reached it.
    remote: (account, version) => ({
      held: Object.fromEntries(account.v1.credentials.map((c) => [c.friendlyName, { sandbox: c.sandbox, secrets: c.secretFingerprints }])),
      declared: {
        Android: { sandbox: false, secrets: { Secret: secretFingerprint(fcmKey(version)) } },
        iOS: {
          sandbox: true,
          secrets: { Certificate: secretFingerprint(APN.certificate), PrivateKey: secretFingerprint(APN.privateKey) },
        },
      },
    }),
  },
} satisfies Record<KindName, Scenario>;

function permissionsOf(version: Version): string[] {
  return version === 1 ? ["sendMessage", "leaveConversation"] : ["sendMessage", "leaveConversation", "sendMediaMessage"];
}
function closedTimerOf(version: Version): string {
  return version === 1 ? "P1D" : "P2D";
}
function lobbyNameOf(version: Version): string {
  return version === 1 ? "Lobby" : "Lobby 2";
}
function webhookMethodOf(version: Version): "GET" | "POST" {
  return version === 1 ? "GET" : "POST";
}

/** The scenarios, in the order the program declares them (each after those it needs). */
export const scenarios = (options: { released?: boolean } = {}): ReadonlyArray<readonly [KindName, Scenario]> =>
  (Object.entries(SCENARIOS) as [KindName, Scenario][]).filter(([, s]) => !options.released || s.released);

/**
 * What the account holds of each kind whose scenario says (`remote`), and what `version` declares
 * of it, by kind: equal when the account is as the program declares.
 */
export function remoteOf(list: ReturnType<typeof scenarios>, account: AccountDump, version: Version) {
  const remote = list.flatMap(([kind, s]) => (s.remote ? [[kind, s.remote(account, version)] as const] : []));
  return {
    kinds: remote.map(([kind]) => kind),
    held: Object.fromEntries(remote.map(([kind, r]) => [kind, r.held])),
    declared: Object.fromEntries(remote.map(([kind, r]) => [kind, r.declared])),
  };
}

/**
 * The program of `version`: every scenario's resources.
 *
 * `released`: only the kinds release 0.1.0 had (tests/e2e/engine/old-shim-state.test.ts replays
 * their 0.1.0 state; the kinds added since have none).
 */
export function allKinds(version: Version, { released = false }: { released?: boolean } = {}) {
  return () => {
    let made: Made = {};
    for (const [, scenario] of scenarios({ released })) made = { ...made, ...(scenario.declare(version, made) ?? {}) };
  };
}
