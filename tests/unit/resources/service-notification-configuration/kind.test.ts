/**
 * The ServiceNotificationConfiguration descriptor: its SDK class with nested arguments, and its
 * export part (what the exporter writes in a service's `notifications`, and when it writes nothing).
 */
import * as pulumi from "@pulumi/pulumi";

import { escapeText } from "../../../../cli/export/parameters";
import type { ExportContext } from "../../../../resources/kind";
import { serviceNotificationConfigurationKind as kind } from "../../../../resources/service-notification-configuration/kind";
import { ServiceNotificationConfiguration } from "../../../../resources/service-notification-configuration/resource";
import type { ServiceNotificationFlatValues } from "../../../../resources/service-notification-configuration/schema";
import { expectDynamicResource, mockResources, registered, value } from "../../../support/sdk-mocks";

const IS = "IS" + "ab".repeat(16);
const FRESH: ServiceNotificationFlatValues = {
  logEnabled: false,
  "newMessage.enabled": false,
  "newMessage.template": null,
  "newMessage.sound": null,
  "newMessage.badgeCountEnabled": false,
  "newMessage.withMedia.enabled": false,
  "newMessage.withMedia.template": null,
  "addedToConversation.enabled": false,
  "addedToConversation.template": null,
  "addedToConversation.sound": null,
  "removedFromConversation.enabled": false,
  "removedFromConversation.template": null,
  "removedFromConversation.sound": null,
};
/** Escapes `${` as the exporter does (cli/export/parameters.ts): `$${` is a literal `${` in the document. */
const context: ExportContext = {
  reference: () => undefined,
  parameter: () => {
    throw new Error("no parameter expected");
  },
  text: escapeText,
  json: (j) => j,
};

describe("ServiceNotificationConfiguration export", () => {
  it("writes nothing for a service whose settings are as Twilio made them, and leaves it out", () => {
    expect(kind.export.entry(FRESH, context, [])).toEqual({});
    expect(kind.export.asCreated!(FRESH, new Map())).toBe(true);
  });

  it("writes what differs from a new service, nested, with Twilio's placeholders escaped", () => {
    const live = {
      ...FRESH,
      "newMessage.enabled": true,
      "newMessage.withMedia.template": "${MEDIA_COUNT} files",
      "removedFromConversation.sound": "ring",
    };
    expect(kind.export.asCreated!(live, new Map())).toBe(false);
    expect(kind.export.entry(live, context, [])).toEqual({
      newMessage: { enabled: true, withMedia: { template: "$${MEDIA_COUNT} files" } },
      removedFromConversation: { sound: "ring" },
    });
  });

  it("gives plan the inputs nested as a resource declares them", () => {
    expect(kind.export.inputs({ ...FRESH, logEnabled: true })).toMatchObject({
      logEnabled: true,
      newMessage: { enabled: false, withMedia: { enabled: false, template: null } },
    });
  });
});

const ORIGINALS = {
  logEnabled: false,
  newMessage: { enabled: false, template: null, sound: null, badgeCountEnabled: false, withMedia: { enabled: false, template: null } },
  addedToConversation: { enabled: false, template: null, sound: null },
  removedFromConversation: { enabled: false, template: null, sound: null },
};
const created = mockResources((args) => {
  const { __provider: _shim, ...inputs } = args.inputs;
  return {
    id: String(inputs.chatServiceSid),
    state: { ...inputs, originalValues: ORIGINALS, accountSid: "AC" + "0".repeat(32), url: null },
  };
});

describe("ServiceNotificationConfiguration (SDK)", () => {
  it("registers a dynamic resource of its type token with the nested settings, outputs included", async () => {
    const notifications = new ServiceNotificationConfiguration("support", {
      chatServiceSid: IS,
      newMessage: { enabled: true, withMedia: pulumi.output({ enabled: true }) },
      addedToConversation: { template: null },
    });
    expect(await value(notifications.id)).toBe(IS);
    const args = registered(created, "support");
    expectDynamicResource(args, "ServiceNotificationConfiguration");
    expect(args.inputs).toMatchObject({
      chatServiceSid: IS,
      newMessage: { enabled: true, withMedia: { enabled: true } },
      addedToConversation: { template: null },
    });
    expect(args.inputs).not.toHaveProperty("logEnabled");
    expect(await value(notifications.newMessage)).toEqual({ enabled: true, withMedia: { enabled: true } });
    expect(await value(notifications.logEnabled)).toBeUndefined();
    expect(await value(notifications.originalValues)).toEqual(ORIGINALS);
  });
});
