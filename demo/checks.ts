/**
 * What the demo checks after each step. Each check throws a {@link DemoCheckError} saying what was
 * expected and what was found, and returns a one-line description of what held, for the output.
 */
import type { RunCounts, RunSummary, StateFile, StepOp } from "../engine-standin";
import { isDefaultRoleName } from "../provider/shared/twilio-facts";
import { type EmulatorView, objectIds } from "./emulator-view";
import { kindOf } from "./table";

/** A step did not behave as the demo says it does. */
export class DemoCheckError extends Error {
  override readonly name = "DemoCheckError";
}

function fail(message: string): never {
  throw new DemoCheckError(message);
}

/** The summary counts exactly these (ops not named must be zero). */
export function expectCounts(summary: RunSummary, expected: Partial<RunCounts>): string {
  const want: RunCounts = { create: 0, update: 0, replace: 0, delete: 0, same: 0, ...expected };
  const differs = (Object.keys(want) as (keyof RunCounts)[]).filter((k) => summary.counts[k] !== want[k]);
  if (differs.length > 0) {
    const show = (c: RunCounts) =>
      (Object.keys(c) as (keyof RunCounts)[])
        .filter((k) => c[k] > 0)
        .map((k) => `${c[k]} ${k}`)
        .join(", ") || "nothing";
    fail(
      `${summary.kind} should have done ${show(want)}, but did ${show(summary.counts)}:\n  ${summary.steps.map((s) => `${s.op} ${kindOf(s.type)} ${s.name}${s.changed ? ` (${s.changed.join(", ")})` : ""}`).join("\n  ")}`,
    );
  }
  return `${summary.kind}: ${(Object.keys(want) as (keyof RunCounts)[])
    .filter((k) => want[k] > 0)
    .map((k) => `${want[k]} ${k}`)
    .join(", ")}, as expected`;
}

/** The step for resource `name` of `kind` has op `op` and, when given, names `changed` among its changed properties. */
export function expectStep(summary: RunSummary, kind: string, name: string, op: StepOp, changed?: string): string {
  const step = summary.steps.find((s) => kindOf(s.type) === kind && s.name === name);
  if (!step) {
    fail(`${summary.kind} has no step for ${kind} ${name}`);
  }
  if (step.op !== op) {
    fail(`${summary.kind} should ${op} ${kind} ${name}, but did ${step.op}`);
  }
  if (changed !== undefined && !(step.changed ?? []).includes(changed)) {
    fail(`${summary.kind} should report ${changed} as changed on ${kind} ${name}; it reported ${JSON.stringify(step.changed ?? [])}`);
  }
  return `${kind} ${name}: ${op}${changed ? ` (${changed})` : ""}`;
}

/**
 * Everything the state file says exists really exists in the emulator, and the emulator holds
 * nothing new beyond it (compared with `baseline`, the account before the first `up`). The only
 * objects the stack may cause without declaring them are the default roles of a service it created.
 */
export function expectStateMatchesEmulator(state: StateFile, view: EmulatorView, baseline: EmulatorView, accountSid: string): string {
  const now = objectIds(view);
  const before = objectIds(baseline);
  const ofKind = (kind: string) => state.resources.filter((r) => kindOf(r.type) === kind).map((r) => r.id);
  const created = (all: string[], old: string[]) => all.filter((id) => !old.includes(id));
  const sameSet = (what: string, declared: string[], found: string[]) => {
    const missing = declared.filter((id) => !found.includes(id));
    const extra = found.filter((id) => !declared.includes(id));
    if (missing.length > 0) fail(`state holds ${what} the emulator does not have: ${missing.join(", ")}`);
    if (extra.length > 0) fail(`the emulator holds ${what} that are not in state: ${extra.join(", ")}`);
  };

  const services = ofKind("ConversationService");
  sameSet("services", services, created(now.services, before.services));
  sameSet("conversations", ofKind("Conversation"), created(now.conversations, before.conversations));
  sameSet(
    "orchestrator configurations",
    ofKind("OrchestratorConfiguration"),
    created(now.orchestratorConfigurations, before.orchestratorConfigurations),
  );
  const declaredRoles = ofKind("ServiceRole");
  const undeclaredRoles = view.v1.roles.filter((r) => !before.roles.includes(r.sid) && !declaredRoles.includes(r.sid));
  for (const role of undeclaredRoles) {
    if (!services.includes(role.serviceSid) || !isDefaultRoleName(role.friendlyName)) {
      fail(`the emulator holds a role that is not in state: ${role.sid} "${role.friendlyName}"`);
    }
  }
  sameSet(
    "roles",
    declaredRoles,
    created(now.roles, before.roles).filter((sid) => !undeclaredRoles.some((r) => r.sid === sid)),
  );
  for (const id of ofKind("GlobalConfiguration")) {
    if (id !== accountSid) fail(`GlobalConfiguration has id ${id}, not the account ${accountSid}`);
  }
  for (const id of ofKind("ServiceConfiguration")) {
    if (!now.services.includes(id)) fail(`ServiceConfiguration ${id} belongs to a service the emulator does not have`);
  }
  return `the emulator holds exactly what the state says (${state.resources.length} resources)`;
}

