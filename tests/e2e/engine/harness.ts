import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { type EngineOptions, EngineStandIn } from "../../../engine-standin";
import { RecordServer } from "./record-server";

/** A record server, a temp state file and engines pointed at both; `close()` undoes it all. */
export interface Harness {
  readonly server: RecordServer;
  readonly statePath: string;
  /** A fresh engine on the shared state file (config `rec:url` set to the server). */
  engine(overrides?: Partial<EngineOptions>): EngineStandIn;
  /** The state file's resources by name (ids, inputs without `__provider`). */
  stateByName(): Record<string, { id: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Sets up one test's servers and files; every engine it made has its host killed by `close()`. */
export async function harness(): Promise<Harness> {
  const server = await new RecordServer().start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-stand-in-test-"));
  const statePath = path.join(dir, "state.json");
  const engines: EngineStandIn[] = [];
  const strip = (p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== "__provider"));
  return {
    server,
    statePath,
    engine(overrides = {}) {
      const e = new EngineStandIn({
        project: "engine-test",
        stack: "dev",
        statePath,
        ...overrides,
        config: { "rec:url": server.url, ...overrides.config },
      });
      engines.push(e);
      return e;
    },
    stateByName() {
      if (!fs.existsSync(statePath)) {
        return {};
      }
      const state = JSON.parse(fs.readFileSync(statePath, "utf8")) as {
        resources: { name: string; id: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }[];
      };
      return Object.fromEntries(state.resources.map((r) => [r.name, { id: r.id, inputs: strip(r.inputs), outputs: strip(r.outputs) }]));
    },
    async close() {
      await Promise.all(engines.map((e) => e.killHost()));
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
