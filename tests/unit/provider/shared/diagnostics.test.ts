import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { type LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

import { engineAddressOf, setWarningSink, warn } from "../../../../provider/shared/diagnostics";

describe("engineAddressOf", () => {
  const host = "/app/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";
  it("is the first argument when this process is the dynamic-provider host", () => {
    expect(engineAddressOf(["node", host, "127.0.0.1:43211"], host)).toBe("127.0.0.1:43211");
    expect(engineAddressOf(["node", "/app/node_modules/@pulumi/pulumi/cmd/dynamic-provider", "localhost:5"], undefined)).toBe(
      "localhost:5",
    );
  });
  it("is nothing anywhere else, or for a placeholder address", () => {
    expect(engineAddressOf(["node", "/app/index.js", "127.0.0.1:43211"], "/app/index.js")).toBeUndefined();
    expect(engineAddressOf(["node", host], host)).toBeUndefined();
    expect(engineAddressOf(["node", host, "127.0.0.1:0"], host)).toBeUndefined();
    expect(engineAddressOf(["node", host, "--flag"], host)).toBeUndefined();
  });
});

describe("warn", () => {
  it("goes to the sink when one is set, and to stderr otherwise", async () => {
    const seen: string[] = [];
    const previous = setWarningSink((m) => seen.push(m));
    await warn("one");
    setWarningSink(previous);
    expect(seen).toEqual(["one"]);

    const stderr = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      await warn("two");
      expect(stderr).toHaveBeenCalledWith("warning: two");
    } finally {
      stderr.mockRestore();
    }
  });
});

describe("warn inside the dynamic-provider host", () => {
  /** An Engine gRPC service (Pulumi's generated definition) that records what it is sent. */
  async function engineService(): Promise<{ address: string; received: LogRequest[]; close(): void }> {
    const received: LogRequest[] = [];
    const server = new grpc.Server();
    server.addService(EngineService, {
      log: (call: grpc.ServerUnaryCall<LogRequest, Empty>, done: grpc.sendUnaryData<Empty>) => {
        received.push(call.request);
        done(null, new Empty());
      },
    } as unknown as grpc.UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    return { address: `127.0.0.1:${port}`, received, close: () => server.forceShutdown() };
  }

  /** A fresh copy of the module, in a process that looks like the host started with `address`. */
  function hostWarn(address: string): typeof warn {
    const argv = process.argv;
    process.argv = ["node", "/app/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js", address];
    let fresh: typeof warn | undefined;
    jest.isolateModules(() => {
      fresh = (jest.requireActual("../../../../provider/shared/diagnostics") as { warn: typeof warn }).warn;
    });
    const send = fresh!;
    return async (message) => {
      process.argv = ["node", "/app/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js", address];
      try {
        await send(message);
      } finally {
        process.argv = argv;
      }
    };
  }

  it("sends the warning to the engine's Engine.Log as a WARNING (the engine shows it as a warning)", async () => {
    const engine = await engineService();
    try {
      await hostWarn(engine.address)('Conversation "lobby": friendlyName was removed');
      expect(engine.received.map((r) => r.toObject())).toEqual([
        {
          severity: LogSeverity.WARNING,
          message: 'Conversation "lobby": friendlyName was removed',
          urn: "",
          streamid: 0,
          ephemeral: false,
        },
      ]);
    } finally {
      engine.close();
    }
  });

  it("falls back to stderr when nothing serves the Engine service there", async () => {
    const engine = await engineService();
    const address = engine.address;
    engine.close();
    const stderr = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      await hostWarn(address)("undelivered");
      expect(stderr).toHaveBeenCalledWith("warning: undelivered");
    } finally {
      stderr.mockRestore();
    }
  });
});
