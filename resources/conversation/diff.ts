/**
 * What counts as a change to a Conversation, and what an update has to send.
 *
 * The rules for a property the new inputs leave out:
 * - `friendlyName`, `uniqueName`, `attributes`, `timers`, `bindings`: absent means "unset", so
 *   it equals Twilio's default (no value, `""`, `"{}"`) and a value that was declared and then
 *   removed from the program is cleared. An untouched field never shows as a change, because
 *   outputs hold the live value and the live value of a field nobody set is the default.
 * - `chatServiceSid`, `messagingServiceSid`, `state`: absent means "whatever Twilio chose" (the
 *   account's default service, the default messaging service, a state the timers moved on), so it
 *   equals any live value; removing one of them from the program leaves the conversation as it is.
 */
import { containsUnknown } from "../../provider/shared/check";
import { type Comparator, type DiffSpec, same } from "../../provider/shared/diff";
import type { ConversationWrite } from "./api";
import type { ConversationInputs, ConversationOutputs } from "./schema";

const blank = (v: unknown): boolean => v === undefined || v === null || v === "";

/** A value not known yet (preview) may turn out to be anything: count it as a change. */
const known =
  (compare: Comparator): Comparator =>
  (a, b) =>
    !containsUnknown(b) && compare(a, b);

/** Absent in the new inputs equals whatever Twilio holds (see the module comment). */
const absentMeansAny =
  (compare: Comparator): Comparator =>
  (a, b) =>
    b === undefined || compare(a, b);

const text: Comparator = (a, b) => (blank(a) && blank(b)) || a === b;
const attributes: Comparator = (a, b) => same.json(blank(a) ? "{}" : a, blank(b) ? "{}" : b);

type Timers = ConversationOutputs["timers"];
type Bindings = ConversationOutputs["bindings"];
const TIMER_KEYS = ["inactive", "closed"] as const;
const EMAIL_KEYS = ["address", "name"] as const;

const timers: Comparator = (a, b) => TIMER_KEYS.every((k) => same.duration((a as Timers)?.[k], (b as Timers)?.[k]));
const bindings: Comparator = (a, b) => EMAIL_KEYS.every((k) => text((a as Bindings)?.email?.[k], (b as Bindings)?.email?.[k]));

/** The diff of a Conversation: prior outputs against new (checked) inputs. */
export const conversationDiff: DiffSpec = {
  properties: {
    chatServiceSid: known(absentMeansAny(same.sid)),
    uniqueName: known(text),
    friendlyName: known(text),
    attributes: known(attributes),
    messagingServiceSid: known(absentMeansAny(same.sid)),
    state: known(absentMeansAny((a, b) => a === b)),
    timers: known(timers),
    bindings: known(bindings),
    webhooksEnabled: known(same.deep),
    adoptExisting: known(same.deep),
  },
  // A conversation cannot move between services.
  replaceOnChanges: ["chatServiceSid"],
  // Two conversations cannot hold one unique name at once, so the old one must go first.
  deleteBeforeReplace: (olds, news) => !blank(olds.uniqueName) && olds.uniqueName === news.uniqueName,
};

/** What live state a write is computed against: the prior outputs, or a conversation being adopted. */
export type Current = Pick<
  ConversationOutputs,
  "uniqueName" | "friendlyName" | "attributes" | "messagingServiceSid" | "state" | "timers" | "bindings"
>;

/**
 * The fields an update must send to turn `current` into `next`: only those that differ, so an
 * unrelated change never restarts the timers (Twilio counts them from the moment they are sent).
 * A removed property is sent as `null` (cleared, see api.ts `CLEARED`).
 */
export function pendingWrite(current: Partial<Current>, next: ConversationInputs): ConversationWrite {
  const write: ConversationWrite = {};
  const p = conversationDiff.properties;
  if (!p.uniqueName!(current.uniqueName, next.uniqueName)) write.uniqueName = next.uniqueName ?? null;
  if (!p.friendlyName!(current.friendlyName, next.friendlyName)) write.friendlyName = next.friendlyName ?? null;
  if (!p.attributes!(current.attributes, next.attributes)) write.attributes = next.attributes ?? null;
  if (next.messagingServiceSid !== undefined && !p.messagingServiceSid!(current.messagingServiceSid, next.messagingServiceSid)) {
    write.messagingServiceSid = next.messagingServiceSid;
  }
  if (next.state !== undefined && current.state !== next.state) write.state = next.state;
  for (const k of TIMER_KEYS) {
    const cleared = next.timers?.[k] === undefined;
    // Closing makes timers moot, and Twilio takes no timer fields with a closed state (50382): leave them be.
    if (cleared && next.state === "closed") continue;
    if (!same.duration(current.timers?.[k], next.timers?.[k])) (write.timers ??= {})[k] = next.timers?.[k] ?? null;
  }
  for (const k of EMAIL_KEYS) {
    if (!text(current.bindings?.email?.[k], next.bindings?.email?.[k])) {
      ((write.bindings ??= {}).email ??= {})[k] = next.bindings?.email?.[k] ?? null;
    }
  }
  return write;
}

/** Whether a write sends anything at all. */
export function isEmptyWrite(write: ConversationWrite): boolean {
  return Object.keys(write).length === 0;
}
