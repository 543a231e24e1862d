/**
 * defineProvider's part in write verification and removal warnings: every declared input must hold
 * in the outputs after a create or update (compared the way diff compares), and a property Twilio
 * cannot clear, removed from the program, is warned about in diff and counted as a change.
 */
import { z } from "zod";

import { configureFromStack } from "../../../../provider/config";
import { defineProvider } from "../../../../provider/shared/define";
import { setWarningSink } from "../../../../provider/shared/diagnostics";
import { same } from "../../../../provider/shared/diff";
import { PartialFailure } from "../../../../provider/shared/partial";
import { rejection } from "../../../support/rejection";

const ACCOUNT = "AC" + "0".repeat(32);

interface Inputs {
  name?: string;
  timer?: string;
  label?: string;
}
type Outputs = Inputs & { accountSid: string };

/** A fake "Twilio" answering every write with what `answer` makes of the inputs. */
function thing(answer: (inputs: Inputs) => Inputs) {
  return defineProvider<Inputs, Outputs>({
    kind: "Thing",
    schema: z.strictObject({ name: z.string().optional(), timer: z.string().optional(), label: z.string().optional() }),
    // label: absent means "whatever Twilio holds", as for a property Twilio cannot clear.
    diff: { properties: { name: undefined, timer: same.duration, label: (a, b) => b === undefined || a === b } },
    describe: (props) => `Thing "${String(props.name)}"`,
    create: async (inputs) => ({ id: "thing_1", outs: { accountSid: ACCOUNT, ...answer(inputs) } }),
    read: async () => undefined,
    update: async (_id, _olds, news) => ({ accountSid: ACCOUNT, ...answer(news) }),
    delete: async () => {},
    keptOnRemoval: (olds, news) => (olds.label !== undefined && news.label === undefined ? [`label stays ${olds.label}`] : []),
  });
}

beforeAll(() => {
  const config: Record<string, string> = {
    "twilio-conversations:accountSid": ACCOUNT,
    "twilio-conversations:authToken": "token",
    "twilio-conversations:baseUrl": "http://127.0.0.1:9",
  };
  configureFromStack({ get: (key) => config[key] });
});

describe("write verification in defineProvider", () => {
  it("accepts a write Twilio reports back in another spelling (durations by length)", async () => {
    const provider = thing((inputs) => ({ ...inputs, timer: inputs.timer && "PT60S" }));
    expect(await provider.create({ __provider: "shim", name: "a", timer: "PT1M" })).toEqual({
      id: "thing_1",
      outs: { accountSid: ACCOUNT, name: "a", timer: "PT60S" },
    });
  });

  it("fails a create whose declared value Twilio did not keep, as a PartialFailure holding what Twilio reports", async () => {
    const provider = thing((inputs) => ({ ...inputs, name: "old" }));
    const error = await rejection<PartialFailure>(provider.create({ __provider: "shim", name: "a", timer: "PT1M" }));
    expect(error).toBeInstanceOf(PartialFailure);
    expect(error.message).toMatch(/^Twilio did not apply all of creating Thing "a": name: sent "a", Twilio kept "old"\. /);
    expect(error).toMatchObject({ id: "thing_1" });
    expect(error.properties).toEqual({ accountSid: ACCOUNT, name: "old", timer: "PT1M", __provider: "shim" });
  });

  it("fails an update the same way, naming every field not applied", async () => {
    const provider = thing(() => ({ name: "old", timer: "PT5M" }));
    const error = await rejection<PartialFailure>(
      provider.update!(
        "thing_1",
        { __provider: "shim", accountSid: ACCOUNT, name: "old" },
        { __provider: "shim", name: "b", timer: "PT1M" },
      ),
    );
    expect(error.message).toMatch(/name: sent "b", Twilio kept "old"; timer: sent "PT1M", Twilio kept "PT5M"/);
    expect(error.properties).toMatchObject({ name: "old", timer: "PT5M", __provider: "shim" });
  });

  it("does not check what the program leaves out (each kind checks its own clears)", async () => {
    const provider = thing(() => ({ name: "a", timer: "PT9M" }));
    await expect(provider.create({ __provider: "shim", name: "a" })).resolves.toMatchObject({ id: "thing_1" });
  });
});

describe("removal warnings in defineProvider's diff", () => {
  it("reports each warning and counts the removal as a change, so the update records it", async () => {
    const seen: string[] = [];
    const previous = setWarningSink((m) => seen.push(m));
    try {
      const provider = thing((inputs) => inputs);
      const olds = { __provider: "shim", accountSid: ACCOUNT, name: "a", label: "x" };
      // The comparator sees no change (absent equals anything); the warning makes it one.
      const result = await provider.diff!("thing_1", olds, { __provider: "shim", name: "a" });
      expect(seen).toEqual(["label stays x"]);
      expect(result.changes).toBe(true);
      expect(await provider.diff!("thing_1", olds, { __provider: "shim", name: "a", label: "x" })).toMatchObject({ changes: false });
      expect(seen).toEqual(["label stays x"]);
    } finally {
      setWarningSink(previous);
    }
  });
});
