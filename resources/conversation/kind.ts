/** A conversation (id: its CH SID). */
import { z } from "zod";

import type { TwilioClient } from "../../provider/http/client";
import { pathSegment } from "../../provider/http/paths";
import { parseResponse } from "../../provider/shared/response";
import { listAllV1 } from "../../provider/shared/v1-list";
import { defined } from "../../provider/shared/values";
import type { Exactly } from "../../sdk/type-checks";
import type { ConversationServiceOutputs } from "../conversation-service/schema";
import { defineKind, type DocumentEntry, exportPart, type ReadOptions, type RuleContext, showOutput } from "../kind";
import { documentObject, ENVIRONMENT_VALUES, text } from "../spec-fields";
import { fromWire, type LiveConversation } from "./api";
import { conversationProvider } from "./provider";
import { Conversation, type ConversationEntry } from "./resource";
import { conversationSchema } from "./schema";

const entry = {
  service: text("The conversation's service: a key of `services`, or an IS SID. Omitted: the account's default service.").optional(),
  uniqueName: text("A name unique in the service, usable in place of the SID. Must not look like a SID.").optional(),
  friendlyName: text("The conversation's display name, at most 256 characters.").optional(),
  attributes: z
    .union([z.string(), z.record(z.string(), z.unknown())], { error: "must be a mapping or a string holding JSON" })
    .describe("Free-form JSON data: a mapping, or a string holding a JSON object. At most 16 KB.")
    .optional(),
  messagingServiceSid: text("The messaging service for SMS and WhatsApp: an MG SID, usually a `${parameter}`.").optional(),
  state: text("The conversation's state (default active). A closed conversation cannot be changed.").optional(),
  timers: documentObject(
    {
      inactive: text("Idle time before it becomes inactive: an ISO 8601 duration of at least PT1M.").optional(),
      closed: text("Idle time before it is closed: an ISO 8601 duration of at least PT10M.").optional(),
    },
    "timers",
  )
    .describe("Timers, as durations. Not exported: Twilio reports when timers fire, not their durations.")
    .optional(),
  bindings: documentObject(
    {
      email: documentObject(
        {
          address: text("The email address conversations are bound to.").optional(),
          name: text("The sender name shown on outbound email.").optional(),
        },
        "an email binding",
      )
        .describe("The email binding.")
        .optional(),
    },
    "bindings",
  )
    .describe("Channel bindings.")
    .optional(),
};
true satisfies Exactly<ConversationEntry, z.output<z.ZodObject<typeof entry>>>;

/** A conversation with its email binding (the provider's wire mapping does not carry bindings). */
interface ExportedConversation extends LiveConversation {
  emailBinding?: { address?: string; name?: string };
}

const emailBindingWire = z.looseObject({
  bindings: z.looseObject({ email: z.looseObject({ address: z.string().nullish(), name: z.string().nullish() }).nullish() }).nullish(),
});

/** Every conversation of a service (as selected), with its email binding: the one list the provider never reads. */
async function listConversations(
  client: TwilioClient,
  service: ConversationServiceOutputs,
  onPage: (itemsSoFar: number) => void,
  options: ReadOptions,
): Promise<ExportedConversation[]> {
  const selection = options.conversations ?? "unique-named";
  if (selection === "none") return [];
  const action = `listing the conversations of service ${JSON.stringify(service.friendlyName)}`;
  const path = `/v1/Services/${pathSegment(service.sid)}/Conversations`;
  const raw = await listAllV1(client, path, "conversations", { pageSize: 100, action, onPage });
  const out: ExportedConversation[] = [];
  for (const item of raw) {
    const live: ExportedConversation = fromWire(item, action);
    if (selection === "unique-named" && live.uniqueName === undefined) continue;
    const email = parseResponse(emailBindingWire, item, action).bindings?.email;
    if (email && (email.address || email.name))
      live.emailBinding = defined({ address: email.address ?? undefined, name: email.name ?? undefined });
    out.push(live);
  }
  return out;
}

