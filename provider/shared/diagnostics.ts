/**
 * Warnings from the provider to whoever runs it: `pulumi preview` / `pulumi up` in the end.
 *
 * A dynamic provider's methods return only what the ResourceProvider interface carries (no
 * diagnostics), and the dynamic-provider host never connects `@pulumi/pulumi`'s `log` to the engine:
 * it ignores the engine address it is started with (`@pulumi/pulumi/cmd/dynamic-provider/index.js`,
 * `main(args)` reads only that there is one), so `pulumi.log.warn` there falls back to
 * `console.warn`, which the engine shows as plain plugin output. The engine starts every resource
 * plugin with the address of its own Engine gRPC service as the first argument (pulumi/pulumi
 * sdk/go/common/resource/plugin/provider_plugin.go: `newPlugin(..., []string{host.ServerAddr()})`),
 * and that service's `Log` turns a `LogRequest` of severity WARNING into a warning diagnostic
 * (sdk/go/common/resource/plugin/host_server.go), the same way Go providers log. So inside the
 * host, a warning goes to `Engine.Log` at that address; if that fails (an engine that serves no
 * Engine service), to stderr, which the engine still shows.
 *
 * Outside the host (the provider objects used in-process), warnings go to stderr, or to the sink a
 * test or an embedding program sets with {@link setWarningSink}.
 */
import { createRequire } from "node:module";

import type * as grpcTypes from "@grpc/grpc-js";
import type * as engineGrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import type * as engineProto from "@pulumi/pulumi/proto/engine_pb";

/** Where warnings go instead of the engine; undefined: the default. */
let sink: ((message: string) => void) | undefined;

/** Sends every later warning to `receive` (undefined: back to the engine or stderr). Returns the previous sink. */
export function setWarningSink(receive: ((message: string) => void) | undefined): ((message: string) => void) | undefined {
  const previous = sink;
  sink = receive;
  return previous;
}

/** How long one warning may take to reach the engine before it goes to stderr instead. */
const LOG_DEADLINE_MS = 5000;

/**
 * The engine's address when this process is the dynamic-provider host (`node .../cmd/dynamic-provider
 * <engine address>`), else undefined.
 */
export function engineAddressOf(argv: readonly string[], mainFile: string | undefined): string | undefined {
  const isHost = [mainFile, argv[1]].some(
    (script) => script !== undefined && /[\\/]cmd[\\/]dynamic-provider(?:[\\/]index(?:\.js)?)?$/.test(script),
  );
  const address = argv[2];
  return isHost && address !== undefined && /^[\w.-]+:\d+$/.test(address) && !address.endsWith(":0") ? address : undefined;
}

/** What it takes to talk to the engine, all from one module system. */
interface EngineModules {
  grpc: typeof grpcTypes;
  client: engineGrpc.EngineClient;
  proto: typeof engineProto;
}

let engine: EngineModules | null | undefined;

/**
 * The engine's Engine client, loaded from @pulumi/pulumi's own files together with the grpc-js
 * copy its generated code was built with: credentials from another copy are refused ("Channel
 * credentials must be a ChannelCredentials object"), and this package does not depend on
 * grpc-js itself. Undefined outside the host.
 */
function engineClient(): EngineModules | undefined {
  if (engine === undefined) {
    const address = engineAddressOf(process.argv, require.main?.filename);
    if (address) {
      const load = createRequire(require.resolve("@pulumi/pulumi/proto/engine_grpc_pb"));
      const grpc = load("@grpc/grpc-js") as typeof grpcTypes;
      const { EngineClient } = load("./engine_grpc_pb") as typeof engineGrpc;
      engine = {
        grpc,
        client: new EngineClient(address, grpc.credentials.createInsecure()),
        proto: load("./engine_pb") as typeof engineProto,
      };
    } else {
      engine = null;
    }
  }
  return engine ?? undefined;
}

function toEngine({ grpc, client, proto }: EngineModules, message: string): Promise<void> {
  const request = new proto.LogRequest();
  request.setSeverity(proto.LogSeverity.WARNING);
  request.setMessage(message);
  // No URN: the host is not told which resource a call is about; the message names it instead.
  request.setUrn("");
  const options = { deadline: Date.now() + LOG_DEADLINE_MS };
  return new Promise((resolve, reject) => {
    client.log(request, new grpc.Metadata(), options, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Reports a warning: to the sink if one is set, else to the engine when running in the
 * dynamic-provider host, else to stderr. Never throws: a warning that cannot be delivered must not
 * fail the operation it describes.
 */
export async function warn(message: string): Promise<void> {
  if (sink) {
    sink(message);
    return;
  }
  const client = engineClient();
  if (client) {
    try {
      await toEngine(client, message);
      return;
    } catch {
      // Not delivered (no Engine service at that address): stderr, which the engine still shows.
    }
  }
  console.error(`warning: ${message}`);
}
