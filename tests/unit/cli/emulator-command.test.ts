import { publicUrl } from "../../../cli/emulator-command";
import { type RunningEmulator, startEmulator } from "../../../emulator";
import { runCli } from "../../support/run-cli";

describe("emulator flags", () => {
  test("--public-url keeps the origin of an absolute http(s) URL", () => {
    expect(publicUrl("http://localhost:4010")).toBe("http://localhost:4010");
    expect(publicUrl("https://emulator.example.com/")).toBe("https://emulator.example.com");
    expect(() => publicUrl("localhost:4010")).toThrow(/absolute http:\/\/ or https:\/\/ URL/);
    expect(() => publicUrl("http://u:p@localhost")).toThrow(/an origin only/);
  });

  describe("a port in use", () => {
    let holder: RunningEmulator;
    beforeAll(async () => {
      holder = await startEmulator({ port: 0 });
    });
    afterAll(() => holder.close());

    test("is said plainly, with the way out", async () => {
      const port = new URL(holder.url).port;
      const run = await runCli(["emulator", "--port", port]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `Port ${port} on 127.0.0.1 is already in use (another emulator?): stop what holds it, or pick another port with --port (0 picks a free one).\n`,
      );
      expect(run.stdout).toBe("");
    });
  });
});
