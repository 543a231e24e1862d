/**
 * URL building for the client: where a request may go, and how ids are put into paths.
 *
 * The rule that matters: a request only ever goes to the configured origin. Paging hands us
 * absolute `next_page_url`s from response bodies; following one to another host would send the
 * Basic credentials there.
 */
import { TwilioConversationsError } from "../error";

/** Query parameters; `undefined` values are left out. */
export type Query = Record<string, string | number | undefined>;

/** Refused before any request is sent: the URL is not on the configured Twilio origin. */
export class ForeignUrlError extends TwilioConversationsError {}

/**
 * The absolute URL for `path` (`/v1/...`, or an absolute URL on the same origin as `baseUrl`).
 * Query entries are added, replacing any of the same name already in an absolute URL.
 *
 * @throws ForeignUrlError for another origin or a path that is neither absolute nor rooted
 */
export function resolveUrl(baseUrl: string, path: string, query?: Query): URL {
  const base = new URL(baseUrl);
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    url = new URL(path);
  } else if (path.startsWith("/")) {
    // Concatenate rather than `new URL(path, base)`: a base with a path prefix (a proxy at
    // https://proxy/twilio) must keep it, and "//host/x" must stay a path on our host.
    url = new URL(`${baseUrl}${path}`);
  } else {
    throw new ForeignUrlError(`Request path must start with "/" or be an absolute URL on ${base.origin}, got "${path}"`);
  }
  if (url.origin !== base.origin) {
    throw new ForeignUrlError(
      `Refusing to send Twilio credentials to ${url.origin}: requests only go to the configured host ${base.origin}`,
    );
  }
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

/**
 * Encodes one path segment. A Conversation's `{Sid}` may be its unique name, which can hold
 * spaces, slashes or `?`; unencoded, those would address a different resource.
 */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}
