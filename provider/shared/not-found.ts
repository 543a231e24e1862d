import { isNotFound } from "../http/errors";

/**
 * Runs a request (and the reading of its answer) and resolves to its result, or to undefined when
 * Twilio answers 404: the resource, or the service it lives in, is gone. Every other error
 * propagates unchanged. Reads use it so refresh can report a deleted resource, and writes whose
 * target may have vanished use it so the caller can say so.
 */
export async function undefinedIfNotFound<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}
