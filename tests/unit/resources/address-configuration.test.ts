/**
 * The AddressConfiguration kind's unit tests: its inputs as they are sent and its diff (schema.ts,
 * provider.ts), and its SDK class (resource.ts).
 */
import { checkWith } from "../../../provider/shared/check";
import { addressConfigurationProvider } from "../../../resources/address-configuration/provider";
import { AddressConfiguration } from "../../../resources/address-configuration/resource";
import { addressConfigurationSchema } from "../../../resources/address-configuration/schema";
import { ConversationService } from "../../../resources/conversation-service/resource";
import { expectDynamicResource, mockResources, registered, value } from "../../support/sdk-mocks";

describe("diff", () => {
  const IS = "IS" + "a".repeat(32);
  const outs = {
    sid: "IG" + "b".repeat(32),
    accountSid: "AC" + "0".repeat(32),
    type: "sms",
    address: "+15551234567",
    friendlyName: "Support",
    addressCountry: "US",
    autoCreation: {
      enabled: true,
      type: "webhook",
      conversationServiceSid: IS,
      webhookUrl: "https://example.com/in",
      webhookMethod: "POST",
      webhookFilters: ["onMessageAdded", "onParticipantAdded"],
    },
  };
  const inputs = { type: "sms", address: "+15551234567", friendlyName: "Support", addressCountry: "US", autoCreation: outs.autoCreation };
  const diff = (change: Record<string, unknown>) => addressConfigurationProvider.diff!(outs.sid, outs, { ...inputs, ...change });
  const ac = (change: Record<string, unknown>) => ({ autoCreation: { ...outs.autoCreation, ...change } });

  describe("AddressConfiguration inputs are normalised as they are sent", () => {
    it("trims the address, upper-cases the country and the method, and keeps the events as a sorted set", () => {
      const checked = checkWith(addressConfigurationSchema, {
        type: "sms",
        address: " +15551234567 ",
        addressCountry: "us",
        autoCreation: {
          type: "webhook",
          webhookUrl: "https://example.com/in",
          webhookMethod: "get",
          webhookFilters: ["onMessageAdded", "onDeliveryUpdated", "onMessageAdded"],
        },
      });
      expect(checked).toEqual({
        inputs: {
          type: "sms",
          address: "+15551234567",
          addressCountry: "US",
          autoCreation: {
            type: "webhook",
            webhookUrl: "https://example.com/in",
            webhookMethod: "GET",
            webhookFilters: ["onDeliveryUpdated", "onMessageAdded"],
          },
        },
      });
    });
  });

  describe("AddressConfiguration diff", () => {
    it.each([
      ["the same inputs", {}],
      ["the service SID in another case", ac({ conversationServiceSid: "IS" + "A".repeat(32) })],
      ["the events in another order", ac({ webhookFilters: ["onParticipantAdded", "onMessageAdded"] })],
      ["the method in lower case (state written by hand)", ac({ webhookMethod: "post" })],
      // Twilio cannot clear these: leaving one out means whatever Twilio holds (a warning says so when it was declared).
      ["no friendly name", { friendlyName: undefined }],
      ["no country", { addressCountry: undefined }],
      ["no auto-creation settings", { autoCreation: undefined }],
      ["no events", ac({ webhookFilters: undefined })],
    ])("sees no change with %s", async (_label, change) => {
      expect(await diff(change)).toMatchObject({ changes: false, replaces: [] });
    });

    it.each([
      ["a new name", { friendlyName: "Sales" }],
      ["auto-creation switched off", ac({ enabled: false })],
      ["another service", ac({ conversationServiceSid: "IS" + "c".repeat(32) })],
      ["another URL", ac({ webhookUrl: "https://example.com/other" })],
      ["one more event", ac({ webhookFilters: ["onMessageAdded", "onParticipantAdded", "onDeliveryUpdated"] })],
      ["a switch to Studio", { autoCreation: { type: "studio", studioFlowSid: "FW" + "d".repeat(32) } }],
    ])("updates in place with %s", async (_label, change) => {
      expect(await diff(change)).toMatchObject({ changes: true, replaces: [] });
    });

    it.each([
      ["type", { type: "whatsapp" }, false],
      ["address", { address: "+15557654321" }, false],
      // Same address and type: the old one must go first (Twilio keeps one per address and type).
      ["addressCountry", { addressCountry: "CA" }, true],
    ])("replaces when %s changes", async (property, change, deleteFirst) => {
      expect(await diff(change)).toMatchObject({ changes: true, replaces: [property], deleteBeforeReplace: deleteFirst });
    });
  });
});

describe("resource.ts", () => {
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
});
