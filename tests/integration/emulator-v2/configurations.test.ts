/** CRUD of /v2/ControlPlane/Configurations: the 202 contract, fetch, replace, patch, delete, list paging. */
import { createBody, DELAY_MS, RETRY_AFTER_SECONDS, v2HarnessForFile } from "./harness";

const BASE = "/v2/ControlPlane/Configurations";
const h = v2HarnessForFile();

/** Polls nothing: moves the clock past the delay and reads the operation once. */
async function complete(statusUrl: string): Promise<{ status: string }> {
  h.completeAll();
  return (await h.request("GET", new URL(statusUrl).pathname)).json();
}

describe("POST (create)", () => {
  test("answers 202 with Operation-Id, Retry-After, absolute Location and the statusUrl body", async () => {
    const res = await h.request("POST", BASE, createBody());
    expect(res.status).toBe(202);
    const opId = res.headers.get("operation-id")!;
    expect(opId).toMatch(/^proc_job_[0-9a-hjkmnp-tv-z]{26}$/);
    const statusUrl = `${h.origin}/v2/ControlPlane/Operations/${opId}`;
    expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(res.headers.get("location")).toBe(statusUrl);
    expect(res.json()).toEqual({
      statusUrl,
      related: { configurationId: expect.stringMatching(/^conv_configuration_[0-9a-hjkmnp-tv-z]{26}$/) },
    });
  });

  test("the created configuration is 404 until the operation completes, then fetched with defaults", async () => {
    const res = await h.request("POST", BASE, createBody());
    const id = res.json().related.configurationId;
    expect((await h.request("GET", `${BASE}/${id}`)).status).toBe(404);
    expect((await h.request("GET", BASE)).json().configurations).toEqual([]);

    expect((await complete(res.json().statusUrl)).status).toBe("COMPLETED");
    const got = await h.request("GET", `${BASE}/${id}`);
    expect(got.status).toBe(200);
    const created = h.stamp();
    expect(got.json()).toEqual({
      id,
      displayName: "Support config",
      description: "Routes support traffic",
      conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
      memoryStoreId: "mem_store_01",
      channelSettings: {},
      statusCallbacks: [],
      intelligenceConfigurationIds: [],
      memoryExtractionEnabled: false,
      createdAt: created,
      updatedAt: created,
      version: 1,
    });
  });

  test("keeps every documented field, fills the callback method and ignores unknown and read-only fields", async () => {
    const body = createBody({
      channelSettings: {
        SMS: { statusTimeouts: { inactive: 5, closed: 60 }, captureRules: [{ from: "*", to: "+15005550006", metadata: { k: "v" } }] },
        VOICE: { captureRules: [{ from: "*", to: "*" }] },
      },
      statusCallbacks: [{ url: "https://example.com/a" }, { url: "https://example.com/b", method: "GET" }],
      intelligenceConfigurationIds: ["intel_1", "intel_2"],
      memoryExtractionEnabled: true,
      conversationsV1Bridge: { serviceId: "IS" + "a".repeat(32) },
      surprise: "ignored",
      version: 42,
      id: "conv_configuration_chosen_by_client",
    });
    const id = await h.createApplied(body);
    const got = (await h.request("GET", `${BASE}/${id}`)).json();
    expect(got).toMatchObject({
      id,
      channelSettings: body.channelSettings as object,
      statusCallbacks: [
        { url: "https://example.com/a", method: "POST" },
        { url: "https://example.com/b", method: "GET" },
      ],
      intelligenceConfigurationIds: ["intel_1", "intel_2"],
      memoryExtractionEnabled: true,
      conversationsV1Bridge: { serviceId: "IS" + "a".repeat(32) },
      version: 1,
    });
    expect(got).not.toHaveProperty("surprise");
  });
});

