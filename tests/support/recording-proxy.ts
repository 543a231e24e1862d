/**
 * A loopback HTTP proxy between the code under test and a Twilio API (the real one in live mode, or
 * an emulator standing in for it). It gives a live run what the emulator gives a local one:
 * - a request log (method, path, parsed body, status), the same shape as the emulator's;
 * - a record of every object a request created (its SID or id and the path that deletes it), so
 *   the run can remove exactly what it made, even when a test fails half-way.
 * The provider reaches it as `twilio:baseUrl` (plain http is allowed to a loopback host); it
 * forwards each request unchanged, credentials included, and rewrites the upstream's absolute URLs
 * in answers (`url`, `next_page_url`) to its own origin, so the client follows them through it.
 */
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";

/** One request as it went through, in the emulator's log terms. */
export interface ProxiedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  /** Form fields (repeated keys as arrays) or the JSON value; undefined without a body. */
  parsedBody: unknown;
  status: number;
  /** Request headers as sent, lower-case names; the Authorization header is never kept. */
  headers: Record<string, string>;
}

/** An object a request created, and how to delete it. */
export interface CreatedObject {
  /** `IS...`, `CH...`, `conv_configuration_...`. */
  id: string;
  /** The path a DELETE of it goes to. */
  deletePath: string;
}

export interface RecordingProxy {
  /** The proxy's origin, to use as `twilio:baseUrl`. */
  readonly url: string;
  requests(): ProxiedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

/** Repeated keys as arrays, as the emulator's log shows form bodies. */
function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const prior = out[k];
    out[k] = prior === undefined ? v : Array.isArray(prior) ? [...prior, v] : [prior, v];
  }
  return out;
}

function parseBody(contentType: string, text: string): unknown {
  if (text === "") return undefined;
  if (contentType.startsWith("application/x-www-form-urlencoded")) return parseForm(text);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * What a successful create made, from its request and answer: a v1 `POST` to a collection that
 * answered 201 with a `sid` (deleted at the object's own path; a conversation under its service, so
 * the path holds even if the account's default service changes), or a v2 configuration create
 * (202, `related.configurationId`).
 */
export function createdBy(method: string, path: string, status: number, body: unknown): CreatedObject | undefined {
  if (method !== "POST" || body === null || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  if (status === 202 && path === "/v2/ControlPlane/Configurations") {
    const id = (b.related as Record<string, unknown> | undefined)?.configurationId;
    return typeof id === "string" ? { id, deletePath: `${path}/${id}` } : undefined;
  }
  if (status !== 201 || typeof b.sid !== "string") return undefined;
  if (/^\/v1\/(Services\/[^/]+\/)?Conversations$/.test(path) && typeof b.chat_service_sid === "string") {
    return { id: b.sid, deletePath: `/v1/Services/${b.chat_service_sid}/Conversations/${b.sid}` };
  }
  return { id: b.sid, deletePath: `${path}/${b.sid}` };
}

/**
 * Starts a proxy to `upstream` (`https://conversations.twilio.com`, or an emulator's URL).
 * `onCreated` hears of every object created through it, as soon as its answer arrives.
 */
export async function startRecordingProxy(upstream: string, onCreated: (created: CreatedObject) => void): Promise<RecordingProxy> {
  const target = new URL(upstream);
  const send = target.protocol === "https:" ? https.request : http.request;
  let log: ProxiedRequest[] = [];
  let origin = "";
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? "GET";
      const path = (req.url ?? "/").split("?")[0]!;
      const headers = { ...req.headers, host: target.host };
      const out = send(
        { protocol: target.protocol, hostname: target.hostname, port: target.port, method, path: req.url, headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on("data", (c: Buffer) => parts.push(c));
          answer.on("end", () => {
            const status = answer.statusCode ?? 502;
            const text = Buffer.concat(parts).toString("utf8").split(target.origin).join(origin);
            const { authorization: _credentials, ...sent } = req.headers;
            const parsedBody = parseBody(String(req.headers["content-type"] ?? ""), body.toString("utf8"));
            log.push({
              method,
              path,
              parsedBody,
              status,
              headers: Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, String(v)])),
            });
            const created = createdBy(method, path, status, parseBody("application/json", text));
            if (created) onCreated(created);
            const { "content-length": _length, "transfer-encoding": _encoding, ...rest } = answer.headers;
            res.writeHead(status, { ...rest, "content-length": String(Buffer.byteLength(text)) });
            res.end(text);
          });
        },
      );
      out.on("error", () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests: () => [...log],
    clearRequests: () => {
      log = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
