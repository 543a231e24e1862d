import type { StateFile, StateResource } from "../engine-standin";
import { kindOfType } from "../resources/registry";

/** The short kind of a type token: `pulumi-nodejs:dynamic/twilio-conversations:Conversation` -> `Conversation`. */
export function kindOf(type: string): string {
  return type.slice(type.lastIndexOf(":") + 1);
}

/** The one output per kind that says most about the resource, as `name=value` (the kind's registry probe). */
function keyOutput(r: StateResource): string {
  return kindOfType(r.type)?.probe.summary(r.outputs) ?? "";
}

/** Lays out rows under a header, each column as wide as its widest cell. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** What the stack holds, one row per resource: kind, name, id and a key output. */
export function renderResources(state: StateFile): string {
  if (state.resources.length === 0) {
    return "(no resources)";
  }
  return renderTable(
    ["TYPE", "NAME", "ID", "KEY OUTPUT"],
    state.resources.map((r) => [kindOf(r.type), r.name, r.id, keyOutput(r)]),
  );
}
