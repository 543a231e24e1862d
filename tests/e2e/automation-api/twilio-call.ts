import type { RunningEmulator } from "../../../emulator";

/**
 * A request to the emulator made the way someone outside Pulumi would (the Console, a script):
 * the account's own credentials, a form body for v1. Fails on anything but 2xx.
 */
export async function twilioCall(
  emulator: RunningEmulator,
  method: "GET" | "POST" | "DELETE",
  path: string,
  form?: Record<string, string>,
): Promise<Record<string, unknown>> {
  const auth = Buffer.from(`${emulator.accountSid}:${emulator.authToken}`).toString("base64");
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Basic ${auth}`, ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const text = await response.text();
  if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
