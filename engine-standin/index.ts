/**
 * The engine stand-in: runs Pulumi programs of dynamic resources the way `pulumi up` does, against
 * the real dynamic-provider host, without the Pulumi CLI. See `engine.ts` for the API.
 *
 * No jest here: `npm run build` compiles this folder for the offline demo, which runs on plain node.
 */
export { type EngineOptions, EngineRunError, EngineStandIn } from "./engine";
export { findRepoRoot, linkPackageForHost } from "./link-package";
export { formatCounts, formatStep, formatSummary } from "./reporter";
export type { RunCounts, RunSummary, StateFile, StateResource, StepOp } from "./types";
