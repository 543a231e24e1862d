/**
 * The Conversation lifecycle: create (or adopt), read, update, delete, with the recoveries a
 * non-idempotent create needs. See `resources/conversation/resource.ts` for what users are told.
 */
import type { TwilioClient } from "../../provider/http/client";
import { UNKNOWN } from "../../provider/shared/check";
import { defineProvider, type OperationContext } from "../../provider/shared/define";
import { same } from "../../provider/shared/diff";
import { CreateOutcomeUnknownError, outcomeUnknown } from "../../provider/shared/lost-response";
import { PartialFailure } from "../../provider/shared/partial";
import { RESET_ATTRIBUTES } from "../../provider/shared/twilio-facts";
import { capitalize, definedDeep } from "../../provider/shared/values";
import { type SentField, unapplied, writeNotApplied } from "../../provider/shared/verify";
import {
  type ConversationWrite,
  createConversation,
  deleteConversation,
  fetchConversation,
  isConversationClosed,
  isUniqueNameTaken,
  type LiveConversation,
  type ServiceScope,
  updateConversation,
  type WriteOptions,
} from "./api";
import { conversationDiff, type Current, isEmptyWrite, keptOnRemoval, pendingWrite } from "./diff";
import { closedError, lostCreateError, uniqueNameTakenError } from "./errors";
import { type ConversationInputs, type ConversationOutputs, conversationSchema } from "./schema";

/** How many times a create is sent when the first one provably did not take effect (see {@link create}). */
const MAX_CREATE_ATTEMPTS = 2;

/** `Conversation "support"`: by unique name, else friendly name, else SID. */
export function describeConversation(props: { uniqueName?: unknown; friendlyName?: unknown; sid?: unknown }, id?: string): string {
  const name = [props.uniqueName, props.friendlyName, props.sid, id].find(
    (v): v is string => typeof v === "string" && v !== "" && v !== UNKNOWN,
  );
  return name === undefined ? "Conversation" : `Conversation ${JSON.stringify(name)}`;
}

/** Declared properties Twilio does not report back: outputs carry them from the inputs. */
type Declared = Pick<ConversationInputs, "timers" | "bindings" | "webhooksEnabled" | "adoptExisting">;

function declaredOf(source: Declared): Declared {
  return { timers: source.timers, bindings: source.bindings, webhooksEnabled: source.webhooksEnabled, adoptExisting: source.adoptExisting };
}

/** The input properties a program set, recorded in outputs at each write (read sees only outputs). */
function declaredPropertiesOf(inputs: ConversationInputs): string[] {
  return Object.keys(inputs)
    .filter((key) => inputs[key as keyof ConversationInputs] !== undefined)
    .sort();
}

/**
 * The outputs: live values, plus the declared values Twilio does not report, plus which input
 * properties the program declared (so a later read knows which live values it may claim as inputs).
 */
function toOutputs(live: LiveConversation, declared: Declared, declaredProperties: string[] | undefined): ConversationOutputs {
  // The dynamic-provider host cannot serialise `undefined`: absent values are left out, at any depth.
  return definedDeep({ ...live, ...declaredOf(declared), declaredProperties });
}

/**
 * The URL to record after a read. Twilio answers with the URL of the path it was asked on: a
 * conversation created through `/v1/Conversations` (the account's default service) reports
 * `.../v1/Conversations/CH...`, and read through its service's path (which keeps working when the
 * account's default moves) `.../v1/Services/IS.../Conversations/CH...`. Both name the same
 * conversation, so the recorded one stays and a refresh shows no change that is only the path.
 */
function sameConversationUrl(recorded: string | undefined, live: string | undefined, sid: string): string | undefined {
  const names = (url: string | undefined) => url !== undefined && url.toLowerCase().endsWith(`/conversations/${sid.toLowerCase()}`);
  return names(recorded) && names(live) ? recorded : live;
}

/**
 * Inputs that match the live conversation (what `read` hands back for refresh). The properties
 * whose absence means "whatever Twilio holds" (service, friendly name, messaging service, state) are claimed only
 * when the program declared them: otherwise the next update would list them as changed although
 * the program never mentioned them. State from before `declaredProperties` existed claims them all.
 */
