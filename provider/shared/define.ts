import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

import { configureFromStack, currentSettings, type Settings } from "../config";
import { TwilioConversationsError } from "../error";
import { clientFor, type TwilioClient } from "../http/client";
import { assertSameAccount } from "./account";
import { checkWith, PROVIDER_KEY, withoutProvider } from "./check";
import { diffInputs, type DiffSpec } from "./diff";
import { PartialFailure } from "./partial";

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
      return diffInputs(withoutProvider(olds), withoutProvider(news), def.diff);
    },
    async create(news) {
      const inputs = parse(news);
      const { id, outs } = await def.create(inputs, context()).catch(keepingProvider(news));
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
      const outs = await def.update(id, prior, parse(news), ctx).catch(keepingProvider(news));
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
