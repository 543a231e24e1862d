import { ConversationService } from "../../../../resources/conversation-service/resource";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const SID = "IS" + "a".repeat(32);
const ACCOUNT = "AC" + "0".repeat(32);
const created = mockResources((args) => {
  // What the provider's create would return: the inputs plus the server's outputs.
  const state = {
    ...args.inputs,
    sid: SID,
    accountSid: ACCOUNT,
    dateCreated: "2024-01-01T00:00:00Z",
    dateUpdated: "2024-01-01T00:00:00Z",
    url: `https://conversations.twilio.com/v1/Services/${SID}`,
  };
  return { id: SID, state };
});

describe("ConversationService (SDK)", () => {
  it("registers a dynamic resource of its type token with the inputs, the provider shim and every output", async () => {
    const service = new ConversationService("support", { friendlyName: "Support" });
    expect(await value(service.id)).toBe(SID);
    const args = registered(created, "support");
    expectDynamicResource(args, "ConversationService");
    expect(args.inputs.friendlyName).toBe("Support");

    expect(await value(service.sid)).toBe(SID);
    expect(await value(service.accountSid)).toBe(ACCOUNT);
    expect(await value(service.friendlyName)).toBe("Support");
    expect(await value(service.dateCreated)).toBe("2024-01-01T00:00:00Z");
    expect(await value(service.dateUpdated)).toBe("2024-01-01T00:00:00Z");
    expect(await value(service.url)).toBe(`https://conversations.twilio.com/v1/Services/${SID}`);
  });
});
