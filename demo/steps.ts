/**
 * The demo's steps as plain functions: each runs one thing a user would do (`pulumi up`, a change
 * in the Console, `pulumi refresh`, `pulumi destroy`) and returns what happened, checking nothing.
 * The demo (`main.ts`) checks the results with `checks.ts`; the e2e test runs these same functions
 * and asserts on its own, so the demo and the test cannot drift apart.
 */
import accountSetup = require("../examples/account-setup");
import type { RunSummary, StateFile, StateResource } from "../engine-standin";
import { type EmulatorView, renameConversationOutOfBand, viewOf } from "./emulator-view";
import type { DemoSession } from "./session";

/** The example's stack config key for the lobby conversation's friendly name. */
export const LOBBY_NAME_KEY = "lobbyFriendlyName";
/** The lobby's name when the key is not set (the example's default). */
export const DEFAULT_LOBBY_NAME = "Lobby";
/** How many resources examples/account-setup declares: one of each of the six kinds. */
export const ACCOUNT_SETUP_RESOURCES = 6;

/** What one engine command did, and the world after it. */
export interface StepOutcome {
  readonly summary: RunSummary;
  /** The stand-in's state file after the command. */
  readonly state: StateFile;
  /** The emulator's state after the command. */
  readonly view: EmulatorView;
}

async function outcomeOf(session: DemoSession, run: Promise<RunSummary>): Promise<StepOutcome> {
  const summary = await run;
  return { summary, state: await session.engine.state(), view: viewOf(session.emulator) };
}

/** `pulumi up` of examples/account-setup with the session's current config. */
export function applyProgram(session: DemoSession): Promise<StepOutcome> {
  return outcomeOf(session, session.engine.up(accountSetup));
}

/** `pulumi config set lobbyFriendlyName <name>`, then `pulumi up`. */
export function changeLobbyName(session: DemoSession, name: string): Promise<StepOutcome> {
  session.setConfig(LOBBY_NAME_KEY, name);
  return applyProgram(session);
}

/** The lobby name the program declares with the session's current config. */
export function declaredLobbyName(session: DemoSession): string {
  return session.stackConfig[LOBBY_NAME_KEY] ?? DEFAULT_LOBBY_NAME;
}

/** The lobby conversation's entry in a state file. */
export function lobbyOf(state: StateFile): StateResource {
  const lobby = state.resources.find((r) => r.type.endsWith(":Conversation") && r.name === "lobby");
  if (!lobby) {
    throw new Error("the state holds no Conversation named lobby");
  }
  return lobby;
}

/**
 * Someone renames the lobby conversation outside Pulumi (a direct API call with the account's
 * credentials). Returns the lobby's SID.
 */
export async function renameLobbyOutOfBand(session: DemoSession, name: string): Promise<string> {
  const lobby = lobbyOf(await session.engine.state());
  await renameConversationOutOfBand(session.emulator, String(lobby.outputs.chatServiceSid), lobby.id, name);
  return lobby.id;
}

/** `pulumi refresh`: reads every resource and records what changed outside Pulumi. */
export function refreshStack(session: DemoSession): Promise<StepOutcome> {
  return outcomeOf(session, session.engine.refresh());
}

/** `pulumi destroy`. */
export function destroyStack(session: DemoSession): Promise<StepOutcome> {
  return outcomeOf(session, session.engine.destroy());
}
