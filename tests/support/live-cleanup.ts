/**
 * Leaving a real account as the live run found it: the objects the run created are deleted, the
 * singletons it changed are put back, and nothing else is touched.
 *
 * - What was created is known two ways: the registry (every create that went through the run's
 *   recording proxy, with the path that deletes it) and the run prefix every name the tests give
 *   carries (a create whose answer was lost never reaches the registry, but its name does).
 * - The account's configuration and each service's configuration are snapshotted before the first
 *   test; at the end, every field that differs is written back (a SID Twilio cannot empty is
 *   reported, not sent as ""). Only what differs is written, so an unchanged singleton sees no
 *   request at all.
 * - Order: singletons first (the account's default service may point at a service the run made),
 *   then the created objects, newest first (conversations and roles before their services).
 */
import * as fs from "node:fs";

import type { TwilioClient } from "../../provider/http/client";
import { isNotFound } from "../../provider/http/errors";
import { listAllV1 } from "../../provider/shared/v1-list";
import type { CreatedObject } from "./recording-proxy";

/** The run's record of what it created, in a file every jest worker appends to. */
export interface RunRegistry {
  record(created: CreatedObject): void;
  entries(): CreatedObject[];
}

/** A registry kept as JSON lines in `file` (appends are atomic enough for one line per create). */
export function fileRegistry(file: string): RunRegistry {
  return {
    record: (created) => fs.appendFileSync(file, `${JSON.stringify(created)}\n`),
    entries: () =>
      fs.existsSync(file)
        ? fs
            .readFileSync(file, "utf8")
            .split("\n")
            .filter((line) => line.trim() !== "")
            .map((line) => JSON.parse(line) as CreatedObject)
        : [],
  };
}

type Fields = Record<string, unknown>;

/** The singletons as the run found them. */
export interface SingletonSnapshot {
  account: Fields;
  /** Per pre-existing service SID. */
  services: Record<string, Fields>;
}

const ACCOUNT_FIELDS = {
  default_chat_service_sid: "DefaultChatServiceSid",
  default_messaging_service_sid: "DefaultMessagingServiceSid",
  default_inactive_timer: "DefaultInactiveTimer",
  default_closed_timer: "DefaultClosedTimer",
} as const;
const SERVICE_FIELDS = {
  default_conversation_creator_role_sid: "DefaultConversationCreatorRoleSid",
  default_conversation_role_sid: "DefaultConversationRoleSid",
  default_chat_service_role_sid: "DefaultChatServiceRoleSid",
  reachability_enabled: "ReachabilityEnabled",
} as const;
const TIMERS = new Set(["DefaultInactiveTimer", "DefaultClosedTimer"]);

function pick(data: Fields, fields: Record<string, string>): Fields {
  return Object.fromEntries(Object.keys(fields).map((k) => [k, data[k] ?? null]));
}

async function get(client: TwilioClient, path: string): Promise<Fields> {
  return (await client.request<Fields>({ method: "GET", path, action: "snapshotting for the live run" })).data;
}

/** Reads the account's configuration and every service's, before the run changes anything. */
export async function snapshotSingletons(client: TwilioClient): Promise<SingletonSnapshot> {
  const account = pick(await get(client, "/v1/Configuration"), ACCOUNT_FIELDS);
  const services: Record<string, Fields> = {};
  const list = (await listAllV1(client, "/v1/Services", "services", { pageSize: 100, action: "listing services" })) as Fields[];
  for (const service of list) {
    const sid = String(service.sid);
    services[sid] = pick(await get(client, `/v1/Services/${sid}/Configuration`), SERVICE_FIELDS);
  }
  return { account, services };
}

/** What a clean-up did, one line each. */
export interface CleanupReport {
  restored: string[];
  deleted: string[];
  /** Fields that could not be put back, objects that would not go. */
  problems: string[];
}

/** The form that puts `want` back where `now` differs; fields Twilio cannot empty are reported instead. */
function restoreForm(
  want: Fields,
  now: Fields,
  fields: Record<string, string>,
  where: string,
  report: CleanupReport,
): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [key, wire] of Object.entries(fields)) {
    if (JSON.stringify(want[key] ?? null) === JSON.stringify(now[key] ?? null)) continue;
    const value = want[key];
    if (value === null || value === undefined) {
      if (TIMERS.has(wire)) form[wire] = "PT0S";
      else
        report.problems.push(`${where}: ${wire} was unset before the run and Twilio cannot empty it; it stays ${JSON.stringify(now[key])}`);
    } else {
      form[wire] = String(value);
    }
  }
  return form;
}

