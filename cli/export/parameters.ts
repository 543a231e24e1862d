/**
 * Environment-specific values found while exporting (messaging service SIDs, memory store ids,
 * status callback URLs, intelligence configuration ids) become document parameters: one per
 * distinct value of a kind, named by kind (`memoryStoreId`, `memoryStoreId2`, ...) in the order the
 * exporter meets them (a fixed walk of the sorted document), each with the source value as its
 * default so the document applied with defaults reproduces the source account.
 */
import type { SpecParameter } from "../../sdk/spec/schema";

/** The kinds of environment-specific value, with their parameter name and description. */
export const PARAMETER_KINDS = {
  messagingServiceSid: "A messaging service SID (MG...) of this environment",
  memoryStoreId: "A memory store id of this environment",
  statusCallbackUrl: "A status callback URL of this environment",
  intelligenceConfigurationId: "An intelligence configuration id of this environment",
} as const;
export type ParameterKind = keyof typeof PARAMETER_KINDS;

/** Collects parameters as the exporter meets values. */
export class ParameterRegistry {
  private readonly byValue = new Map<string, string>();
  private readonly counts = new Map<ParameterKind, number>();
  private readonly declared: Array<[string, SpecParameter]> = [];

  /** The `${name}` reference for a value of a kind (the same value of a kind, the same parameter). */
  reference(kind: ParameterKind, value: string): string {
    const id = `${kind}\u0000${value}`;
    let name = this.byValue.get(id);
    if (name === undefined) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      name = n === 1 ? kind : `${kind}${n}`;
      this.byValue.set(id, name);
      this.declared.push([name, { description: PARAMETER_KINDS[kind], default: value }]);
    }
    return `\${${name}}`;
  }

  /** The `parameters` section, in the order met; undefined when there are none. */
  section(): Record<string, SpecParameter> | undefined {
    return this.declared.length === 0 ? undefined : Object.fromEntries(this.declared);
  }
}

/** Escapes text for the document, where `${` starts a parameter: `$${` writes a literal `${`. */
export function escapeText(text: string): string {
  // A function, not a replacement string: in one, "$$" would itself mean "$".
  return text.replace(/\$\{/g, () => "$${");
}

/** Escapes every string in a JSON value (attributes). */
export function escapeDeep(value: unknown): unknown {
  if (typeof value === "string") return escapeText(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeDeep(v)]));
  }
  return value;
}
