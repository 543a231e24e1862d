/**
 * A v2-only emulator for these tests: a bare fastify app with `registerV2Routes` on a loopback
 * port, a context whose clock the test moves by hand, and a small JSON `request` helper.
 *
 * Requests go over a real socket with `fetch` rather than `app.inject`: light-my-request loads an
 * ESM-only dependency (`cookie` 2.x) that jest's CommonJS runtime on Node 20 cannot require.
 */
import Fastify, { type FastifyInstance } from "fastify";

import { type EmulatorContext, type FaultSettings, noFaults } from "../../../emulator/context";
import { registerV2Routes, type V2Dump } from "../../../emulator/v2/routes";
import { wireTimestamp } from "../../../emulator/v2/timestamps";
import { lateBound } from "../emulator/http";

export const ACCOUNT_SID = "AC00000000000000000000000000000000";
export const DELAY_MS = 300;
export const RETRY_AFTER_SECONDS = 2;

/** What `request` returns. */
export interface V2Response {
  status: number;
  headers: Headers;
  text: string;

  json(): any;
}

/** A running v2 app, its fault switches and its hand-driven clock. */
export interface V2Harness {
  app: FastifyInstance;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  faults: FaultSettings;
  /** Moves the emulator's clock forward. */
  advance(ms: number): void;
  now(): Date;
  /** The clock's time as the wire shows it (`2025-06-01T12:00:00Z`). */
  stamp(): string;
  reset(): void;
  dump(): V2Dump;
  /** Sends JSON (a string body is sent as is, for malformed-body cases). */
  request(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<V2Response>;
  /** Creates, completes and returns the id of a configuration. */
  createApplied(body?: Record<string, unknown>): Promise<string>;
  /** Moves the clock past the operation delay (operations complete on the next request). */
  completeAll(): void;
  close(): Promise<void>;
}

/** A valid create body; `overrides` replace top-level fields (`undefined` removes one). */
export function createBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    displayName: "Support config",
    description: "Routes support traffic",
    conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
    memoryStoreId: "mem_store_01",
    ...overrides,
  };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body;
}

export async function startV2Harness(): Promise<V2Harness> {
  let clock = Date.parse("2025-06-01T12:00:00.000Z");
  const faults = noFaults();
  const ctx: EmulatorContext = {
    accountSid: ACCOUNT_SID,
    options: { operationDelayMs: DELAY_MS, operationRetryAfterSeconds: RETRY_AFTER_SECONDS },
    faults,
    origin: () => origin,
    now: () => new Date(clock),
  };
  const app = Fastify();
  const v2 = registerV2Routes(app, ctx);
  const origin = (await app.listen({ host: "127.0.0.1", port: 0 })).replace("localhost", "127.0.0.1");

  const h: V2Harness = {
    app,
    origin,
    faults,
    advance: (ms) => {
      clock += ms;
    },
    now: () => new Date(clock),
    stamp: () => wireTimestamp(new Date(clock)),
    reset: () => v2.reset(),
    dump: () => v2.dump(),
    async request(method, url, body, headers = {}) {
      const res = await fetch(origin + url, {
        method,
        headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
    },
    completeAll: () => {
      clock += DELAY_MS;
    },
    async createApplied(body = createBody()) {
      const res = await h.request("POST", "/v2/ControlPlane/Configurations", body);
      if (res.status !== 202) throw new Error(`create failed: ${res.status} ${res.text}`);
      h.completeAll();
      const id = res.json().related.configurationId as string;
      const op = await h.request("GET", new URL(res.json().statusUrl).pathname);
      if (op.json().status !== "COMPLETED") throw new Error(`create did not complete: ${op.text}`);
      return id;
    },
    close: () => app.close(),
  };
  return h;
}

/**
 * One harness for a test file: started before the file's tests, reset before each, closed after
 * all. The returned harness stands for it from beforeAll on.
 */
export function v2HarnessForFile(): V2Harness {
  let running: V2Harness | undefined;
  beforeAll(async () => {
    running = await startV2Harness();
  });
  afterAll(() => running?.close());
  beforeEach(() => running!.reset());
  return lateBound("the v2 harness", () => running);
}
