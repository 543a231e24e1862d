import { acceptedWrite, isReplayOfEarlierWrite, type OperationState } from "../../../../resources/orchestrator-configuration/operation";

const op = (createdAt: number | undefined): OperationState => ({ operationId: "op_1", status: "FAILED", phase: "failed", createdAt });

describe("a 202 response", () => {
  it("gives the operation, Retry-After, the configuration id and the server's clock", () => {
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
      answeredAt: Date.parse("2025-06-01T12:00:00Z"),
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

describe("telling a replayed operation from a fresh one", () => {
  const answeredAt = Date.parse("2025-06-01T12:00:00Z");

  it("counts an operation created well before the server answered as an earlier write's", () => {
    expect(isReplayOfEarlierWrite(op(answeredAt - 60_000), { operationId: "op_1", answeredAt })).toBe(true);
  });

  it("counts one created while the request was handled as fresh (Date has whole-second resolution)", () => {
    expect(isReplayOfEarlierWrite(op(answeredAt + 900), { operationId: "op_1", answeredAt })).toBe(false);
    expect(isReplayOfEarlierWrite(op(answeredAt - 1_000), { operationId: "op_1", answeredAt })).toBe(false);
  });

  it("says fresh when either time is unknown (a failure is then reported, the safe side)", () => {
    expect(isReplayOfEarlierWrite(op(undefined), { operationId: "op_1", answeredAt })).toBe(false);
    expect(isReplayOfEarlierWrite(op(answeredAt - 60_000), { operationId: "op_1" })).toBe(false);
  });
});
