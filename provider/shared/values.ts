/** Small value helpers every part of the package shares (one copy of each). */

/** The text with its first letter in capitals: an action (`creating ...`) that starts a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The object without its undefined properties (an absent field stays unmanaged, not "cleared"). */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The value with undefined properties dropped at every depth (what state can hold). */
export function definedDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map(definedDeep) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = definedDeep(v);
  return out as T;
}

/** Plain code-unit order, the same on every machine (localeCompare is not): for output that must not vary. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