describe("PUT (full replace)", () => {
  test("202, invisible until complete, then replaces every field, keeps displayName when omitted, version + 1", async () => {
    const id = await h.createApplied(createBody({ statusCallbacks: [{ url: "https://example.com/a" }], memoryExtractionEnabled: true }));
    const createdAt = (await h.request("GET", `${BASE}/${id}`)).json().createdAt;
    h.advance(1000);
    const res = await h.request("PUT", `${BASE}/${id}`, {
      description: "replaced",
      conversationGroupingType: "GROUP_BY_PROFILE",
      memoryStoreId: "mem_2",
      channelSettings: { CHAT: { statusTimeouts: { inactive: 3 } } },
    });
    expect(res.status).toBe(202);
    expect(res.json().related).toEqual({ configurationId: id });
    expect((await h.request("GET", `${BASE}/${id}`)).json().description).toBe("Routes support traffic");

    expect((await complete(res.json().statusUrl)).status).toBe("COMPLETED");
    const got = (await h.request("GET", `${BASE}/${id}`)).json();
    expect(got).toEqual({
      id,
      displayName: "Support config",
      description: "replaced",
      conversationGroupingType: "GROUP_BY_PROFILE",
      memoryStoreId: "mem_2",
      channelSettings: { CHAT: { statusTimeouts: { inactive: 3 } } },
      statusCallbacks: [],
      intelligenceConfigurationIds: [],
      memoryExtractionEnabled: false,
      createdAt,
      updatedAt: h.stamp(),
      version: 2,
    });
  });

  test("requires channelSettings", async () => {
    const id = await h.createApplied();
    const res = await h.request("PUT", `${BASE}/${id}`, createBody());
    expect(res.status).toBe(400);
    expect(res.json().message).toContain("channelSettings");
  });

  test("unknown id: 404 with the classic body", async () => {
    const res = await h.request("PUT", `${BASE}/conv_configuration_00000000000000000000000000`, {
      ...createBody(),
      channelSettings: {},
    });
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({
      code: 20404,
      message: expect.stringContaining("conv_configuration_00000000000000000000000000"),
      more_info: "https://www.twilio.com/docs/errors/20404",
      status: 404,
    });
  });
});

describe("PATCH (partial)", () => {
  test("changes only the fields sent; a channel mapped to null is removed; null clears optional fields", async () => {
    const id = await h.createApplied(
      createBody({
        channelSettings: { SMS: { statusTimeouts: { inactive: 5 } }, VOICE: { captureRules: [{ from: "*", to: "*" }] } },
        statusCallbacks: [{ url: "https://example.com/a" }],
        memoryExtractionEnabled: true,
        conversationsV1Bridge: { serviceId: "IS" + "b".repeat(32) },
      }),
    );
    const res = await h.request("PATCH", `${BASE}/${id}`, {
      description: "patched",
      channelSettings: { SMS: null, CHAT: { statusTimeouts: { closed: 30 } } },
      statusCallbacks: null,
      conversationsV1Bridge: null,
    });
    expect(res.status).toBe(202);
    expect((await h.request("GET", `${BASE}/${id}`)).json().version).toBe(1);
    expect((await complete(res.json().statusUrl)).status).toBe("COMPLETED");

    const got = (await h.request("GET", `${BASE}/${id}`)).json();
    expect(got.description).toBe("patched");
    expect(got.displayName).toBe("Support config");
    expect(got.channelSettings).toEqual({
      VOICE: { captureRules: [{ from: "*", to: "*" }] },
      CHAT: { statusTimeouts: { closed: 30 } },
    });
    expect(got.statusCallbacks).toEqual([]);
    expect(got.memoryExtractionEnabled).toBe(true);
    expect(got).not.toHaveProperty("conversationsV1Bridge");
    expect(got.version).toBe(2);
  });

  test("null for a field every configuration must have is refused, naming it", async () => {
    const id = await h.createApplied();
    const res = await h.request("PATCH", `${BASE}/${id}`, { memoryStoreId: null });
    expect(res.status).toBe(400);
    expect(res.json().message).toContain("memoryStoreId");
  });

  test("version grows by one per applied write", async () => {
    const id = await h.createApplied();
    for (const n of [2, 3, 4]) {
      const res = await h.request("PATCH", `${BASE}/${id}`, { description: `v${n}` });
      await complete(res.json().statusUrl);
      expect((await h.request("GET", `${BASE}/${id}`)).json()).toMatchObject({ version: n, description: `v${n}` });
    }
  });

  test("two patches accepted back to back both apply, in order", async () => {
    const id = await h.createApplied();
    await h.request("PATCH", `${BASE}/${id}`, { description: "first", displayName: "one" });
    const second = await h.request("PATCH", `${BASE}/${id}`, { description: "second" });
    await complete(second.json().statusUrl);
    expect((await h.request("GET", `${BASE}/${id}`)).json()).toMatchObject({
      displayName: "one",
      description: "second",
      version: 3,
    });
  });
});

