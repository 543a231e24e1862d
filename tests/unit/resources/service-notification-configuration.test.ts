/**
 * The ServiceNotificationConfiguration kind's unit tests: its wire mapping and diff (api.ts,
 * provider.ts), and its descriptor (kind.ts): its export part (what the exporter writes in a
 * service's `notifications`, and when it writes nothing) and its SDK class with nested arguments.
 */
import * as pulumi from "@pulumi/pulumi";

import { escapeText } from "../../../cli/export/parameters";
import { encodeForm } from "../../../provider/http/form";
import type { ExportContext } from "../../../resources/kind";
import {
  fetchServiceNotificationConfiguration,
  toWire,
  writeServiceNotificationConfiguration,
} from "../../../resources/service-notification-configuration/api";
import { serviceNotificationConfigurationKind as kind } from "../../../resources/service-notification-configuration/kind";
import { serviceNotificationConfigurationProvider } from "../../../resources/service-notification-configuration/provider";
import { ServiceNotificationConfiguration } from "../../../resources/service-notification-configuration/resource";
import type { ServiceNotificationFlatValues } from "../../../resources/service-notification-configuration/schema";
import { answering, ANSWERING_ACCOUNT } from "../../support/answering-client";
import { expectDynamicResource, mockResources, registered, value } from "../../support/sdk-mocks";

describe("api.ts", () => {
  const ACCOUNT = ANSWERING_ACCOUNT;
  const IS = "IS" + "ab".repeat(16);

  /** The spec's `fetch` example, with the service of this test. */
  const EXAMPLE = {
    account_sid: ACCOUNT,
    chat_service_sid: IS,
    log_enabled: false,
    added_to_conversation: { enabled: true, template: "You have been added to a Conversation: ${CONVERSATION}", sound: "ring" },
    new_message: {
      enabled: true,
      template: "You have a new message in ${CONVERSATION} from ${PARTICIPANT}: ${MESSAGE}",
      badge_count_enabled: false,
      sound: "ring",
      with_media: { enabled: false, template: "You have a new message in ${CONVERSATION} with ${MEDIA_COUNT} media files: ${MEDIA}" },
    },
    removed_from_conversation: { enabled: true, template: "You have been removed from a Conversation: ${CONVERSATION}", sound: "ring" },
    url: `https://conversations.twilio.com/v1/Services/${IS}/Configuration/Notifications`,
  };

  describe("ServiceNotificationConfiguration wire mapping", () => {
    it("sends each leaf under Twilio's dotted key; a template's or sound's null as an empty value", () => {
      const form = toWire({
        logEnabled: true,
        "newMessage.withMedia.template": "${MEDIA_COUNT} files",
        "newMessage.badgeCountEnabled": false,
        "removedFromConversation.sound": null,
        "addedToConversation.template": null,
      });
      expect(new URLSearchParams(encodeForm(form))).toEqual(
        new URLSearchParams({
          LogEnabled: "true",
          "NewMessage.BadgeCountEnabled": "false",
          "NewMessage.WithMedia.Template": "${MEDIA_COUNT} files",
          "AddedToConversation.Template": "",
          "RemovedFromConversation.Sound": "",
        }),
      );
    });

    it("never clears a flag", () => {
      expect(() => toWire({ "newMessage.enabled": null })).toThrow(/NewMessage\.Enabled cannot be cleared on Twilio/);
    });

    it("reads the spec's example into one value per leaf", async () => {
      const { client, sent } = answering(EXAMPLE);
      expect(await fetchServiceNotificationConfiguration(client, IS, "reading")).toEqual({
        values: {
          logEnabled: false,
          "newMessage.enabled": true,
          "newMessage.template": EXAMPLE.new_message.template,
          "newMessage.sound": "ring",
          "newMessage.badgeCountEnabled": false,
          "newMessage.withMedia.enabled": false,
          "newMessage.withMedia.template": EXAMPLE.new_message.with_media.template,
          "addedToConversation.enabled": true,
          "addedToConversation.template": EXAMPLE.added_to_conversation.template,
          "addedToConversation.sound": "ring",
          "removedFromConversation.enabled": true,
          "removedFromConversation.template": EXAMPLE.removed_from_conversation.template,
          "removedFromConversation.sound": "ring",
        },
        accountSid: ACCOUNT,
        url: EXAMPLE.url,
        chatServiceSid: IS,
      });
      expect(sent).toEqual([{ method: "GET", path: `/v1/Services/${IS}/Configuration/Notifications`, action: "reading" }]);
    });

    it("reads what is missing or empty as no value (an empty template is Twilio's default)", async () => {
      const { client } = answering({ new_message: { enabled: true, template: "" }, added_to_conversation: null });
      const live = await writeServiceNotificationConfiguration(client, IS, { "newMessage.enabled": true }, "writing");
      expect(live!.values).toMatchObject({
        logEnabled: null,
        "newMessage.enabled": true,
        "newMessage.template": null,
        "newMessage.withMedia.enabled": null,
        "addedToConversation.enabled": null,
      });
    });
  });

  describe("ServiceNotificationConfiguration diff", () => {
    const outs = {
      chatServiceSid: IS,
      newMessage: { enabled: true, template: null, withMedia: { enabled: true } },
      originalValues: {},
      accountSid: ACCOUNT,
      url: null,
      __provider: "shim",
    };
    const diff = (news: Record<string, unknown>) =>
      serviceNotificationConfigurationProvider.diff!(IS, outs, { __provider: "shim", ...news });

    it("compares a group leaf by leaf: a managed leaf Twilio holds none for equals one declared null", async () => {
      expect(await diff({ chatServiceSid: IS, newMessage: { enabled: true, template: null, withMedia: { enabled: true } } })).toMatchObject(
        {
          changes: false,
        },
      );
    });

    it("sees a leaf changed, removed or added deep in a group, and names only that group", async () => {
      for (const newMessage of [
        { enabled: true, template: null, withMedia: { enabled: false } },
        { enabled: true, template: null },
        { enabled: true, template: null, withMedia: { enabled: true, template: "x" } },
      ]) {
        expect(await diff({ chatServiceSid: IS, newMessage })).toEqual({
          changes: true,
          replaces: [],
          stables: ["chatServiceSid", "logEnabled", "addedToConversation", "removedFromConversation"],
          deleteBeforeReplace: false,
        });
      }
    });
  });
});

describe("kind.ts", () => {
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
});
