import type { SpecDocument } from "../../../../sdk/spec/document";
import { SpecError } from "../../../../sdk/spec/issues";
import { parseSpec } from "../../../../sdk/spec/parse";
import { type ResolvedSpec, type ResolveOptions, resolveSpec as resolveEntries } from "../../../../sdk/spec/resolve";
import { IS, MG, VALID_YAML } from "./fixtures";

/** The resolved entries seen section by section (the view these assertions were first written against). */
function byKind(resolved: ResolvedSpec) {
  const of = (kind: string) => resolved.entries.filter((e) => e.kind === kind);
  const plain = (e: ResolvedSpec["entries"][number]) => ({ ...e.fields, ...e.references });
  const account = of("GlobalConfiguration")[0];
  return {
    account: account && plain(account),
    services: of("ConversationService").map((s) => {
      const configuration = of("ServiceConfiguration").find((c) => c.parentKey === s.key);
      return {
        key: s.key,
        ...plain(s),
        roles: of("ServiceRole")
          .filter((r) => r.parentKey === s.key)
          .map((r) => ({ key: r.key, ...plain(r) })),
        ...(configuration ? { configuration: plain(configuration) } : {}),
      };
    }),
    conversations: of("Conversation").map((c) => ({ key: c.key, service: c.references.service ?? undefined, args: c.fields })),
    orchestratorConfigurations: of("OrchestratorConfiguration").map((o) => ({
      key: o.key,
      bridgeService: o.references["conversationsV1Bridge.service"] ?? undefined,
      args: o.fields,
    })),
  };
}
const resolveSpec = (doc: SpecDocument, options?: ResolveOptions) => byKind(resolveEntries(doc, options));

function failure(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return (e as SpecError).issues.map((i) => `${i.line ?? "-"} ${i.path.join(".")}: ${i.message}`);
  }
  throw new Error("expected a SpecError");
}

describe("resolveSpec", () => {
  test("fills in parameters (given, else default), resolves references, sorts by key", () => {
    const resolved = resolveSpec(parseSpec(VALID_YAML), { parameters: { messagingServiceSid: MG } });
    expect(resolved.account).toEqual({ defaultChatService: { key: "default" }, defaultMessagingServiceSid: MG, defaultClosedTimer: "P1D" });
    expect(resolved.services.map((s) => s.key)).toEqual(["default", "support"]);
    expect(resolved.services[1]).toEqual({
      key: "support",
      friendlyName: "Support",
      roles: [
        { key: "agent", friendlyName: "agent", type: "conversation", permissions: ["sendMessage", "leaveConversation"] },
        { key: "member", friendlyName: "member", type: "service", permissions: ["joinConversation"] },
      ],
      configuration: {
        defaultConversationCreatorRole: { key: "agent" },
        defaultConversationRole: { key: "agent" },
        defaultChatServiceRole: { key: "member" },
        reachabilityEnabled: true,
      },
    });
    expect(resolved.conversations.map((c) => [c.key, c.service])).toEqual([
      ["lobby", undefined],
      ["queue-general", { key: "support" }],
    ]);
    expect(resolved.conversations[1]!.args).toMatchObject({ messagingServiceSid: MG, attributes: { queue: "general" } });
    expect(resolved.orchestratorConfigurations[0]).toMatchObject({
      key: "routing",
      bridgeService: { key: "support" },
      args: { memoryStoreId: "mem_store_1", statusCallbacks: [{ url: "https://hooks.example.com/mem_store_1/status" }] },
    });
  });

  test("the order of entries in the file does not change the result", () => {
    const doc = parseSpec(VALID_YAML);
    const reversed = parseSpec(JSON.stringify({ ...doc, services: Object.fromEntries(Object.entries(doc.services!).reverse()) }));
    expect(resolveSpec(reversed, { parameters: { messagingServiceSid: MG } })).toEqual(
      resolveSpec(doc, { parameters: { messagingServiceSid: MG } }),
    );
  });

  test("a parameter without value or default names itself and the pulumi config command", () => {
    expect(failure(() => resolveSpec(parseSpec(VALID_YAML)))).toEqual([
      '9 account.defaultMessagingServiceSid: uses parameter "messagingServiceSid", which has no value for this stack and no default: ' +
        "set it for this stack with `pulumi config set messagingServiceSid <value>` (or give it a default in the document's parameters)",
    ]);
  });

  test("each entry is checked by its resource's schema, reported on the document's path", () => {
    const text = VALID_YAML.replace("permissions: [sendMessage, leaveConversation]", "permissions: [sendMesage]")
      .replace("closed: P1D}", "closed: PT1M}")
      .replace("displayName: routing", "displayName: routing!")
      .replace("defaultClosedTimer: P1D", "defaultClosedTimer: soon");
    expect(failure(() => resolveSpec(parseSpec(text), { parameters: { messagingServiceSid: MG } }))).toEqual([
      '10 account.defaultClosedTimer: must be an ISO 8601 duration such as "PT10M" or "P1D"; got "soon"',
      expect.stringMatching(/^21 services\.support\.roles\.agent\.permissions\.0: "sendMesage" is not a permission/),
      '38 conversations.queue-general.timers.closed: must be at least 10 minutes (got "PT1M")',
      "43 orchestratorConfigurations.routing.displayName: may contain only letters, digits, '-', '_' and spaces",
    ]);
  });

  test("a value from a parameter is checked like a written one, references included", () => {
    const text = VALID_YAML.replace("service: support\n    uniqueName", "service: ${target}\n    uniqueName").replace(
      "parameters:\n",
      "parameters:\n  target: {}\n",
    );
    const ok = resolveSpec(parseSpec(text), { parameters: { messagingServiceSid: MG, target: "support" } });
    expect(ok.conversations[1]!.service).toEqual({ key: "support" });
    expect(resolveSpec(parseSpec(text), { parameters: { messagingServiceSid: MG, target: IS } }).conversations[1]!.service).toEqual({
      sid: IS,
    });
    expect(failure(() => resolveSpec(parseSpec(text), { parameters: { messagingServiceSid: "MG-nope", target: "nope" } }))).toEqual([
      '10 account.defaultMessagingServiceSid: must be a messaging service SID: "MG" followed by 32 hex digits',
      expect.stringMatching(/^34 conversations\.queue-general\.service: "nope" is not a key of services/),
      '38 conversations.queue-general.messagingServiceSid: must be a messaging service SID: "MG" followed by 32 hex digits',
    ]);
  });

  test("a literal bridge SID in upper-case hex is taken as it is in every SID field (the resource's check sends it in lower case)", () => {
    const literal = `IS${"B".repeat(32)}`;
    const text = VALID_YAML.replace("conversationsV1Bridge: {service: support}", `conversationsV1Bridge: {service: ${literal}}`);
    const resolved = resolveSpec(parseSpec(text), { parameters: { messagingServiceSid: MG } });
    expect(resolved.orchestratorConfigurations[0]).toMatchObject({ key: "routing", bridgeService: { sid: literal } });
  });
});
