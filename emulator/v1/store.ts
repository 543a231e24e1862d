/**
 * The v1 state of one emulated account: its configuration and webhook settings, conversation
 * services with their configuration, webhooks, notifications and roles, conversations, address
 * configurations and push credentials. Plain data; rules live in the resource modules.
 */
import type { SecretFormField } from "../secret-fingerprint";
import { truncateToSecond } from "./dates";
import { newSid, stableSid } from "./sids";

/** Account-level configuration (`/v1/Configuration`). */
export interface AccountConfiguration {
  defaultChatServiceSid: string | null;
  defaultMessagingServiceSid: string | null;
  defaultInactiveTimer: string | null;
  defaultClosedTimer: string | null;
}

/** Per-service configuration (`/v1/Services/{IS}/Configuration`). */
export interface ServiceConfiguration {
  defaultConversationCreatorRoleSid: string | null;
  defaultConversationRoleSid: string | null;
  defaultChatServiceRoleSid: string | null;
  reachabilityEnabled: boolean;
}

/** HTTP methods webhooks may use, as the spec's enums write them. */
export type WebhookMethod = "GET" | "POST";

/** Account-level webhook settings (`/v1/Configuration/Webhooks`). */
export interface AccountWebhooks {
  method: WebhookMethod;
  filters: string[];
  preWebhookUrl: string | null;
  postWebhookUrl: string | null;
  target: "webhook" | "flex";
}

/** Per-service webhook settings (`/v1/Services/{IS}/Configuration/Webhooks`); all unset on a new service. */
export interface ServiceWebhooks {
  preWebhookUrl: string | null;
  postWebhookUrl: string | null;
  filters: string[] | null;
  method: WebhookMethod | null;
}

/** One push notification event's settings. */
export interface NotificationEvent {
  enabled: boolean;
  template: string | null;
  sound: string | null;
}

/** Per-service push notification settings (`/v1/Services/{IS}/Configuration/Notifications`). */
export interface ServiceNotifications {
  logEnabled: boolean;
  newMessage: NotificationEvent & { badgeCountEnabled: boolean; withMedia: { enabled: boolean; template: string | null } };
  addedToConversation: NotificationEvent;
  removedFromConversation: NotificationEvent;
}

export interface ServiceRecord {
  seq: number;
  sid: string;
  friendlyName: string;
  dateCreated: Date;
  dateUpdated: Date;
  configuration: ServiceConfiguration;
  /** Created with the service and deleted with it, as the service's sub-resources are on Twilio. */
  webhooks: ServiceWebhooks;
  notifications: ServiceNotifications;
}

/** Address types of the official v1 spec (`configuration_address_enum_type`). */
export const ADDRESS_TYPES = ["sms", "whatsapp", "messenger", "gbm", "email", "rcs", "apple", "chat"] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

/** Auto-creation types of the official v1 spec (`configuration_address_enum_auto_creation_type`). */
export const AUTO_CREATION_TYPES = ["webhook", "studio", "default"] as const;
export type AutoCreationType = (typeof AUTO_CREATION_TYPES)[number];

/** An address configuration (`/v1/Configuration/Addresses/{IG}`). */
export interface AddressConfigurationRecord {
  seq: number;
  sid: string;
  type: AddressType;
  address: string;
  friendlyName: string | null;
  addressCountry: string | null;
  autoCreation: {
    enabled: boolean;
    type: AutoCreationType;
    conversationServiceSid: string | null;
    webhookUrl: string | null;
    webhookMethod: WebhookMethod;
    webhookFilters: string[];
    studioFlowSid: string | null;
    studioRetryCount: number | null;
  };
  dateCreated: Date;
  dateUpdated: Date;
}

/** Push credential types of the official v1 spec (`credential_enum_push_type`). */
export const CREDENTIAL_TYPES = ["apn", "gcm", "fcm"] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

/**
 * A push credential (`/v1/Credentials/{CR}`). The secrets are write-only on Twilio; the emulator
 * keeps only their fingerprints (see `secretFingerprint`), so not even the state dump holds them.
 */
export interface CredentialRecord {
  seq: number;
  sid: string;
  type: CredentialType;
  friendlyName: string | null;
  sandbox: boolean;
  /** By form name (`Certificate`, `PrivateKey`, `ApiKey`, `Secret`): the write-only fields. */
  secretFingerprints: Partial<Record<SecretFormField, string>>;
  dateCreated: Date;
  dateUpdated: Date;
}

