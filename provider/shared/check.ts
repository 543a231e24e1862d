import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/**
 * The value Pulumi puts in place of an input that is not known yet (during preview, an output of a
 * resource that does not exist yet). Same constant as `@pulumi/pulumi/runtime/rpc` `unknownValue`;
 * copied so the provider need not load the runtime's RPC module.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The reserved property the dynamic-provider host adds to every resource's inputs and outputs. */
export const PROVIDER_KEY = "__provider";

/** The inputs without `__provider` (which the host adds back itself). */
export function withoutProvider<T extends Record<string, unknown>>(props: T): Omit<T, "__provider"> {
  const { [PROVIDER_KEY]: _ignored, ...rest } = props;
  return rest;
}

/** Whether any value inside `value` is still unknown. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/**
 * Validates inputs with a zod schema before any request is sent. Every issue becomes a check
 * failure on its property path (`timers.closed`), so the CLI shows it next to the property.
 *
 * Values not known yet (preview) cannot be validated: issues at those paths are dropped and the
 * inputs are passed through unnormalised; they are checked again once known, before any write.
 */
export function checkWith<T>(schema: z.ZodType<T>, news: Record<string, unknown>): pulumi.dynamic.CheckResult {
  const inputs = withoutProvider(news);
  const result = schema.safeParse(inputs);
  if (result.success) {
    return { inputs: result.data as Record<string, unknown> };
  }
  const failures = result.error.issues
    .flatMap(perProperty)
    // An unknown property is wrong whatever its value, so it is reported even while unknown.
    .filter((issue) => issue.unrecognized || !containsUnknown(valueAt(inputs, issue.path)))
    .map((issue) => ({ property: propertyPath(issue.path), reason: issue.message }));
  if (failures.length === 0) return { inputs };
  return { inputs, failures };
}

/**
 * Zod reports unknown keys as one issue on the enclosing object; each becomes a failure on its
 * own path (`timers.inactiv`), so the CLI shows it next to the property that is wrong.
 */
function perProperty(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string; unrecognized: boolean }[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({ path: [...issue.path, key], message: issue.message, unrecognized: true }));
  }
  return [{ path: issue.path, message: issue.message, unrecognized: false }];
}

function propertyPath(path: PropertyKey[]): string {
  return path.length === 0 ? "(inputs)" : path.map(String).join(".");
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  // An issue on a container (say, a missing key in an object that is unknown) counts as unknown too.
  return value === undefined && path.length > 0 ? valueAt(root, path.slice(0, -1)) : value;
}
