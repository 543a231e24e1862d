/**
 * ISO 8601 durations, as Twilio's v1 timers take them (`PT1M`, `PT10M`, `P1D`). Twilio receives
 * them verbatim; we only need their length, to validate minimums and to compare `PT60S` with `PT1M`.
 */

const ISO_DURATION =
  /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/**
 * The shape {@link durationSeconds} reads, as a JSON Schema pattern (no flags there): letters of
 * either case, blanks around it. The minimum a field takes is not a shape: JSON Schema cannot say it.
 */
export const ISO_DURATION_PATTERN = `^\\s*${ISO_DURATION.source
  .slice(1, -1)
  .replace("(?!$)", "(?!\\s*$)")
  .replace(/[PYMWDTHS]/g, (c) => `[${c}${c.toLowerCase()}]`)}\\s*$`;

// Calendar units have no fixed length; these are the conventional approximations (365 d, 30 d).
const UNIT_SECONDS = [365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1];

/** The length of an ISO 8601 duration in seconds, or undefined when the text is not one. */
export function durationSeconds(text: string): number | undefined {
  const match = ISO_DURATION.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  let total = 0;
  for (let i = 0; i < UNIT_SECONDS.length; i++) {
    const part = match[i + 1];
    if (part !== undefined) total += Number(part.replace(",", ".")) * UNIT_SECONDS[i]!;
  }
  return total;
}
