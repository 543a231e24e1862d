/** A conversation service (id: its IS SID). */
import { defineKind, showOutput } from "../kind";
import { conversationServiceProvider } from "./provider";
import { ConversationService } from "./resource";
import { conversationServiceSchema } from "./schema";

export const conversationServiceKind = defineKind({
  name: "ConversationService",
  resource: ConversationService,
  provider: conversationServiceProvider,
  schema: conversationServiceSchema,
  probe: {
    livePath: (entry) => `/v1/Services/${entry.id}`,
    summary: (outputs) => showOutput(outputs, "friendlyName"),
  },
});
