import * as pulumi from "@pulumi/pulumi";

import { OrchestratorConfiguration } from "../../../../resources/orchestrator-configuration/resource";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const ID = "conv_configuration_01jz0000000000000000000000";
const ACCOUNT = "AC" + "0".repeat(32);
const created = mockResources((args) => {
  // What the provider's create would return: the inputs with defaults plus the server's outputs.
  const state = {
    channelSettings: {},
    statusCallbacks: [],
    intelligenceConfigurationIds: [],
    memoryExtractionEnabled: false,
    ...args.inputs,
    accountSid: ACCOUNT,
    configurationId: ID,
    version: 1,
    createdAt: "2025-06-01T12:00:00.000Z",
    updatedAt: "2025-06-01T12:00:00.000Z",
  };
  return { id: ID, state };
});

describe("OrchestratorConfiguration (SDK)", () => {
  it("registers a dynamic resource of its type token with the inputs, the logical name, the provider shim and every output", async () => {
    const config = new OrchestratorConfiguration("support", {
      displayName: "support-routing",
      description: "Routes support traffic",
      conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
      memoryStoreId: pulumi.output("mem_store_01"),
      channelSettings: { SMS: { statusTimeouts: { inactive: 30 } } },
    });
    expect(await value(config.id)).toBe(ID);
    const args = registered(created, "support");
    expectDynamicResource(args, "OrchestratorConfiguration");
    expect(args.inputs).toMatchObject({
      displayName: "support-routing",
      description: "Routes support traffic",
      conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
      memoryStoreId: "mem_store_01",
      channelSettings: { SMS: { statusTimeouts: { inactive: 30 } } },
      __logicalName: "project/stack/support",
    });
    // Outputs-to-be and optional arguments left out are not sent as inputs (undefined is dropped).
    for (const key of ["configurationId", "version", "accountSid", "statusCallbacks"]) expect(args.inputs).not.toHaveProperty(key);

    expect(await value(config.configurationId)).toBe(ID);
    expect(await value(config.accountSid)).toBe(ACCOUNT);
    expect(await value(config.version)).toBe(1);
    expect(await value(config.createdAt)).toBe("2025-06-01T12:00:00.000Z");
    expect(await value(config.updatedAt)).toBe("2025-06-01T12:00:00.000Z");
    expect(await value(config.displayName)).toBe("support-routing");
    expect(await value(config.statusCallbacks)).toEqual([]);
    expect(await value(config.memoryExtractionEnabled)).toBe(false);
  });

  it("gives resources of different names different logical names", async () => {
    const sales = new OrchestratorConfiguration("sales", {
      displayName: "sales",
      description: "",
      conversationGroupingType: "GROUP_BY_PROFILE",
      memoryStoreId: "mem_store_01",
    });
    await value(sales.id);
    const args = registered(created, "sales");
    expect(args.inputs.__logicalName).toBe("project/stack/sales");
  });
});
