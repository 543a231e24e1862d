/**
 * The rules between entries of a document: every reference names an existing entry of the right
 * kind (or is a literal SID), every `${name}` names a declared parameter, and what Twilio would
 * refuse across entries (each kind's own rules, such as one unique name per service, and two
 * entries adopting one object) is caught before any request. Generic: the kinds' descriptors say
 * which fields reference what (resources/<kind>/kind.ts).
 *
 * A reference that holds a parameter (`service: ${supportService}`) is known only per stack: it is
 * checked again once filled in (`resolve.ts`, through {@link checkReference}).
 */
import type { ReferenceField } from "../../resources/kind";
import type { Reference, SpecDocument } from "./document";
import { formatPath, type SpecIssue } from "./issues";
import { type DocumentKind, entriesOf, type EntryAt, fieldPath, keysFor, kindNamed, sidPatternOf, valueAt } from "./kinds";
import { forEachString, hasParameters, parameterisedSections, parameterUses, type SpecPath } from "./parameters";

/**
 * Reads a reference: a literal SID of the named kind, else a key that must be in `keys`.
 * @param where the section the keys come from, for the message (`services`, `services.support.roles`)
 * @returns the reference, or a message saying what is wrong
 */
export function checkReference(value: string, target: DocumentKind, keys: readonly string[], where: string): Reference | string {
  const pattern = sidPatternOf(target);
  if (pattern?.test(value)) return { sid: value };
  if (keys.includes(value)) return { key: value };
  const prefix = target.spec.sidPrefix;
  const sidShape = prefix === undefined ? "" : ` nor an ${prefix} SID ("${prefix}" and 32 hex digits)`;
  const known = keys.length > 0 ? `known keys: ${keys.join(", ")}` : `${where} has none`;
  return `${JSON.stringify(value)} is not a key of ${where} (${known})${sidShape}`;
}

/** The value of a reference field in an entry (undefined when the entry leaves it out). */
export function referenceValue(entry: EntryAt, ref: ReferenceField): unknown {
  return valueAt(entry.value, fieldPath(ref.field));
}

/** The value the document gives the field that sets the account's default object of `kind`. */
export function defaultIn(entries: readonly EntryAt[], kind: string): string | undefined {
  for (const entry of entries) {
    for (const ref of entry.kind.spec.references ?? []) {
      const value = referenceValue(entry, ref);
      if (ref.setsDefault && ref.kind === kind && typeof value === "string") return value;
    }
  }
  return undefined;
}

/** A string that is one parameter and nothing else: `${apnPrivateKey}`. */
const WHOLE_PARAMETER = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** The parameters used in the secret fields of the entries (kind.ts `SpecPart.secrets`), each with where it is first used. */
function secretParameterUses(entries: readonly EntryAt[]): Map<string, SpecPath> {
  const uses = new Map<string, SpecPath>();
  for (const entry of entries) {
    for (const field of entry.kind.spec.secrets ?? []) {
      const value = entry.value[field];
      if (typeof value !== "string") continue;
      for (const use of parameterUses(value)) if (use.valid && !uses.has(use.name)) uses.set(use.name, [...entry.path, field]);
    }
  }
  return uses;
}

/** The names of the parameters that hold secrets: a missing one is set with `pulumi config set --secret`. */
export function secretParameters(doc: unknown): Set<string> {
  return new Set(secretParameterUses(entriesOf(doc)).keys());
}

