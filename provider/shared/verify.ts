/**
 * Write verification: after every write, what Twilio reports is compared with what was sent. An API
 * that answers 200 but keeps another value (an ignored parameter, a value it rewrote, a field it
 * cannot change) must not be recorded as applied: users of Twilio's Terraform providers report
 * exactly that, values "applied" that never were. The comparison is on normalised values, with the
 * same comparators diff uses (durations by length, SIDs without case, JSON as data).
 *
 * Each kind verifies through this module: `define.ts` checks every declared input against the
 * outputs after each create and update, and the kinds that send clears or restores (the singletons,
 * conversations) check those where they send them.
 */
import { TwilioConversationsError } from "../error";
import type { Comparator } from "./diff";
import { durationSeconds } from "./duration";

/** One field of a write: what was sent (`null`: a clear) and what Twilio reports after it. */
export interface SentField {
  /** The property, as users name it (`defaultInactiveTimer`, `timers.closed`). */
  readonly field: string;
  /** The value sent; `null` when the write cleared the field. */
  readonly sent: unknown;
  /** The value Twilio reports after the write. */
  readonly kept: unknown;
  /** How the two compare (see `same` in diff.ts). Unused for a clear. */
  readonly same: Comparator;
}

/** Twilio applied only part of a write; `fields` names what it did not apply. */
export class WriteNotAppliedError extends TwilioConversationsError {
  constructor(
    message: string,
    readonly fields: readonly SentField[],
  ) {
    super(message);
  }
}

/**
 * Whether a value is how Twilio reports "not set": absent, null, empty, or a zero duration (a timer
 * cleared with `PT0S` may be reported either as null or as a zero length).
 */
export function isCleared(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  return typeof value === "string" && durationSeconds(value) === 0;
}

/** The fields Twilio did not apply: a clear that left a value, or a value it reports differently. */
export function unapplied(fields: readonly SentField[]): SentField[] {
  return fields.filter((f) => (f.sent === null ? !isCleared(f.kept) : !f.same(f.kept, f.sent)));
}

function shown(value: unknown, cleared: boolean): string {
  if (cleared) return "a clear";
  if (value === undefined || value === null) return "no value";
  return JSON.stringify(value);
}

/**
 * The error for a write Twilio did not fully apply, naming each field, the value sent and the
 * value Twilio kept.
 *
 * @param action `updating Conversation "lobby"`
 */
export function writeNotApplied(action: string, missed: readonly SentField[]): WriteNotAppliedError {
  const list = missed.map((f) => `${f.field}: sent ${shown(f.sent, f.sent === null)}, Twilio kept ${shown(f.kept, false)}`).join("; ");
  return new WriteNotAppliedError(
    `Twilio did not apply all of ${action}: ${list}. Twilio answered the write without error but reports other values, ` +
      `so they were not recorded as applied: state holds what Twilio reports, and the next pulumi up sends the declared ` +
      `values again. If it keeps happening, Twilio does not accept that value there: change it in the program.`,
    missed,
  );
}

/** Throws {@link writeNotApplied} when any sent field was not applied. */
export function verifyApplied(action: string, fields: readonly SentField[]): void {
  const missed = unapplied(fields);
  if (missed.length > 0) throw writeNotApplied(action, missed);
}
