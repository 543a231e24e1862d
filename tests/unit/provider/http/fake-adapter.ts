/**
 * A scripted axios adapter for client tests: records the config of every call (method, URL,
 * headers, body as sent) and answers from a script, so tests assert the request on the wire.
 */
import { type AxiosAdapter, AxiosError, AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from "axios";

import type { Settings } from "../../../../provider/config";

/** One scripted answer: a response, a network failure (by code), or a function of the request. */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | { fail: string; message?: string }
  | ((config: InternalAxiosRequestConfig) => Reply | Promise<Reply>);

export interface FakeAdapter {
  adapter: AxiosAdapter;
  calls: InternalAxiosRequestConfig[];
}

export function scriptedAdapter(replies: Reply[]): FakeAdapter {
  const calls: InternalAxiosRequestConfig[] = [];
  const adapter: AxiosAdapter = async (config) => {
    calls.push(config);
    let reply = replies.shift();
    if (reply === undefined) throw new Error(`unscripted request ${config.method} ${config.url}`);
    while (typeof reply === "function") reply = await reply(config);
    if ("fail" in reply) {
      // What axios's http adapter throws: an AxiosError holding the config, Authorization included.
      throw new AxiosError(reply.message ?? reply.fail, reply.fail, config, {});
    }
    const response: AxiosResponse = {
      status: reply.status,
      statusText: "",
      headers: new AxiosHeaders(reply.headers ?? {}),
      data: reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body),
      config,
      request: {},
    };
    return response;
  };
  return { adapter, calls };
}

/** A header as the adapter received it. */
export function header(config: InternalAxiosRequestConfig, name: string): string | undefined {
  const value = AxiosHeaders.from(config.headers).get(name);
  return value === undefined || value === null || value === false ? undefined : String(value);
}

/** A clock that moves only when the code under test sleeps; the sleeps are recorded. */
export function fakeClock(start = 1_000_000) {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

export const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
export const API_KEY = "SK0123456789abcdef0123456789abcdef";
export const AUTH_TOKEN = "tok3n-0123456789abcdef0123456789";
export const API_SECRET = "s3cret-fedcba9876543210fedcba98";

/** Settings as a plain object, as other parts' tests build them. */
export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    accountSid: ACCOUNT_SID,
    username: ACCOUNT_SID,
    password: AUTH_TOKEN,
    baseUrl: "https://conversations.twilio.com",
    operationTimeoutSeconds: 300,
    maxConcurrentRequests: 10,
    requestTimeoutMs: 30_000,
    retryTimeoutSeconds: 120,
    ...overrides,
  };
}
