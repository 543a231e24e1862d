/**
 * Token paging for v2 lists. A token is an opaque, URL-safe cursor holding the sequence number of
 * the item it starts after (next) or ends before (previous), so deletions between two page
 * requests neither skip nor repeat items.
 */

/** Default and bounds of `pageSize` (documented: 1-1000, default 50). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** One page and the tokens around it (absent when there is nothing that way). */
export interface Page<T> {
  items: T[];
  nextToken?: string;
  previousToken?: string;
}

type Cursor = { after: number } | { before: number };

export function encodeToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor in a token, or undefined when the token is not one of ours. */
export function decodeToken(token: string): Cursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null) return undefined;
    const v = value as Record<string, unknown>;
    if (Number.isInteger(v.after)) return { after: v.after as number };
    if (Number.isInteger(v.before)) return { before: v.before as number };
    return undefined;
  } catch {
    return undefined;
  }
}

/** Cuts one page out of `items` (sorted by ascending `seq`). */
export function pageOf<T extends { seq: number }>(items: T[], pageSize: number, cursor?: Cursor): Page<T> {
  let start: number;
  let end: number;
  if (cursor && "before" in cursor) {
    end = items.findIndex((i) => i.seq >= cursor.before);
    if (end < 0) end = items.length;
    start = Math.max(0, end - pageSize);
  } else {
    const after = cursor?.after ?? 0;
    start = items.findIndex((i) => i.seq > after);
    if (start < 0) start = items.length;
    end = Math.min(items.length, start + pageSize);
  }
  const page: Page<T> = { items: items.slice(start, end) };
  if (end < items.length && page.items.length > 0) page.nextToken = encodeToken({ after: page.items[page.items.length - 1].seq });
  if (start > 0 && page.items.length > 0) page.previousToken = encodeToken({ before: page.items[0].seq });
  return page;
}
