/**
 * Broken documents fail before any request: the program (a ConversationsSetup, run by the engine
 * stand-in as `pulumi up` would) stops with the error's path in the document, and the emulator's
 * request log stays empty.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type RunningEmulator, startEmulator } from "../../../emulator";
import { EngineRunError } from "../../../engine-standin";
import { ConversationsSetup } from "../../../sdk/conversations-setup";
import { engineFor } from "./harness";

let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bad-specs-"));
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const BASE = `version: 1
parameters:
  mg: {}
services:
  support:
    friendlyName: Support
    roles:
      agent: {friendlyName: agent, type: conversation, permissions: [sendMessage]}
    configuration:
      defaultConversationRole: agent
conversations:
  lobby:
    service: support
    uniqueName: lobby
    messagingServiceSid: \${mg}
orchestratorConfigurations:
  routing:
    displayName: routing
    description: d
    conversationGroupingType: GROUP_BY_PROFILE
    memoryStoreId: mem_1
    conversationsV1Bridge: {service: support}
`;
const MG = `MG${"0".repeat(32)}`;

const cases: Array<[string, string, Record<string, string>, RegExp]> = [
  ["not YAML", "version: 1\nservices: [", { mg: MG }, /bad\.yaml:\d+: \(document\): is not valid YAML or JSON/],
  ["a wrong version", BASE.replace("version: 1", "version: 2"), { mg: MG }, /bad\.yaml:1: version: must be 1/],
  [
    "a misspelt property",
    BASE.replace("    uniqueName: lobby", "    uniqeName: lobby"),
    { mg: MG },
    /bad\.yaml:14: conversations\.lobby\.uniqeName: is not a property of a conversation/,
  ],
  [
    "a reference to no service",
    BASE.replace("    service: support\n    uniqueName", "    service: suport\n    uniqueName"),
    { mg: MG },
    /bad\.yaml:13: conversations\.lobby\.service: "suport" is not a key of services/,
  ],
  [
    "a reference to no role",
    BASE.replace("defaultConversationRole: agent", "defaultConversationRole: agnet"),
    { mg: MG },
    /bad\.yaml:10: services\.support\.configuration\.defaultConversationRole: "agnet" is not a key of services\.support\.roles/,
  ],
  [
    "an undeclared parameter",
    BASE.replace("${mg}", "${mgx}"),
    { mg: MG },
    /bad\.yaml:15: conversations\.lobby\.messagingServiceSid: uses parameter "mgx", which is not declared/,
  ],
  [
    "a parameter without value",
    BASE,
    {},
    /bad\.yaml:15: conversations\.lobby\.messagingServiceSid: uses parameter "mg", which has no value.*pulumi config set mg <value>/,
  ],
  [
    "a parameter of the wrong shape",
    BASE,
    { mg: "MG-not-a-sid" },
    /bad\.yaml:15: conversations\.lobby\.messagingServiceSid: must be a messaging service SID/,
  ],
  [
    "a bad permission",
    BASE.replace("permissions: [sendMessage]", "permissions: [sendMesage]"),
    { mg: MG },
    /bad\.yaml:8: services\.support\.roles\.agent\.permissions\.0: "sendMesage" is not a permission/,
  ],
  [
    "timers too short",
    BASE.replace("    uniqueName: lobby", "    uniqueName: lobby\n    timers: {closed: PT5M}"),
    { mg: MG },
    /bad\.yaml:15: conversations\.lobby\.timers\.closed: must be at least 10 minutes/,
  ],
  [
    "a unique name shaped like a SID",
    BASE.replace("uniqueName: lobby", `uniqueName: CH${"a".repeat(32)}`),
    { mg: MG },
    /bad\.yaml:14: conversations\.lobby\.uniqueName: must not look like a Twilio SID/,
  ],
  [
    "a bad grouping type",
    BASE.replace("GROUP_BY_PROFILE", "BY_PROFILE"),
    { mg: MG },
    /bad\.yaml:20: orchestratorConfigurations\.routing\.conversationGroupingType: must be one of/,
  ],
  [
    "a key with a space",
    BASE.replace("  lobby:", "  the lobby:"),
    { mg: MG },
    /bad\.yaml:12: conversations\."the lobby": is not a valid key/,
  ],
];

test.each(cases)("%s: fails before any request, naming the path", async (_name, text, parameters, expected) => {
  emulator.clearRequests();
  const engine = engineFor(emulator, dir, { project: "bad-specs", stack: "test" });
  const error = await engine
    .up(() => {
      new ConversationsSetup("setup", { spec: text, source: "bad.yaml", parameters });
      return {};
    })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(EngineRunError);
  expect((error as EngineRunError).summary.errors.join("\n")).toMatch(expected);
  expect((error as EngineRunError).summary.steps).toEqual([]);
  expect(emulator.requests()).toEqual([]);
});