function inputsOf(live: LiveConversation, olds: ConversationOutputs): ConversationInputs {
  const claims = (key: keyof ConversationInputs) => olds.declaredProperties === undefined || olds.declaredProperties.includes(key);
  return definedDeep({
    chatServiceSid: claims("chatServiceSid") ? live.chatServiceSid : undefined,
    uniqueName: live.uniqueName,
    friendlyName: claims("friendlyName") ? live.friendlyName : undefined,
    attributes: live.attributes === "{}" ? undefined : live.attributes,
    messagingServiceSid: claims("messagingServiceSid") ? live.messagingServiceSid : undefined,
    state: claims("state") ? live.state : undefined,
    ...declaredOf(olds),
  });
}

/** The live values of prior outputs, without the declared ones. */
function liveOf(outs: ConversationOutputs): LiveConversation {
  const { timers: _t, bindings: _b, webhooksEnabled: _w, adoptExisting: _a, declaredProperties: _d, ...live } = outs;
  return live;
}

/** A conversation found on Twilio, as a write's starting point: nothing declared about it yet. */
function currentOf(live: LiveConversation): Current {
  return live;
}

/** Outputs as a PartialFailure carries them. */
const state = (outs: ConversationOutputs): Record<string, unknown> => ({ ...outs });

/**
 * What a write sent that the generic check in define.ts cannot see, as verify.ts fields: the
 * clears (`UniqueName=`, `Attributes={}`, `Timers.*=PT0S`) and the timers, which Twilio reports
 * only as the dates they fire. A timer set shows as a date where the conversation's state lets it
 * run (inactive: while active; closed: while active or inactive); a timer cleared shows none.
 */
function sentFields(write: ConversationWrite, live: LiveConversation): SentField[] {
  const fields: SentField[] = [];
  const present: SentField["same"] = (kept) => kept !== undefined;
  if (write.uniqueName === null) fields.push({ field: "uniqueName", sent: null, kept: live.uniqueName, same: same.deep });
  if (write.attributes === null) fields.push({ field: "attributes", sent: RESET_ATTRIBUTES, kept: live.attributes, same: same.json });
  const runs = { inactive: live.state === "active", closed: live.state === "active" || live.state === "inactive" };
  const dates = { inactive: live.dateInactive, closed: live.dateClosed };
  for (const k of ["inactive", "closed"] as const) {
    const sent = write.timers?.[k];
    if (sent === null || (sent !== undefined && runs[k])) fields.push({ field: `timers.${k}`, sent, kept: dates[k], same: present });
  }
  return fields;
}

/**
 * The outputs after a write, once Twilio's answer shows it applied what was sent; otherwise a
 * PartialFailure holding what Twilio reports (the conversation exists, so state keeps it).
 */
function applied(action: string, write: ConversationWrite, live: LiveConversation, inputs: ConversationInputs): ConversationOutputs {
  const outs = toOutputs(live, inputs, declaredPropertiesOf(inputs));
  const missed = unapplied(sentFields(write, live));
  if (missed.length > 0) throw new PartialFailure(writeNotApplied(action, missed).message, live.sid, state(outs));
  return outs;
}

/**
 * Sends an update. After a failure that leaves its outcome unknown (a 5xx, or no response) it is
 * sent once more: it sets absolute values, so a second copy changes nothing, except that a
 * conversation the first copy closed refuses every further update, so the live state is read first.
 */
async function sendUpdate(
  client: TwilioClient,
  service: ServiceScope,
  sid: string,
  write: ConversationWrite,
  options: WriteOptions,
  subject: string,
): Promise<LiveConversation> {
  try {
    return await updateConversation(client, service, sid, write, options);
  } catch (e) {
    if (isConversationClosed(e)) throw closedError(subject, "update", true);
    if (!outcomeUnknown(e)) throw e;
    const live = await fetchConversation(client, service, sid, `${options.action} (checking after a failed attempt)`);
    if (!live) throw e;
    if (live.state === "closed") {
      // Twilio applies an update whole or not at all: closed by it means it went through.
      if (write.state === "closed") return live;
      throw closedError(subject, "update", true);
    }
    return await updateConversation(client, service, sid, write, options);
  }
}

