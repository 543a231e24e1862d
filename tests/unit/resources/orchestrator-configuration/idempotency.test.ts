import { createKey, deleteKey, derivedUuid, updateKey } from "../../../../resources/orchestrator-configuration/idempotency";

const ACCOUNT = "AC00000000000000000000000000000000";
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("derived Idempotency-Keys", () => {
  it("are RFC 9562 version-8 UUIDs", () => {
    expect(derivedUuid(["a"])).toMatch(UUID_V8);
    expect(createKey(ACCOUNT, "p/s/n", { a: 1 }, 0)).toMatch(UUID_V8);
  });

  it("are the same for the same write, whatever the body's key order", () => {
    expect(createKey(ACCOUNT, "p/s/n", { a: 1, b: [1, 2] }, 0)).toBe(createKey(ACCOUNT, "p/s/n", { b: [1, 2], a: 1 }, 0));
    expect(updateKey(ACCOUNT, "conv_configuration_x", 3, { a: 1 }, 0)).toBe(updateKey(ACCOUNT, "conv_configuration_x", 3, { a: 1 }, 0));
  });

  it("differ by account, logical name, body, salt, prior version and kind of write", () => {
    const keys = [
      createKey(ACCOUNT, "p/s/n", { a: 1 }, 0),
      createKey("AC" + "1".repeat(32), "p/s/n", { a: 1 }, 0),
      createKey(ACCOUNT, "p/s/other", { a: 1 }, 0),
      createKey(ACCOUNT, "p/s/n", { a: 2 }, 0),
      createKey(ACCOUNT, "p/s/n", { a: 1 }, 1),
      updateKey(ACCOUNT, "conv_configuration_x", 3, { a: 1 }, 0),
      updateKey(ACCOUNT, "conv_configuration_x", 4, { a: 1 }, 0),
      deleteKey(ACCOUNT, "conv_configuration_x", 0),
      deleteKey(ACCOUNT, "conv_configuration_x", 1),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("cannot be confused by where one part ends and the next begins", () => {
    expect(derivedUuid(["ab", "c"])).not.toBe(derivedUuid(["a", "bc"]));
  });
});
