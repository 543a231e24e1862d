/**
 * A write that failed after the resource came to exist. The dynamic-provider host turns an error
 * with `id` into Pulumi's "resource initialization failed" status, so the engine keeps the resource
 * in state with these properties instead of forgetting it: nothing is orphaned, and the next
 * `pulumi up` retries the update on the existing resource.
 */
import { TwilioConversationsError } from "../error";
export class PartialFailure extends TwilioConversationsError {
  constructor(
    message: string,
    /** The id of the resource that exists. */
    readonly id: string,
    /** Its outputs as far as they are known. */
    readonly properties: Record<string, unknown>,
    /** What went wrong, one line each. */
    readonly reasons: string[] = [message],
  ) {
    super(message);
  }
}
