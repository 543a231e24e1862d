/**
 * A stand-in for the one HTTP client (provider/http/client.ts) in unit tests of a kind's api.ts:
 * every request is recorded in `sent` and answered with `data`, so a test asserts what was sent
 * without a server.
 */
import type { TwilioClient } from "../../provider/http/client";

/** The account the stand-in client acts for. */
export const ANSWERING_ACCOUNT = "AC" + "0".repeat(32);

export function answering(data: unknown): { client: TwilioClient; sent: unknown[] } {
  const sent: unknown[] = [];
  const client = {
    accountSid: ANSWERING_ACCOUNT,
    request: async (req: unknown) => (sent.push(req), { data }),
  } as unknown as TwilioClient;
  return { client, sent };
}