/** Every cross-entry problem in a structurally valid document (or in the valid part of one, see parse.ts `withoutBroken`). */
export function referenceIssues(doc: SpecDocument): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const add = (path: SpecPath, message: string) => issues.push({ path, message });

  // Parameters: declared, and well-formed.
  const declared = new Set(Object.keys(doc.parameters ?? {}));
  for (const [section, value] of parameterisedSections(doc)) {
    forEachString(value, [section], (text, path) => {
      for (const use of parameterUses(text)) {
        if (!use.valid) {
          add(path, `"\${${use.name}}" is not a parameter reference: a name is letters, digits and _ (write $\${ for a literal \${)`);
        } else if (!declared.has(use.name)) {
          const list = declared.size > 0 ? `declared: ${[...declared].join(", ")}` : "the document declares none";
          add(path, `uses parameter "${use.name}", which is not declared under parameters (${list})`);
        }
      }
    });
  }

  const entries = entriesOf(doc);
  for (const entry of entries) {
    for (const ref of entry.kind.spec.references ?? []) {
      const value = referenceValue(entry, ref);
      if (typeof value !== "string" || hasParameters(value)) continue;
      const target = kindNamed(ref.kind);
      const { keys, where, path: section } = keysFor(doc, target, entry);
      const path = [...entry.path, ...fieldPath(ref.field)];
      const resolved = checkReference(value, target, keys, where);
      if (typeof resolved === "string") {
        add(path, resolved);
      } else if ("key" in resolved && ref.requires) {
        const named = valueAt(doc, [...section, resolved.key, ref.requires.field]);
        if (typeof named === "string" && named !== ref.requires.value && !hasParameters(named)) {
          const noun = target.spec.noun.replace(/^an? /, "");
          add(
            path,
            `names ${noun} "${resolved.key}" of ${ref.requires.field} ${named}, but this ${ref.requires.what} takes a ${ref.requires.value} ${noun}`,
          );
        }
      }
    }
  }

  // Adoption finds an object by a field: two entries of one section adopting that value would both take the same object.
  const groups = new Map<string, EntryAt[]>();
  for (const entry of entries) {
    if (entry.kind.spec.adoptBy === undefined || entry.kind.spec.placement.shape !== "map") continue;
    const scope = entry.path.slice(0, -1).join("\u0000");
    groups.set(scope, [...(groups.get(scope) ?? []), entry]);
  }
  for (const group of groups.values()) {
    const by = group[0]!.kind.spec.adoptBy!;
    const noun = group[0]!.kind.spec.noun.replace(/^an? /, "");
    const seen = new Map<unknown, EntryAt>();
    for (const entry of group) {
      const name = entry.value[by];
      const other = seen.get(name);
      if (other !== undefined && (entry.value.adoptExisting === true || other.value.adoptExisting === true)) {
        add([...entry.path, by], `is also the name of ${noun} "${other.key}": a ${noun} adopted by name must be the only one of that name`);
      }
      seen.set(name, entry);
    }
  }

  // Secrets: each a whole parameter, never a value written in the document, and without a default.
  const secretUses = secretParameterUses(entries);
  for (const entry of entries) {
    for (const field of entry.kind.spec.secrets ?? []) {
      const value = entry.value[field];
      if (typeof value === "string" && !WHOLE_PARAMETER.test(value)) {
        add(
          [...entry.path, field],
          `holds a secret, so it must be a parameter such as "\${${field}}" (declared under parameters without a default, ` +
            `set per stack with \`pulumi config set --secret\`), never the secret itself: the document is kept in version control`,
        );
      }
    }
  }
  for (const [name, path] of secretUses) {
    if (doc.parameters?.[name]?.default !== undefined) {
      add(
        ["parameters", name, "default"],
        `must not be given: parameter "${name}" holds a secret (${formatPath(path)}), which is set per stack with ` +
          `\`pulumi config set --secret ${name} <value>\` and never written in the document`,
      );
    }
  }

  // Each kind's own rules across its entries.
  const context = { hasParameters, defaultOf: (kind: string) => defaultIn(entries, kind) };
  for (const kind of new Set(entries.map((e) => e.kind))) {
    for (const issue of kind.spec.rules?.(
      entries.filter((e) => e.kind === kind),
      context,
    ) ?? [])
      add(issue.path, issue.message);
  }
  return issues;
}
