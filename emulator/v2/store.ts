/**
 * The applied configurations: what GET and list see. Pending writes live in `operations.ts` and
 * reach this store only when their operation completes.
 */
import type { Configuration } from "./configuration";

/** A stored configuration with its insertion sequence (the list order, and the paging cursor). */
export interface StoredConfiguration {
  readonly seq: number;
  readonly config: Configuration;
}

/** In-memory configurations of one emulator instance. */
export class ConfigurationStore {
  private readonly items = new Map<string, StoredConfiguration>();
  private nextSeq = 1;

  get(id: string): Configuration | undefined {
    return this.items.get(id)?.config;
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  /** Inserts or replaces; a replaced configuration keeps its place in the list. */
  put(config: Configuration): void {
    const seq = this.items.get(config.id)?.seq ?? this.nextSeq++;
    this.items.set(config.id, { seq, config });
  }

  delete(id: string): boolean {
    return this.items.delete(id);
  }

  /** All configurations in creation order. */
  list(): StoredConfiguration[] {
    return [...this.items.values()].sort((a, b) => a.seq - b.seq);
  }

  clear(): void {
    this.items.clear();
    this.nextSeq = 1;
  }
}
