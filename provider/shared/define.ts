import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

import { configureFromStack, currentSettings, type Settings } from "../config";
import { TwilioConversationsError } from "../error";
import { clientFor, type TwilioClient } from "../http/client";
import { assertSameAccount } from "./account";
import { checkWith, PROVIDER_KEY, withoutProvider } from "./check";
import { warn } from "./diagnostics";
import { diffInputs, type DiffSpec, same } from "./diff";
import { PartialFailure } from "./partial";
import { type SentField, unapplied, writeNotApplied } from "./verify";

/** What a lifecycle function gets besides its inputs. */
export interface OperationContext {
  client: TwilioClient;
  settings: Settings;
}

/** Inputs that failed validation at the moment of a write (preview let unknown values through). */
export class InvalidInputsError extends TwilioConversationsError {}

/** One resource kind's lifecycle, in terms of validated inputs and typed outputs. */
export interface ResourceDefinition<I extends object, O extends { accountSid?: string }> {
  /** The kind name, as in the type token (`Conversation`). */
  kind: string;
  /** Validates and normalises the inputs (no I/O). */
  schema: z.ZodType<I>;
  diff: DiffSpec;
  /** How the resource is named in messages: `Conversation "support"`. */
  describe(props: Partial<I> | Partial<O>, id?: string): string;
  create(inputs: I, ctx: OperationContext): Promise<{ id: string; outs: O }>;
  /**
   * Live state, or undefined when the resource is gone. `id` is the resource's canonical id when
   * the one it was read by is another name for it (a conversation read by its unique name);
   * omitted, the id read by is kept.
   */
  read(id: string, props: O, ctx: OperationContext): Promise<{ id?: string; props: O; inputs: I } | undefined>;
  update(id: string, olds: O, news: I, ctx: OperationContext): Promise<O>;
  /** Must succeed when the resource is already gone. */
  delete(id: string, props: O, ctx: OperationContext): Promise<void>;
  /**
   * Properties the new inputs leave out that Twilio cannot clear (a friendly name, a SID): one
   * warning each, naming the resource, the property and why it is left as it is. diff reports
   * each warning to the engine and counts the removal as a change (an update that sends nothing
   * for it), so state stops claiming the property and the warning is shown once, not forever.
   */
  keptOnRemoval?(olds: O, news: Partial<I>): string[];
}

/**
 * Turns a definition into the provider the dynamic-provider host calls: configure records the
 * stack's settings, check validates before anything is sent, diff compares normalised inputs, and
 * every write is guarded by the account the resource was created in.
 */
export function defineProvider<I extends object, O extends { accountSid?: string }>(
  def: ResourceDefinition<I, O>,
): pulumi.dynamic.ResourceProvider {
  const context = (): OperationContext => {
    const settings = currentSettings();
    return { settings, client: clientFor(settings) };
  };
  const parse = (news: Record<string, unknown>): I => {
    const result = def.schema.safeParse(withoutProvider(news));
    if (result.success) return result.data;
    const details = result.error.issues.map((i) => `${i.path.map(String).join(".") || "(inputs)"}: ${i.message}`).join("; ");
    throw new InvalidInputsError(`Invalid inputs for ${def.describe(news as Partial<I>)}: ${details}`);
  };
  return {
    async configure(req) {
      configureFromStack(req.config);
    },
    async check(_olds, news) {
      return checkWith(def.schema, news);
    },
    async diff(_id, olds, news) {
      const [prior, next] = [withoutProvider(olds), withoutProvider(news)];
      const result = diffInputs(prior, next, def.diff);
      const kept = def.keptOnRemoval?.(prior as O, next as Partial<I>) ?? [];
      for (const warning of kept) await warn(warning);
      return kept.length > 0 ? { ...result, changes: true } : result;
    },
    async create(news) {
      const inputs = parse(news);
      const { id, outs } = await def
        .create(inputs, context())
        .then((created) => ({
          ...created,
          outs: verifyDeclared(def, `creating ${def.describe(inputs)}`, created.id, inputs, created.outs),
        }))
        .catch(keepingProvider(news));
      return { id, outs: outs as Record<string, unknown> };
    },
    async read(id, props) {
      const ctx = context();
      const olds = withoutProvider(props ?? {}) as O;
      assertSameAccount(olds.accountSid, ctx.client.accountSid, `to read ${def.describe(olds, id)}`);
      const live = await def.read(id, olds, ctx);
      if (!live) return { id: "", props: {} };
      return { id: live.id ?? id, props: live.props as Record<string, unknown>, inputs: live.inputs as Record<string, unknown> };
    },
    async update(id, olds, news) {
      const ctx = context();
      const prior = withoutProvider(olds) as O;
      assertSameAccount(prior.accountSid, ctx.client.accountSid, `to update ${def.describe(prior, id)}`);
      const inputs = parse(news);
      const outs = await def
        .update(id, prior, inputs, ctx)
        .then((updated) => verifyDeclared(def, `updating ${def.describe(inputs, id)}`, id, inputs, updated))
        .catch(keepingProvider(news));
      return { outs: outs as Record<string, unknown> };
    },
    async delete(id, props) {
      const ctx = context();
      const prior = withoutProvider(props) as O;
      assertSameAccount(prior.accountSid, ctx.client.accountSid, `to delete ${def.describe(prior, id)}`);
      await def.delete(id, prior, ctx);
    },
  };
}

/**
 * Write verification for every kind (see verify.ts): after a create or an update, each declared
 * input must hold in the outputs, which carry what Twilio reported, compared the way diff compares
 * them. A property Twilio did not apply fails the step as a PartialFailure holding the live
 * outputs: the object exists, state keeps what Twilio holds, and the next up tries again.
 */
function verifyDeclared<I extends object, O extends { accountSid?: string }>(
  def: ResourceDefinition<I, O>,
  action: string,
  id: string,
  inputs: I,
  outs: O,
): O {
  const declared = inputs as Record<string, unknown>;
  const live = outs as Record<string, unknown>;
  const fields: SentField[] = Object.entries(def.diff.properties)
    .filter(([key]) => declared[key] !== undefined)
    .map(([key, compare]) => ({ field: key, sent: declared[key], kept: live[key], same: compare ?? same.deep }));
  const missed = unapplied(fields);
  if (missed.length > 0) throw new PartialFailure(writeNotApplied(action, missed).message, id, live);
  return outs;
}

/**
 * A PartialFailure's properties become the resource's outputs in state as they are: the host adds
 * `__provider` to successful results only. Without it, the next delete or refresh of that
 * resource could not load its provider, so it is copied over from the inputs here.
 */
function keepingProvider(news: Record<string, unknown>): (e: unknown) => never {
  return (e) => {
    if (PartialFailure.isInstance(e) && news[PROVIDER_KEY] !== undefined && e.properties[PROVIDER_KEY] === undefined) {
      throw new PartialFailure(e.message, e.id, { ...e.properties, [PROVIDER_KEY]: news[PROVIDER_KEY] }, e.reasons);
    }
    throw e;
  };
}