/**
 * Takes over an existing conversation: updates it to the declared values (properties the program
 * leaves out are cleared, as on any update) and records its SID.
 */
async function adopt(
  existing: LiveConversation,
  inputs: ConversationInputs,
  ctx: OperationContext,
  subject: string,
): Promise<{ id: string; outs: ConversationOutputs }> {
  const write = pendingWrite(currentOf(existing), inputs);
  if (isEmptyWrite(write)) return { id: existing.sid, outs: toOutputs(existing, inputs, declaredPropertiesOf(inputs)) };
  if (existing.state === "closed") throw closedError(subject, "adopt");
  const options = { webhooksEnabled: inputs.webhooksEnabled, action: `adopting ${subject}` };
  const live = await sendUpdate(ctx.client, existing.chatServiceSid, existing.sid, write, options, subject);
  return { id: live.sid, outs: applied(options.action, write, live, inputs) };
}

/** Whether a conversation holds what a create sent (timers and bindings cannot be compared: Twilio does not report them). */
function holdsSent(found: LiveConversation, inputs: ConversationInputs): boolean {
  return isEmptyWrite(pendingWrite(currentOf(found), { ...inputs, timers: undefined, bindings: undefined }));
}

/**
 * Creates the conversation, or adopts an existing one when asked to.
 *
 * The create POST is never retried blindly (v1 has no idempotency key). When its outcome is
 * unknown (the connection dropped after sending, or a 5xx) and the conversation has a unique name,
 * the name tells: found and holding the values sent, it is the one just created and is taken as
 * ours; not found, the request was not applied and is sent once more (the unique name itself keeps
 * a second copy from being created). Without a unique name nothing can tell, and the error says
 * how to look.
 */
async function createOrAdopt(inputs: ConversationInputs, ctx: OperationContext): Promise<{ id: string; outs: ConversationOutputs }> {
  const { client } = ctx;
  const subject = describeConversation(inputs);
  const action = `creating ${subject}`;
  const service = inputs.chatServiceSid;
  const uniqueName = inputs.uniqueName;

  if (inputs.adoptExisting && uniqueName !== undefined) {
    const existing = await fetchConversation(client, service, uniqueName, `${action} (looking for a conversation to adopt)`);
    if (existing) return adopt(existing, inputs, ctx, subject);
  }

  const write = pendingWrite({}, inputs);
  for (let attempt = 1; ; attempt++) {
    try {
      const live = await createConversation(client, service, write, { webhooksEnabled: inputs.webhooksEnabled, action });
      return { id: live.sid, outs: applied(action, write, live, inputs) };
    } catch (e) {
      if (isUniqueNameTaken(e) && uniqueName !== undefined) {
        const existing = await fetchConversation(client, service, uniqueName, action).catch(() => undefined);
        // On a second attempt the holder may be the first attempt, applied late.
        if (existing && (inputs.adoptExisting || (attempt > 1 && holdsSent(existing, inputs))))
          return adopt(existing, inputs, ctx, subject);
        throw uniqueNameTakenError(
          subject,
          uniqueName,
          existing?.chatServiceSid ?? service ?? "the account's default service",
          existing?.sid,
        );
      }
      if (!outcomeUnknown(e)) throw e;
      if (uniqueName === undefined) throw lostCreateError(action, e, service, inputs.friendlyName);

      const found = await fetchConversation(client, service, uniqueName, `${action} (checking whether the lost request created it)`);
      if (found) return takeOverLostCreate(found, inputs, ctx, subject, action);
      if (attempt >= MAX_CREATE_ATTEMPTS) throw e;
    }
  }
}

/**
 * Creates the conversation (see {@link createOrAdopt}). Twilio refuses to create one `closed`
 * (code 50384, https://www.twilio.com/docs/api/errors/50384), so a conversation declared closed is
 * created open, then closed by an update. If the close fails, the open conversation is kept in
 * state (a PartialFailure) with its live state, and the next `pulumi up` closes it.
 */
