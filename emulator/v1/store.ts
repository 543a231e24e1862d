/**
 * The v1 state of one emulated account: its configuration, conversation services with their
 * configuration and roles, and conversations. Plain data; rules live in the resource modules.
 */
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

export interface ServiceRecord {
  seq: number;
  sid: string;
  friendlyName: string;
  dateCreated: Date;
  dateUpdated: Date;
  configuration: ServiceConfiguration;
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
      }),
    );
  }
}
