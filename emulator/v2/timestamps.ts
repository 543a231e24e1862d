/**
 * Timestamps on the v2 wire. Twilio's published format for these fields is ISO 8601 in UTC to the
 * second (twilio-node parses them as `YYYY-MM-DDTHH:mm:ssZ`); milliseconds are dropped to match.
 */

/** `2025-06-01T12:00:00Z` for any Date. */
export function wireTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}
