/**
 * A loopback HTTP proxy in front of an emulator that makes it behave like a Twilio that does not do
 * what it was asked: it drops form fields from matching requests before they arrive (Twilio
 * answering 200 but ignoring a parameter), or answers matching requests with an error of its own.
 * Used to test write verification and partial failures against the real provider and emulator.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** Which requests a rule applies to. */
export interface RequestMatch {
  readonly method: string;
  /** Tested against the path (without the query). */
  readonly path: RegExp;
}

/** What the interposer does. */
export interface Interposition {
  /** Form fields removed from matching requests before they reach the emulator. */
  drop?: (RequestMatch & { readonly fields: readonly string[] })[];
  /** The next `count` matching requests are answered with this Twilio error instead of being forwarded. */
  refuse?: (RequestMatch & { readonly status: number; readonly code: number; readonly message: string; count: number })[];
}

export interface Interposer {
  /** The proxy's origin, to use as `twilio:baseUrl`. */
  readonly url: string;
  /** What each request looked like after the interposer changed it (method, path, form). */
  readonly forwarded: { method: string; path: string; form: Record<string, string> }[];
  close(): Promise<void>;
}

const matches = (m: RequestMatch, method: string, path: string) => m.method === method && m.path.test(path);

export async function startInterposer(target: string, rules: Interposition): Promise<Interposer> {
  const forwarded: Interposer["forwarded"] = [];
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const path = (req.url ?? "/").split("?")[0]!;
      const refusal = rules.refuse?.find((r) => r.count > 0 && matches(r, method, path));
      if (refusal) {
        refusal.count--;
        res.writeHead(refusal.status, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: refusal.code, message: refusal.message, more_info: "", status: refusal.status }));
        return;
      }
      let body = Buffer.concat(chunks);
      const form = new URLSearchParams(body.toString("utf8"));
      if (String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
        for (const rule of rules.drop ?? []) if (matches(rule, method, path)) rule.fields.forEach((f) => form.delete(f));
        body = Buffer.from(form.toString(), "utf8");
      }
      forwarded.push({ method, path, form: Object.fromEntries(form) });
      const headers = { ...req.headers, host: upstream.host, "content-length": String(body.length) };
      const out = http.request({ hostname: upstream.hostname, port: upstream.port, method, path: req.url, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on("error", () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
