import type * as pulumi from "@pulumi/pulumi";

/*
 * Type-level helpers for the compile-time checks at the end of each resource file, which keep the
 * SDK's three views of a resource (Args, the provider's resolved inputs, its outputs) in step with
 * the provider's schema. Nothing here exists at run time.
 */

/** `true` when A and B have exactly the same keys, `false` otherwise (use with `true satisfies`). */
export type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;

/** An Args type with every `pulumi.Input` resolved: what the provider receives for it. */
export type Resolved<T> = { [K in keyof T]: pulumi.Unwrap<T[K]> };
