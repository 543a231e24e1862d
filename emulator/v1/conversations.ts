/**
 * Conversations, on the account's default service (`/v1/Conversations`) and on a named one
 * (`/v1/Services/{IS}/Conversations`): create 201, fetch, update 200, delete 204, list. `{Sid}` is
 * the CH SID or the unique name.
 *
 * Rules (codes from Twilio's error pages, listed in twilio-api.md and `api-error.ts`):
 * - a unique name shaped like a SID: 400 / 50390 (it would be ambiguous in the URL);
 * - a unique name already used in the same service: **409** / 50353. 409, not 400: the request is
 *   valid but conflicts with existing state, and architecture.md's error example is
 *   "Twilio API 409 (code 50353)";
 * - a conversation cannot be created `closed`: 400 / 50384; an unknown `State` 50378, an empty one 50374;
 * - timers are accepted without `State` (Twilio's own twilio-labs/plugin-rtc creates conversations
 *   with `Timers.Closed` alone); a timer set where the resulting state is neither `active` nor
 *   `inactive` is 400 / 50382;
 * - timers: `PT0S` clears one; `""` or another non-duration is 50379 (inactive) / 50380 (closed);
 *   under 1 minute inactive / 10 minutes closed is 50375 / 50376;
 * - a `closed` conversation cannot be updated at all (so never reopened): 400 / 50377;
 * - attributes that are not valid JSON (`""` included: send `{}` to reset) or exceed 16 KB: 400 / 50304;
 * - `MessagingServiceSid` outside `MG` + 32 hex (`""` included): 50341;
 * - `FriendlyName=` (empty) on an update is IGNORED: Twilio keeps the old name, as acceptance tests
 *   run against real Twilio record (RJPearson94/terraform-provider-twilio,
 *   tests/resource_conversations_conversation_test.go); `UniqueName=` clears the unique name.
 * Timers are ISO 8601 durations in requests and absolute dates in responses; they are applied
 * lazily, on the emulator's clock, whenever a conversation is read.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

import type { EmulatorContext } from "../context";
import type { FormFields } from "../form-body";
import { ApiError, CODES, invalid, notFound } from "./api-error";
import { formatDate } from "./dates";
import { paramsOf, queryOf, v1 } from "./handler";
import { paginate } from "./paging";
import { requireService } from "./services";
import { looksLikeSid, newSid, SID_PATTERNS } from "./sids";
import type { ConversationRecord, ConversationState, ServiceRecord, V1Store } from "./store";
import {
  checkAttributes,
  checkEnum,
  checkFriendlyName,
  checkSid,
  checkTimer,
  formOf,
  param,
  parseDateParam,
  parseDurationMs,
} from "./validation";

const STATES: readonly ConversationState[] = ["initializing", "inactive", "active", "closed"];

/** Where a conversation route lives: the service it acts on and the URL prefix responses use. */
interface Scope {
  service: ServiceRecord;
  /** Absolute URL of the list (`http://127.0.0.1:4010/v1/Conversations`). */
  listUrl: string;
}

/** Moves a conversation along its timers up to `now` (inactive, then closed). */
function settle(c: ConversationRecord, now: Date): void {
  if (c.state === "active" && c.dateInactive && c.dateInactive <= now) {
    c.state = "inactive";
    c.dateUpdated = c.dateInactive;
  }
  if ((c.state === "active" || c.state === "inactive") && c.dateClosed && c.dateClosed <= now) {
    c.state = "closed";
    c.dateUpdated = c.dateClosed;
  }
}

function conversationJson(ctx: EmulatorContext, scope: Scope, c: ConversationRecord): Record<string, unknown> {
  const url = `${scope.listUrl}/${c.sid}`;
  const timers: Record<string, string> = {};
  if (c.dateInactive) timers.date_inactive = formatDate(c.dateInactive);
  if (c.dateClosed) timers.date_closed = formatDate(c.dateClosed);
  return {
    sid: c.sid,
    account_sid: ctx.accountSid,
    chat_service_sid: c.serviceSid,
    messaging_service_sid: c.messagingServiceSid,
    friendly_name: c.friendlyName,
    unique_name: c.uniqueName,
    attributes: c.attributes,
    date_created: formatDate(c.dateCreated),
    date_updated: formatDate(c.dateUpdated),
    state: c.state,
    timers,
    bindings: c.bindings.email ? { email: { ...c.bindings.email } } : {},
    url,
    links: {
      participants: `${url}/Participants`,
      messages: `${url}/Messages`,
      webhooks: `${url}/Webhooks`,
      export: `${url}/Export`,
    },
  };
}

/** `X-Twilio-Webhook-Enabled` is accepted (no webhooks are sent) but must be `true` or `false`. */
function checkWebhookHeader(req: FastifyRequest): void {
  const raw = req.headers["x-twilio-webhook-enabled"];
  if (raw === undefined) return;
  const value = (Array.isArray(raw) ? raw[0] : raw).toLowerCase();
  if (value !== "true" && value !== "false") throw invalid(`Invalid X-Twilio-Webhook-Enabled header: ${JSON.stringify(raw)}`);
}

