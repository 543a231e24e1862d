import type { TwilioClient } from "../../../../provider/http/client";
import { acceptedWrite, followOperation } from "../../../../resources/orchestrator-configuration/operation";

describe("a 202 response", () => {
  it("gives the operation, Retry-After and the configuration id", () => {
    const accepted = acceptedWrite(
      {
        status: 202,
        headers: {
          "operation-id": "op_1",
          "retry-after": "2",
          date: "Sun, 01 Jun 2025 12:00:00 GMT",
          location: "https://x/v2/ControlPlane/Operations/op_1",
        },
        data: { statusUrl: "https://x/v2/ControlPlane/Operations/op_1", related: { configurationId: "conv_configuration_1" } },
      },
      'creating OrchestratorConfiguration "a"',
    );
    expect(accepted).toEqual({
      operationId: "op_1",
      retryAfter: "2",
      configurationId: "conv_configuration_1",
    });
  });

  it("falls back to the statusUrl for the operation id", () => {
    const accepted = acceptedWrite({ status: 202, headers: {}, data: { statusUrl: "https://x/v2/ControlPlane/Operations/op_9" } }, "x");
    expect(accepted.operationId).toBe("op_9");
    expect(accepted.retryAfter).toBeUndefined();
  });

  it("is an error when it names no operation", () => {
    expect(() => acceptedWrite({ status: 202, headers: {}, data: {} }, 'creating OrchestratorConfiguration "a"')).toThrow(
      /accepted the request creating OrchestratorConfiguration "a" but named no operation/,
    );
  });
});

describe("following the operation a 202 named", () => {
  /** A client whose operation GETs answer the given statuses in turn; records the paths asked. */
  function clientAnswering(...statuses: string[]) {
    const asked: string[] = [];
    const client = {
      async request(req: { method: string; path: string }) {
        asked.push(`${req.method} ${req.path}`);
        return { status: 200, headers: {}, data: { operationId: "op_1", status: statuses[Math.min(asked.length, statuses.length) - 1] } };
      },
    } as unknown as TwilioClient;
    return { client, asked };
  }
  const accepted = { operationId: "op_1", retryAfter: "0" };

  it("counts an operation already finished at the look right after the 202 as an earlier request's, and looks once", async () => {
    const { client, asked } = clientAnswering("FAILED");
    const followed = await followOperation(client, accepted, 10_000, "x");
    expect(followed).toEqual({ earlier: true, op: expect.objectContaining({ operationId: "op_1", status: "FAILED", phase: "failed" }) });
    expect(asked).toEqual(["GET /v2/ControlPlane/Operations/op_1"]);
  });

  it("waits for one still running at the look, and counts it as this request's", async () => {
    const { client, asked } = clientAnswering("PENDING", "RUNNING", "COMPLETED");
    const followed = await followOperation(client, accepted, 10_000, "x");
    expect(followed).toEqual({ earlier: false, op: expect.objectContaining({ status: "COMPLETED", phase: "completed" }) });
    expect(asked).toEqual(Array(3).fill("GET /v2/ControlPlane/Operations/op_1"));
  });

  it("counts a COMPLETED operation at the look as an earlier request's too (a crash or lost response before)", async () => {
    const { client } = clientAnswering("COMPLETED");
    expect(await followOperation(client, accepted, 10_000, "x")).toMatchObject({ earlier: true, op: { phase: "completed" } });
  });
});
