import { z } from "zod";

import { isoDuration, jsonAttributes, resourceInputs, sid, strictObject } from "../../provider/shared/fields";

/** Twilio's limit on a conversation's friendly name (official v1 spec: "limited to 256 characters"). */
export const MAX_FRIENDLY_NAME_LENGTH = 256;

/**
 * Limit on a unique name. UNCONFIRMED: the Conversations spec gives none; 256 is what Twilio
 * documents for unique names elsewhere (Sync error 54302: "a string with length 1-256").
 */
export const MAX_UNIQUE_NAME_LENGTH = 256;

/** What Twilio refuses as a unique name (code 50390): anything shaped like a SID, since `{Sid}` in a URL may be either. */
export const SID_SHAPE = /^[A-Z]{2}[0-9a-fA-F]{32}$/;

/** The states a conversation can be in; Twilio's default is `active`. */
export const CONVERSATION_STATES = ["initializing", "inactive", "active", "closed"] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** States in which Twilio accepts timers (50382 otherwise). */
export const TIMER_STATES: readonly ConversationState[] = ["active", "inactive"];

// Deliberately loose: Twilio does the real validation; this catches typos and a name put in the wrong field.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/**
 * A nested strict object of the inputs: an unknown key names what is allowed (a typo is the usual
 * cause); anything else says what shape is expected.
 */
function nested<S extends z.core.$ZodLooseShape>(shape: S, example: string) {
  const shapeError = `must be an object such as ${example}`;
  return strictObject(shape, {
    unknown: (_keys, allowed) => `is not a known property: expected one of ${allowed.join(", ")}`,
    missing: shapeError,
    notObject: shapeError,
  });
}

const lengthOf = (input: unknown): number => (typeof input === "string" ? input.length : 0);

const uniqueName = z
  .string({ error: `must be a string of 1 to ${MAX_UNIQUE_NAME_LENGTH} characters` })
  .refine((v) => v !== "", "must not be empty: omit uniqueName to leave the conversation without one")
  .max(MAX_UNIQUE_NAME_LENGTH, { error: (issue) => `must be at most ${MAX_UNIQUE_NAME_LENGTH} characters (got ${lengthOf(issue.input)})` })
  .refine(
    (v) => !SID_SHAPE.test(v),
    "must not look like a Twilio SID (two capital letters and 32 hex digits, such as CH0123...): Twilio refuses it " +
      "(code 50390) because a unique name can stand in for the SID in URLs; add a prefix or a dash",
  )
  // For JSON Schema (sdk/spec/json-schema.ts): the two refinements above, as it can say them.
  .meta({ minLength: 1, not: { pattern: SID_SHAPE.source } });

const friendlyName = z
  .string({ error: `must be a string of at most ${MAX_FRIENDLY_NAME_LENGTH} characters` })
  .max(MAX_FRIENDLY_NAME_LENGTH, {
    error: (issue) => `must be at most ${MAX_FRIENDLY_NAME_LENGTH} characters (got ${lengthOf(issue.input)})`,
  });

const timers = nested(
  {
    /** Idle time after which the conversation becomes `inactive`. */
    inactive: isoDuration(60).optional(),
    /** Idle time after which the conversation becomes `closed`. */
    closed: isoDuration(600).optional(),
  },
  '{ inactive: "PT1H", closed: "P1D" }',
);

const bindings = nested(
  {
    email: nested(
      {
        address: z
          .string({ error: "must be an email address such as support@example.com" })
          .regex(EMAIL, "must be an email address such as support@example.com"),
        name: z.string({ error: "must be a string: the sender name shown on outbound email" }).optional(),
      },
      '{ address: "support@example.com", name: "Support" }',
    ).partial({ address: true }),
  },
  '{ email: { address: "support@example.com" } }',
).partial();

const shape = {
  chatServiceSid: sid("IS", "a conversation service").optional(),
  uniqueName: uniqueName.optional(),
  friendlyName: friendlyName.optional(),
  attributes: jsonAttributes.optional(),
  messagingServiceSid: sid("MG", "a messaging service").optional(),
  state: z.enum(CONVERSATION_STATES, { error: `must be one of ${CONVERSATION_STATES.join(", ")}` }).optional(),
  timers: timers.optional(),
  bindings: bindings.optional(),
  webhooksEnabled: z.boolean({ error: "must be true or false" }).optional(),
  adoptExisting: z.boolean({ error: "must be true or false" }).optional(),
};

/**
 * The inputs of a Conversation, validated and normalised: `attributes` becomes canonical JSON
 * text, everything else is kept as written (SIDs and durations are compared loosely by diff).
 * Cross-field rules: timers need an active or inactive state (Twilio's 50382), adoption needs a
 * unique name.
 */
export const conversationSchema = resourceInputs("Conversation", shape).superRefine((inputs, ctx) => {
  const hasTimers = inputs.timers?.inactive !== undefined || inputs.timers?.closed !== undefined;
  if (hasTimers && inputs.state !== undefined && !TIMER_STATES.includes(inputs.state)) {
    ctx.addIssue({
      code: "custom",
      path: ["timers"],
      message:
        `can only be set on an active or inactive conversation, not a ${inputs.state} one (Twilio refuses it, code 50382): ` +
        `remove timers or set state to "active" or "inactive"`,
    });
  }
  if (inputs.adoptExisting === true && inputs.uniqueName === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["adoptExisting"],
      message: "needs a uniqueName: an existing conversation is adopted by its unique name",
    });
  }
});

/** Validated inputs, as check returns them. */
export type ConversationInputs = z.output<typeof conversationSchema>;

/** Declared timers: ISO 8601 durations, kept as written. */
export type ConversationTimers = NonNullable<ConversationInputs["timers"]>;
/** Declared bindings. */
export type ConversationBindings = NonNullable<ConversationInputs["bindings"]>;

/**
 * What a Conversation records in state. Input-shaped properties hold live values in the form check
 * produces (attributes as canonical JSON text), except `timers`, `bindings`, `webhooksEnabled` and
 * `adoptExisting`, which Twilio does not report back and are carried from the inputs.
 */
export interface ConversationOutputs {
  /** The conversation's SID (`CH` + 32 hex); also the resource id. */
  sid: string;
  /** The account the conversation lives in. */
  accountSid: string;
  /** The service the conversation lives in (the account's default one when none was declared). */
  chatServiceSid: string;
  uniqueName?: string;
  friendlyName?: string;
  /** Canonical JSON text; `"{}"` when unset. */
  attributes: string;
  messagingServiceSid?: string;
  state: ConversationState;
  /** The declared durations (Twilio reports only the resulting dates). */
  timers?: ConversationTimers;
  bindings?: ConversationBindings;
  webhooksEnabled?: boolean;
  adoptExisting?: boolean;
  /** When the inactive timer fires (ISO 8601 timestamp), if one is set. */
  dateInactive?: string;
  /** When the closed timer fires (ISO 8601 timestamp), if one is set. */
  dateClosed?: string;
  dateCreated?: string;
  dateUpdated?: string;
  /** The conversation's absolute API URL. */
  url?: string;
  /** The input properties the program set at the last create or update, sorted. */
  declaredProperties?: string[];
}
