/** A conversation service as the conversations setup document writes it: `services.<key>`. */
export interface ConversationServiceEntry {
  /** The service's name, 1 to 256 characters. Changing it replaces the service, with everything in it. */
  friendlyName: string;
  /** Take charge of the account's only service of this name instead of creating one. */
  adoptExisting?: boolean;
}
