/**
 * The root of every error this package throws.
 *
 * `instanceof` fails when two copies of a class meet: the dynamic-provider host runs the provider
 * code stored in state, a program can load a second copy of the package (a nested `node_modules`,
 * a `file:` link), and jest gives every test file its own module registry. So each class marks its
 * instances with a registered symbol per class in its chain (`Symbol.for` is shared across copies),
 * and `isInstance` checks the mark, not the prototype; the Vercel AI SDK's `AISDKError.isInstance`
 * does the same (https://github.com/vercel/ai/blob/main/packages/provider/src/errors/ai-sdk-error.ts).
 *
 * ```ts
 * if (TwilioApiError.isInstance(e) && e.status === 404) ...
 * ```
 */
const MARKER_PREFIX = "pulumi-twilio-conversations.error.";

const markerOf = (className: string): symbol => Symbol.for(MARKER_PREFIX + className);

export class TwilioConversationsError extends Error {
  // `{ cause }` spelled out: lib.es2022's ErrorOptions is missing under the older targets users compile with.
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    // The class's own name, not "Error": messages and logs name the kind of failure.
    Object.defineProperty(this, "name", { value: new.target.name, enumerable: false, configurable: true, writable: true });
    for (let c: unknown = new.target; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) {
      Object.defineProperty(this, markerOf((c as { name: string }).name), { value: true, enumerable: false });
    }
  }

  /** True when `error` is an instance of this class (or a subclass), from any copy of the package. */
  static isInstance<T>(this: abstract new (...args: never[]) => T, error: unknown): error is T {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[markerOf(this.name)] === true;
  }
}
