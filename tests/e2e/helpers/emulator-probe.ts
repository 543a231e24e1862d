import type { RunningEmulator } from "../../../emulator";
import type { StateResource } from "../../../engine-standin";

/** A GET against the emulator with the account's own credentials, as any API client would send it. */
export async function getStatus(emulator: RunningEmulator, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const auth = Buffer.from(`${emulator.accountSid}:${emulator.authToken}`).toString("base64");
  const response = await fetch(`${emulator.url}${path}`, { headers: { authorization: `Basic ${auth}` } });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The API path that fetches the object a state entry stands for. */
export function livePathOf(resource: StateResource): string {
  const kind = resource.type.slice(resource.type.lastIndexOf(":") + 1);
  const service = String(resource.outputs.chatServiceSid);
  switch (kind) {
    case "ConversationService":
      return `/v1/Services/${resource.id}`;
    case "ServiceRole":
      return `/v1/Services/${service}/Roles/${resource.id}`;
    case "Conversation":
      return `/v1/Services/${service}/Conversations/${resource.id}`;
    case "ServiceConfiguration":
      return `/v1/Services/${resource.id}/Configuration`;
    case "GlobalConfiguration":
      return "/v1/Configuration";
    case "OrchestratorConfiguration":
      return `/v2/ControlPlane/Configurations/${resource.id}`;
    default:
      throw new Error(`no live path for ${resource.type}`);
  }
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
