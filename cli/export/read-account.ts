/**
 * Reads every live object the exporter writes, kind by kind as the registry describes them
 * (each kind's `export` part, resources/<kind>/kind.ts): the kinds read once for the account
 * first, then those read once per object of another kind (a service's roles, configuration and
 * conversations), at most `concurrency` lists at once. Every page of every list; the shared client
 * also limits requests in flight and retries 429s honouring Retry-After.
 */
import type { TwilioClient } from "../../provider/http/client";
import type { ReadOptions as KindReadOptions } from "../../resources/kind";
import { DOCUMENT_KINDS, type DocumentKind, kindNamed } from "../../sdk/spec/kinds";
import { mapBounded } from "./pool";

/** Which conversations to export: those with a unique name (default), all, or none. */
export type ConversationSelection = NonNullable<KindReadOptions["conversations"]>;
export const CONVERSATION_SELECTIONS: readonly ConversationSelection[] = ["unique-named", "all", "none"];

/** One live object, with the object it was read for (a role's service). */
export interface LiveObject {
  readonly kind: DocumentKind;
  /** As read, then as its kind's `withChildren` completes it once its children are read. */
  live: unknown;
  readonly parent?: LiveObject;
}

/** Everything read from the account, in the order read (kind by kind, then by parent). */
export interface AccountSnapshot {
  readonly objects: readonly LiveObject[];
}

/** A list finished (progress displays): lists done and known so far, items read so far. */
export interface ProgressEvent {
  /** Lists read so far, and known so far (the total grows as parents are found). */
  readonly done: number;
  readonly total: number;
  /** Items read so far, every list together. */
  readonly items: number;
  /** The list just read: `roles of service "Support"`. */
  readonly step: string;
}

/** A page arrived: the list being read, what it holds so far, and the items read so far in all. */
export interface PageEvent {
  readonly list: string;
  readonly listItems: number;
  readonly items: number;
}

export interface ReadOptions {
  readonly conversations?: ConversationSelection;
  /** Lists read at once. Default 4. */
  readonly concurrency?: number;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly onPage?: (event: PageEvent) => void;
}

/** How a list is named in progress lines: `services`, `roles of service "Support"`. */
function listName(kind: DocumentKind, parent: LiveObject | undefined): string {
  const label = parent ? (parent.kind.export.label?.(parent.live) ?? parent.kind.spec.noun) : undefined;
  return label ? `${kind.export.list} of ${label}` : kind.export.list;
}

/** Reads the account. Rejects with the client's error (a TwilioApiError, ...) when a read fails. */
export async function readAccount(client: TwilioClient, options: ReadOptions = {}): Promise<AccountSnapshot> {
  const kindOptions: KindReadOptions = { conversations: options.conversations ?? "unique-named" };
  const concurrency = options.concurrency ?? 4;
  let done = 0;
  let items = 0;
  const perAccount = DOCUMENT_KINDS.filter((k) => k.export.per === undefined);
  let total = perAccount.length;

  const read = async (kind: DocumentKind, parent: LiveObject | undefined): Promise<LiveObject[]> => {
    const list = listName(kind, parent);
    let counted = 0;
    const lives = await kind.export.read(
      client,
      parent?.live,
      (itemsSoFar) => {
        items += itemsSoFar - counted;
        counted = itemsSoFar;
        options.onPage?.({ list, listItems: itemsSoFar, items });
      },
      kindOptions,
    );
    // What a list keeps may be fewer than it read (conversations without a unique name): count what is kept.
    items += lives.length - counted;
    done++;
    options.onProgress?.({ done, total, items, step: list });
    return lives.map((live) => ({ kind, live, ...(parent ? { parent } : {}) }));
  };

  // The account-wide lists first, together; then the lists read per object of another kind, a few at a time.
  const objects: LiveObject[] = (await Promise.all(perAccount.map((kind) => read(kind, undefined)))).flat();
  let parents = objects;
  // Bounded by the depth of `per` chains in the registry (each pass reads the lists of the objects the last one found).
  for (let depth = 0; depth < DOCUMENT_KINDS.length && parents.length > 0; depth++) {
    const tasks = parents.flatMap((parent) =>
      DOCUMENT_KINDS.filter((k) => k.export.per !== undefined && kindNamed(k.export.per) === parent.kind).map((kind) => ({ kind, parent })),
    );
    total += tasks.length;
    const found = (await mapBounded(tasks, concurrency, ({ kind, parent }) => read(kind, parent))).flat();
    objects.push(...found);
    parents = found;
  }
  // What children tell of their parent (a service's roles), now that all are read. In place: the
  // children keep pointing at the same parent object.
  const childrenOf = new Map<LiveObject, Map<string, unknown[]>>();
  for (const child of objects) {
    if (!child.parent) continue;
    const byKind = childrenOf.get(child.parent) ?? new Map<string, unknown[]>();
    childrenOf.set(child.parent, byKind);
    const list = byKind.get(child.kind.name) ?? [];
    byKind.set(child.kind.name, list);
    list.push(child.live);
  }
  for (const o of objects) {
    const complete = o.kind.export.withChildren;
    if (complete) o.live = complete(o.live, childrenOf.get(o) ?? new Map());
  }
  return { objects };
}
