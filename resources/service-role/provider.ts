import { withAdoption } from "../../provider/shared/adopt-existing";
import { defineProvider, type OperationContext } from "../../provider/shared/define";
import { same } from "../../provider/shared/diff";
import { createRole, deleteRole, fetchRole, inputsOf, listRoles, updateRolePermissions } from "./api";
import { type ServiceRoleInputs, type ServiceRoleOutputs, serviceRoleSchema } from "./schema";

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
 * With `adoptExisting`, the service's one role of the declared name, its permissions set to the
 * declared ones; undefined when the service has none of that name. Several of that name, or one
 * of the other type (a type cannot change in place), is an error.
 */
async function adoptRole(inputs: ServiceRoleInputs, ctx: OperationContext): Promise<ServiceRoleOutputs | undefined> {
  const subject = describe(inputs);
  const matches = (
    await listRoles(ctx.client, inputs.chatServiceSid, `creating ${subject} (looking for a role of that name to adopt)`)
  ).filter((r) => r.friendlyName === inputs.friendlyName);
  if (matches.length === 0) return undefined;
  if (matches.length > 1) {
    throw new Error(
      `Cannot adopt ${subject}: service ${inputs.chatServiceSid} has ${matches.length} roles of that name (${matches.map((r) => r.sid).join(", ")}). ` +
        `Delete the extra ones, or remove adoptExisting to create a new role.`,
    );
  }
  const found = matches[0]!;
  if (found.type !== inputs.type) {
    throw new Error(
      `Cannot adopt ${subject}: the existing role ${found.sid} is a ${found.type} role and the program declares a ${inputs.type} one ` +
        `(a role's type cannot change). Fix the type, or rename the role to create a new one.`,
    );
  }
  if (same.set(found.permissions, inputs.permissions)) return found;
  return updateRolePermissions(ctx.client, inputs.chatServiceSid, found.sid, inputs.permissions, `adopting ${subject}`);
}

/**
 * A role in a v1 conversation service. Only the permissions can change in place (Twilio's update
 * takes `Permission` alone); a new service, name or type means a new role. With `adoptExisting`
 * the create takes charge of the service's only role of that name, if any (a new service comes
 * with default roles), setting its permissions; from then on it is managed like any other.
 */
export const serviceRoleProvider = defineProvider<ServiceRoleInputs, ServiceRoleOutputs>({
  kind: "ServiceRole",
  schema: serviceRoleSchema,
  diff: {
    // adoptExisting only matters at create; a change to it is recorded by update without a request.
    properties: { chatServiceSid: same.sid, friendlyName: undefined, type: undefined, permissions: same.set, adoptExisting: undefined },
    replaceOnChanges: ["chatServiceSid", "friendlyName", "type"],
    // The new role is created before the old one is deleted, so whatever points at the role (a
    // service's default role SIDs, participants) never points at nothing. Whether Twilio refuses
    // two roles of one name in a service is UNCONFIRMED; if it does, that create fails with
    // Twilio's message and the old role is untouched.
    deleteBeforeReplace: false,
  },
  describe,

  async create(inputs, ctx) {
    const adopted = inputs.adoptExisting ? await adoptRole(inputs, ctx) : undefined;
    const outs = adopted ?? (await createRole(ctx.client, inputs, `creating ${describe(inputs)}`));
    return { id: outs.sid, outs: withAdoption(outs, inputs.adoptExisting) };
  },

  async read(id, props, { client }) {
    const live = await fetchRole(client, serviceOf(props, id, "read"), id, `reading ${describe(props, id)}`);
    if (!live) return undefined;
    const outs = withAdoption(live, props.adoptExisting);
    return { props: outs, inputs: inputsOf(outs) };
  },

  async update(id, olds, news, { client }) {
    // diff only lets permissions and adoptExisting through to update; the rest replace.
    if (same.set(olds.permissions, news.permissions)) return withAdoption(olds, news.adoptExisting);
    const outs = await updateRolePermissions(client, serviceOf(olds, id, "update"), id, news.permissions, `updating ${describe(news, id)}`);
    return withAdoption(outs, news.adoptExisting);
  },

  async delete(id, props, { client }) {
    await deleteRole(client, serviceOf(props, id, "delete"), id, `deleting ${describe(props, id)}`);
  },
});
