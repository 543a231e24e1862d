import type { RunningEmulator } from "../emulator";

/**
 * The parts of the emulator's state dump (`emulator.state()`, `GET /__emulator/state`) the demo
 * and its tests read. Only the fields used are named; the dump holds more.
 */
export interface EmulatorView {
  readonly v1: {
    readonly configuration: {
      defaultChatServiceSid: string | null;
      defaultMessagingServiceSid: string | null;
      defaultInactiveTimer: string | null;
      defaultClosedTimer: string | null;
    };
    readonly services: ReadonlyArray<{
      sid: string;
      friendlyName: string;
      configuration: {
        defaultConversationCreatorRoleSid: string | null;
        defaultConversationRoleSid: string | null;
        defaultChatServiceRoleSid: string | null;
        reachabilityEnabled: boolean;
      };
    }>;
    readonly roles: ReadonlyArray<{ sid: string; serviceSid: string; friendlyName: string; permissions: string[] }>;
    readonly conversations: ReadonlyArray<{ sid: string; serviceSid: string; uniqueName: string | null; friendlyName: string | null }>;
  };
  readonly v2: {
    readonly configurations: ReadonlyArray<{ id: string; displayName: string; description: string; version: number }>;
  };
}

/** The emulator's state now. */
export function viewOf(emulator: RunningEmulator): EmulatorView {
  return emulator.state() as EmulatorView;
}

/** Every object id the emulator holds, by collection: what "exists" means for the checks. */
export interface ObjectIds {
  readonly services: string[];
  readonly roles: string[];
  readonly conversations: string[];
  readonly orchestratorConfigurations: string[];
}

/** The ids of every service, role, conversation and v2 configuration, sorted. */
export function objectIds(view: EmulatorView): ObjectIds {
  const sorted = (ids: string[]) => [...ids].sort();
  return {
    services: sorted(view.v1.services.map((s) => s.sid)),
    roles: sorted(view.v1.roles.map((r) => r.sid)),
    conversations: sorted(view.v1.conversations.map((c) => c.sid)),
    orchestratorConfigurations: sorted(view.v2.configurations.map((c) => c.id)),
  };
}

/**
 * Renames a conversation the way someone in the Twilio Console (or another script) would: a
 * direct `POST /v1/Services/{IS}/Conversations/{CH}` with the account's own credentials, so
 * Pulumi's state knows nothing of it until a refresh.
 */
export async function renameConversationOutOfBand(
  emulator: RunningEmulator,
  serviceSid: string,
  conversationSid: string,
  friendlyName: string,
): Promise<void> {
  const auth = Buffer.from(`${emulator.accountSid}:${emulator.authToken}`).toString("base64");
  const response = await fetch(`${emulator.url}/v1/Services/${serviceSid}/Conversations/${conversationSid}`, {
    method: "POST",
    headers: { authorization: `Basic ${auth}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ FriendlyName: friendlyName }).toString(),
  });
  if (response.status !== 200) {
    throw new Error(`renaming conversation ${conversationSid} directly failed: HTTP ${response.status} ${await response.text()}`);
  }
}
