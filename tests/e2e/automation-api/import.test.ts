/**
 * `pulumi import` under the real engine, for every kind: the engine asks the dynamic-provider host
 * to Read the object with no stored properties, so the host has no `__provider` to load the
 * resource's code from and fails (pulumi/pulumi#16175, #3550): both the `pulumi import` command and
 * the `import` resource option. Nothing is sent to Twilio and the stack is left as it was. The way
 * to bring existing objects under management is `adoptExisting` (services, roles, conversations);
 * the two configurations are singletons, taken in charge by their create without any import.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import * as tc from "pulumi-twilio-conversations";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { describeRealEngine, emulatorConfig, Sandbox, uniqueToken } from "./harness";
import { twilioCall } from "./twilio-call";

const TYPE = "pulumi-nodejs:dynamic/twilio-conversations:";
// What the host answers a Read without properties (its read() calls toJavaScript() on them).
const HOST_CANNOT_READ = "Cannot read properties of undefined (reading 'toJavaScript')";

interface Dump {
  v1: { services: { sid: string }[]; roles: { sid: string }[]; conversations: { sid: string }[] };
  v2: { configurations: { id: string }[] };
}

describeRealEngine("Automation API: pulumi import of dynamic resources", (cli) => {
  const authToken = uniqueToken("import");
  let emulator: RunningEmulator;
  let sandbox: Sandbox;
  const ids = () => {
    const d = emulator.state() as Dump;
    return {
      services: d.v1.services.map((s) => s.sid),
      roles: d.v1.roles.map((r) => r.sid),
      conversations: d.v1.conversations.map((c) => c.sid),
      v2: d.v2.configurations.map((c) => c.id),
    };
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, authToken, operationDelayMs: 20, operationRetryAfterSeconds: 0 });
    sandbox = Sandbox.create(cli, "import");
    sandbox.secrets.push(authToken);
  });
  afterAll(async () => {
    await emulator?.close();
    sandbox?.dispose();
  });

  test("pulumi import and the import option fail for every kind; adoptExisting takes the objects over", async () => {
    // Made outside Pulumi (the Console, a script).
    const service = String((await twilioCall(emulator, "POST", "/v1/Services", { FriendlyName: "Made elsewhere" })).sid);
    const role = String(
      (
        await twilioCall(emulator, "POST", `/v1/Services/${service}/Roles`, {
          FriendlyName: "elsewhere-agent",
          Type: "conversation",
          Permission: ["sendMessage"],
        })
      ).sid,
    );
    const conversation = String(
      (await twilioCall(emulator, "POST", `/v1/Services/${service}/Conversations`, { UniqueName: "elsewhere", FriendlyName: "Elsewhere" }))
        .sid,
    );
    const configuration = (
      (
        await twilioCall(emulator, "POST", "/v2/ControlPlane/Configurations", {
          json: { displayName: "elsewhere", description: "", conversationGroupingType: "GROUP_BY_PROFILE", memoryStoreId: "mem_store_e2e" },
        })
      ).related as { configurationId: string }
    ).configurationId;

    let mode: "nothing" | "import option" | "adopt" = "nothing";
    const stack = await sandbox.inlineStack({
      project: "imports",
      stack: "e2e",
      config: emulatorConfig(emulator),
      program: async () => {
        if (mode === "import option") {
          new tc.Conversation("elsewhere", { chatServiceSid: service, uniqueName: "elsewhere" }, { import: conversation });
        }
        if (mode === "adopt") {
          const s = new tc.ConversationService("made-elsewhere", { friendlyName: "Made elsewhere", adoptExisting: true });
          new tc.ServiceRole("elsewhere-agent", {
            chatServiceSid: s.sid,
            friendlyName: "elsewhere-agent",
            type: "conversation",
            permissions: ["sendMessage", "leaveConversation"],
            adoptExisting: true,
          });
          new tc.Conversation("elsewhere", {
            chatServiceSid: s.sid,
            uniqueName: "elsewhere",
            friendlyName: "Now managed",
            adoptExisting: true,
          });
          new tc.ServiceConfiguration("made-elsewhere", { chatServiceSid: s.sid, reachabilityEnabled: true });
          new tc.GlobalConfiguration("account", { defaultClosedTimer: "P1D" });
        }
        return {};
      },
    });
    await stack.up();
    // Every object there is (the v2 create applied by now; the emulator applies it after 20 ms).
    const before = ids();
    expect(before.v2).toEqual([configuration]);
    emulator.clearRequests();

    // `pulumi import --file`: one entry per kind, ids as Twilio gave them.
    const file = path.join(sandbox.dir, "import.json");
    const entries = [
      { type: "ConversationService", name: "made-elsewhere", id: service },
      { type: "ServiceRole", name: "elsewhere-agent", id: role },
      { type: "Conversation", name: "elsewhere", id: conversation },
      { type: "ServiceConfiguration", name: "made-elsewhere", id: service },
      { type: "GlobalConfiguration", name: "account", id: emulator.accountSid },
      { type: "OrchestratorConfiguration", name: "elsewhere", id: configuration },
    ];
    fs.writeFileSync(file, JSON.stringify({ resources: entries.map((e) => ({ ...e, type: `${TYPE}${e.type}` })) }));
    const imported = await stack.cli(["import", "--file", file, "--yes"]);
    expect(imported.code).not.toBe(0);
    const output = imported.stdout + imported.stderr;
    for (const e of entries) {
      expect(output).toContain(`${TYPE}${e.type} (${e.name}):\n    error: Preview failed: ${HOST_CANNOT_READ}`);
    }
    expect(await stack.resources()).toEqual([]);

    // The `import` resource option: the same Read, the same failure.
    mode = "import option";
    const option = await stack.up().catch((e: Error) => e);
    expect(String(option)).toContain(`${TYPE}Conversation (elsewhere):\n    error: ${HOST_CANNOT_READ}`);
    expect(await stack.resources()).toEqual([]);
    expect(emulator.requests()).toEqual([]);

    // adoptExisting: the create finds the object and takes it over; nothing new is made.
    mode = "adopt";
    const adopted = await stack.up();
    expect(adopted.summary.resourceChanges).toMatchObject({ create: 5 });
    const byKind = Object.fromEntries((await stack.resources()).map((r) => [r.type.slice(TYPE.length), r.id]));
    expect(byKind).toEqual({
      ConversationService: service,
      ServiceRole: role,
      Conversation: conversation,
      ServiceConfiguration: service,
      GlobalConfiguration: emulator.accountSid,
    });
    expect(ids()).toEqual(before);
    expect(emulator.requests().filter((r) => r.method === "POST" && /\/(Services|Roles|Conversations)$/.test(r.path))).toEqual([]);
    await stack.preview({ expectNoChanges: true });
  }, 240_000);

  test("no secret in the state, the stack files, PULUMI_HOME or the CLI output", () => {
    expect(sandbox.leaks()).toEqual([]);
  });
});
