import { type FaultSettings, noFaults } from "./context";

/** The fault chosen for one request before it reaches a route (none: undefined). */
export type PreRouteFault =
  | { kind: "drop" }
  | { kind: "rateLimit"; reason: "rateLimitNext" | "rateLimitFraction" }
  | { kind: "serverError" }
  | { kind: "unavailable" };

/**
 * Merges a partial update into the live settings object in place: route modules hold a reference
 * to it, so it must never be replaced. `dropAfterEffect` is merged too, so `{dropAfterEffect: {count: 1}}`
 * does not need the matchers repeated.
 */
export function applyFaults(target: FaultSettings, patch: Partial<FaultSettings>): FaultSettings {
  for (const [key, value] of Object.entries(patch) as [keyof FaultSettings, unknown][]) {
    if (key === "dropAfterEffect" && value && typeof value === "object") {
      target.dropAfterEffect = { ...(value as FaultSettings["dropAfterEffect"]) };
    } else if (value !== undefined || key === "rateLimitRetryAfterSeconds") {
      (target as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return target;
}

/** Puts every fault back to off, in place. */
export function clearFaults(target: FaultSettings): FaultSettings {
  for (const key of Object.keys(target)) delete (target as unknown as Record<string, unknown>)[key];
  return Object.assign(target, noFaults());
}

/**
 * True when a request arriving now exceeds the in-flight cap. Checked as the request arrives
 * (before latency and body parsing), so which of several concurrent requests is refused depends
 * only on arrival order.
 */
export function overInFlightCap(f: FaultSettings, inFlight: number): boolean {
  return f.maxInFlight > 0 && inFlight > f.maxInFlight;
}

/**
 * Picks (and consumes) the fault for a request that is about to reach a route. The "next N"
 * counters are consumed in a fixed order so a test that sets several knows which comes first:
 * drop, 429 next, 429 fraction, 500, 503.
 */
export function takePreRouteFault(f: FaultSettings, random: () => number = Math.random): PreRouteFault | undefined {
  if (f.dropNext > 0) {
    f.dropNext--;
    return { kind: "drop" };
  }
  if (f.rateLimitNext > 0) {
    f.rateLimitNext--;
    return { kind: "rateLimit", reason: "rateLimitNext" };
  }
  if (f.rateLimitFraction > 0 && random() < f.rateLimitFraction) return { kind: "rateLimit", reason: "rateLimitFraction" };
  if (f.serverErrorNext > 0) {
    f.serverErrorNext--;
    return { kind: "serverError" };
  }
  if (f.unavailableNext > 0) {
    f.unavailableNext--;
    return { kind: "unavailable" };
  }
  return undefined;
}

/**
 * True (and consumed) when a request that took effect must lose its response. Matching is on the
 * method (case-insensitive) and a path prefix, both optional.
 */
export function takeDropAfterEffect(f: FaultSettings, method: string, path: string): boolean {
  const d = f.dropAfterEffect;
  if (!d || d.count <= 0) return false;
  if (d.method && d.method.toUpperCase() !== method.toUpperCase()) return false;
  if (d.pathPrefix && !path.startsWith(d.pathPrefix)) return false;
  d.count--;
  return true;
}
