/** The one line an export ends with: what it wrote, kind by kind, and what it read. */
import type { SpecDocument } from "../../sdk/spec/document";
import { documentOrder, entriesOf } from "../../sdk/spec/kinds";
import type { AccountSnapshot } from "./read-account";

/** `exported 12 entries (2 services, 8 roles, ...) from 14 objects read`. */
export function summaryOf(snapshot: AccountSnapshot, document: SpecDocument): string {
  const entries = entriesOf(document);
  const counts = documentOrder()
    .map((kind) => {
      const n = entries.filter((e) => e.kind === kind).length;
      const noun = kind.spec.noun.replace(/^(an?|the) /, "");
      return n === 0 ? undefined : `${n} ${noun}${n === 1 ? "" : "s"}`;
    })
    .filter((c) => c !== undefined);
  const what = counts.length > 0 ? ` (${counts.join(", ")})` : "";
  return `exported ${entries.length} entr${entries.length === 1 ? "y" : "ies"}${what} from ${snapshot.objects.length} objects read`;
}
