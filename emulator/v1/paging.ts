/**
 * Twilio v1 list paging: `PageSize` (1..max, default 50), `Page` (the page number, echoed in
 * `meta.page`) and `PageToken` (where the page starts). Clients follow `next_page_url` verbatim,
 * so every URL in `meta` is absolute on the emulator's own origin.
 *
 * Tokens name the last (next page) or first (previous page) item's sequence number rather than an
 * offset, so a page does not shift when items before it are deleted between calls.
 */
import { invalid } from "./api-error";

/** An item that can be paged: its creation sequence number orders the list. */
export interface Sequenced {
  seq: number;
}

/** Twilio's `meta` object. */
export interface PageMeta {
  page: number;
  page_size: number;
  first_page_url: string;
  previous_page_url: string | null;
  url: string;
  next_page_url: string | null;
  key: string;
}

export interface PageRequest {
  /** Absolute URL of the list without query (`http://127.0.0.1:4010/v1/Conversations`). */
  listUrl: string;
  /** Key of the items array (`conversations`). */
  key: string;
  query: Record<string, unknown>;
  /** Filter parameters to carry into every page URL (`State`, `StartDate`, ...). */
  carry?: Record<string, string | undefined>;
  /** Largest PageSize accepted (100 for most lists, 50 for roles). */
  maxPageSize?: number;
}

function intParam(name: string, raw: unknown, min: number, max: number): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const text = String(Array.isArray(raw) ? raw[0] : raw);
  if (!/^\d+$/.test(text)) throw invalid(`Invalid ${name}: ${JSON.stringify(text)} is not an integer`);
  const n = Number(text);
  if (n < min || n > max) throw invalid(`Invalid ${name}: must be between ${min} and ${max}`);
  return n;
}

/** Selects one page of `items` (already filtered and in list order) and builds its `meta`. */
export function paginate<T extends Sequenced>(items: readonly T[], req: PageRequest): { items: T[]; meta: PageMeta } {
  const max = req.maxPageSize ?? 100;
  const pageSize = intParam("PageSize", req.query.PageSize, 1, max) ?? 50;
  const page = intParam("Page", req.query.Page, 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const tokenRaw = req.query.PageToken;
  const token = tokenRaw === undefined || tokenRaw === "" ? undefined : String(tokenRaw);

  let start: number;
  if (token === undefined) {
    start = page * pageSize;
  } else {
    const m = /^P([AB])(\d+)$/.exec(token);
    if (!m) throw invalid(`Invalid PageToken: ${JSON.stringify(token)}`);
    const seq = Number(m[2]);
    if (m[1] === "A") {
      // "After": the page starts after the item with this sequence number.
      const idx = items.findIndex((i) => i.seq > seq);
      start = idx < 0 ? items.length : idx;
    } else {
      // "Before": the page ends just before the item with this sequence number.
      const idx = items.findIndex((i) => i.seq >= seq);
      const end = idx < 0 ? items.length : idx;
      start = Math.max(0, end - pageSize);
    }
  }
  const slice = items.slice(start, start + pageSize);
  const hasNext = start + pageSize < items.length;
  const hasPrevious = start > 0;

  const urlFor = (p: number, pageToken?: string): string => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(req.carry ?? {})) if (v !== undefined) qs.set(k, v);
    qs.set("PageSize", String(pageSize));
    qs.set("Page", String(p));
    if (pageToken) qs.set("PageToken", pageToken);
    return `${req.listUrl}?${qs.toString()}`;
  };

  return {
    items: slice,
    meta: {
      page,
      page_size: pageSize,
      first_page_url: urlFor(0),
      previous_page_url:
        hasPrevious && slice.length
          ? urlFor(Math.max(0, page - 1), `PB${slice[0].seq}`)
          : hasPrevious
            ? urlFor(Math.max(0, page - 1))
            : null,
      url: urlFor(page, token),
      next_page_url: hasNext && slice.length ? urlFor(page + 1, `PA${slice[slice.length - 1].seq}`) : null,
      key: req.key,
    },
  };
}
