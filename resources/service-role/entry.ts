/** A role as the conversations setup document writes it: `services.<key>.roles.<key>`. */
export interface ServiceRoleEntry {
  /** The role's name, 1 to 64 characters. Changing it replaces the role. */
  friendlyName: string;
  /** `service` (given to users) or `conversation` (given to participants). Changing it replaces the role. */
  type: string;
  /** The permissions the role grants (a set: order and duplicates do not matter). */
  permissions: string[];
  /** Take charge of the service's role of this name instead of creating one. */
  adoptExisting?: boolean;
}
