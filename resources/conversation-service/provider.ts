import { withAdoption } from "../../provider/shared/adopt-existing";
import { defineProvider, type OperationContext } from "../../provider/shared/define";
import { createService, deleteService, fetchService, inputsOf, listServices } from "./api";
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
    properties: { friendlyName: undefined, adoptExisting: undefined },
    replaceOnChanges: ["friendlyName"],
    // Names are not unique, so old and new can coexist; creating first keeps a service in place
    // for anything that points at it until the replacement exists.
    deleteBeforeReplace: false,
  },
  describe,

  async create(inputs, ctx) {
    const adopted = inputs.adoptExisting ? await findServiceToAdopt(inputs, ctx) : undefined;
    const outs = adopted ?? (await createService(ctx.client, inputs, `creating ${describe(inputs)}`));
    return { id: outs.sid, outs: withAdoption(outs, inputs.adoptExisting) };
  },

  async read(id, props, { client }) {
    const live = await fetchService(client, id, `reading ${describe(props, id)}`);
    if (!live) return undefined;
    const outs = withAdoption(live, props.adoptExisting);
    return { props: outs, inputs: inputsOf(outs) };
  },

  async update(id, olds, news) {
    if (news.friendlyName === olds.friendlyName) {
      // Only adoptExisting changed: nothing to send.
      return withAdoption(olds, news.adoptExisting);
    }
    // Unreachable through Pulumi: diff asks for replacement on a new name. Refuse rather than
    // claim an update that did not happen.
    throw new Error(
      `${describe(olds, id)} cannot be updated in place (Twilio has no update for services); ` +
        `changing friendlyName to ${JSON.stringify(news.friendlyName)} needs a replacement.`,
    );
  },

  async delete(id, props, { client }) {
    await deleteService(client, id, `deleting ${describe(props, id)}`);
  },
});
