/**
 * `${name}` parameters: environment-specific values (a messaging service SID, a memory store id, a
 * webhook URL) written once in the document and set per stack. Any string value may hold them,
 * whole (`"${memoryStoreId}"`) or in part (`"https://${host}/status"`); `$${` writes a literal `${`.
 */
import type { SpecDocument } from "./document";
import { PARAMETER_NAME_PATTERN } from "./schema";

/** A place in the document: map keys and list indexes from the root. */
export type SpecPath = (string | number)[];

/** `$${` (an escaped literal), or `${...}` up to the next `}` (the name is checked by the caller). */
const TOKEN = /\$\$\{|\$\{([^}]*)\}/g;

/** One `${...}` found in a string. `valid` is false when the text inside is not a parameter name. */
export interface ParameterUse {
  readonly name: string;
  readonly valid: boolean;
}

/** The parameters a string uses, in order (escaped `$${` excluded). */
export function parameterUses(text: string): ParameterUse[] {
  const uses: ParameterUse[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (match[0] === "$${") continue;
    const name = match[1] ?? "";
    uses.push({ name, valid: PARAMETER_NAME_PATTERN.test(name) });
  }
  return uses;
}

/** True when the string holds a parameter (so its final value is known only per stack). */
export function hasParameters(text: string): boolean {
  return parameterUses(text).length > 0;
}

/**
 * Replaces every `${name}` with its value and `$${` with `${`.
 * @param lookup the value of a parameter; it is only called for valid names
 */
export function interpolate(text: string, lookup: (name: string) => string): string {
  return text.replace(TOKEN, (whole: string, name: string | undefined) => (whole === "$${" ? "${" : lookup(name ?? "")));
}

/**
 * Calls `visit` on every string value of `value` (not on map keys), with its path.
 * The walk is bounded by the document's size: documents are trees (YAML aliases are expanded by the parser).
 */
export function forEachString(value: unknown, path: SpecPath, visit: (text: string, path: SpecPath) => void): void {
  if (typeof value === "string") {
    visit(value, path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => forEachString(item, [...path, i], visit));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) forEachString(v, [...path, k], visit);
  }
}

/** A copy of `value` with every string interpolated. */
export function interpolateAll<T>(value: T, lookup: (name: string, path: SpecPath) => string, path: SpecPath = []): T {
  if (typeof value === "string") return interpolate(value, (name) => lookup(name, path)) as T;
  if (Array.isArray(value)) return value.map((item, i) => interpolateAll(item, lookup, [...path, i])) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolateAll(v, lookup, [...path, k]);
    return out as T;
  }
  return value;
}

/** The sections of a document whose strings may use parameters (everything but `parameters` and `$schema`). */
export function parameterisedSections(doc: SpecDocument): Array<[string, unknown]> {
  return Object.entries(doc).filter(([k]) => k !== "parameters" && k !== "$schema" && k !== "version");
}

/** How to tell a Pulumi user to set a parameter: its stack config key (a secret one encrypted, and never with a default). */
export function pulumiConfigHint(name: string, secret = false): string {
  return secret
    ? `set it for this stack with \`pulumi config set --secret ${name} <value>\``
    : `set it for this stack with \`pulumi config set ${name} <value>\` (or give it a default in the document's parameters)`;
}

/**
 * The value of every parameter the document declares: the given value, else the default; names
 * without either are left out (resolveSpec reports each where it is first used).
 */
export function parameterValues(
  doc: SpecDocument,
  given: Readonly<Record<string, string | undefined>> | ((name: string) => string | undefined),
): Map<string, string> {
  const lookup = typeof given === "function" ? given : (name: string) => given[name];
  const values = new Map<string, string>();
  for (const [name, declared] of Object.entries(doc.parameters ?? {})) {
    const value = lookup(name) ?? declared.default;
    if (value !== undefined) values.set(name, value);
  }
  return values;
}
