/** Twilio's v1 date format: ISO 8601 in UTC without milliseconds (`2015-12-16T22:18:37Z`). */
export function formatDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Drops milliseconds so stored dates match what responses show. */
export function truncateToSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
