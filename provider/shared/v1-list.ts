/**
 * Reads every page of a v1 list (`GET /v1/Services`, `/v1/Services/{IS}/Roles`, ...): Twilio's
 * `meta.next_page_url` is absolute and is followed verbatim (the client refuses one off the
 * configured host, so credentials never leave it). Used where a provider must find an object by
 * name (adoption) and by the exporter.
 */
import { z } from "zod";

import type { TwilioClient } from "../http/client";
import { parseResponse } from "./response";

/** More pages than any account holds at 100 per page; a server that never stops paging is an error, not a hang. */
export const MAX_PAGES = 10_000;

const pageWire = z.object({
  meta: z.object({ next_page_url: z.string().nullish(), key: z.string().optional() }),
});

/**
 * Every item of a v1 list, in the server's order.
 * @param key the array's name in the body (`services`, `roles`, `conversations`)
 * @param pageSize Twilio's `PageSize` (at most 100; 50 for roles)
 * @param onPage called after each page with the number of items read so far (progress displays)
 */
export async function listAllV1(
  client: TwilioClient,
  path: string,
  key: string,
  options: { pageSize: number; action: string; onPage?: (itemsSoFar: number) => void },
): Promise<unknown[]> {
  const items: unknown[] = [];
  const seen = new Set<string>();
  let next: string | undefined = path;
  let query: Record<string, number> | undefined = { PageSize: options.pageSize };
  for (let page = 0; next !== undefined; page++) {
    if (page >= MAX_PAGES || seen.has(next)) {
      throw new Error(`Twilio kept paging ${options.action} (${page} pages read); giving up rather than looping`);
    }
    seen.add(next);
    const res: { data: unknown } = await client.request({ method: "GET", path: next, query, action: options.action });
    const body = parseResponse(pageWire, res.data, options.action);
    const list = (res.data as Record<string, unknown>)[key];
    if (!Array.isArray(list)) throw new Error(`Unexpected response from Twilio ${options.action}: no "${key}" list in the body`);
    items.push(...list);
    options.onPage?.(items.length);
    next = body.meta.next_page_url ?? undefined;
    // The next page URL carries its own query.
    query = undefined;
  }
  return items;
}
