/**
 * One program, one stack per environment (`dev`, `staging`, `prod`), each with its own
 * `Pulumi.<stack>.yaml`: the account it deploys to, the values that differ, and how many standing
 * conversations it keeps. Cloning an environment is creating a stack: copy a stack file, point it
 * at the new account, `pulumi up`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as tc from "pulumi-twilio-conversations";

export = async () => {
  const config = new pulumi.Config();
  const env = pulumi.getStack();
  const memoryStoreId = config.require("memoryStoreId");
  const messagingServiceSid = config.get("messagingServiceSid");
  const queues = config.getObject<string[]>("queues") ?? ["general"];
  const closeAfter = config.get("closeAfter") ?? "P1D";

  const service = new tc.ConversationService("service", { friendlyName: `Support (${env})` });

  new tc.GlobalConfiguration("account", {
    defaultChatServiceSid: service.sid,
    defaultMessagingServiceSid: messagingServiceSid,
    defaultClosedTimer: closeAfter,
  });

  const conversations = queues.map(
    (queue) =>
      new tc.Conversation(`queue-${queue}`, {
        chatServiceSid: service.sid,
        uniqueName: `queue-${queue}`,
        friendlyName: `${queue} queue (${env})`,
        attributes: { queue, environment: env },
      }),
  );

  const routing = new tc.OrchestratorConfiguration("routing", {
    displayName: `routing-${env}`,
    description: `Conversation grouping for the ${env} environment.`,
    conversationGroupingType: "GROUP_BY_PARTICIPANT_ADDRESSES",
    memoryStoreId,
    conversationsV1Bridge: { serviceId: service.sid },
  });

  return {
    environment: env,
    serviceSid: service.sid,
    queueSids: conversations.map((c) => c.sid),
    orchestratorConfigurationId: routing.configurationId,
  };
};
