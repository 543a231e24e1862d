/** A conversation (id: its CH SID). */
import { defineKind, showOutput } from "../kind";
import { conversationProvider } from "./provider";
import { Conversation } from "./resource";
import { conversationSchema } from "./schema";

export const conversationKind = defineKind({
  name: "Conversation",
  resource: Conversation,
  provider: conversationProvider,
  schema: conversationSchema,
  probe: {
    livePath: (entry) => `/v1/Services/${String(entry.outputs.chatServiceSid)}/Conversations/${entry.id}`,
    summary: (outputs) => showOutput(outputs, "friendlyName"),
  },
});