/**
 * The account webhook settings of a fresh account. UNCONFIRMED beyond this: acceptance tests run
 * against real Twilio (RJPearson94/terraform-provider-twilio,
 * tests/resource_conversations_webhook_test.go) read back an empty filter list and a method and
 * target that are always set; `POST` and `webhook` are the spec's first-listed defaults of use.
 */
export function freshAccountWebhooks(): AccountWebhooks {
  return { method: "POST", filters: [], preWebhookUrl: null, postWebhookUrl: null, target: "webhook" };
}

/** A new service's webhook settings: all null, as the spec's `fetchEmpty` example shows. */
function freshServiceWebhooks(): ServiceWebhooks {
  return { preWebhookUrl: null, postWebhookUrl: null, filters: null, method: null };
}

/**
 * A new service's notification settings. "The default enabled flag for new Service instances for
 * all push notifications is false" (https://www.twilio.com/docs/conversations/push-notification-configuration);
 * the spec gives `false` as the default of `BadgeCountEnabled` and `WithMedia.Enabled` too. No
 * template or sound is set: Twilio's default templates apply until one is.
 */
function freshServiceNotifications(): ServiceNotifications {
  const event = (): NotificationEvent => ({ enabled: false, template: null, sound: null });
  return {
    logEnabled: false,
    newMessage: { ...event(), badgeCountEnabled: false, withMedia: { enabled: false, template: null } },
    addedToConversation: event(),
    removedFromConversation: event(),
  };
}

export type RoleType = "conversation" | "service";

export interface RoleRecord {
  seq: number;
  sid: string;
  serviceSid: string;
  friendlyName: string;
  type: RoleType;
  permissions: string[];
  dateCreated: Date;
  dateUpdated: Date;
}

export type ConversationState = "initializing" | "inactive" | "active" | "closed";

export interface ConversationRecord {
  seq: number;
  sid: string;
  serviceSid: string;
  messagingServiceSid: string | null;
  friendlyName: string | null;
  uniqueName: string | null;
  attributes: string;
  state: ConversationState;
  dateCreated: Date;
  dateUpdated: Date;
  /** Absolute times the timers fire; null when not set. */
  dateInactive: Date | null;
  dateClosed: Date | null;
  bindings: { email?: { address: string | null; name: string | null } };
}

/**
 * Roles every new service has, as a real Conversations service is created with them. The names are
 * Twilio's; the permission lists follow its role docs and are approximate (UNCONFIRMED in detail).
 */
const DEFAULT_ROLES: readonly { key: string; friendlyName: string; type: RoleType; permissions: string[] }[] = [
  {
    key: "service-admin",
    friendlyName: "service admin",
    type: "service",
    permissions: [
      "addParticipant",
      "createConversation",
      "deleteAnyMessage",
      "deleteConversation",
      "editAnyMessage",
      "editAnyMessageAttributes",
      "editAnyParticipantAttributes",
      "editAnyUserInfo",
      "editConversationAttributes",
      "editConversationName",
      "editOwnMessage",
      "editOwnMessageAttributes",
      "editOwnParticipantAttributes",
      "editOwnUserInfo",
      "joinConversation",
      "removeParticipant",
    ],
  },
  {
    key: "service-user",
    friendlyName: "service user",
    type: "service",
    permissions: ["createConversation", "joinConversation", "editOwnUserInfo"],
  },
  {
    key: "channel-admin",
    friendlyName: "channel admin",
    type: "conversation",
    permissions: [
      "sendMessage",
      "sendMediaMessage",
      "leaveConversation",
      "addParticipant",
      "addNonChatParticipant",
      "removeParticipant",
      "editConversationName",
      "editConversationAttributes",
      "editOwnMessage",
      "editAnyMessage",
      "editOwnMessageAttributes",
      "editAnyMessageAttributes",
      "deleteOwnMessage",
      "deleteAnyMessage",
      "editOwnParticipantAttributes",
      "editAnyParticipantAttributes",
      "editNotificationLevel",
    ],
  },
  {
    key: "channel-user",
    friendlyName: "channel user",
    type: "conversation",
    permissions: [
      "sendMessage",
      "sendMediaMessage",
      "leaveConversation",
      "editOwnMessage",
      "editOwnMessageAttributes",
      "deleteOwnMessage",
      "editOwnParticipantAttributes",
      "editNotificationLevel",
    ],
  },
];

/** Name of the service a fresh account has, as Twilio names it. */
export const DEFAULT_SERVICE_NAME = "Default Conversations Service";

