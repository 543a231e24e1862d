/**
 * The client's in-flight limit, adapted to Twilio's answers: a line of requests served in order of
 * first arrival, and a limit that drops on a 429 and creeps back up on success.
 *
 * Why adapt: Twilio caps the REST requests an account has in flight at once and answers 20429 /
 * HTTP 429 beyond the cap ("An API Request that receives an error 429 response is never processed
 * and is always safe to retry", https://www.twilio.com/docs/errors/20429). The cap is set per
 * account and written in no response, so a fixed limit is either too low (slow) or too high (a
 * storm of 429s). This is additive-increase / multiplicative-decrease as in TCP congestion control
 * (RFC 5681), with the decrease taken from what the 429 proves rather than a fixed factor:
 *
 * - **Cut**: a 429 for a request sent while `k` of ours were in flight (itself included) shows the
 *   account could not take `k`, so the limit drops to `k - 1` (at least 1). One cut per round:
 *   429s for requests sent before the last cut say nothing new (they were sent under the old limit).
 * - **Grow**: every {@link SUCCESSES_PER_STEP} accepted responses sent while the limit was what held
 *   requests back (all its slots in use; an idle limit proves nothing, as in RFC 7661) raise the
 *   limit by one, so the client probes one request above a steady cap once per 20 successes: about
 *   5% of requests are 429s at a steady cap.
 * - **`Twilio-Concurrent-Requests`**: where Twilio sends it, it reports how many requests the
 *   account has in flight, all clients counted. Twilio's 20429 and 45780 pages tell clients to
 *   "monitor Twilio response headers like Twilio-Concurrent-Requests to understand current load and
 *   adjust client behavior" and "see when request volume is approaching account concurrency
 *   limits" (https://www.twilio.com/docs/api/errors/20429, https://www.twilio.com/docs/api/errors/45780).
 *   Used here: the count on a 429 marks the account's ceiling (inference: the refused request is
 *   counted, so the ceiling is one below; if it is not, the estimate is one low, the safe side), and
 *   while accepted responses report the account at that ceiling the limit does not grow, so no
 *   probing 429 is sent. The ceiling is forgotten after {@link CEILING_MEMORY} accepted responses, so
 *   a raised account cap is found again.
 *
 * Order: every request takes a ticket when it first arrives and keeps it through its retries, and
 * slots go to the lowest ticket waiting. A request sent back to the line after a 429 or a 5xx
 * therefore goes before everything that arrived after it; one that must first wait out a delay
 * (`Retry-After`, or a backoff when the account is full without us) holds the head of the line
 * while it waits, so nothing newer is sent to an account that just refused it.
 */

/** Accepted responses that grow the limit by one. */
export const SUCCESSES_PER_STEP = 20;
/** Accepted responses after which a ceiling learned from `Twilio-Concurrent-Requests` is forgotten. */
export const CEILING_MEMORY = 200;

/** A granted slot: what the limit was when the request went out. */
export interface Slot {
  /** Requests of this client in flight when this one was sent, itself included. */
  readonly inFlightAtSend: number;
  /** The cut count when it was sent; a 429 from an earlier round does not cut again. */
  readonly round: number;
}

/** What came back for a slot, for {@link AdaptiveLimiter.release}. */
export type Outcome =
  /** A response other than 429 or 5xx: the account took the request. */
  | "accepted"
  /** A 429: the account was full. */
  | "rateLimited"
  /** A 5xx or no response: nothing learned about the account's capacity. */
  | "inconclusive";

interface Waiter {
  ticket: number;
  ready: boolean;
  grant(slot: Slot): void;
}

/** The adaptive in-flight limit of one client. Single-threaded: no locking needed in Node. */
export class AdaptiveLimiter {
  /** The configured limit (`twilio-conversations:maxConcurrentRequests`): the limit never grows past it. */
  readonly max: number;
  #limit: number;
  /** Accepted responses at the limit since it last changed. */
  #credit = 0;
  #inFlight = 0;
  #round = 0;
  #nextTicket = 0;
  /** Sorted by ticket. */
  readonly #line: Waiter[] = [];
  #ceiling: number | undefined;
  #acceptedSinceCeiling = 0;

  /** @param max the configured limit, a whole number of at least 1; the limit starts there */
  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`The in-flight limit must be a whole number >= 1, got ${max}`);
    this.max = max;
    this.#limit = max;
  }

  /** Requests that may be in flight now, in [1, max]. */
  get limit(): number {
    return this.#limit;
  }

  /** Requests in flight now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** The account's ceiling learned from `Twilio-Concurrent-Requests`, if any. */
  get ceiling(): number | undefined {
    return this.#ceiling;
  }

  /** A place in line for a new request; keep it across the request's retries. */
  ticket(): number {
    return this.#nextTicket++;
  }

  /**
   * Waits for a slot. Slots go to the lowest ticket waiting; a waiter whose `notBefore` has not
   * settled yet holds its place and blocks every later ticket until it does.
   */
  acquire(ticket: number, notBefore?: Promise<unknown>): Promise<Slot> {
    return new Promise<Slot>((grant) => {
      const waiter: Waiter = { ticket, ready: notBefore === undefined, grant };
      let at = this.#line.length;
      while (at > 0 && this.#line[at - 1]!.ticket > ticket) at--;
      this.#line.splice(at, 0, waiter);
      if (notBefore) {
        const ready = () => {
          waiter.ready = true;
          this.#pump();
        };
        notBefore.then(ready, ready);
      } else {
        this.#pump();
      }
    });
  }

  /**
   * Gives the slot back and learns from what came back.
   *
   * @param accountConcurrency `Twilio-Concurrent-Requests` of the response, when it had one
   */
  release(slot: Slot, outcome: Outcome, accountConcurrency?: number): void {
    this.#inFlight--;
    if (outcome === "rateLimited") this.#rateLimited(slot, accountConcurrency);
    else if (outcome === "accepted") this.#accepted(slot, accountConcurrency);
    this.#pump();
  }

  #rateLimited(slot: Slot, accountConcurrency: number | undefined): void {
    if (accountConcurrency !== undefined && accountConcurrency >= 1) {
      this.#ceiling = Math.max(1, accountConcurrency - 1);
      this.#acceptedSinceCeiling = 0;
    }
    if (slot.round !== this.#round) return;
    this.#limit = Math.max(1, Math.min(this.#limit, slot.inFlightAtSend - 1));
    this.#credit = 0;
    this.#round++;
  }

  #accepted(slot: Slot, accountConcurrency: number | undefined): void {
    if (this.#ceiling !== undefined) {
      if (++this.#acceptedSinceCeiling >= CEILING_MEMORY) this.#ceiling = undefined;
      else if (accountConcurrency !== undefined && accountConcurrency > this.#ceiling) this.#ceiling = accountConcurrency;
    }
    // Grow only while the limit is what holds requests back; an idle client learns nothing.
    if (slot.inFlightAtSend < this.limit) return;
    const atCeiling = this.#ceiling !== undefined && accountConcurrency !== undefined && accountConcurrency >= this.#ceiling;
    if (atCeiling || this.#limit >= this.max) return;
    if (++this.#credit < SUCCESSES_PER_STEP) return;
    this.#limit++;
    this.#credit = 0;
  }

  #pump(): void {
    while (this.#line.length > 0 && this.#inFlight < this.limit) {
      const head = this.#line[0]!;
      if (!head.ready) return;
      this.#line.shift();
      this.#inFlight++;
      head.grant({ inFlightAtSend: this.#inFlight, round: this.#round });
    }
  }
}