async function create(inputs: ConversationInputs, ctx: OperationContext): Promise<{ id: string; outs: ConversationOutputs }> {
  if (inputs.state !== "closed") return createOrAdopt(inputs, ctx);
  const open = await createOrAdopt({ ...inputs, state: undefined }, ctx);
  const declared = { ...open.outs, declaredProperties: declaredPropertiesOf(inputs) };
  if (open.outs.state === "closed") return { id: open.id, outs: declared };
  const subject = describeConversation(inputs, open.id);
  const write: ConversationWrite = { state: "closed" };
  const action = `closing ${subject} (Twilio creates conversations open)`;
  try {
    const live = await sendUpdate(
      ctx.client,
      open.outs.chatServiceSid,
      open.id,
      write,
      { webhooksEnabled: inputs.webhooksEnabled, action },
      subject,
    );
    return { id: open.id, outs: applied(action, write, live, inputs) };
  } catch (e) {
    if (PartialFailure.isInstance(e)) throw e;
    throw new PartialFailure(
      `${(e as Error).message} (it was created open; the next pulumi up closes it)`,
      open.id,
      declared as Record<string, unknown>,
    );
  }
}

/**
 * The conversation found after a lost create: the one just created when it holds what was sent
 * (then everything sent, timers and bindings included, was applied with it); otherwise someone
 * else's, taken over only with adoptExisting.
 */
async function takeOverLostCreate(
  found: LiveConversation,
  inputs: ConversationInputs,
  ctx: OperationContext,
  subject: string,
  action: string,
): Promise<{ id: string; outs: ConversationOutputs }> {
  if (holdsSent(found, inputs)) return { id: found.sid, outs: toOutputs(found, inputs, declaredPropertiesOf(inputs)) };
  if (inputs.adoptExisting) return adopt(found, inputs, ctx, subject);
  throw new CreateOutcomeUnknownError(
    `${capitalize(action)}: no response came back, and a conversation with unique name "${found.uniqueName}" now exists ` +
      `(${found.sid}) but does not hold the values sent, so it may not be the one this request created. ` +
      `Set adoptExisting: true to take it over, or delete it, then run pulumi up again.`,
  );
}

async function update(
  id: string,
  olds: ConversationOutputs,
  news: ConversationInputs,
  ctx: OperationContext,
): Promise<ConversationOutputs> {
  const subject = describeConversation(
    { uniqueName: news.uniqueName ?? olds.uniqueName, friendlyName: news.friendlyName ?? olds.friendlyName },
    id,
  );
  const write = pendingWrite(olds, news);
  // Only carried values changed (webhooksEnabled, adoptExisting, a duration spelled differently): nothing to send.
  if (isEmptyWrite(write)) return toOutputs(liveOf(olds), news, declaredPropertiesOf(news));
  if (olds.state === "closed") throw closedError(subject, "update");
  const live = await sendUpdate(
    ctx.client,
    olds.chatServiceSid,
    id,
    write,
    { webhooksEnabled: news.webhooksEnabled, action: `updating ${subject}` },
    subject,
  );
  return applied(`updating ${subject}`, write, live, news);
}

/**
 * The Conversation provider. Read, update and delete address the conversation in the service it
 * was recorded in (not `/v1/Conversations`), so a later change of the account's default service
 * cannot make it look gone.
 */
export const conversationProvider = defineProvider<ConversationInputs, ConversationOutputs>({
  kind: "Conversation",
  schema: conversationSchema,
  diff: conversationDiff,
  describe: (props, id) => describeConversation(props, id),
  create,
  async read(id, olds, { client }) {
    // The id may be a unique name (Twilio accepts one in place of the SID); the live SID is returned as the id.
    const live = await fetchConversation(client, olds.chatServiceSid, id, `reading ${describeConversation(olds, id)}`);
    if (!live) return undefined;
    const props = toOutputs({ ...live, url: sameConversationUrl(olds.url, live.url, live.sid) }, olds, olds.declaredProperties);
    return { id: live.sid, props, inputs: inputsOf(live, olds) };
  },
  update,
  keptOnRemoval: (olds, news) => keptOnRemoval(describeConversation(olds, olds.sid), olds, news),
  async delete(id, olds, { client }) {
    await deleteConversation(client, olds.chatServiceSid, id, {
      webhooksEnabled: olds.webhooksEnabled,
      action: `deleting ${describeConversation(olds, id)}`,
    });
  },
});