/**
 * Validates a create (existing undefined) or update and returns the record to store. Nothing is
 * written here, so a 400 leaves the conversation as it was.
 */
function buildConversation(
  store: V1Store,
  service: ServiceRecord,
  form: FormFields,
  existing: ConversationRecord | undefined,
): ConversationRecord {
  const now = store.timestamp();
  if (existing?.state === "closed") {
    throw new ApiError(400, CODES.conversationClosed, `Conversation ${existing.sid} is closed and cannot be updated`);
  }
  const next: ConversationRecord = existing
    ? { ...existing, bindings: { ...existing.bindings } }
    : {
        seq: 0,
        sid: newSid("CH"),
        serviceSid: service.sid,
        messagingServiceSid: store.configuration.defaultMessagingServiceSid,
        friendlyName: null,
        uniqueName: null,
        attributes: "{}",
        state: "active",
        dateCreated: now,
        dateUpdated: now,
        dateInactive: null,
        dateClosed: null,
        bindings: {},
      };

  const friendlyName = param(form, "FriendlyName");
  if (friendlyName !== undefined && friendlyName !== "") next.friendlyName = checkFriendlyName(friendlyName, 256);

  const uniqueName = param(form, "UniqueName");
  if (uniqueName !== undefined) {
    if (uniqueName === "") {
      next.uniqueName = null;
    } else {
      if (looksLikeSid(uniqueName)) {
        throw new ApiError(400, CODES.uniqueNameLooksLikeSid, `UniqueName ${JSON.stringify(uniqueName)} cannot have the format of a SID`);
      }
      const taken = store.conversationsOf(service.sid).find((c) => c.uniqueName === uniqueName && c.sid !== next.sid);
      if (taken) {
        throw new ApiError(
          409,
          CODES.uniqueNameExists,
          `Conversation with provided unique name ${JSON.stringify(uniqueName)} already exists`,
        );
      }
      next.uniqueName = uniqueName;
    }
  }

  const messaging = param(form, "MessagingServiceSid");
  if (messaging !== undefined) {
    next.messagingServiceSid = checkSid("MessagingServiceSid", messaging, SID_PATTERNS.MG, CODES.invalidMessagingServiceSid);
  }

  const attributes = param(form, "Attributes");
  if (attributes !== undefined) next.attributes = checkAttributes(attributes);

  const state = param(form, "State");
  if (state !== undefined) {
    if (state === "") throw new ApiError(400, CODES.stateEmpty, "State cannot be empty: send active, inactive or closed");
    next.state = checkEnum("State", state, STATES, CODES.invalidState);
    if (!existing && next.state === "closed") {
      throw new ApiError(400, CODES.createdClosed, "A conversation cannot be created closed: create it active or inactive, then close it");
    }
  }

  const dateCreated = param(form, "DateCreated");
  if (dateCreated) next.dateCreated = parseDateParam("DateCreated", dateCreated, CODES.invalidDateCreated);
  const dateUpdated = param(form, "DateUpdated");
  next.dateUpdated = dateUpdated ? parseDateParam("DateUpdated", dateUpdated, CODES.invalidDateUpdated) : now;

  const inactive = param(form, "Timers.Inactive");
  const closed = param(form, "Timers.Closed");
  const inactiveMs = inactive === undefined ? undefined : checkTimer("Timers.Inactive", inactive, "inactive");
  const closedMs = closed === undefined ? undefined : checkTimer("Timers.Closed", closed, "closed");
  // Clearing a timer (PT0S) sets nothing, so it needs no particular state.
  const timersSet = (inactiveMs !== undefined && inactiveMs !== null) || (closedMs !== undefined && closedMs !== null);
  if (timersSet && next.state !== "active" && next.state !== "inactive") {
    throw new ApiError(400, CODES.timersNeedState, `Timers can be set only for an active or inactive conversation, not ${next.state}`);
  }
  if (inactiveMs !== undefined) next.dateInactive = inactiveMs === null ? null : new Date(now.getTime() + inactiveMs);
  if (closedMs !== undefined) next.dateClosed = closedMs === null ? null : new Date(now.getTime() + closedMs);
  if (!existing && inactive === undefined && closed === undefined && (next.state === "active" || next.state === "inactive")) {
    // A new conversation without timers gets the account's default timers.
    const defInactive = store.configuration.defaultInactiveTimer;
    const defClosed = store.configuration.defaultClosedTimer;
    if (defInactive && next.state === "active") next.dateInactive = new Date(now.getTime() + (parseDurationMs(defInactive) ?? 0));
    if (defClosed) next.dateClosed = new Date(now.getTime() + (parseDurationMs(defClosed) ?? 0));
  }

  const emailAddress = param(form, "Bindings.Email.Address");
  const emailName = param(form, "Bindings.Email.Name");
  if (emailAddress !== undefined || emailName !== undefined) {
    const email = { address: next.bindings.email?.address ?? null, name: next.bindings.email?.name ?? null };
    if (emailAddress !== undefined) email.address = emailAddress === "" ? null : emailAddress;
    if (emailName !== undefined) email.name = emailName === "" ? null : emailName;
    next.bindings = email.address === null && email.name === null ? {} : { email };
  }
  return next;
}

