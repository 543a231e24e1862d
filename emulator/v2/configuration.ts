/**
 * The v2 configuration resource as the emulator stores and returns it, and the pure functions that
 * apply a create, replace or patch to it. No I/O, no clock: callers pass the time.
 */
import { wireTimestamp } from "./timestamps";
import type { Channel, CreateInput, PatchInput, ReplaceInput } from "./validation";

/** One channel's settings, as returned. */
export interface ChannelSetting {
  statusTimeouts?: { inactive?: number; closed?: number };
  captureRules?: Array<{ from: string; to: string; metadata?: Record<string, string> }>;
}

/**
 * A configuration as GET returns it. Collections are always present (empty when unset) and
 * `memoryExtractionEnabled` always has its default, so clients compare values without guessing
 * defaults; `conversationsV1Bridge` is omitted when unset, as the spec marks it optional.
 */
export interface Configuration {
  id: string;
  displayName: string;
  description: string;
  conversationGroupingType: string;
  memoryStoreId: string;
  channelSettings: Partial<Record<Channel, ChannelSetting>>;
  statusCallbacks: Array<{ url: string; method: "POST" | "GET" }>;
  intelligenceConfigurationIds: string[];
  memoryExtractionEnabled: boolean;
  conversationsV1Bridge?: { serviceId: string };
  createdAt: string;
  updatedAt: string;
  /** Starts at 1 and grows by one with each applied write; never taken from a request. */
  version: number;
}

/** The configuration a create makes. */
export function createdConfiguration(id: string, input: CreateInput, at: Date): Configuration {
  const stamp = wireTimestamp(at);
  return withBridge(
    {
      id,
      displayName: input.displayName,
      description: input.description,
      conversationGroupingType: input.conversationGroupingType,
      memoryStoreId: input.memoryStoreId,
      channelSettings: clone(input.channelSettings ?? {}),
      statusCallbacks: clone(input.statusCallbacks ?? []),
      intelligenceConfigurationIds: [...(input.intelligenceConfigurationIds ?? [])],
      memoryExtractionEnabled: input.memoryExtractionEnabled ?? false,
      createdAt: stamp,
      updatedAt: stamp,
      version: 1,
    },
    input.conversationsV1Bridge,
  );
}

/**
 * A full replace. Optional fields left out return to their defaults; `displayName`, optional in a
 * PUT but always present on the resource, keeps its current value when left out (a replace cannot
 * leave the configuration without a name).
 */
export function replacedConfiguration(current: Configuration, input: ReplaceInput, at: Date): Configuration {
  return withBridge(
    {
      id: current.id,
      displayName: input.displayName ?? current.displayName,
      description: input.description,
      conversationGroupingType: input.conversationGroupingType,
      memoryStoreId: input.memoryStoreId,
      channelSettings: clone(input.channelSettings),
      statusCallbacks: clone(input.statusCallbacks ?? []),
      intelligenceConfigurationIds: [...(input.intelligenceConfigurationIds ?? [])],
      memoryExtractionEnabled: input.memoryExtractionEnabled ?? false,
      createdAt: current.createdAt,
      updatedAt: wireTimestamp(at),
      version: current.version + 1,
    },
    input.conversationsV1Bridge,
  );
}

/** A partial update: fields present change, `null` clears, a channel mapped to `null` is removed. */
export function patchedConfiguration(current: Configuration, input: PatchInput, at: Date): Configuration {
  const next: Configuration = clone(current);
  if (input.displayName !== undefined) next.displayName = input.displayName;
  if (input.description !== undefined) next.description = input.description;
  if (input.conversationGroupingType !== undefined) next.conversationGroupingType = input.conversationGroupingType;
  if (input.memoryStoreId !== undefined) next.memoryStoreId = input.memoryStoreId;
  if (input.channelSettings !== undefined) {
    for (const [channel, setting] of Object.entries(input.channelSettings) as Array<[Channel, ChannelSetting | null]>) {
      if (setting === null) delete next.channelSettings[channel];
      else next.channelSettings[channel] = clone(setting);
    }
  }
  if (input.statusCallbacks !== undefined) next.statusCallbacks = clone(input.statusCallbacks ?? []);
  if (input.intelligenceConfigurationIds !== undefined) {
    next.intelligenceConfigurationIds = [...(input.intelligenceConfigurationIds ?? [])];
  }
  if (input.memoryExtractionEnabled !== undefined) next.memoryExtractionEnabled = input.memoryExtractionEnabled ?? false;
  next.updatedAt = wireTimestamp(at);
  next.version = current.version + 1;
  return input.conversationsV1Bridge !== undefined ? withBridge(next, input.conversationsV1Bridge ?? undefined) : next;
}

function withBridge(config: Configuration, bridge: { serviceId: string } | undefined): Configuration {
  const { conversationsV1Bridge: _dropped, ...rest } = config;
  return bridge ? { ...rest, conversationsV1Bridge: { serviceId: bridge.serviceId } } : rest;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
