import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the host's provider made to the record server. */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown> | undefined;
}

/**
 * A tiny item store on 127.0.0.1 that the test providers (running in the host process) write to,
 * so a test can see exactly which provider calls happened and in what order.
 *
 * - `POST /log` records a call without changing anything (configure, check, diff).
 * - `POST /items` creates an item (ids `i1`, `i2`, ...), `PUT /items/:id` replaces it,
 *   `GET /items/:id` reads it (404 when gone), `DELETE /items/:id` removes it.
 */
export class RecordServer {
  readonly calls: RecordedCall[] = [];
  readonly items = new Map<string, Record<string, unknown>>();
  /** Called for every request before it is answered; return "hold" to never answer it. */
  onRequest: ((call: RecordedCall) => "hold" | void) | undefined;
  private next = 1;
  private server: http.Server | undefined;
  url = "";

  /** Starts listening on a free loopback port. */
  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => (raw += c.toString()));
      req.on("end", () => this.handle(req, raw, res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stops the server, dropping held requests. */
  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Calls that change items (what a preview must never send). */
  writes(): RecordedCall[] {
    return this.calls.filter((c) => c.path.startsWith("/items") && c.method !== "GET");
  }

  /** The logged operations (`configure`, `check`, `diff`, ...) and item writes, as short strings such as `POST /items` or `log diff a`. */
  trace(): string[] {
    return this.calls.map((c) =>
      c.path === "/log" ? `log ${String(c.body?.op)} ${String(c.body?.name ?? "")}`.trim() : `${c.method} ${c.path}`,
    );
  }

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
    const call: RecordedCall = { method: req.method ?? "", path: req.url ?? "", body: raw ? JSON.parse(raw) : undefined };
    this.calls.push(call);
    if (this.onRequest?.(call) === "hold") {
      return;
    }
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body === undefined ? "" : JSON.stringify(body));
    };
    const m = /^\/items(?:\/([^/]+))?$/.exec(call.path);
    if (call.path === "/log") {
      send(204);
    } else if (m && call.method === "POST") {
      const id = `i${this.next++}`;
      this.items.set(id, { ...call.body });
      send(201, { id, ...call.body });
    } else if (m && m[1] && this.items.has(m[1])) {
      const id = m[1];
      if (call.method === "GET") {
        send(200, { id, ...this.items.get(id) });
      } else if (call.method === "PUT") {
        this.items.set(id, { ...call.body });
        send(200, { id, ...call.body });
      } else if (call.method === "DELETE") {
        this.items.delete(id);
        send(204);
      } else {
        send(405);
      }
    } else {
      send(404, { message: "not found" });
    }
  }
}
