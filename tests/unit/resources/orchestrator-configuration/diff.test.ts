import { diffInputs } from "../../../../provider/shared/diff";
import { orchestratorConfigurationDiff as spec } from "../../../../resources/orchestrator-configuration/diff";

const base = {
  displayName: "support-routing",
  description: "Routes support traffic",
  conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
  memoryStoreId: "mem_store_01",
};

/** Outputs as the provider records them: every collection present, server fields added. */
const outputs = {
  ...base,
  accountSid: "AC00000000000000000000000000000000",
  configurationId: "conv_configuration_01jz0000000000000000000000",
  channelSettings: { SMS: { statusTimeouts: { inactive: 30, closed: 1440 } } },
  statusCallbacks: [{ url: "https://example.com/cb", method: "POST" }],
  intelligenceConfigurationIds: [],
  memoryExtractionEnabled: false,
  version: 3,
  createdAt: "2025-06-01T12:00:00.000Z",
  updatedAt: "2025-06-01T12:00:00.000Z",
  __logicalName: "proj/dev/support",
};

describe("OrchestratorConfiguration diff", () => {
  it("shows no change for the same program: absent equals empty and default, key order ignored", () => {
    const news = {
      ...base,
      channelSettings: { SMS: { statusTimeouts: { closed: 1440, inactive: 30 }, captureRules: [] } },
      statusCallbacks: [{ url: "https://example.com/cb" }],
    };
    expect(diffInputs(outputs, news, spec)).toMatchObject({ changes: false, replaces: [] });
  });

  it("ignores the logical name (it only scopes the create's key)", () => {
    const news = {
      ...base,
      channelSettings: outputs.channelSettings,
      statusCallbacks: outputs.statusCallbacks,
      __logicalName: "renamed/dev/support",
    };
    expect(diffInputs(outputs, news, spec).changes).toBe(false);
  });

  it.each([
    ["description", { description: "Other" }],
    ["a channel timeout", { channelSettings: { SMS: { statusTimeouts: { inactive: 31, closed: 1440 } } } }],
    ["a removed channel", { channelSettings: undefined }],
    ["a callback's method", { statusCallbacks: [{ url: "https://example.com/cb", method: "GET" }] }],
    ["removed callbacks", { statusCallbacks: undefined }],
    ["memory extraction", { memoryExtractionEnabled: true }],
    ["the bridge", { conversationsV1Bridge: { serviceId: "IS" + "a".repeat(32) } }],
    ["the memory store", { memoryStoreId: "mem_store_02" }],
    ["the display name", { displayName: "other" }],
  ])("updates in place when %s changes", (_what, overrides) => {
    const news = { ...base, channelSettings: outputs.channelSettings, statusCallbacks: outputs.statusCallbacks, ...overrides };
    const result = diffInputs(outputs, news, spec);
    expect(result.changes).toBe(true);
    expect(result.replaces).toEqual([]);
    expect(result.deleteBeforeReplace).toBe(false);
  });
});
