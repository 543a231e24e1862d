/**
 * Environment-specific values found while exporting (messaging service SIDs, memory store ids,
 * status callback URLs, intelligence configuration ids; each kind's export part says which)
 * become document parameters: one per distinct value of a parameter kind, named by kind
 * (`memoryStoreId`, `memoryStoreId2`, ...) in the order the exporter meets them (a fixed walk of
 * the sorted document), each with the source value as its default so the document applied with
 * defaults reproduces the source account. A secret has no default (its value is never read back).
 */
import { ENVIRONMENT_VALUES } from "../../resources/spec-fields";
import type { SpecParameter } from "../../sdk/spec/document";

const DESCRIPTIONS: Record<string, string> = Object.fromEntries(Object.values(ENVIRONMENT_VALUES).map((k) => [k.name, k.description]));

/** Collects parameters as the exporter meets values. */
export class ParameterRegistry {
  private readonly byValue = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private readonly declared: Array<[string, SpecParameter]> = [];

  /**
   * The `${name}` reference for a value of a parameter kind: the same value of a kind, the same
   * parameter. Without a value (a secret), always a new parameter without a default.
   */
  reference(kind: string, value: string | undefined, description: string = DESCRIPTIONS[kind] ?? kind): string {
    const id = value === undefined ? undefined : `${kind}\u0000${value}`;
    let name = id === undefined ? undefined : this.byValue.get(id);
    if (name === undefined) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      name = n === 1 ? kind : `${kind}${n}`;
      if (id !== undefined) this.byValue.set(id, name);
      this.declared.push([name, value === undefined ? { description } : { description, default: value }]);
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
