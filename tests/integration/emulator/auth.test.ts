import { type RunningEmulator, startEmulator } from "../../../emulator";
import { basic, clientFor, twilioError } from "./http";

const ACCOUNT = "AC" + "1".repeat(32);
const KEY = { sid: "SK" + "2".repeat(32), secret: "key-secret" };
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, accountSid: ACCOUNT, authToken: "token-1", apiKeys: [KEY] });
});
afterAll(() => emu.close());

test("the account SID + auth token is accepted", async () => {
  const res = await clientFor(emu, basic(ACCOUNT, "token-1")).get("/v1/Configuration");
  expect(res.status).toBe(200);
  expect(res.data.account_sid).toBe(ACCOUNT);
  expect(emu.accountSid).toBe(ACCOUNT);
  expect(emu.authToken).toBe("token-1");
});

test("an API key SID + secret is accepted", async () => {
  expect((await clientFor(emu, basic(KEY.sid, KEY.secret)).get("/v1/Configuration")).status).toBe(200);
});

test.each([
  ["no Authorization header", null],
  ["a wrong token", basic(ACCOUNT, "token-2")],
  ["another account", basic("AC" + "3".repeat(32), "token-1")],
  ["an API key with the account's token", basic(KEY.sid, "token-1")],
  ["an unknown API key", basic("SK" + "4".repeat(32), KEY.secret)],
  ["a Bearer token", "Bearer token-1"],
  ["garbage", "Basic !!!"],
])("401 code 20003 for %s", async (_name, auth) => {
  const res = await clientFor(emu, auth).get("/v1/Configuration");
  expect(res.status).toBe(401);
  expect(res.data).toEqual(twilioError(401, 20003));
  expect(res.headers.get("www-authenticate")).toMatch(/^Basic/);
});

test("auth is checked before routes: a write without credentials changes nothing", async () => {
  await clientFor(emu, null).post("/v1/Conversations", { UniqueName: "sneaky" });
  expect((await clientFor(emu, basic(ACCOUNT, "token-1")).get("/v1/Conversations/sneaky")).status).toBe(404);
});

test("v2 routes are behind the same auth", async () => {
  expect((await clientFor(emu, null).get("/v2/ControlPlane/Configurations")).status).toBe(401);
});

test("unknown paths answer 404 code 20404 to authenticated clients", async () => {
  expect((await clientFor(emu, basic(ACCOUNT, "token-1")).get("/v1/Nope")).data).toEqual(twilioError(404, 20404));
});
