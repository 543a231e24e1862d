import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engproto from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

import type { Diagnostic, DiagnosticSeverity } from "./types";

const SEVERITY: Record<number, DiagnosticSeverity> = {
  [engproto.LogSeverity.DEBUG]: "debug",
  [engproto.LogSeverity.INFO]: "info",
  [engproto.LogSeverity.WARNING]: "warning",
  [engproto.LogSeverity.ERROR]: "error",
};

/**
 * The engine's own gRPC service (`pulumirpc.Engine`), whose address the engine passes to every
 * provider plugin it starts as the first argument (pulumi/pulumi provider_plugin.go:
 * `newPlugin(..., []string{host.ServerAddr()})`). A provider's `Log` calls land here and become the
 * run's diagnostics, as the engine turns them into the warnings `pulumi preview` prints
 * (host_server.go `Log`). The root-resource calls answer as the engine does; nothing else is served.
 */
export class EngineLogService {
  private readonly received: Diagnostic[] = [];
  private rootUrn = "";
  private readonly server = new grpc.Server();
  private port = 0;

  private constructor(private readonly onDiagnostic?: (d: Diagnostic) => void) {}

  /** Starts the service on a loopback port; `onDiagnostic` sees each message as it arrives. */
  static async start(onDiagnostic?: (d: Diagnostic) => void): Promise<EngineLogService> {
    const service = new EngineLogService(onDiagnostic);
    service.server.addService(EngineService, service.implementation() as unknown as grpc.UntypedServiceImplementation);
    service.port = await new Promise<number>((resolve, reject) =>
      service.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    return service;
  }

  /** `127.0.0.1:<port>`, to pass to the host as its engine address. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Everything logged so far, in order. */
  get diagnostics(): Diagnostic[] {
    return [...this.received];
  }

  close(): void {
    this.server.forceShutdown();
  }

  private implementation() {
    return {
      log: (call: grpc.ServerUnaryCall<engproto.LogRequest, Empty>, done: grpc.sendUnaryData<Empty>) => {
        const r = call.request;
        const diagnostic: Diagnostic = { severity: SEVERITY[r.getSeverity()] ?? "info", message: r.getMessage(), urn: r.getUrn() };
        this.received.push(diagnostic);
        this.onDiagnostic?.(diagnostic);
        done(null, new Empty());
      },
      getRootResource: (_call: unknown, done: grpc.sendUnaryData<engproto.GetRootResourceResponse>) => {
        done(null, new engproto.GetRootResourceResponse().setUrn(this.rootUrn));
      },
      setRootResource: (
        call: grpc.ServerUnaryCall<engproto.SetRootResourceRequest, unknown>,
        done: grpc.sendUnaryData<engproto.SetRootResourceResponse>,
      ) => {
        this.rootUrn = call.request.getUrn();
        done(null, new engproto.SetRootResourceResponse());
      },
    };
  }
}
