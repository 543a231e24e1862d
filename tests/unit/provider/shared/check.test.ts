import { z } from "zod";

import { checkWith, UNKNOWN } from "../../../../provider/shared/check";
import { isoDuration, sid } from "../../../../provider/shared/fields";

const schema = z.strictObject({
  chatServiceSid: sid("IS", "a chat service").optional(),
  timers: z.strictObject({ closed: isoDuration(600).optional() }).optional(),
});

describe("checkWith", () => {
  it("returns the parsed inputs without __provider", () => {
    expect(checkWith(schema, { __provider: "x", timers: { closed: "PT10M" } })).toEqual({ inputs: { timers: { closed: "PT10M" } } });
  });

  it("reports each failure on its property path", () => {
    const result = checkWith(schema, { chatServiceSid: "nope", timers: { closed: "PT1M" } });
    expect(result.failures).toEqual([
      { property: "chatServiceSid", reason: 'must be a chat service SID: "IS" followed by 32 hex digits' },
      { property: "timers.closed", reason: 'must be at least 10 minutes (got "PT1M")' },
    ]);
  });

  it("names unknown properties", () => {
    const result = checkWith(schema, { chatServiceSidd: "IS" + "0".repeat(32) });
    expect(result.failures![0]!.reason).toMatch(/chatServiceSidd/);
  });

  it("reports each unknown property on its own path, even when its value is not known yet", () => {
    const result = checkWith(schema, { chatServiceSidd: UNKNOWN, timers: { closed: "PT10M", inactiv: "PT1M" } });
    expect(result.failures!.map((f) => f.property).sort()).toEqual(["chatServiceSidd", "timers.inactiv"]);
  });

  it("lets values that are unknown during preview through", () => {
    const result = checkWith(schema, { chatServiceSid: UNKNOWN, timers: { closed: "PT1M" } });
    expect(result.failures).toEqual([{ property: "timers.closed", reason: 'must be at least 10 minutes (got "PT1M")' }]);
    expect(checkWith(schema, { chatServiceSid: UNKNOWN })).toEqual({ inputs: { chatServiceSid: UNKNOWN } });
  });
});