/** The v1 state of one account. */
export class V1Store {
  configuration!: AccountConfiguration;
  readonly services = new Map<string, ServiceRecord>();
  readonly roles = new Map<string, RoleRecord>();
  readonly conversations = new Map<string, ConversationRecord>();
  readonly addressConfigurations = new Map<string, AddressConfigurationRecord>();
  readonly credentials = new Map<string, CredentialRecord>();
  accountWebhooks: AccountWebhooks = freshAccountWebhooks();
  private seq = 0;

  constructor(
    private readonly accountSid: string,
    private readonly now: () => Date,
  ) {
    this.reset();
  }

  /** A fresh account: the default service (with its roles) and a configuration pointing at it. */
  reset(): void {
    this.services.clear();
    this.roles.clear();
    this.conversations.clear();
    this.addressConfigurations.clear();
    this.credentials.clear();
    this.accountWebhooks = freshAccountWebhooks();
    this.seq = 0;
    const service = this.createService(DEFAULT_SERVICE_NAME, `${this.accountSid}:default-service`);
    this.configuration = {
      defaultChatServiceSid: service.sid,
      // Real accounts get a default messaging service with Conversations; its SID is stable here.
      defaultMessagingServiceSid: stableSid("MG", `${this.accountSid}:default-messaging-service`),
      defaultInactiveTimer: null,
      defaultClosedTimer: null,
    };
  }

  nextSeq(): number {
    return ++this.seq;
  }

  /** The current time, to the second (what responses can show). */
  timestamp(): Date {
    return truncateToSecond(this.now());
  }

  /** Creates a service with its default roles and a configuration pointing at them. */
  createService(friendlyName: string, seed?: string): ServiceRecord {
    const at = this.timestamp();
    const sid = seed ? stableSid("IS", seed) : newSid("IS");
    const roleSid: Record<string, string> = {};
    const service: ServiceRecord = {
      seq: this.nextSeq(),
      sid,
      friendlyName,
      dateCreated: at,
      dateUpdated: at,
      configuration: {
        defaultConversationCreatorRoleSid: null,
        defaultConversationRoleSid: null,
        defaultChatServiceRoleSid: null,
        reachabilityEnabled: false,
      },
      webhooks: freshServiceWebhooks(),
      notifications: freshServiceNotifications(),
    };
    this.services.set(sid, service);
    for (const r of DEFAULT_ROLES) {
      const role = this.addRole(sid, r.friendlyName, r.type, [...r.permissions], seed ? `${seed}:${r.key}` : undefined);
      roleSid[r.key] = role.sid;
    }
    service.configuration.defaultConversationCreatorRoleSid = roleSid["channel-admin"];
    service.configuration.defaultConversationRoleSid = roleSid["channel-user"];
    service.configuration.defaultChatServiceRoleSid = roleSid["service-user"];
    return service;
  }

  addRole(serviceSid: string, friendlyName: string, type: RoleType, permissions: string[], seed?: string): RoleRecord {
    const at = this.timestamp();
    const role: RoleRecord = {
      seq: this.nextSeq(),
      sid: seed ? stableSid("RL", seed) : newSid("RL"),
      serviceSid,
      friendlyName,
      type,
      permissions,
      dateCreated: at,
      dateUpdated: at,
    };
    this.roles.set(role.sid, role);
    return role;
  }

  /** Deletes a service with everything in it. */
  deleteService(sid: string): void {
    this.services.delete(sid);
    for (const [k, r] of this.roles) if (r.serviceSid === sid) this.roles.delete(k);
    for (const [k, c] of this.conversations) if (c.serviceSid === sid) this.conversations.delete(k);
  }

  rolesOf(serviceSid: string): RoleRecord[] {
    return [...this.roles.values()].filter((r) => r.serviceSid === serviceSid);
  }

  conversationsOf(serviceSid: string): ConversationRecord[] {
    return [...this.conversations.values()].filter((c) => c.serviceSid === serviceSid);
  }

  /** A JSON-friendly copy of the whole state, for `GET /__emulator/state`. */
  dump(): unknown {
    return JSON.parse(
      JSON.stringify({
        configuration: this.configuration,
        services: [...this.services.values()],
        roles: [...this.roles.values()],
        conversations: [...this.conversations.values()],
        accountWebhooks: this.accountWebhooks,
        addressConfigurations: [...this.addressConfigurations.values()],
        credentials: [...this.credentials.values()],
      }),
    );
  }
}
