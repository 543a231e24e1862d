/**
 * The GitOps entry point (`main: program/index.ts` in the root Pulumi.yaml): applies the conversations
 * setup document named by stack config to the stack's account. One stack per environment:
 *
 *   pulumi stack init prod-eu
 *   pulumi config set twilio:username AC...            # the account SID (or an API key SID, SK...)
 *   pulumi config set --secret twilio:password ...     # its auth token (or the API key's secret)
 *   pulumi config set messagingServiceSid MG...      # each parameter the document declares
 *   pulumi up
 *
 * Stack config:
 * - `spec`: the document's path, relative to the project directory, where Pulumi.yaml is (default
 *   `conversations.yaml`); the CLI runs the program with `program/` as its working directory, so a
 *   path relative to the working directory would miss it;
 * - one key per parameter of the document, named as the parameter (`memoryStoreId`, ...); a
 *   parameter without a value takes its default, and one without either stops the program before
 *   anything is created, naming the `pulumi config set` command.
 *
 * Exported as a function (as the examples are) so a test's engine stand-in can run it repeatedly.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import * as pulumi from "@pulumi/pulumi";
import { ConversationsSetup } from "pulumi-twilio-conversations";

/** The document's path when stack config does not name one. */
const DEFAULT_SPEC = "conversations.yaml";

export = async () => {
  const config = new pulumi.Config();
  // The project directory ("" where no CLI set one, e.g. under test mocks: then the working directory).
  const projectDir = path.resolve(pulumi.runtime.getRootDirectory());
  const specPath = path.resolve(projectDir, config.get("spec") ?? DEFAULT_SPEC);
  const source = path.relative(projectDir, specPath) || specPath;
  let text: string;
  try {
    text = fs.readFileSync(specPath, "utf8");
  } catch (e) {
    throw new Error(`Cannot read the conversations setup document ${specPath} (stack config "spec"): ${(e as Error).message}`, {
      cause: e,
    });
  }
  // Parameters are stack config keys of the same name. config.get also reads a secret value (set with
  // `pulumi config set --secret`): the resources that take one (a push credential's key) mark it secret again.
  const setup = new ConversationsSetup("conversations", {
    spec: text,
    source,
    parameters: (name) => config.get(name),
    missingParameterHint: (name, secret) =>
      secret
        ? `run \`pulumi config set --secret ${name} <value> --stack ${pulumi.getStack()}\``
        : `run \`pulumi config set ${name} <value> --stack ${pulumi.getStack()}\` (or give it a default in ${source})`,
  });

  // serviceSids, conversationSids, orchestratorConfigurationIds: each entry's id by key.
  return { ...setup.ids };
};
