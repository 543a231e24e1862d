import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { packageVersion, userAgent } from "../../../../provider/http/user-agent";

describe("user agent", () => {
  it("has twilio-node's shape with this package's name and version", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../../package.json"), "utf8")) as { version: string };
    expect(userAgent()).toBe(`pulumi-twilio-conversations/${version} (${process.platform} ${process.arch}) node/${process.version}`);
  });

  describe("packageVersion", () => {
    let root: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), "ua-"));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("walks up past other packages to the one named pulumi-twilio-conversations", () => {
      // The layout of an install: <pkg>/dist/provider/http, inside a user's project.
      const pkg = path.join(root, "node_modules", "pulumi-twilio-conversations");
      const start = path.join(pkg, "dist", "provider", "http");
      fs.mkdirSync(start, { recursive: true });
      fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "users-project", version: "9.9.9" }));
      fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "pulumi-twilio-conversations", version: "1.2.3" }));
      fs.writeFileSync(path.join(pkg, "dist", "package.json"), JSON.stringify({ type: "commonjs" }));
      expect(packageVersion(start)).toBe("1.2.3");
    });

    it("says unknown when no such package.json is above", () => {
      fs.writeFileSync(path.join(root, "package.json"), "not json");
      expect(packageVersion(root)).toBe("unknown");
    });
  });
});
