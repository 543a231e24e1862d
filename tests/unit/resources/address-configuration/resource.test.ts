import { AddressConfiguration } from "../../../../resources/address-configuration/resource";
import { ConversationService } from "../../../../resources/conversation-service/resource";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const IS = "IS" + "a".repeat(32);
const IG = "IG" + "b".repeat(32);
const ACCOUNT = "AC" + "0".repeat(32);
const created = mockResources((args) => {
  const sid = args.type.endsWith(":AddressConfiguration") ? IG : IS;
  return { id: sid, state: { ...args.inputs, sid, accountSid: ACCOUNT, dateCreated: "2024-01-01T00:00:00Z", url: `https://x/${sid}` } };
});

describe("AddressConfiguration (SDK)", () => {
  it("registers a dynamic resource of its type token with the inputs (outputs of other resources resolved), the shim and every output", async () => {
    const service = new ConversationService("support", { friendlyName: "Support" });
    const address = new AddressConfiguration("sms", {
      type: "sms",
      address: "+15551234567",
      autoCreation: { enabled: true, type: "default", conversationServiceSid: service.sid },
      adoptExisting: true,
    });
    expect(await value(address.id)).toBe(IG);
    const args = registered(created, "sms");
    expectDynamicResource(args, "AddressConfiguration");
    expect(args.inputs).toMatchObject({
      type: "sms",
      address: "+15551234567",
      autoCreation: { enabled: true, type: "default", conversationServiceSid: IS },
      adoptExisting: true,
    });
    expect(await value(address.sid)).toBe(IG);
    expect(await value(address.accountSid)).toBe(ACCOUNT);
    expect(await value(address.type)).toBe("sms");
    expect(await value(address.address)).toBe("+15551234567");
    expect(await value(address.autoCreation)).toEqual({ enabled: true, type: "default", conversationServiceSid: IS });
    expect(await value(address.adoptExisting)).toBe(true);
    expect(await value(address.dateCreated)).toBe("2024-01-01T00:00:00Z");
    expect(await value(address.url)).toBe(`https://x/${IG}`);
  });
});
