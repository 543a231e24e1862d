import type { RunningEmulator } from "../../../emulator";
import type { StateResource } from "../../../engine-standin";
import { kindOfType } from "../../../resources/registry";

/** A GET against the emulator with the account's own credentials, as any API client would send it. */
export async function getStatus(emulator: RunningEmulator, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const auth = Buffer.from(`${emulator.accountSid}:${emulator.authToken}`).toString("base64");
  const response = await fetch(`${emulator.url}${path}`, { headers: { authorization: `Basic ${auth}` } });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The API path that fetches the object a state entry stands for (the kind's registry probe). */
export function livePathOf(resource: StateResource): string {
  const kind = kindOfType(resource.type);
  if (kind === undefined) throw new Error(`no live path for ${resource.type}: not a kind of this package`);
  return kind.probe.livePath(resource);
}

/** Fetches every state entry's object; returns the entries the emulator does not answer 200 for. */
export async function missingFromEmulator(emulator: RunningEmulator, resources: readonly StateResource[]): Promise<string[]> {
  const missing: string[] = [];
  for (const r of resources) {
    const { status } = await getStatus(emulator, livePathOf(r));
    if (status !== 200) {
      missing.push(`${r.name} (${r.id}): GET ${livePathOf(r)} answered ${status}`);
    }
  }
  return missing;
}

/** The kind of a state entry (`Conversation`). */
export function kindOf(resource: { type: string }): string {
  return resource.type.slice(resource.type.lastIndexOf(":") + 1);
}
