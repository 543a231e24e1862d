/**
 * Progress for long reads (`export`, `plan`), on stderr and only when stderr is a terminal: piped
 * or redirected runs (CI, `> spec.yaml 2> log`) stay quiet. It counts items as pages arrive and
 * names the list being read (a list of 700 conversations moves the count page by page), never a
 * URL, header or credential.
 */
import { SingleBar } from "cli-progress";

import type { OutputStream } from "../io";
import type { PageEvent, ProgressEvent } from "./read-account";

/** Receives progress events and is stopped once, at the end. */
export interface ProgressDisplay {
  /** A list finished. */
  update(event: ProgressEvent): void;
  /** A page arrived. */
  page(event: PageEvent): void;
  stop(): void;
}

const QUIET: ProgressDisplay = { update() {}, page() {}, stop() {} };

/** The display for `stream`: a live line on a TTY, nothing otherwise (or when `enabled` is false). */
export function progressFor(stream: OutputStream, enabled = true, verb = "Reading"): ProgressDisplay {
  if (!enabled || !stream.isTTY) return QUIET;
  const line = new SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: `${verb} | {items} items | {lists} lists done | {step}`,
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  let lists = "0/0";
  const show = (items: number, step: string) => {
    if (!started) {
      line.start(1, 0, { items, lists, step });
      started = true;
    }
    line.update(0, { items, lists, step });
  };
  return {
    update(event) {
      lists = `${event.done}/${event.total}`;
      show(event.items, `read ${event.step}`);
    },
    page(event) {
      show(event.items, `reading ${event.list}: ${event.listItems}`);
    },
    stop() {
      if (started) line.stop();
    },
  };
}
