import { z } from "zod";

import { resourceInputs, sid, strictObject } from "../../../../provider/shared/fields";

describe("sid when the value is missing", () => {
  it("says it is required and what it looks like", () => {
    const schema = z.object({ chatServiceSid: sid("IS", "a chat service") });
    expect(schema.safeParse({}).error!.issues[0]!.message).toBe('is required: a chat service SID ("IS" followed by 32 hex digits)');
  });
  it("names the expected shape for a value that is not a string", () => {
    expect(sid("IS", "a chat service").safeParse(42).error!.issues[0]!.message).toBe(
      'must be a chat service SID: "IS" followed by 32 hex digits',
    );
  });
});

describe("resourceInputs", () => {
  const schema = resourceInputs("Thing", { a: z.string().optional(), b: z.string().optional(), c: z.number().optional() });

  it("accepts the known properties", () => {
    expect(schema.parse({ a: "x", c: 1 })).toEqual({ a: "x", c: 1 });
  });

  it("names an unknown property and lists the valid ones", () => {
    expect(schema.safeParse({ a: "x", d: 1 }).error!.issues[0]!.message).toBe('unknown property "d": Thing takes a, b and c');
  });

  it("lists the valid property of a one-property resource without a conjunction", () => {
    const one = resourceInputs("One", { a: z.string() });
    expect(one.safeParse({ a: "x", b: 1 }).error!.issues[0]!.message).toBe('unknown property "b": One takes a');
  });
});

describe("strictObject", () => {
  const schema = strictObject(
    { a: z.string().optional(), __reserved: z.string().optional() },
    {
      unknown: (keys, allowed) => `${keys.join("+")} not in ${allowed.join("|")}`,
      missing: "is required: a thing",
      notObject: "must be a thing",
      unlisted: ["__reserved"],
    },
  );

  it("says each case its own way, and never lists an unlisted property", () => {
    expect(schema.safeParse({ b: 1, c: 2 }).error!.issues[0]!.message).toBe("b+c not in a");
    expect(schema.safeParse(undefined).error!.issues[0]!.message).toBe("is required: a thing");
    expect(schema.safeParse("x").error!.issues[0]!.message).toBe("must be a thing");
    expect(schema.parse({ __reserved: "r" })).toEqual({ __reserved: "r" });
  });

  it("falls back to zod's message where none is given", () => {
    const plain = strictObject({ a: z.string() }, { unknown: () => "unknown" });
    expect(plain.safeParse("x").error!.issues[0]!.message).toMatch(/expected object/);
  });
});
