import { defineProvider } from "../../shared/define";
import { createService, deleteService, fetchService, inputsOf } from "./api";
import { conversationServiceSchema, type ConversationServiceInputs, type ConversationServiceOutputs } from "./schema";

/** How a service is named in messages: `ConversationService "support"`, or by SID. */
function describe(props: Partial<ConversationServiceInputs> | Partial<ConversationServiceOutputs>, id?: string): string {
  const name = typeof props.friendlyName === "string" && props.friendlyName !== "" ? JSON.stringify(props.friendlyName) : undefined;
  return `ConversationService ${name ?? id ?? "(new)"}`;
}

/**
 * A v1 conversation service. Twilio cannot update a service, so every input forces replacement
 * (new service first, then the old one is deleted with everything in it).
 */
export const conversationServiceProvider = defineProvider<ConversationServiceInputs, ConversationServiceOutputs>({
  kind: "ConversationService",
  schema: conversationServiceSchema,
  diff: {
    properties: { friendlyName: undefined },
    replaceOnChanges: ["friendlyName"],
    // Names are not unique, so old and new can coexist; creating first keeps a service in place
    // for anything that points at it until the replacement exists.
    deleteBeforeReplace: false,
  },
  describe,

  async create(inputs, { client }) {
    const outs = await createService(client, inputs, `creating ${describe(inputs)}`);
    return { id: outs.sid, outs };
  },

  async read(id, props, { client }) {
    const live = await fetchService(client, id, `reading ${describe(props, id)}`);
    return live && { props: live, inputs: inputsOf(live) };
  },

  async update(id, olds, news) {
    // Unreachable through Pulumi: diff asks for replacement on every change. Refuse rather than
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
