/**
 * Inputs of a ServiceNotificationConfiguration: one chat service's push notification settings.
 * `chatServiceSid` names the service (its change means another resource); the settings are nested
 * per event as the API groups them (`newMessage.template`, `newMessage.withMedia.enabled`, ...),
 * and only the declared leaves are managed (see provider.ts and provider/shared/singleton.ts).
 *
 * The lifecycle works on the leaves, each under its dotted path (`newMessage.withMedia.template`):
 * {@link LEAVES} lists them, and {@link flatten} / {@link nest} turn the nested form into that one
 * and back.
 */
import { z } from "zod";

import { resourceInputs, sid, strictObject } from "../../provider/shared/fields";
import type { FieldValues } from "../../provider/shared/singleton";
import type { Managed, ServiceNotificationConfigurationValues } from "./resource";

/** A yes/no setting. */
const flag = () => z.boolean({ error: "must be true or false" }).optional();

/** A template or a sound: text, or `null` for Twilio's default (no template or sound of the service's own). */
const text = (what: string) =>
  z
    .string({ error: `must be ${what} (text), or null for Twilio's default` })
    .refine((value) => value.trim() !== "", `must not be blank: give ${what}, or null for Twilio's default`)
    .nullable()
    .optional();

/** A strict object of the inputs, named in its messages: `unknown property "x" in newMessage: it takes enabled, ...`. */
function section<S extends z.ZodRawShape>(name: string, shape: S) {
  return strictObject(shape, {
    unknown: (keys, allowed) =>
      `unknown property ${keys.map((k) => JSON.stringify(k)).join(", ")} in ${name}: it takes ${allowed.join(", ")}`,
    notObject: `must be an object (${Object.keys(shape).join(", ")}, each optional)`,
  }).optional();
}

/** One event's settings: whether it sends a push, with what text (a template) and what sound. */
const event = (name: string) =>
  section(name, {
    enabled: flag(),
    template: text("the notification template"),
    sound: text("the name of the sound"),
  });

export const serviceNotificationConfigurationSchema = resourceInputs("ServiceNotificationConfiguration", {
  chatServiceSid: sid("IS", "a chat service"),
  logEnabled: flag(),
  newMessage: section("newMessage", {
    enabled: flag(),
    template: text("the notification template"),
    sound: text("the name of the sound"),
    badgeCountEnabled: flag(),
    withMedia: section("newMessage.withMedia", {
      enabled: flag(),
      template: text("the notification template for messages with media"),
    }),
  }),
  addedToConversation: event("addedToConversation"),
  removedFromConversation: event("removedFromConversation"),
});

/** Checked inputs: the service and the declared settings, verbatim. */
export type ServiceNotificationConfigurationInputs = z.output<typeof serviceNotificationConfigurationSchema>;

/** What names the singleton: the chat service. */
export type ServiceNotificationConfigurationScope = Pick<ServiceNotificationConfigurationInputs, "chatServiceSid">;

/** Every leaf of the settings: its dotted path, and whether it is a flag (else text: a template or a sound). */
export const LEAVES = [
  ["logEnabled", "flag"],
  ["newMessage.enabled", "flag"],
  ["newMessage.template", "text"],
  ["newMessage.sound", "text"],
  ["newMessage.badgeCountEnabled", "flag"],
  ["newMessage.withMedia.enabled", "flag"],
  ["newMessage.withMedia.template", "text"],
  ["addedToConversation.enabled", "flag"],
  ["addedToConversation.template", "text"],
  ["addedToConversation.sound", "text"],
  ["removedFromConversation.enabled", "flag"],
  ["removedFromConversation.template", "text"],
  ["removedFromConversation.sound", "text"],
] as const;

type Leaf = (typeof LEAVES)[number];
type LeafPath = Leaf[0];

/** The settings as the lifecycle holds them: each leaf under its dotted path. */
export type ServiceNotificationFields = {
  [P in LeafPath]?: Extract<Leaf, readonly [P, string]>[1] extends "flag" ? boolean : string | null;
};

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The value at a dotted path of a nested object (undefined where there is none). */
function leafOf(nested: unknown, path: string): unknown {
  let value = nested;
  for (const part of path.split(".")) value = isRecord(value) ? value[part] : undefined;
  return value;
}

/** The leaves of nested settings that have a value (`null` included: a managed leaf Twilio holds none for). */
export function flatten(nested: unknown): Partial<Record<LeafPath, unknown>> {
  const out: Partial<Record<LeafPath, unknown>> = {};
  for (const [path] of LEAVES) {
    const value = leafOf(nested, path);
    if (value !== undefined) out[path] = value;
  }
  return out;
}

/** Nested settings from leaves by dotted path; leaves without a value are left out (and objects that would be empty). */
export function nest(flat: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path] of LEAVES) {
    const value = flat[path];
    if (value === undefined) continue;
    const parts = path.split(".");
    let at = out;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]!] = value;
  }
  return out;
}

/** Every leaf's value as Twilio holds it, by dotted path; `null` where unset. */
export type ServiceNotificationFlatValues = FieldValues<ServiceNotificationFields>;

/** Every leaf's value, nested as the SDK shows it (`originalValues`). */
export const nestedValues = (flat: ServiceNotificationFlatValues) => nest(flat) as unknown as ServiceNotificationConfigurationValues;

/**
 * Outputs: `chatServiceSid`, the managed leaves with their live values (nested as the inputs are;
 * `null` where Twilio has none), `originalValues` (every leaf as found before the first write),
 * `accountSid` and `url`.
 */
export type ServiceNotificationConfigurationOutputs = ServiceNotificationConfigurationScope &
  Managed<ServiceNotificationConfigurationValues> & {
    originalValues: ServiceNotificationConfigurationValues;
    accountSid: string;
    url: string | null;
  };
