import { same } from "../../shared/diff";
import { defineProvider } from "../../shared/define";
import { createRole, deleteRole, fetchRole, inputsOf, updateRolePermissions } from "./api";
import { serviceRoleSchema, type ServiceRoleInputs, type ServiceRoleOutputs } from "./schema";

/** How a role is named in messages: `ServiceRole "agent"`, or by SID. */
function describe(props: Partial<ServiceRoleInputs> | Partial<ServiceRoleOutputs>, id?: string): string {
  const name = typeof props.friendlyName === "string" && props.friendlyName !== "" ? JSON.stringify(props.friendlyName) : undefined;
  return `ServiceRole ${name ?? id ?? "(new)"}`;
}

/** The service a recorded role lives in; without it the role cannot be addressed. */
function serviceOf(props: Partial<ServiceRoleOutputs>, id: string, doing: string): string {
  if (typeof props.chatServiceSid === "string" && props.chatServiceSid !== "") return props.chatServiceSid;
  throw new Error(
    `Cannot ${doing} ${describe(props, id)}: its chatServiceSid is not recorded, and a role is only addressable ` +
      `within its service (/v1/Services/{IS}/Roles/${id}).`,
  );
}

/**
 * A role in a v1 conversation service. Only the permissions can change in place (Twilio's update
 * takes `Permission` alone); a new service, name or type means a new role.
 */
export const serviceRoleProvider = defineProvider<ServiceRoleInputs, ServiceRoleOutputs>({
  kind: "ServiceRole",
  schema: serviceRoleSchema,
  diff: {
    properties: { chatServiceSid: same.sid, friendlyName: undefined, type: undefined, permissions: same.set },
    replaceOnChanges: ["chatServiceSid", "friendlyName", "type"],
    // The new role is created before the old one is deleted, so whatever points at the role (a
    // service's default role SIDs, participants) never points at nothing. Whether Twilio refuses
    // two roles of one name in a service is UNCONFIRMED; if it does, that create fails with
    // Twilio's message and the old role is untouched.
    deleteBeforeReplace: false,
  },
  describe,

  async create(inputs, { client }) {
    const outs = await createRole(client, inputs, `creating ${describe(inputs)}`);
    return { id: outs.sid, outs };
  },

  async read(id, props, { client }) {
    const live = await fetchRole(client, serviceOf(props, id, "read"), id, `reading ${describe(props, id)}`);
    return live && { props: live, inputs: inputsOf(live) };
  },

  async update(id, olds, news, { client }) {
    // diff only lets a permissions change through to update; the rest replace.
    return updateRolePermissions(client, serviceOf(olds, id, "update"), id, news.permissions, `updating ${describe(news, id)}`);
  },

  async delete(id, props, { client }) {
    await deleteRole(client, serviceOf(props, id, "delete"), id, `deleting ${describe(props, id)}`);
  },
});
