/**
 * What a promise rejected with, for tests that read the error's fields (a `PartialFailure`'s id
 * and properties) rather than match its message; a promise that resolves fails the test.
 */
export async function rejection<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (e) {
    return e as E;
  }
  throw new Error("expected a rejection");
}
