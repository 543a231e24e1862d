/**
 * A bare HTTP client for emulator tests: fetch with Basic auth and form bodies, no retries, so a
 * test sees exactly what the emulator answered.
 */
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../../emulator";

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  data: T;
  text: string;
}

export type Form = Record<string, string | string[] | undefined>;

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

/** Form-encodes as twilio-node does (URLSearchParams: spaces as `+`, repeated keys for arrays). */
export function encodeForm(form: Form): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) qs.append(k, item);
  }
  return qs.toString();
}

export interface Client {
  request(
    method: string,
    path: string,
    options?: { form?: Form; body?: string; headers?: Record<string, string>; auth?: string | null },
  ): Promise<Reply>;
  get(path: string): Promise<Reply>;
  post(path: string, form?: Form, headers?: Record<string, string>): Promise<Reply>;
  del(path: string, headers?: Record<string, string>): Promise<Reply>;
}

/** A client for `emu`; `path` may be absolute (a `next_page_url` followed verbatim). */
export function clientFor(emu: RunningEmulator, auth: string | null = basic(emu.accountSid, emu.authToken)): Client {
  const request: Client["request"] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const authHeader = options.auth === undefined ? auth : options.auth;
    if (authHeader) headers.authorization = authHeader;
    let body: string | undefined = options.body;
    if (options.form) body = encodeForm(options.form);
    if (body !== undefined && !headers["content-type"]) headers["content-type"] = "application/x-www-form-urlencoded";
    const res = await fetch(path.startsWith("http") ? path : emu.url + path, { method, headers, body });
    const text = await res.text();
    let data: unknown;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = text;
    }
    return { status: res.status, headers: res.headers, data, text };
  };
  return {
    request,
    get: (path) => request("GET", path),
    post: (path, form = {}, headers) => request("POST", path, { form, headers }),
    del: (path, headers) => request("DELETE", path, { headers }),
  };
}

/** The Twilio error body shape every failure must have. */
export function twilioError(status: number, code: number) {
  return { status, code, message: expect.any(String), more_info: `https://www.twilio.com/docs/errors/${code}` };
}

/**
 * An object standing for what `current()` returns once it is set: lets a test file name, at the
 * top level, a fixture its beforeAll starts. Reading it before then throws.
 */
export function lateBound<T extends object>(what: string, current: () => T | undefined): T {
  const target = (): T => {
    const t = current();
    if (t === undefined) throw new Error(`${what} used before beforeAll started it`);
    return t;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const t = target();
      const value = Reflect.get(t, key, t);
      return typeof value === "function" ? value.bind(t) : value;
    },
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
  });
}

/**
 * One emulator for a test file, on a free port: started before the file's tests, reset (state,
 * faults, request log) before each, closed after all. `emu` and `api` (a client with the
 * account's credentials) stand for it from beforeAll on.
 */
export function emulatorForFile(options: Omit<EmulatorOptions, "port"> = {}): { emu: RunningEmulator; api: Client } {
  let running: { emu: RunningEmulator; api: Client } | undefined;
  beforeAll(async () => {
    const emu = await startEmulator({ port: 0, ...options });
    running = { emu, api: clientFor(emu) };
  });
  afterAll(() => running?.emu.close());
  beforeEach(() => running!.emu.reset());
  return { emu: lateBound("the emulator", () => running?.emu), api: lateBound("the emulator client", () => running?.api) };
}
