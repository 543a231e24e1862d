/**
 * Build step: writes the document's JSON Schema to `schema/conversations-setup.schema.json` at the
 * package root (`npm run build` runs `node dist/sdk/spec/write-json-schema.js`). The file is
 * generated, so it is not kept in git; the package's `files` ships it.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { conversationsSetupJsonSchema, JSON_SCHEMA_PATH } from "./json-schema";

/** Writes the schema under `root` and returns the file's path. */
export function writeJsonSchema(root: string): string {
  const file = path.join(root, JSON_SCHEMA_PATH);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(conversationsSetupJsonSchema(), null, 2)}\n`);
  return file;
}

if (require.main === module) {
  // dist/sdk/spec/ -> the package root, three levels up.
  const written = writeJsonSchema(path.resolve(__dirname, "..", "..", ".."));
  process.stdout.write(`wrote ${path.relative(process.cwd(), written)}\n`);
}
