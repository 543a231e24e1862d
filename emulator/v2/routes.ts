import type { FastifyInstance } from "fastify";
import type { EmulatorContext } from "../context";

/** Registers the v2 Conversation Orchestrator control plane. (Placeholder until v2 lands.) */
export function registerV2Routes(_app: FastifyInstance, _ctx: EmulatorContext): { reset(): void; dump(): unknown } {
  return { reset() {}, dump: () => ({}) };
}
