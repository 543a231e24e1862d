/**
 * ConversationsSetup: a whole account's Conversations setup from one document (the GitOps spec),
 * as a component resource. Which resource each entry becomes is the kind registry's business
 * (resources/registry.ts): this file names no kind.
 */
import * as pulumi from "@pulumi/pulumi";

import { checkSpec } from "./spec/check";
import type { SpecDocument } from "./spec/document";
import { formatPath, SpecError } from "./spec/issues";
import { DOCUMENT_KINDS, type DocumentKind, inputsOf, kindNamed, referencesTo } from "./spec/kinds";
import { sourceOf } from "./spec/parse";
import type { ResolvedEntry } from "./spec/resolve";

/** The component's type token. */
export const CONVERSATIONS_SETUP_TYPE = "twilio-conversations:index:ConversationsSetup";

/** The arguments of a {@link ConversationsSetup}. */
export interface ConversationsSetupArgs {
  /**
   * The document: its text (YAML or JSON, as in `conversations.yaml`), or a document already read
   * with `parseSpec`. See `schema/conversations-setup.schema.json` for its shape.
   */
  spec: string | SpecDocument;
  /** Where the text came from (`conversations.yaml`), named in error messages. */
  source?: string;
  /**
   * This stack's values for the document's `parameters`: by name, or a function that looks one up
   * (such as `(name) => config.get(name)`). A parameter without a value takes its `default`; one
   * with neither fails the program before anything is created.
   */
  parameters?: Record<string, string | undefined> | ((name: string) => string | undefined);
  /**
   * What to tell the user about a missing parameter. Default: the `pulumi config set <name> <value>`
   * command (parameters are stack config in the root program); `secret` is true for a parameter the
   * document uses as a secret (a push credential's key: `pulumi config set --secret`).
   */
  missingParameterHint?: (name: string, secret: boolean) => string;
}

/** A resource made from an entry: a dynamic resource with an id. */
type EntryResource = pulumi.CustomResource;

/**
 * Every resource a conversations setup document declares, created from it with stable names:
 * each resource is named after its key in the document (`<name>/<service key>`,
 * `<name>/<service key>/<role key>`, `<name>/<conversation key>`, `<name>/account`), so reordering
 * the file replaces nothing and renaming a key replaces that one entry.
 *
 * The whole document is checked when the component is constructed, before any resource is
 * registered, and every problem is reported at once: structure and references by the document
 * schema, each entry by its resource's own input schema, and every parameter must have a value. A
 * mistake throws a `SpecError` naming its path in the document (`conversations.support.timers.closed: ...`)
 * and, for text, its line. `pulumi-twilio-conversations validate` runs the same check.
 *
 * Dependencies follow the references: roles and the service configuration depend on their
 * service, the configuration on the roles it names, conversations on their service (or, without
 * one, on the account configuration that sets the default service), a bridged orchestrator
 * configuration on its service. All are children of the component.
 *
 * @example
 * ```ts
 * const config = new pulumi.Config();
 * const setup = new ConversationsSetup("conversations", {
 *   spec: fs.readFileSync("conversations.yaml", "utf8"),
 *   source: "conversations.yaml",
 *   parameters: (name) => config.get(name),
 * });
 * export const serviceSids = setup.ids.serviceSids;
 * ```
 */
export class ConversationsSetup extends pulumi.ComponentResource {
  /**
   * Every resource, by its entry's path in the document: `services.support`,
   * `services.support.roles.agent`, `services.support.configuration`, `account`, `conversations.lobby`.
   */
  public readonly resources: Readonly<Record<string, EntryResource>>;
  /**
   * The ids of the entries of each map at the document's root, by key: `serviceSids` (`IS...`),
   * `conversationSids` (`CH...`), `orchestratorConfigurationIds` (`conv_configuration_...`). Also
   * the component's outputs.
   */
  public readonly ids: Readonly<Record<string, pulumi.Output<Record<string, string>>>>;

  /**
   * @param name the component's name; its children's names start with it
   * @param args the document and this stack's parameter values
   * @param opts component options (a provider, `protect`, ... pass on to the children)
   * @throws SpecError when the document is invalid or a parameter has no value (nothing is registered)
   */
  constructor(name: string, args: ConversationsSetupArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validated before the component registers: a broken document creates nothing at all.
    const { issues, resolved } = checkSpec(args.spec, args);
    if (!resolved) {
      const recorded = typeof args.spec === "object" ? sourceOf(args.spec) : undefined;
      throw new SpecError(issues, args.source ?? recorded?.source);
    }
    super(CONVERSATIONS_SETUP_TYPE, name, {}, opts);

    const made = new Map<string, { entry: ResolvedEntry; resource: EntryResource }>();
    const lookup = (kind: string, parentKey: string | undefined, key: string) => `${kind}\u0000${parentKey ?? ""}\u0000${key}`;
    const resources: Record<string, EntryResource> = {};
    for (const entry of resolved.entries) {
      const kind = kindNamed(entry.kind);
      const { parent, shape } = kind.spec.placement;
      const idOf = (ref: { key: string } | { sid: string }, target: DocumentKind): pulumi.Input<string> =>
        "sid" in ref
          ? ref.sid
          : made.get(lookup(target.name, target.spec.placement.parent ? entry.parentKey : undefined, ref.key))!.resource.id;
      const parentId = parent ? made.get(lookup(parent.kind, undefined, entry.parentKey!))!.resource.id : undefined;
      const inputs = inputsOf(kind, entry, idOf, parentId);
      const Resource = kind.resource as unknown as new (n: string, a: object, o: pulumi.CustomResourceOptions) => EntryResource;
      const resourceName = [
        name,
        ...(entry.parentKey !== undefined ? [entry.parentKey] : []),
        ...(parent && shape === "singleton" ? [] : [entry.key]),
      ];
      const resource = new Resource(resourceName.join("/"), inputs, { parent: this, dependsOn: this.defaultsFor(kind, entry, made) });
      made.set(lookup(kind.name, entry.parentKey, entry.key), { entry, resource });
      resources[formatPath(entry.path)] = resource;
    }
    this.resources = resources;

    const ids: Record<string, pulumi.Output<Record<string, string>>> = {};
    for (const kind of DOCUMENT_KINDS) {
      const output = kind.spec.idsOutput;
      if (output === undefined) continue;
      const entries = [...made.values()].filter(({ entry }) => entry.kind === kind.name);
      ids[output] = pulumi.all(Object.fromEntries(entries.map(({ entry, resource }) => [entry.key, resource.id]))) as pulumi.Output<
        Record<string, string>
      >;
    }
    this.ids = ids;
    this.registerOutputs(ids);
  }

  /**
   * What an entry relies on without naming it: a reference it leaves out means the account's
   * default (a conversation without a service goes to the default service), so it waits for the
   * entries that set that default.
   */
  private defaultsFor(
    kind: DocumentKind,
    entry: ResolvedEntry,
    made: ReadonlyMap<string, { entry: ResolvedEntry; resource: EntryResource }>,
  ): EntryResource[] {
    const omitted = (kind.spec.references ?? []).filter((r) => r.omittedMeansDefault && entry.references[r.field] === undefined);
    return [...made.values()]
      .filter(({ entry: other }) =>
        omitted.some((r) =>
          referencesTo(kindNamed(other.kind), r.kind).some((s) => s.setsDefault && other.references[s.field] !== undefined),
        ),
      )
      .map(({ resource }) => resource);
  }
}