describe("DELETE", () => {
  test("202 with a JSON body; the configuration stays until the operation completes, then 404", async () => {
    const id = await h.createApplied();
    const res = await h.request("DELETE", `${BASE}/${id}`);
    expect(res.status).toBe(202);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.json()).toEqual({
      statusUrl: expect.stringContaining("/v2/ControlPlane/Operations/proc_job_"),
      related: { configurationId: id },
    });
    expect((await h.request("GET", `${BASE}/${id}`)).status).toBe(200);
    expect((await complete(res.json().statusUrl)).status).toBe("COMPLETED");
    expect((await h.request("GET", `${BASE}/${id}`)).status).toBe(404);
    expect((await h.request("DELETE", `${BASE}/${id}`)).status).toBe(404);
  });

  test("accepts an empty body sent with a JSON content type", async () => {
    const id = await h.createApplied();
    const res = await h.request("DELETE", `${BASE}/${id}`, undefined, { "content-type": "application/json" });
    expect(res.status).toBe(202);
  });

  test("unknown id: 404", async () => {
    const res = await h.request("DELETE", `${BASE}/conv_configuration_00000000000000000000000000`);
    expect(res.status).toBe(404);
    expect(res.json().code).toBe(20404);
  });
});

describe("GET list", () => {
  async function createMany(n: number, memoryStoreId = "mem_store_01"): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await h.request("POST", BASE, createBody({ displayName: `cfg ${i}`, memoryStoreId }));
      ids.push(res.json().related.configurationId);
    }
    h.completeAll();
    return ids;
  }

  test("pages with tokens forwards and backwards, meta.key and meta.pageSize as returned", async () => {
    const ids = await createMany(5);
    const first = (await h.request("GET", `${BASE}?pageSize=2`)).json();
    expect(first.meta).toEqual({ key: "configurations", pageSize: 2, nextToken: expect.any(String) });
    expect(first.configurations.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 2));

    const second = (await h.request("GET", `${BASE}?pageSize=2&pageToken=${first.meta.nextToken}`)).json();
    expect(second.configurations.map((c: { id: string }) => c.id)).toEqual(ids.slice(2, 4));
    expect(second.meta.previousToken).toEqual(expect.any(String));

    const third = (await h.request("GET", `${BASE}?pageSize=2&pageToken=${second.meta.nextToken}`)).json();
    expect(third.configurations.map((c: { id: string }) => c.id)).toEqual(ids.slice(4));
    expect(third.meta).toEqual({ key: "configurations", pageSize: 1, previousToken: expect.any(String) });

    const back = (await h.request("GET", `${BASE}?pageSize=2&pageToken=${third.meta.previousToken}`)).json();
    expect(back.configurations.map((c: { id: string }) => c.id)).toEqual(ids.slice(2, 4));
  });

  test("a deletion between pages neither skips nor repeats", async () => {
    const ids = await createMany(4);
    const first = (await h.request("GET", `${BASE}?pageSize=2`)).json();
    const del = await h.request("DELETE", `${BASE}/${ids[0]}`);
    await complete(del.json().statusUrl);
    const second = (await h.request("GET", `${BASE}?pageSize=2&pageToken=${first.meta.nextToken}`)).json();
    expect(second.configurations.map((c: { id: string }) => c.id)).toEqual(ids.slice(2, 4));
  });

  test("defaults to 50 per page and filters by memoryStoreId", async () => {
    await createMany(3, "mem_a");
    const b = await createMany(2, "mem_b");
    const all = (await h.request("GET", BASE)).json();
    expect(all.meta).toEqual({ key: "configurations", pageSize: 5 });
    const filtered = (await h.request("GET", `${BASE}?memoryStoreId=mem_b`)).json();
    expect(filtered.configurations.map((c: { id: string }) => c.id)).toEqual(b);
  });

  test.each(["0", "1001", "abc", "2.5"])("pageSize=%s is refused, naming pageSize", async (size) => {
    const res = await h.request("GET", `${BASE}?pageSize=${size}`);
    expect(res.status).toBe(400);
    expect(res.json().message).toContain("pageSize");
  });

  test("a token the server did not issue is refused, naming pageToken", async () => {
    const res = await h.request("GET", `${BASE}?pageToken=garbage`);
    expect(res.status).toBe(400);
    expect(res.json().message).toContain("pageToken");
  });
});

test("the delay is the configured one: PENDING one millisecond before it", async () => {
  const res = await h.request("POST", BASE, createBody());
  const path = new URL(res.json().statusUrl).pathname;
  h.advance(DELAY_MS - 1);
  expect((await h.request("GET", path)).json().status).toBe("PENDING");
  h.advance(1);
  expect((await h.request("GET", path)).json().status).toBe("COMPLETED");
});
