/**
 * What diff compares for `OrchestratorConfiguration`, and how.
 *
 * Objects are compared as data (key order ignored) after normalisation, and an absent collection
 * equals an empty one, as the API treats them (a full replace without `statusCallbacks` leaves
 * `[]`). Nothing forces replacement: the v2 PUT is a full replace that takes every field,
 * `displayName` and `memoryStoreId` included, and docs/twilio-api.md names no field as fixed after
 * create. `__logicalName` is not compared: it only scopes the create's Idempotency-Key, and a
 * renamed project or stack must not show a change that has nothing to send.
 */
import { type Comparator, type DiffSpec, same } from "../../provider/shared/diff";
import { canonicalJson } from "../../provider/shared/fields";
import { normaliseChannelSettings, normaliseStatusCallbacks } from "./schema";

const asData =
  (normalise: (v: unknown) => unknown): Comparator =>
  (a, b) =>
    canonicalJson(normalise(a)) === canonicalJson(normalise(b));

const list = (v: unknown): unknown => (Array.isArray(v) ? v : []);

export const orchestratorConfigurationDiff: DiffSpec = {
  properties: {
    displayName: same.deep,
    description: same.deep,
    conversationGroupingType: same.deep,
    memoryStoreId: same.deep,
    channelSettings: asData(normaliseChannelSettings),
    statusCallbacks: asData(normaliseStatusCallbacks),
    intelligenceConfigurationIds: asData(list),
    memoryExtractionEnabled: asData((v) => v === true),
    conversationsV1Bridge: same.deep,
  },
};
