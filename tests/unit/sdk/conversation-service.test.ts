import * as pulumi from "@pulumi/pulumi";
import { ConversationService } from "../../../sdk/conversation-service";

const SID = "IS" + "a".repeat(32);
const ACCOUNT = "AC" + "0".repeat(32);
const created: pulumi.runtime.MockResourceArgs[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        created.push(args);
        // What the provider's create would return: the inputs plus the server's outputs.
        const state = { ...args.inputs, sid: SID, accountSid: ACCOUNT, dateCreated: "2024-01-01T00:00:00Z", dateUpdated: "2024-01-01T00:00:00Z", url: `https://conversations.twilio.com/v1/Services/${SID}` };
        return { id: SID, state };
      },
      call: () => ({}),
    },
    "project",
    "stack",
    false,
  );
});

const value = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply(resolve));

describe("ConversationService (SDK)", () => {
  it("registers a dynamic resource of its type token with the inputs, the provider shim and every output", async () => {
    const service = new ConversationService("support", { friendlyName: "Support" });
    expect(await value(service.id)).toBe(SID);
    const args = created.find((c) => c.name === "support")!;
    expect(args.type).toBe("pulumi-nodejs:dynamic/twilio-conversations:ConversationService");
    expect(args.inputs.friendlyName).toBe("Support");
    expect(typeof args.inputs.__provider).toBe("string");
    expect(args.inputs.__provider).toContain('require("pulumi-twilio-conversations/provider")');
    expect(args.inputs.__provider).toContain('"ConversationService"');

    expect(await value(service.sid)).toBe(SID);
    expect(await value(service.accountSid)).toBe(ACCOUNT);
    expect(await value(service.friendlyName)).toBe("Support");
    expect(await value(service.dateCreated)).toBe("2024-01-01T00:00:00Z");
    expect(await value(service.dateUpdated)).toBe("2024-01-01T00:00:00Z");
    expect(await value(service.url)).toBe(`https://conversations.twilio.com/v1/Services/${SID}`);
  });
});