/** The account's defaults point at the stack's service, as the program declares. */
export function expectAccountPointsAtService(state: StateFile, view: EmulatorView): string {
  const service = state.resources.find((r) => kindOf(r.type) === "ConversationService");
  if (!service) fail("state holds no ConversationService");
  const actual = view.v1.configuration.defaultChatServiceSid;
  if (actual !== service.id) fail(`the account's default conversation service is ${actual}, not the stack's ${service.id}`);
  return `the account's default conversation service is the stack's ${service.id}`;
}

/** The conversation `sid` has this friendly name in the emulator. */
export function expectConversationName(view: EmulatorView, sid: string, name: string): string {
  const conversation = view.v1.conversations.find((c) => c.sid === sid);
  if (!conversation) fail(`conversation ${sid} does not exist in the emulator`);
  if (conversation.friendlyName !== name)
    fail(`conversation ${sid} is named ${JSON.stringify(conversation.friendlyName)}, not ${JSON.stringify(name)}`);
  return `conversation ${sid} is named ${JSON.stringify(name)} in the emulator`;
}

/** The state file records this friendly name for conversation `sid`. */
export function expectRecordedName(state: StateFile, sid: string, name: string): string {
  const entry = state.resources.find((r) => r.id === sid);
  if (!entry) fail(`state holds no resource with id ${sid}`);
  if (entry.outputs.friendlyName !== name)
    fail(`state records ${JSON.stringify(entry.outputs.friendlyName)} as the name of ${sid}, not ${JSON.stringify(name)}`);
  return `state records ${JSON.stringify(name)}`;
}

/** After destroy: the state is empty, the account configuration is as before, and nothing created is left. */
export function expectRestored(state: StateFile, view: EmulatorView, baseline: EmulatorView): string {
  if (state.resources.length > 0) fail(`state still holds ${state.resources.map((r) => `${kindOf(r.type)} ${r.name}`).join(", ")}`);
  const was = JSON.stringify(baseline.v1.configuration);
  const is = JSON.stringify(view.v1.configuration);
  if (was !== is) fail(`the account configuration was not restored: it was ${was}, it is ${is}`);
  const before = objectIds(baseline);
  const now = objectIds(view);
  for (const key of Object.keys(before) as (keyof typeof before)[]) {
    const left = now[key].filter((id) => !before[key].includes(id));
    const lost = before[key].filter((id) => !now[key].includes(id));
    if (left.length > 0) fail(`destroy left ${key} behind: ${left.join(", ")}`);
    if (lost.length > 0) fail(`destroy removed ${key} the stack never created: ${lost.join(", ")}`);
  }
  const services = JSON.stringify(baseline.v1.services.map((s) => s.configuration));
  if (JSON.stringify(view.v1.services.map((s) => s.configuration)) !== services) {
    fail("a service configuration the stack never managed changed");
  }
  return "the account configuration is back to its original values and every created object is gone";
}

/**
 * The stack's ServiceConfiguration was put back to the values it recorded before its first write,
 * before destroy deleted the service itself (afterwards there would be nothing left to look at).
 * `entry` is its state entry before destroy; `requests` the emulator's log of the destroy.
 */
export function expectServiceConfigurationRestored(
  entry: StateFile["resources"][number],
  requests: ReadonlyArray<{ method: string; path: string; parsedBody: unknown }>,
): string {
  const serviceSid = entry.id;
  const originals = (entry.outputs.originalValues ?? {}) as Record<string, unknown>;
  const managed = Object.keys(entry.inputs).filter((k) => k !== "__provider" && k !== "chatServiceSid" && entry.inputs[k] !== null);
  const deletedAt = requests.findIndex((r) => r.method === "DELETE" && r.path === `/v1/Services/${serviceSid}`);
  const writes = requests.filter(
    (r, i) => r.method === "POST" && r.path === `/v1/Services/${serviceSid}/Configuration` && (deletedAt < 0 || i < deletedAt),
  );
  const restore = writes[writes.length - 1];
  if (!restore) fail(`destroy did not write service ${serviceSid}'s configuration back before deleting the service`);
  const body = (restore.parsedBody ?? {}) as Record<string, unknown>;
  for (const key of managed) {
    const wire = key[0]!.toUpperCase() + key.slice(1);
    const want = originals[key] === null || originals[key] === undefined ? "" : String(originals[key]);
    if (body[wire] !== want) {
      fail(
        `destroy wrote ${wire}=${JSON.stringify(body[wire])} to service ${serviceSid}'s configuration, not its recorded original ${JSON.stringify(want)}`,
      );
    }
  }
  return `service ${serviceSid}'s configuration was put back (${managed.join(", ")}) before the service was deleted`;
}
