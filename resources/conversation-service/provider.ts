import { withAdoption } from "../../provider/shared/adopt-existing";
import { defineProvider, type OperationContext } from "../../provider/shared/define";
import { PartialFailure } from "../../provider/shared/partial";
import { keptOnRemoval, WITHOUT_DEFAULT_ROLE_REMOVAL } from "../../provider/shared/twilio-facts";
import { createService, defaultRolesAbsent, deleteDefaultRoles, deleteService, fetchService, inputsOf, listServices } from "./api";
import { type ConversationServiceInputs, type ConversationServiceOutputs, conversationServiceSchema } from "./schema";

/** How a service is named in messages: `ConversationService "support"`, or by SID. */
function describe(props: Partial<ConversationServiceInputs> | Partial<ConversationServiceOutputs>, id?: string): string {
  const name = typeof props.friendlyName === "string" && props.friendlyName !== "" ? JSON.stringify(props.friendlyName) : undefined;
  return `ConversationService ${name ?? id ?? "(new)"}`;
}

/**
 * With `adoptExisting`, the account's one service of the declared name, if there is one.
 * Several of that name: an error, since picking one would be a guess.
 */
async function findServiceToAdopt(
  inputs: ConversationServiceInputs,
  ctx: OperationContext,
): Promise<ConversationServiceOutputs | undefined> {
  const action = `creating ${describe(inputs)} (looking for a service of that name to adopt)`;
  const matches = (await listServices(ctx.client, action)).filter((s) => s.friendlyName === inputs.friendlyName);
  if (matches.length > 1) {
    throw new Error(
      `Cannot adopt ${describe(inputs)}: the account has ${matches.length} services of that name (${matches.map((s) => s.sid).join(", ")}). ` +
        `Delete or rename the extra ones, or remove adoptExisting to create a new service.`,
    );
  }
  return matches[0];
}

/**
 * Deletes the default roles the service does without, recording those it no longer has. The
 * service exists by then: a failure keeps it in state (PartialFailure) and the next up tries again.
 */
async function withoutDefaultRoles(
  outs: ConversationServiceOutputs,
  names: ConversationServiceInputs["withoutDefaultRoles"],
  action: string,
  ctx: OperationContext,
): Promise<ConversationServiceOutputs> {
  if (names === undefined) return outs;
  try {
    return { ...outs, withoutDefaultRoles: await deleteDefaultRoles(ctx.client, outs.sid, names, action) };
  } catch (e) {
    const held = outs.withoutDefaultRoles ?? [];
    throw new PartialFailure(
      `${(e as Error).message} (the service ${outs.sid} exists; the next pulumi up deletes the roles again)`,
      outs.sid,
      { ...outs, withoutDefaultRoles: held } as unknown as Record<string, unknown>,
    );
  }
}

/**
 * A v1 conversation service. Twilio cannot update a service, so a new name forces replacement
 * (new service first, then the old one is deleted with everything in it). With `adoptExisting`
 * the create takes charge of the account's only service of that name, if any, instead of making
 * one; from then on it is managed like any other (a destroy deletes it).
 */
export const conversationServiceProvider = defineProvider<ConversationServiceInputs, ConversationServiceOutputs>({
  kind: "ConversationService",
  schema: conversationServiceSchema,
  diff: {
    // adoptExisting only matters at create; a change to it is recorded by update without a request.
    // withoutDefaultRoles is normalised by check (sorted, no duplicates), so lists compare as they are.
    properties: { friendlyName: undefined, adoptExisting: undefined, withoutDefaultRoles: undefined },
    replaceOnChanges: ["friendlyName"],
    // Names are not unique, so old and new can coexist; creating first keeps a service in place
    // for anything that points at it until the replacement exists.
    deleteBeforeReplace: false,
  },
  describe,

  async create(inputs, ctx) {
    const adopted = inputs.adoptExisting ? await findServiceToAdopt(inputs, ctx) : undefined;
    const action = `creating ${describe(inputs)}`;
    const outs = withAdoption(adopted ?? (await createService(ctx.client, inputs, action)), inputs.adoptExisting);
    return { id: outs.sid, outs: await withoutDefaultRoles(outs, inputs.withoutDefaultRoles, action, ctx) };
  },

  async read(id, props, { client }) {
    const action = `reading ${describe(props, id)}`;
    const live = await fetchService(client, id, action);
    if (!live) return undefined;
    const outs = withAdoption(live, props.adoptExisting);
    // Only a service that declares some reads its roles: refresh stays one GET per other service.
    const declared = props.withoutDefaultRoles;
    const read = declared === undefined ? outs : { ...outs, withoutDefaultRoles: await defaultRolesAbsent(client, id, declared, action) };
    return { props: read, inputs: inputsOf(read) };
  },

  async update(id, olds, news, ctx) {
    if (news.friendlyName === olds.friendlyName) {
      // adoptExisting is recorded without a request; roles the service should do without are deleted.
      const { withoutDefaultRoles: _recorded, ...rest } = withAdoption(olds, news.adoptExisting);
      return withoutDefaultRoles(rest as ConversationServiceOutputs, news.withoutDefaultRoles, `updating ${describe(news, id)}`, ctx);
    }
    // Unreachable through Pulumi: diff asks for replacement on a new name. Refuse rather than
    // claim an update that did not happen.
    throw new Error(
      `${describe(olds, id)} cannot be updated in place (Twilio has no update for services); ` +
        `changing friendlyName to ${JSON.stringify(news.friendlyName)} needs a replacement.`,
    );
  },

  keptOnRemoval(olds, news) {
    if (news.withoutDefaultRoles !== undefined || olds.withoutDefaultRoles === undefined) return [];
    return [keptOnRemoval(describe(olds, olds.sid), "withoutDefaultRoles", WITHOUT_DEFAULT_ROLE_REMOVAL, olds.withoutDefaultRoles)];
  },

  async delete(id, props, { client }) {
    await deleteService(client, id, `deleting ${describe(props, id)}`);
  },
});
