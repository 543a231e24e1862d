/**
 * The engine stand-in: runs Pulumi programs of dynamic resources the way `pulumi up` does, against
 * the real dynamic-provider host, without the Pulumi CLI. See `engine.ts` for the API.
 *
 * No jest here: `npm run build` compiles this folder for the offline demo, which runs on plain node.
 */
export { EngineStandIn, EngineRunError, type EngineOptions } from "./engine";
export { formatSummary, formatStep, formatCounts } from "./reporter";
export { linkPackageForHost, findRepoRoot } from "./link-package";
export { ResourceInitError, ProviderCallError } from "./grpc-client";
export type { RunSummary, RunStep, RunCounts, RunKind, StepOp, StateFile, StateResource, PropertyMap, JsonValue } from "./types";