/** Attributes as a mapping when they are a JSON object (`{}` left out), else as the text Twilio holds. */
function attributesOf(text: string, json: (value: unknown) => unknown, escape: (text: string) => string): ConversationEntry["attributes"] {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      return Object.keys(value).length === 0 ? undefined : (json(value) as Record<string, unknown>);
    }
  } catch {
    // not JSON: written as text below
  }
  return text === "" ? undefined : escape(text);
}

/** A unique name is unique within its service (Twilio's 50353). */
function uniqueNames(entries: readonly DocumentEntry[], context: RuleContext) {
  const issues: Array<{ path: (string | number)[]; message: string }> = [];
  const seen = new Map<string, string>();
  for (const { key, path, value } of entries) {
    const { uniqueName, service } = value as Partial<ConversationEntry>;
    if (uniqueName === undefined || context.hasParameters(uniqueName) || (service !== undefined && context.hasParameters(service)))
      continue;
    const scope = `${service ?? context.defaultOf("ConversationService") ?? "(default service)"}\u0000${uniqueName}`;
    const other = seen.get(scope);
    if (other !== undefined) {
      issues.push({
        path: [...path, "uniqueName"],
        message: `"${uniqueName}" is also the unique name of conversation "${other}" in the same service (Twilio refuses it, code 50353)`,
      });
    }
    seen.set(scope, key);
  }
  return issues;
}

export const conversationKind = defineKind({
  name: "Conversation",
  resource: Conversation,
  provider: conversationProvider,
  schema: conversationSchema,
  probe: {
    livePath: (entry) => `/v1/Services/${String(entry.outputs.chatServiceSid)}/Conversations/${entry.id}`,
    summary: (outputs) => showOutput(outputs, "friendlyName"),
  },
  spec: {
    placement: { section: "conversations", shape: "map" },
    noun: "a conversation",
    description: "A conversation (/v1/Conversations or /v1/Services/{IS}/Conversations).",
    entry,
    references: [{ field: "service", input: "chatServiceSid", kind: "ConversationService", omittedMeansDefault: true }],
    idsOutput: "conversationSids",
    rules: uniqueNames,
  },
  export: exportPart<ExportedConversation>({
    list: "conversations",
    per: "ConversationService",
    read: (client, service, onPage, options) => listConversations(client, service as ConversationServiceOutputs, onPage, options),
    id: (c) => c.sid,
    match: ["chatServiceSid", "uniqueName"],
    key: (c) =>
      c.uniqueName !== undefined
        ? { name: c.uniqueName, verbatim: true, fallback: "conversation" }
        : { name: c.friendlyName ?? "", fallback: "conversation" },
    inputs: (c) =>
      defined({
        chatServiceSid: c.chatServiceSid,
        uniqueName: c.uniqueName,
        friendlyName: c.friendlyName,
        attributes: c.attributes,
        messagingServiceSid: c.messagingServiceSid,
        state: c.state,
        bindings: c.emailBinding ? { email: c.emailBinding } : undefined,
      }),
    // Twilio reports when timers fire, not their durations; the others are the program's own.
    unread: ["timers", "webhooksEnabled", "adoptExisting"],
    entry: (c, context) =>
      defined({
        // A conversation in the account's default service is written without one: it goes wherever the default is.
        service: context.reference("service", c.chatServiceSid) ?? undefined,
        uniqueName: c.uniqueName === undefined ? undefined : context.text(c.uniqueName),
        friendlyName: c.friendlyName === undefined ? undefined : context.text(c.friendlyName),
        attributes: attributesOf(c.attributes, context.json, context.text),
        messagingServiceSid: c.messagingServiceSid
          ? context.parameter(ENVIRONMENT_VALUES.messagingServiceSid, c.messagingServiceSid)
          : undefined,
        state: c.state === "active" ? undefined : c.state,
        bindings: c.emailBinding ? { email: context.json(c.emailBinding) } : undefined,
      }),
  }),
});
