/**
 * The conversations setup document (version 1): one account's Conversations setup, as a GitOps
 * repo keeps it and as `pulumi-twilio-conversations export` writes it.
 *
 * The document's structure is composed from the kind registry: each kind's entry (its fields as
 * the document writes them, resources/<kind>/kind.ts) sits in its section, at the root or inside
 * each entry of its parent kind. This schema checks structure and keys; references between entries
 * are checked by `references.ts`, and the rules of each field (SID shapes, durations, enums,
 * limits) by the kind's own input schema, which `resolve.ts` runs on every entry once parameters
 * and references are filled in: no field rule is written twice. Every field carries a description,
 * so the JSON Schema generated from this one (`json-schema.ts`) lets editors complete and explain
 * the file.
 */
import { z } from "zod";

import { documentObject, shapeListing, text } from "../../resources/spec-fields";
import { type DocumentKind, kindsIn, rootSections } from "./kinds";

/** The document version this package reads and writes. */
export const SPEC_VERSION = 1;

/**
 * A key naming an entry (a service, role, conversation or orchestrator configuration). Keys become
 * part of Pulumi resource names, so they are stable identifiers: letters, digits and `_ . @ + -`,
 * no spaces and no `/` (the separator of nested names).
 */
export const KEY_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.@+-]*$/;
export const MAX_KEY_LENGTH = 128;

/** A parameter's name: it is also the stack config key that sets it (`pulumi config set <name> ...`). */
export const PARAMETER_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A key of a map in the document. */
const keySchema = z
  .string()
  .regex(KEY_PATTERN, "is not a valid key: use letters, digits and _ . @ + - (no spaces or /), starting with a letter, digit or _")
  .max(MAX_KEY_LENGTH, `is too long for a key (at most ${MAX_KEY_LENGTH} characters)`);

const parameter = documentObject(
  {
    description: text("What the value is, for whoever sets it per stack.").optional(),
    default: text("The value when the stack config does not set one. Without a default the parameter is required.").optional(),
  },
  "a parameter",
).describe("An environment-specific value, set per stack with `pulumi config set <name> <value>`.");

/** The sections held by an entry of `parent` (or by the document's root). */
function sectionsOf(parent: string | undefined): z.ZodRawShape {
  const kinds = parent === undefined ? rootSections() : kindsIn(parent);
  return Object.fromEntries(kinds.map((kind) => [kind.spec.placement.section, sectionSchema(kind)]));
}

/** One kind's section: its entry, or a map of its entries by key. */
function sectionSchema(kind: DocumentKind): z.ZodType {
  const { noun, entry, description, placement } = kind.spec;
  const shape = { ...entry, ...sectionsOf(kind.name) };
  const object = documentObject(shape, noun).describe(description);
  if (placement.shape === "singleton") return object.optional();
  return z
    .record(keySchema, object, { error: `must be a mapping of keys to entries (${noun} ${shapeListing(shape)})` })
    .describe(`By key: ${description}`)
    .optional();
}

/**
 * The document's structure. References and parameter names are checked by `references.ts`, each
 * entry's fields by its kind's input schema (`resolve.ts`).
 */
export function documentSchema() {
  return (cached ??= buildDocumentSchema());
}

let cached: ReturnType<typeof buildDocumentSchema> | undefined;

function buildDocumentSchema() {
  return documentObject(
    {
      $schema: text("The JSON Schema this file follows (for editors); ignored.").optional(),
      version: z.literal(SPEC_VERSION, { error: `must be ${SPEC_VERSION}: the only version of this document` }).describe("Always 1."),
      parameters: z
        .record(
          z.string().regex(PARAMETER_NAME_PATTERN, "is not a valid parameter name: letters, digits and _, not starting with a digit"),
          parameter,
        )
        .describe("Environment-specific values, used as `${name}` in any string value.")
        .optional(),
      ...sectionsOf(undefined),
    },
    "a conversations setup document",
  )
    .describe("One account's Twilio Conversations setup, for pulumi-twilio-conversations (ConversationsSetup).")
    .meta({ title: "Twilio Conversations setup" });
}
