import type * as pulumi from "@pulumi/pulumi";

/*
 * Type-level helpers for the compile-time checks at the end of each resource file, which keep the
 * SDK's views of a resource (Args, the provider's resolved inputs, the outputs the class declares)
 * in step with the provider's schema and what it records. Nothing here exists at run time.
 */

/** `true` when A and B have exactly the same keys, `false` otherwise (use with `true satisfies`). */
export type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;

/** An Args type with every `pulumi.Input` resolved: what the provider receives for it. */
export type Resolved<T> = { [K in keyof T]: pulumi.Unwrap<T[K]> };

/** `true` when A and B are the same type (each assignable to the other), `false` otherwise. */
export type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The properties a resource class declares as outputs, less the engine's own `id` and `urn`. */
export type DeclaredOutputNames<C> = {
  [K in keyof C]: C[K] extends pulumi.Output<unknown> ? K : never;
}[Exclude<keyof C, "id" | "urn">];

/**
 * The names on which a resource class and what its provider records disagree: an output the
 * provider records that the class does not declare (or declares with another value type, such as
 * `string` where the provider stores `null`), or one the class declares that is never recorded.
 * `never` when they agree; check with `true satisfies Exactly<OutputMismatches<C, O>, never>`.
 */
export type OutputMismatches<C, O> =
  | {
      [K in keyof O]-?: K extends keyof C ? (Exactly<C[K], pulumi.Output<O[K]>> extends true ? never : K) : K;
    }[keyof O]
  | Exclude<DeclaredOutputNames<C>, keyof O>;
