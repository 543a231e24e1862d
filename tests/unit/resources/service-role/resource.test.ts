import * as pulumi from "@pulumi/pulumi";

import { ConversationService } from "../../../../resources/conversation-service/resource";
import { ServiceRole } from "../../../../resources/service-role/resource";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const IS = "IS" + "a".repeat(32);
const RL = "RL" + "b".repeat(32);
const ACCOUNT = "AC" + "0".repeat(32);
const created = mockResources((args) => {
  const isRole = args.type.endsWith(":ServiceRole");
  const sid = isRole ? RL : IS;
  const state = {
    ...args.inputs,
    sid,
    accountSid: ACCOUNT,
    dateCreated: "2024-01-01T00:00:00Z",
    dateUpdated: "2024-01-01T00:00:00Z",
    url: `https://x/${sid}`,
  };
  return { id: sid, state };
});

describe("ServiceRole (SDK)", () => {
  it("registers a dynamic resource of its type token with the inputs (outputs of other resources resolved), the shim and every output", async () => {
    const service = new ConversationService("support", { friendlyName: "Support" });
    const role = new ServiceRole("agent", {
      chatServiceSid: service.sid,
      friendlyName: "agent",
      type: "conversation",
      permissions: ["sendMessage", pulumi.output("leaveConversation")],
    });
    expect(await value(role.id)).toBe(RL);
    const args = registered(created, "agent");
    expectDynamicResource(args, "ServiceRole");
    expect(args.inputs).toMatchObject({
      chatServiceSid: IS,
      friendlyName: "agent",
      type: "conversation",
      permissions: ["sendMessage", "leaveConversation"],
    });

    expect(await value(role.sid)).toBe(RL);
    expect(await value(role.accountSid)).toBe(ACCOUNT);
    expect(await value(role.chatServiceSid)).toBe(IS);
    expect(await value(role.friendlyName)).toBe("agent");
    expect(await value(role.type)).toBe("conversation");
    expect(await value(role.permissions)).toEqual(["sendMessage", "leaveConversation"]);
    expect(await value(role.dateCreated)).toBe("2024-01-01T00:00:00Z");
    expect(await value(role.dateUpdated)).toBe("2024-01-01T00:00:00Z");
    expect(await value(role.url)).toBe(`https://x/${RL}`);
  });
});
