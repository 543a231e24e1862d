import { z } from "zod";

import { configureFromStack } from "../../../../provider/config";
import { defineProvider } from "../../../../provider/shared/define";
import { PartialFailure } from "../../../../provider/shared/partial";
import { rejection } from "../../../support/rejection";

const ACCOUNT = "AC" + "0".repeat(32);

// A resource whose writes fail after it exists, as a v2 operation that times out does.
const provider = defineProvider<{ name: string }, { accountSid: string; name: string }>({
  kind: "Thing",
  schema: z.strictObject({ name: z.string() }),
  diff: { properties: { name: undefined } },
  describe: (props) => `Thing "${String(props.name)}"`,
  create: async (inputs) => {
    throw new PartialFailure("timed out", "thing_1", { accountSid: ACCOUNT, name: inputs.name });
  },
  read: async () => undefined,
  update: async (_id, olds) => {
    throw new PartialFailure("failed", "thing_1", olds, ["op FAILED"]);
  },
  delete: async () => {},
});

beforeAll(() => {
  const config: Record<string, string> = {
    "twilio:username": ACCOUNT,
    "twilio:password": "token",
    "twilio-conversations:baseUrl": "http://127.0.0.1:9",
  };
  configureFromStack({ get: (key) => config[key] });
});

describe("defineProvider with a PartialFailure", () => {
  it("adds __provider to the properties a failed create leaves in state, so delete and refresh can load the provider", async () => {
    const error = await rejection<PartialFailure>(provider.create({ __provider: "shim", name: "a" }));
    expect(error).toBeInstanceOf(PartialFailure);
    expect(error).toMatchObject({ message: "timed out", id: "thing_1", reasons: ["timed out"] });
    expect(error.properties).toEqual({ accountSid: ACCOUNT, name: "a", __provider: "shim" });
  });

  it("does the same for a failed update, keeping its reasons", async () => {
    const error = await rejection<PartialFailure>(
      provider.update!("thing_1", { __provider: "shim", accountSid: ACCOUNT, name: "a" }, { __provider: "shim", name: "b" }),
    );
    expect(error).toMatchObject({ message: "failed", id: "thing_1", reasons: ["op FAILED"] });
    expect(error.properties).toEqual({ accountSid: ACCOUNT, name: "a", __provider: "shim" });
  });

  it("passes other errors through untouched", async () => {
    const plain = defineProvider<{ name: string }, { accountSid: string }>({
      kind: "Thing",
      schema: z.strictObject({ name: z.string() }),
      diff: { properties: {} },
      describe: () => "Thing",
      create: async () => {
        throw new RangeError("nope");
      },
      read: async () => undefined,
      update: async (_id, olds) => olds,
      delete: async () => {},
    });
    await expect(plain.create({ __provider: "shim", name: "a" })).rejects.toThrow(RangeError);
  });
});
