/**
 * Keys for exported entries: deterministic, so exporting two accounts with the same setup gives
 * the same document (the round trip's proof), whatever order each account created things in.
 */
import { compareText } from "../../provider/shared/values";
import { KEY_PATTERN, MAX_KEY_LENGTH } from "../../sdk/spec/schema";

const MAX_SLUG_LENGTH = 64;

/**
 * A key from a name: lower case, accents dropped, runs of anything but letters and digits become
 * one `-`. `"Customer Support (EU)"` -> `customer-support-eu`. Empty -> `fallback`.
 */
export function slug(name: string, fallback: string): string {
  const text = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
  return text === "" ? fallback : text;
}

/** A name used as a key as it is when it is a valid key (a conversation's unique name), else its slug. */
export function keyOrSlug(name: string, fallback: string): string {
  return KEY_PATTERN.test(name) && name.length <= MAX_KEY_LENGTH ? name : slug(name, fallback);
}

/**
 * Gives each item a unique key: its base key, and `-2`, `-3`... for later items with the same
 * base. "Later" is by `order` (compared as strings), never by SID or creation time, which differ
 * between accounts. A suffixed key that another item holds as its base is skipped.
 */
export function assignKeys<T>(items: readonly T[], base: (item: T) => string, order: (item: T) => string): Map<T, string> {
  const decorated = items.map((item) => ({ item, base: base(item), order: order(item) }));
  decorated.sort((a, b) => compareText(a.base, b.base) || compareText(a.order, b.order));
  const taken = new Set(decorated.map((d) => d.base));
  const used = new Set<string>();
  const keys = new Map<T, string>();
  for (const d of decorated) {
    let key = d.base;
    if (used.has(key)) {
      // Bounded: at most items.length suffixes can be taken.
      for (let n = 2; n <= items.length + 1; n++) {
        const candidate = `${d.base}-${n}`;
        if (!used.has(candidate) && !taken.has(candidate)) {
          key = candidate;
          break;
        }
      }
    }
    used.add(key);
    keys.set(d.item, key);
  }
  return keys;
}
