import type { RunningEmulator } from "../../../emulator";

/**
 * A request to the emulator made the way someone outside Pulumi would (the Console, a script):
 * the account's own credentials, a form body for v1 (repeated keys from arrays) or `{ json }` for
 * v2. Fails on anything but 2xx.
 */
export async function twilioCall(
  emulator: RunningEmulator,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: Record<string, string | string[]> | { json: unknown },
): Promise<Record<string, unknown>> {
  const auth = Buffer.from(`${emulator.accountSid}:${emulator.authToken}`).toString("base64");
  const json = body && "json" in body ? body.json : undefined;
  const form =
    body && !("json" in body)
      ? new URLSearchParams(Object.entries(body).flatMap(([k, v]) => [v].flat().map((x): [string, string] => [k, String(x)])))
      : undefined;
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: {
      authorization: `Basic ${auth}`,
      ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: form ? form.toString() : json !== undefined ? JSON.stringify(json) : undefined,
  });
  const text = await response.text();
  if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
