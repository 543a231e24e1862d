/**
 * Every resource records the account it lives in. Acting on it with another account's credentials
 * would at best 404 (and a refresh would then drop it from state) and at worst touch the wrong
 * account, so it is refused with a message that says what to do.
 */
import { TwilioConversationsError } from "../error";
export class WrongAccountError extends TwilioConversationsError {}

export function assertSameAccount(recordedAccountSid: unknown, currentAccountSid: string, action: string): void {
  if (typeof recordedAccountSid !== "string" || recordedAccountSid === "") return; // state from before the field existed
  if (recordedAccountSid.toLowerCase() === currentAccountSid.toLowerCase()) return;
  throw new WrongAccountError(
    `Refusing ${action}: it belongs to account ${recordedAccountSid}, but the configured credentials are for account ` +
      `${currentAccountSid}. Set twilio:accountSid (and its token or API key) to the account the stack was deployed to, ` +
      `or use a separate stack for the other account.`,
  );
}
