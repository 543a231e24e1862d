#!/usr/bin/env node
/**
 * `npm run demo`: the whole lifecycle of examples/account-setup, offline. Starts the emulator in
 * this process, applies the program through the real Pulumi CLI when one is found (`pulumi` on
 * PATH, or `.tools/pulumi/bin` after `npm run pulumi-cli`), else through the project's engine
 * stand-in (the real dynamic-provider host does the work either way), says which, and checks after
 * every step that it behaved as described. Exit code 0 only when every step did; otherwise the
 * first that did not is named.
 */
import * as fs from "node:fs";

import {
  DemoCheckError,
  expectAccountPointsAtService,
  expectConversationName,
  expectCounts,
  expectRecordedName,
  expectRestored,
  expectServiceConfigurationRestored,
  expectStateMatchesEmulator,
  expectStep,
} from "./checks";
import { viewOf } from "./emulator-view";
import { DemoSession } from "./session";
import {
  ACCOUNT_SETUP_RESOURCES,
  applyProgram,
  changeLobbyName,
  declaredLobbyName,
  destroyStack,
  LOBBY_NAME_KEY,
  lobbyOf,
  refreshStack,
  renameLobbyOutOfBand,
} from "./steps";
import { renderResources } from "./table";

/** The value step 4 sets with `pulumi config set`. */
const CHANGED_LOBBY_NAME = "Front desk";
/** The name someone gives the lobby outside Pulumi in step 5. */
const OUT_OF_BAND_NAME = "Lobby (renamed in the Console)";

/**
 * Runs the demo, writing every line to `out`. Resolves true when every step behaved as described;
 * never rejects (a failure is reported as the first step that went wrong).
 */
export async function runDemo(out: (line: string) => void = (l) => console.log(l)): Promise<boolean> {
  let step = "start";
  const heading = (title: string) => {
    step = title;
    out("");
    out(`=== ${title}`);
  };
  const ok = (what: string) => out(`  ✓ ${what}`);
  let session: DemoSession | undefined;
  try {
    heading("1/7  Start the emulator");
    session = await DemoSession.start({ log: out });
    const { emulator } = session;
    out(`  emulator at ${emulator.url} (account ${emulator.accountSid}); state in ${session.stateDir}`);
    out(`  engine: ${session.engine.label}`);
    const baseline = viewOf(emulator);
    const accountSid = emulator.accountSid;

    heading("2/7  pulumi up: create everything in examples/account-setup");
    const created = await applyProgram(session);
    out("");
    out(renderResources(created.state));
    out("");
    ok(expectCounts(created.summary, { create: ACCOUNT_SETUP_RESOURCES }));
    ok(expectStateMatchesEmulator(created.state, created.view, baseline, accountSid));
    ok(expectAccountPointsAtService(created.state, created.view));
    const lobbySid = lobbyOf(created.state).id;

    heading("3/7  pulumi up again: no changes");
    const again = await applyProgram(session);
    ok(expectCounts(again.summary, { same: ACCOUNT_SETUP_RESOURCES }));
    ok(expectStateMatchesEmulator(again.state, again.view, baseline, accountSid));

    heading(`4/7  pulumi config set ${LOBBY_NAME_KEY} "${CHANGED_LOBBY_NAME}"; pulumi up: an in-place update`);
    const changed = await changeLobbyName(session, CHANGED_LOBBY_NAME);
    ok(expectCounts(changed.summary, { update: 1, same: ACCOUNT_SETUP_RESOURCES - 1 }));
    ok(expectStep(changed.summary, "Conversation", "lobby", "update", "friendlyName"));
    ok(expectConversationName(changed.view, lobbySid, CHANGED_LOBBY_NAME));
    ok(expectStateMatchesEmulator(changed.state, changed.view, baseline, accountSid));

    heading("5/7  Rename the lobby behind Pulumi's back; pulumi refresh shows the drift; pulumi up puts it back");
    await renameLobbyOutOfBand(session, OUT_OF_BAND_NAME);
    out(`  POST /v1/Services/.../Conversations/${lobbySid} FriendlyName="${OUT_OF_BAND_NAME}" (a direct API call, not Pulumi)`);
    const refreshed = await refreshStack(session);
    ok(expectCounts(refreshed.summary, { update: 1, same: ACCOUNT_SETUP_RESOURCES - 1 }));
    ok(expectStep(refreshed.summary, "Conversation", "lobby", "update", "friendlyName"));
    ok(expectRecordedName(refreshed.state, lobbySid, OUT_OF_BAND_NAME));
    const repaired = await applyProgram(session);
    ok(expectCounts(repaired.summary, { update: 1, same: ACCOUNT_SETUP_RESOURCES - 1 }));
    ok(expectConversationName(repaired.view, lobbySid, declaredLobbyName(session)));
    ok(expectStateMatchesEmulator(repaired.state, repaired.view, baseline, accountSid));

    heading("6/7  pulumi destroy");
    const serviceConfiguration = repaired.state.resources.find((r) => r.type.endsWith(":ServiceConfiguration"));
    emulator.clearRequests();
    const destroyed = await destroyStack(session);
    ok(expectCounts(destroyed.summary, { delete: ACCOUNT_SETUP_RESOURCES }));
    if (serviceConfiguration) {
      ok(expectServiceConfigurationRestored(serviceConfiguration, emulator.requests()));
    }
    ok(expectRestored(destroyed.state, destroyed.view, baseline));

    heading("7/7  Stop the emulator");
    const stateDir = session.stateDir;
    await session.close();
    session = undefined;
    if (fs.existsSync(stateDir)) {
      throw new DemoCheckError(`the state folder ${stateDir} is still there`);
    }
    ok("emulator stopped, state folder removed");
    out("");
    out("Demo complete: every step behaved as described.");
    return true;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    out("");
    out(`✗ Step "${step}" did not behave as described:`);
    out(message.replace(/^/gm, "  "));
    return false;
  } finally {
    await session?.close().catch(() => undefined);
  }
}

if (require.main === module) {
  void runDemo().then((passed) => {
    process.exitCode = passed ? 0 : 1;
  });
}
