/**
 * The JSON Schema of the conversations setup document, generated from the same zod schemas that
 * check it (zod v4's `z.toJSONSchema`): the document's structure and descriptions
 * (`schema.ts`, from each kind's entry) with, on each entry's fields, the rules of the kind's own
 * input schema (lengths, patterns, enums, item counts, minimums) carried over by field name. A
 * string field whose value may come from a `${parameter}` accepts one instead (its value is known
 * only per stack). The build writes it to `schema/conversations-setup.schema.json`
 * (`write-json-schema.ts`).
 *
 * What JSON Schema cannot say (references to keys that exist, durations' minimums, cross-field and
 * cross-entry rules, parameters with values) is checked by `validate` / `ConversationsSetup`; the
 * test tests/unit/sdk/spec/json-schema.test.ts lists each such rule.
 */
import { z } from "zod";

import { DOCUMENT_KINDS, type DocumentKind, fieldPath, kindNamed } from "./kinds";
import { documentSchema, KEY_PATTERN } from "./schema";

/** Where the package ships the schema, relative to its root; YAML files point editors at it. */
export const JSON_SCHEMA_PATH = "schema/conversations-setup.schema.json";

/** A string holding a `${parameter}` (anywhere in it): its value is known only per stack. */
export const PARAMETER_PATTERN = "\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}";

type Node = Record<string, unknown> & {
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  items?: Node;
  anyOf?: Node[];
};

/** Keywords of an input schema's node that carry a rule onto the document's node. */
const RULES = [
  "minLength",
  "maxLength",
  "pattern",
  "enum",
  "const",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "not",
] as const;

const toJson = (schema: z.ZodType): Node =>
  z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as unknown as Node;

/** The document's JSON Schema (draft 2020-12), as a plain object. */
export function conversationsSetupJsonSchema(): Record<string, unknown> {
  // "input": the shape a file is written in (optional fields may be left out).
  const root = toJson(documentSchema());
  for (const kind of DOCUMENT_KINDS) {
    const input = toJson(kind.schema);
    for (const node of entryNodes(root, kind)) overlay(node, input, kind, []);
  }
  return root;
}

/** The nodes of a kind's entries: in its section at the root, or in each parent entry's node. */
function entryNodes(root: Node, kind: DocumentKind): Node[] {
  const { section, shape, parent } = kind.spec.placement;
  const holders = parent ? entryNodes(root, kindNamed(parent.kind)) : [root];
  return holders.flatMap((holder) => {
    const node = holder.properties?.[section];
    if (!node) return [];
    return shape === "map" && typeof node.additionalProperties === "object" ? [node.additionalProperties] : [node];
  });
}

/** The document node a field's value is written in (a nullable field's string alternative). */
function valueNode(node: Node): Node {
  return node.anyOf?.find((n) => n.type !== "null") ?? node;
}

/**
 * Carries the input schema's rules onto the document's node, field by field. `at` is the field's
 * path in the entry: a reference field takes the reference's form instead (a key or a SID), the
 * parent's id is not in the document at all.
 */
function overlay(doc: Node, input: Node | undefined, kind: DocumentKind, at: string[]): void {
  const target = valueNode(doc);
  const reference = (kind.spec.references ?? []).find((r) => fieldPath(r.field).join(".") === at.join("."));
  if (reference) {
    const sid = kindNamed(reference.kind).spec.sidPrefix;
    const description = typeof target.description === "string" ? target.description : undefined;
    for (const key of Object.keys(target)) delete target[key];
    Object.assign(target, {
      type: "string",
      ...(description ? { description } : {}),
      anyOf: [{ pattern: KEY_PATTERN.source }, ...(sid ? [{ pattern: `^${sid}[0-9a-fA-F]{32}$` }] : []), { pattern: PARAMETER_PATTERN }],
    });
    return;
  }
  if (!input) return;
  const source = valueNode(input);
  if (target.properties) {
    for (const [name, child] of Object.entries(target.properties)) overlay(child, source.properties?.[name], kind, [...at, name]);
  }
  if (typeof target.additionalProperties === "object" && typeof source.additionalProperties === "object") {
    overlay(target.additionalProperties, source.additionalProperties, kind, [...at, "*"]);
  }
  if (target.items && source.items) overlay(target.items, source.items, kind, [...at, "*"]);
  if (target.anyOf && source.anyOf && target.anyOf.length === source.anyOf.length) {
    target.anyOf.forEach((alternative, n) => overlay(alternative, source.anyOf![n], kind, at));
  }
  if (source.type === "integer" && target.type === "number") target.type = "integer";
  const rules: Record<string, unknown> = {};
  for (const keyword of RULES) {
    // z.number().int() bounds every integer by the largest safe one: true, and noise for editors.
    if (keyword === "maximum" && source.maximum === Number.MAX_SAFE_INTEGER) continue;
    if (source[keyword] !== undefined) rules[keyword] = source[keyword];
  }
  if (Object.keys(rules).length === 0) return;
  if (target.type === "string") {
    // A string may be a ${parameter} instead: its value is checked once known.
    target.anyOf = [rules, { pattern: PARAMETER_PATTERN }];
  } else {
    Object.assign(target, rules);
  }
}
