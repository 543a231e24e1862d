/** Zod's issues in the document's terms (kept apart so the public modules' declarations never name zod). */
import type { z } from "zod";

import type { SpecIssue } from "./issues";
import type { SpecPath } from "./parameters";

/**
 * Zod's issues as document issues. An unknown property is reported on its own path (so its line
 * is the key's); issues nested in a union are unwrapped to the most specific one.
 */
export function zodIssues(error: z.ZodError, prefix: SpecPath = []): Array<Omit<SpecIssue, "line">> {
  const out: Array<Omit<SpecIssue, "line">> = [];
  for (const issue of error.issues) {
    const path: SpecPath = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: [...path, key], message: issue.message });
    } else if (issue.code === "invalid_key") {
      out.push({ path, message: issue.issues[0]?.message ?? issue.message });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}