/** Date filters of the list: `StartDate` / `EndDate` on `date_created`, a bare date covering its whole day. */
function dateFilter(query: Record<string, unknown>): (c: ConversationRecord) => boolean {
  const start = query.StartDate ? parseDateParam("StartDate", String(query.StartDate)) : undefined;
  const endRaw = query.EndDate ? String(query.EndDate) : undefined;
  let end = endRaw ? parseDateParam("EndDate", endRaw) : undefined;
  if (end && endRaw && /^\d{4}-\d{2}-\d{2}$/.test(endRaw)) end = new Date(end.getTime() + 86_400_000 - 1);
  return (c) => (!start || c.dateCreated >= start) && (!end || c.dateCreated <= end);
}

export function registerConversationRoutes(app: FastifyInstance, ctx: EmulatorContext, store: V1Store): void {
  const defaultScope = (req: FastifyRequest): Scope => {
    const sid = store.configuration.defaultChatServiceSid;
    const service = sid ? store.services.get(sid) : undefined;
    if (!service) throw notFound(req.url);
    return { service, listUrl: `${ctx.origin()}/v1/Conversations` };
  };
  const serviceScope = (req: FastifyRequest): Scope => {
    const service = requireService(store, paramsOf(req).ChatServiceSid, req.url);
    return { service, listUrl: `${ctx.origin()}/v1/Services/${service.sid}/Conversations` };
  };

  const find = (req: FastifyRequest, scope: Scope): ConversationRecord => {
    const id = paramsOf(req).Sid;
    const now = ctx.now();
    const byId = SID_PATTERNS.CH.test(id) ? store.conversations.get(id) : undefined;
    const found =
      byId && byId.serviceSid === scope.service.sid
        ? byId
        : store.conversationsOf(scope.service.sid).find((c) => c.uniqueName !== null && c.uniqueName === id);
    if (!found) throw notFound(req.url);
    settle(found, now);
    return found;
  };

  for (const [prefix, scopeOf] of [
    ["/v1/Conversations", defaultScope],
    ["/v1/Services/:ChatServiceSid/Conversations", serviceScope],
  ] as const) {
    app.post(
      prefix,
      v1((req) => {
        const scope = scopeOf(req);
        checkWebhookHeader(req);
        for (const c of store.conversationsOf(scope.service.sid)) settle(c, ctx.now());
        const created = buildConversation(store, scope.service, formOf(req.body), undefined);
        created.seq = store.nextSeq();
        store.conversations.set(created.sid, created);
        return { status: 201, body: conversationJson(ctx, scope, created) };
      }),
    );

    app.get(
      prefix,
      v1((req) => {
        const scope = scopeOf(req);
        const query = queryOf(req);
        const now = ctx.now();
        const stateRaw = query.State === undefined || query.State === "" ? undefined : String(query.State);
        const state = stateRaw === undefined ? undefined : checkEnum("State", stateRaw, STATES);
        const inRange = dateFilter(query);
        const all = store.conversationsOf(scope.service.sid);
        all.forEach((c) => settle(c, now));
        const page = paginate(
          all.filter((c) => (!state || c.state === state) && inRange(c)),
          {
            listUrl: scope.listUrl,
            key: "conversations",
            query,
            carry: {
              StartDate: query.StartDate ? String(query.StartDate) : undefined,
              EndDate: query.EndDate ? String(query.EndDate) : undefined,
              State: state,
            },
          },
        );
        return { status: 200, body: { conversations: page.items.map((c) => conversationJson(ctx, scope, c)), meta: page.meta } };
      }),
    );

    app.get(
      `${prefix}/:Sid`,
      v1((req) => {
        const scope = scopeOf(req);
        return { status: 200, body: conversationJson(ctx, scope, find(req, scope)) };
      }),
    );

    app.post(
      `${prefix}/:Sid`,
      v1((req) => {
        const scope = scopeOf(req);
        const existing = find(req, scope);
        checkWebhookHeader(req);
        const updated = buildConversation(store, scope.service, formOf(req.body), existing);
        store.conversations.set(updated.sid, updated);
        return { status: 200, body: conversationJson(ctx, scope, updated) };
      }),
    );

    app.delete(
      `${prefix}/:Sid`,
      v1((req) => {
        const scope = scopeOf(req);
        const existing = find(req, scope);
        checkWebhookHeader(req);
        store.conversations.delete(existing.sid);
        return { status: 204 };
      }),
    );
  }
}