async function deleteQuietly(client: TwilioClient, path: string, report: CleanupReport): Promise<void> {
  try {
    await client.request({ method: "DELETE", path, action: `deleting ${path} (live run clean-up)` });
    report.deleted.push(path);
  } catch (e) {
    if (!isNotFound(e)) report.problems.push(`${path}: ${(e as Error).message}`);
  }
}

/** What the run made that the registry may have missed: everything named with the run prefix. */
async function namedWithPrefix(client: TwilioClient, prefix: string, skip: Set<string>): Promise<string[]> {
  const paths: string[] = [];
  const services = (await listAllV1(client, "/v1/Services", "services", { pageSize: 100, action: "listing services" })) as Fields[];
  for (const service of services) {
    const sid = String(service.sid);
    if (String(service.friendly_name ?? "").startsWith(prefix)) {
      if (!skip.has(sid)) paths.push(`/v1/Services/${sid}`);
      continue; // its conversations and roles go with it
    }
    const base = `/v1/Services/${sid}/Conversations`;
    const conversations = (await listAllV1(client, base, "conversations", { pageSize: 100, action: "listing conversations" })) as Fields[];
    for (const c of conversations) {
      const named = [c.unique_name, c.friendly_name].some((n) => typeof n === "string" && n.startsWith(prefix));
      if (named && !skip.has(String(c.sid))) paths.push(`${base}/${String(c.sid)}`);
    }
  }
  const v2 = await client.request<{ configurations?: Fields[] }>({
    method: "GET",
    path: "/v2/ControlPlane/Configurations",
    query: { pageSize: 1000 },
    action: "listing orchestrator configurations",
  });
  for (const c of v2.data.configurations ?? []) {
    if (String(c.displayName ?? "").startsWith(prefix) && !skip.has(String(c.id)))
      paths.push(`/v2/ControlPlane/Configurations/${String(c.id)}`);
  }
  return paths;
}

/**
 * Puts the account back: singletons as snapshotted, then every created object deleted (registry
 * first, newest first; then anything else named with the run prefix). Never throws: what could not
 * be done is in the report's `problems`, for the run to print.
 */
export async function cleanUp(
  client: TwilioClient,
  options: {
    created: readonly CreatedObject[];
    /** Singletons to put back (the end of the run; not per file, while other files still run). */
    snapshot?: SingletonSnapshot;
    /** Delete anything else named with this run prefix (the end of the run only, for the same reason). */
    sweepPrefix?: string;
  },
): Promise<CleanupReport> {
  const report: CleanupReport = { restored: [], deleted: [], problems: [] };
  const attempt = async (what: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      report.problems.push(`${what}: ${(e as Error).message}`);
    }
  };
  const { snapshot } = options;
  if (snapshot) {
    await attempt("/v1/Configuration", async () => {
      const form = restoreForm(
        snapshot.account,
        pick(await get(client, "/v1/Configuration"), ACCOUNT_FIELDS),
        ACCOUNT_FIELDS,
        "account",
        report,
      );
      if (Object.keys(form).length === 0) return;
      await client.request({ method: "POST", path: "/v1/Configuration", form, action: "restoring the account configuration" });
      report.restored.push(`/v1/Configuration ${Object.keys(form).join(", ")}`);
    });
    for (const [sid, want] of Object.entries(snapshot.services)) {
      const path = `/v1/Services/${sid}/Configuration`;
      await attempt(path, async () => {
        let now: Fields;
        try {
          now = pick(await get(client, path), SERVICE_FIELDS);
        } catch (e) {
          if (isNotFound(e)) return; // gone, and not ours to bring back
          throw e;
        }
        const form = restoreForm(want, now, SERVICE_FIELDS, sid, report);
        if (Object.keys(form).length === 0) return;
        await client.request({ method: "POST", path, form, action: `restoring ${path}` });
        report.restored.push(`${path} ${Object.keys(form).join(", ")}`);
      });
    }
  }
  for (const created of [...options.created].reverse()) await deleteQuietly(client, created.deletePath, report);
  const prefix = options.sweepPrefix;
  if (prefix === undefined) return report;
  // A short or empty prefix would match what the run did not make.
  if (!/^[a-z0-9]{6,}-$/.test(prefix)) {
    report.problems.push(`not sweeping by name: ${JSON.stringify(prefix)} is not a run prefix`);
    return report;
  }
  await attempt(`sweeping names starting with ${prefix}`, async () => {
    const done = new Set(options.created.map((c) => c.id));
    for (const path of await namedWithPrefix(client, prefix, done)) await deleteQuietly(client, path, report);
  });
  return report;
}
