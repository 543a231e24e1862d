/**
 * A progress bar for long exports, on stderr and only when stderr is a terminal: piped or
 * redirected runs (CI, `> spec.yaml 2> log`) stay quiet. It shows counts and what was read, never
 * a URL, header or credential.
 */
import { SingleBar } from "cli-progress";

import type { ProgressEvent } from "./read-account";

/** Receives progress events and is stopped once, at the end. */
export interface ProgressDisplay {
  update(event: ProgressEvent): void;
  stop(): void;
}

const QUIET: ProgressDisplay = { update() {}, stop() {} };

/** The display for `stream`: a bar on a TTY, nothing otherwise (or when `enabled` is false). */
export function progressFor(stream: NodeJS.WriteStream, enabled = true): ProgressDisplay {
  if (!enabled || !stream.isTTY) return QUIET;
  const bar = new SingleBar({
    stream,
    format: "Exporting [{bar}] {value}/{total} lists | {items} items | {step}",
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
  });
  let started = false;
  return {
    update(event) {
      if (!started) {
        bar.start(event.total, 0, { items: 0, step: "" });
        started = true;
      }
      bar.setTotal(event.total);
      bar.update(event.done, { items: event.items, step: event.step });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
