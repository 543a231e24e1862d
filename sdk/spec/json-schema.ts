/**
 * The JSON Schema of the conversations setup document, generated from the same zod schema that
 * validates it (zod v4's `z.toJSONSchema`), so editors complete and check the file with the
 * descriptions written in `schema.ts`. The build writes it to `schema/conversations-setup.schema.json`
 * (`write-json-schema.ts`).
 *
 * The JSON Schema covers structure only: references between entries and each field's rules (SID
 * shapes, durations, limits) are checked by `parseSpec` / `resolveSpec`, which say where and why.
 */
import { z } from "zod";

import { specStructureSchema } from "./schema";

/** Where the package ships the schema, relative to its root; YAML files point editors at it. */
export const JSON_SCHEMA_PATH = "schema/conversations-setup.schema.json";

/** The document's JSON Schema (draft 2020-12), as a plain object. */
export function conversationsSetupJsonSchema(): Record<string, unknown> {
  // "input": the shape a file is written in (optional fields may be left out).
  return z.toJSONSchema(specStructureSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
