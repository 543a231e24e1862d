/** A valid document used by the spec tests, and a helper to break one field of it. */
export const MG = `MG${"a".repeat(32)}`;
export const IS = `IS${"b".repeat(32)}`;

export const VALID_YAML = `version: 1
parameters:
  messagingServiceSid:
    description: The environment's messaging service
  memoryStoreId:
    default: mem_store_1
account:
  defaultChatService: default
  defaultMessagingServiceSid: \${messagingServiceSid}
  defaultClosedTimer: P1D
services:
  default:
    friendlyName: Default Conversations Service
    adoptExisting: true
  support:
    friendlyName: Support
    roles:
      agent:
        friendlyName: agent
        type: conversation
        permissions: [sendMessage, leaveConversation]
      member:
        friendlyName: member
        type: service
        permissions: [joinConversation]
    configuration:
      defaultConversationCreatorRole: agent
      defaultConversationRole: agent
      defaultChatServiceRole: member
      reachabilityEnabled: true
conversations:
  queue-general:
    service: support
    uniqueName: queue-general
    friendlyName: General queue
    attributes: {queue: general}
    messagingServiceSid: \${messagingServiceSid}
    timers: {inactive: PT1H, closed: P1D}
  lobby:
    uniqueName: lobby
orchestratorConfigurations:
  routing:
    displayName: routing
    description: Grouping for support
    conversationGroupingType: GROUP_BY_PARTICIPANT_ADDRESSES
    memoryStoreId: \${memoryStoreId}
    statusCallbacks:
      - url: https://hooks.example.com/\${memoryStoreId}/status
    conversationsV1Bridge: {service: support}
`;

/** The three mistakes of issue 12: a role key that does not exist, a parameter with no value, a closed timer of PT5M. */
export const THREE_MISTAKES = `version: 1
parameters:
  mg: {}
services:
  support:
    friendlyName: Support
    roles:
      agent: {friendlyName: agent, type: conversation, permissions: [sendMessage]}
    configuration:
      defaultConversationRole: agnet
conversations:
  lobby:
    service: support
    uniqueName: lobby
    messagingServiceSid: \${mg}
    timers: {closed: PT5M}
`;
