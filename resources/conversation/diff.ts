/**
 * What counts as a change to a Conversation, and what an update has to send.
 *
 * The rules for a property the new inputs leave out follow what Twilio can do with it
 * (provider/shared/twilio-facts.ts, README.md's removal table):
 * - `uniqueName`, `attributes`, `timers`: Twilio can clear them, so absent means "unset": it
 *   equals Twilio's default (no value, `"{}"`, no timer), and a value that was declared and then
 *   removed from the program is cleared (`UniqueName=`, `Attributes={}`, `Timers.*=PT0S`). An
 *   untouched field never shows as a change, because outputs hold the live value and the live value
 *   of a field nobody set is the default.
 * - `friendlyName`, `chatServiceSid`, `messagingServiceSid`, `state`, `bindings.email.*`: Twilio
 *   cannot clear them (an empty FriendlyName is ignored, a SID cannot be emptied, a conversation
 *   cannot leave its service, a state cannot be unset, an email binding has no documented clear),
 *   so absent means "whatever Twilio holds" and equals any live value. Removing one that was
 *   declared leaves it as it is: the provider warns (see {@link keptOnRemoval}), and the diff
 *   counts the removal as a change so the update records it, sending nothing for it.
 */
import { containsUnknown } from "../../provider/shared/check";
import { absentMeansAny, type Comparator, type DiffSpec, same, whenKnown as known } from "../../provider/shared/diff";
import { CANNOT_CLEAR, keptOnRemoval as keptWarning, type Removal } from "../../provider/shared/twilio-facts";
import type { ConversationWrite } from "./api";
import type { ConversationInputs, ConversationOutputs } from "./schema";

const blank = (v: unknown): boolean => v === undefined || v === null || v === "";

const text: Comparator = (a, b) => (blank(a) && blank(b)) || a === b;
const attributes: Comparator = (a, b) => same.json(blank(a) ? "{}" : a, blank(b) ? "{}" : b);

type Timers = ConversationOutputs["timers"];
type Bindings = ConversationOutputs["bindings"];
const TIMER_KEYS = ["inactive", "closed"] as const;
const EMAIL_KEYS = ["address", "name"] as const;

const timers: Comparator = (a, b) => TIMER_KEYS.every((k) => same.duration((a as Timers)?.[k], (b as Timers)?.[k]));
const bindings: Comparator = (a, b) =>
  EMAIL_KEYS.every((k) => absentMeansAny(text)((a as Bindings)?.email?.[k], (b as Bindings)?.email?.[k]));

/** Same service: the new one is omitted (stays where it is) or, once known, names the old one. */
function sameService(olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  return news.chatServiceSid === undefined || (!containsUnknown(news.chatServiceSid) && same.sid(olds.chatServiceSid, news.chatServiceSid));
}

/** The diff of a Conversation: prior outputs against new (checked) inputs. */
export const conversationDiff: DiffSpec = {
  properties: {
    chatServiceSid: known(absentMeansAny(same.sid)),
    uniqueName: known(text),
    friendlyName: known(absentMeansAny(text)),
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
  /**
   * Create the new conversation first whenever the two can coexist: a unique name is unique per
   * service (Twilio's 50353 is "already exists" within the service), so a conversation replaced
   * because its service changed never collides with the old one, and creating first means a failed
   * create leaves the old one in place instead of losing both. Only a replacement that keeps the
   * unique name in the same service (forced by `replaceOnChanges` or `--target-replace`: the
   * engine takes this flag from diff even when diff named no replace key) must delete first.
   */
  deleteBeforeReplace: (olds, news) => !blank(olds.uniqueName) && olds.uniqueName === news.uniqueName && sameService(olds, news),
};

/** Properties Twilio cannot clear, with the reason each warning gives. */
const KEPT: readonly (readonly [keyof ConversationInputs & keyof ConversationOutputs, Removal & { why: string }])[] = [
  ["chatServiceSid", CANNOT_CLEAR.chatServiceSid],
  ["friendlyName", CANNOT_CLEAR.friendlyName],
  ["messagingServiceSid", CANNOT_CLEAR.sid],
  ["state", CANNOT_CLEAR.state],
];

/**
 * The warnings for declared properties the new inputs leave out that Twilio cannot clear (see the
 * module comment). Only properties the program declared at the last write count (outputs record
 * them in `declaredProperties`): a value Twilio chose was never the program's to remove.
 */
export function keptOnRemoval(subject: string, olds: ConversationOutputs, news: Partial<ConversationInputs>): string[] {
  const declared = olds.declaredProperties ?? [];
  const warnings = KEPT.filter(([key]) => declared.includes(key) && news[key] === undefined && olds[key] !== undefined).map(
    ([key, removal]) => keptWarning(subject, key, removal, olds[key]),
  );
  for (const k of EMAIL_KEYS) {
    const kept = olds.bindings?.email?.[k];
    if (kept !== undefined && news.bindings?.email?.[k] === undefined) {
      warnings.push(keptWarning(subject, `bindings.email.${k}`, CANNOT_CLEAR.emailBinding, kept));
    }
  }
  return warnings;
}

/** What live state a write is computed against: the prior outputs, or a conversation being adopted. */
export type Current = Pick<
  ConversationOutputs,
  "uniqueName" | "friendlyName" | "attributes" | "messagingServiceSid" | "state" | "timers" | "bindings"
>;

/**
 * The fields an update must send to turn `current` into `next`: only those that differ, so an
 * unrelated change never restarts the timers (Twilio counts them from the moment they are sent).
 * A removed property Twilio can clear is sent as `null` (cleared, see api.ts `toWire`); one it
 * cannot clear is not sent at all.
 */
export function pendingWrite(current: Partial<Current>, next: ConversationInputs): ConversationWrite {
  const write: ConversationWrite = {};
  const p = conversationDiff.properties;
  if (!p.uniqueName!(current.uniqueName, next.uniqueName)) write.uniqueName = next.uniqueName ?? null;
  if (next.friendlyName !== undefined && !p.friendlyName!(current.friendlyName, next.friendlyName)) write.friendlyName = next.friendlyName;
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
    const wanted = next.bindings?.email?.[k];
    if (wanted !== undefined && !text(current.bindings?.email?.[k], wanted)) ((write.bindings ??= {}).email ??= {})[k] = wanted;
  }
  return write;
}

/** Whether a write sends anything at all. */
export function isEmptyWrite(write: ConversationWrite): boolean {
  return Object.keys(write).length === 0;
}
