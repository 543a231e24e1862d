import * as fs from "node:fs";
import * as path from "node:path";

import type { StateFile, StateResource } from "./types";

/**
 * The state file between runs: read once at the start of a command, written after every step.
 *
 * Writes go to a temporary file renamed over the old one, so a crash mid-write leaves the previous
 * complete state rather than half a JSON document.
 */
export class StateStore {
  constructor(
    private readonly statePath: string,
    private readonly project: string,
    private readonly stack: string,
  ) {}

  /** The stored state, or an empty one when the file does not exist yet. */
  load(): StateFile {
    if (!fs.existsSync(this.statePath)) {
      return { version: 1, project: this.project, stack: this.stack, resources: [] };
    }
    const parsed = JSON.parse(fs.readFileSync(this.statePath, "utf8")) as Partial<StateFile>;
    if (parsed.version !== 1 || !Array.isArray(parsed.resources)) {
      throw new Error(`State file ${this.statePath} is not a version 1 engine stand-in state`);
    }
    if (parsed.project !== this.project || parsed.stack !== this.stack) {
      throw new Error(`State file ${this.statePath} belongs to ${parsed.project}/${parsed.stack}, not ${this.project}/${this.stack}`);
    }
    return parsed as StateFile;
  }

  /** Replaces the state file with these resources (in this order). */
  save(resources: readonly StateResource[]): void {
    const file: StateFile = { version: 1, project: this.project, stack: this.stack, resources: [...resources] };
    fs.mkdirSync(path.dirname(this.statePath), { recursive: true });
    const tmp = `${this.statePath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(file, null, 2) + "\n");
    fs.renameSync(tmp, this.statePath);
  }
}
