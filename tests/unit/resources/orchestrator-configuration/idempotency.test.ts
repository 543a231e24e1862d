import { createKey, deleteKey, derivedUuid, nextKey, updateKey } from "../../../../resources/orchestrator-configuration/idempotency";

const ACCOUNT = "AC00000000000000000000000000000000";
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("derived Idempotency-Keys", () => {
  it("are RFC 9562 version-8 UUIDs", () => {
    expect(derivedUuid(["a"])).toMatch(UUID_V8);
    expect(createKey(ACCOUNT, "p/s/n", { a: 1 })).toMatch(UUID_V8);
    expect(nextKey(createKey(ACCOUNT, "p/s/n", { a: 1 }), "op_1")).toMatch(UUID_V8);
  });

  it("are the same for the same write, whatever the body's key order", () => {
    expect(createKey(ACCOUNT, "p/s/n", { a: 1, b: [1, 2] })).toBe(createKey(ACCOUNT, "p/s/n", { b: [1, 2], a: 1 }));
    expect(updateKey(ACCOUNT, "conv_configuration_x", 3, { a: 1 })).toBe(updateKey(ACCOUNT, "conv_configuration_x", 3, { a: 1 }));
    expect(nextKey("k", "op_1")).toBe(nextKey("k", "op_1"));
  });

  it("differ by account, logical name, body, prior version, kind of write and the operation stepped past", () => {
    const first = createKey(ACCOUNT, "p/s/n", { a: 1 });
    const keys = [
      first,
      createKey("AC" + "1".repeat(32), "p/s/n", { a: 1 }),
      createKey(ACCOUNT, "p/s/other", { a: 1 }),
      createKey(ACCOUNT, "p/s/n", { a: 2 }),
      nextKey(first, "op_1"),
      nextKey(first, "op_2"),
      nextKey(nextKey(first, "op_1"), "op_2"),
      updateKey(ACCOUNT, "conv_configuration_x", 3, { a: 1 }),
      updateKey(ACCOUNT, "conv_configuration_x", 4, { a: 1 }),
      deleteKey(ACCOUNT, "conv_configuration_x"),
      deleteKey(ACCOUNT, "conv_configuration_y"),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("begin with the key release 0.1.0 sent first, so a run interrupted before an upgrade is still replayed", () => {
    // 0.1.0 derived its first key with a trailing salt of "0" (resources/orchestrator-configuration/idempotency.ts at 0.1.0).
    const body = { displayName: "x" };
    expect(createKey(ACCOUNT, "p/s/n", body)).toBe(derivedUuid(["create", ACCOUNT, "p/s/n", '{"displayName":"x"}', "0"]));
    expect(updateKey(ACCOUNT, "conv_configuration_x", 3, body)).toBe(
      derivedUuid(["update", ACCOUNT, "conv_configuration_x", "3", '{"displayName":"x"}', "0"]),
    );
    expect(deleteKey(ACCOUNT, "conv_configuration_x")).toBe(derivedUuid(["delete", ACCOUNT, "conv_configuration_x", "0"]));
  });

  it("cannot be confused by where one part ends and the next begins", () => {
    expect(derivedUuid(["ab", "c"])).not.toBe(derivedUuid(["a", "bc"]));
  });
});
