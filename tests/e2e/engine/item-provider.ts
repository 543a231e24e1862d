import * as pulumi from "@pulumi/pulumi";

/**
 * A small dynamic provider for testing the engine stand-in (not the project's resources).
 *
 * Pulumi serializes it into `__provider` and the host runs it in another process, so it talks to
 * the test only through the {@link RecordServer} whose URL comes from stack config `rec:url`
 * (which also proves Configure delivered the stack config). Every method logs itself first.
 *
 * Inputs: `label` (updatable), `kind` (changing it replaces), `size` (must be a number: Check),
 * `dbr` (replace delete-before-create), `failAfterCreate` (create or update succeeds on the server,
 * then the provider rejects with `{id, properties, reasons}`: a partial failure),
 * `holdCreate` (the record server never answers that create).
 */
export interface ItemArgs {
  label: pulumi.Input<string>;
  kind?: pulumi.Input<string>;
  size?: pulumi.Input<unknown>;
  dbr?: pulumi.Input<boolean>;
  failAfterCreate?: pulumi.Input<boolean>;
  holdCreate?: pulumi.Input<boolean>;
}

type Props = Record<string, unknown>;

async function rec(method: string, path: string, body?: unknown): Promise<{ status: number; data: any }> {
  const g = globalThis as unknown as { __recUrl?: string };
  const res = await fetch(`${g.__recUrl}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, data: text ? JSON.parse(text) : undefined };
}

function userProps(props: Props): Props {
  const out: Props = {};
  for (const k of Object.keys(props)) {
    if (k !== "__provider" && k !== "itemId") {
      out[k] = props[k];
    }
  }
  return out;
}

/** Property names without `__provider`, sorted: tells inputs (no `itemId`) from outputs. */
function keysOf(props: Props): string[] {
  return Object.keys(props)
    .filter((k) => k !== "__provider")
    .sort();
}

/** The provider object handed to Pulumi. */
export const itemProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req: pulumi.dynamic.ConfigureRequest) {
    (globalThis as unknown as { __recUrl?: string }).__recUrl = req.config.get("rec:url");
    await rec("POST", "/log", {
      op: "configure",
      token: req.config.get("rec:token"),
      // Unqualified keys resolve in the project's namespace, as in the engine.
      plain: req.config.get("plain"),
    });
  },
  async check(olds: Props, news: Props) {
    await rec("POST", "/log", { op: "check", name: news.label, olds: userProps(olds), oldKeys: keysOf(olds) });
    if (news.size !== undefined && typeof news.size !== "number") {
      return { inputs: news, failures: [{ property: "size", reason: "size must be a number" }] };
    }
    return { inputs: news };
  },
  async diff(id: string, olds: Props, news: Props) {
    await rec("POST", "/log", { op: "diff", name: news.label, id, oldKeys: keysOf(olds) });
    const keys = ["label", "kind", "size", "dbr", "failAfterCreate"];
    const changed = keys.filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
    return {
      changes: changed.length > 0,
      replaces: changed.filter((k) => k === "kind"),
      deleteBeforeReplace: news.dbr === true,
    };
  },
  async create(inputs: Props) {
    const res = await rec("POST", "/items", { ...userProps(inputs), hold: inputs.holdCreate === true });
    const outs = { ...inputs, itemId: res.data.id };
    if (inputs.failAfterCreate === true) {
      throw { message: "item did not become ready", id: res.data.id, properties: outs, reasons: ["not ready"] };
    }
    return { id: res.data.id as string, outs };
  },
  async read(id: string, props: Props) {
    const res = await rec("GET", `/items/${id}`);
    if (res.status === 404) {
      return { id: "" };
    }
    const live = userProps(res.data);
    delete live.id;
    delete live.hold;
    return { id, props: { ...props, ...live }, inputs: { ...live, __provider: props.__provider } };
  },
  async update(id: string, olds: Props, news: Props) {
    await rec("PUT", `/items/${id}`, userProps(news));
    const outs = { ...news, itemId: id };
    if (news.failAfterCreate === true) {
      throw { message: "update did not settle", id, properties: outs, reasons: ["not settled"] };
    }
    return { outs };
  },
  async delete(id: string) {
    await rec("DELETE", `/items/${id}`);
  },
};

/** A dynamic resource backed by {@link itemProvider}. */
export class Item extends pulumi.dynamic.Resource {
  declare readonly label: pulumi.Output<string>;
  declare readonly itemId: pulumi.Output<string>;

  constructor(name: string, args: ItemArgs, opts?: pulumi.CustomResourceOptions) {
    super(itemProvider, name, { ...args, itemId: undefined }, opts, "engine-test", "Item");
  }
}
