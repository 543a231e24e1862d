/**
 * A service's push notification settings, `/v1/Services/{IS}/Configuration/Notifications`: a
 * singleton read with GET and changed with POST, created with the service and deleted with it.
 *
 * Request fields are the spec's dotted keys (`NewMessage.Enabled`, `NewMessage.WithMedia.Template`,
 * ...). Booleans are `true` / `false` (else 400 / 20001). An empty template or sound unsets it, so
 * Twilio's default template applies again (RJPearson94/terraform-provider-twilio sends `""` for a
 * removed template or sound, resource_conversations_service_notification.go). Twilio documents no
 * length limit for templates or sounds (its Chat-era codes 50058 / 50059 name one without a number),
 * so none is enforced.
 */
import type { FastifyInstance } from "fastify";

import type { EmulatorContext } from "../context";
import type { FormFields } from "../form-body";
import { paramsOf, v1 } from "./handler";
import { requireService } from "./services";
import type { NotificationEvent, ServiceNotifications, ServiceRecord, V1Store } from "./store";
import { formOf, param, parseBoolean } from "./validation";

function notificationsJson(ctx: EmulatorContext, s: ServiceRecord): Record<string, unknown> {
  const n = s.notifications;
  const event = (e: NotificationEvent) => ({ enabled: e.enabled, template: e.template, sound: e.sound });
  return {
    account_sid: ctx.accountSid,
    chat_service_sid: s.sid,
    log_enabled: n.logEnabled,
    new_message: {
      ...event(n.newMessage),
      badge_count_enabled: n.newMessage.badgeCountEnabled,
      with_media: { enabled: n.newMessage.withMedia.enabled, template: n.newMessage.withMedia.template },
    },
    added_to_conversation: event(n.addedToConversation),
    removed_from_conversation: event(n.removedFromConversation),
    url: `${ctx.origin()}/v1/Services/${s.sid}/Configuration/Notifications`,
  };
}

/** Reads `<prefix>.Enabled`, `.Template` and `.Sound` onto an event. */
function applyEvent(form: FormFields, prefix: string, event: NotificationEvent): void {
  const enabled = param(form, `${prefix}.Enabled`);
  if (enabled !== undefined) event.enabled = parseBoolean(`${prefix}.Enabled`, enabled);
  const template = param(form, `${prefix}.Template`);
  if (template !== undefined) event.template = template === "" ? null : template;
  const sound = param(form, `${prefix}.Sound`);
  if (sound !== undefined) event.sound = sound === "" ? null : sound;
}

export function registerNotificationRoutes(app: FastifyInstance, ctx: EmulatorContext, store: V1Store): void {
  const path = "/v1/Services/:ChatServiceSid/Configuration/Notifications";

  app.get(
    path,
    v1((req) => ({ status: 200, body: notificationsJson(ctx, requireService(store, paramsOf(req).ChatServiceSid, req.url)) })),
  );

  app.post(
    path,
    v1((req) => {
      const service = requireService(store, paramsOf(req).ChatServiceSid, req.url);
      const form = formOf(req.body);
      // Checked on a copy: a 400 leaves the settings as they were.
      const next: ServiceNotifications = structuredClone(service.notifications);
      const log = param(form, "LogEnabled");
      if (log !== undefined) next.logEnabled = parseBoolean("LogEnabled", log);
      applyEvent(form, "NewMessage", next.newMessage);
      const badge = param(form, "NewMessage.BadgeCountEnabled");
      if (badge !== undefined) next.newMessage.badgeCountEnabled = parseBoolean("NewMessage.BadgeCountEnabled", badge);
      const media = param(form, "NewMessage.WithMedia.Enabled");
      if (media !== undefined) next.newMessage.withMedia.enabled = parseBoolean("NewMessage.WithMedia.Enabled", media);
      const mediaTemplate = param(form, "NewMessage.WithMedia.Template");
      if (mediaTemplate !== undefined) next.newMessage.withMedia.template = mediaTemplate === "" ? null : mediaTemplate;
      applyEvent(form, "AddedToConversation", next.addedToConversation);
      applyEvent(form, "RemovedFromConversation", next.removedFromConversation);
      service.notifications = next;
      return { status: 200, body: notificationsJson(ctx, service) };
    }),
  );
}
