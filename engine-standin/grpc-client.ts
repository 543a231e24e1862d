import { randomBytes } from "node:crypto";

import * as grpc from "@grpc/grpc-js";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

import type { PropertyMap } from "./types";

/** Identifies the resource a call is about; the engine sends these with every resource RPC. */
export interface ResourceRef {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
}

/** What Check returned. */
export interface CheckResult {
  readonly inputs: PropertyMap;
  readonly failures: { property: string; reason: string }[];
}

/** What Diff returned, in the engine's terms. */
export interface DiffResult {
  readonly changes: "unknown" | "none" | "some";
  readonly replaces: string[];
  readonly deleteBeforeReplace: boolean;
  /** Property paths the provider named (detailed diff or `diffs`); empty when it named none. */
  readonly diffs: string[];
}

/** What Read returned; a blank id means the resource is gone. */
export interface ReadResult {
  readonly id: string;
  readonly outputs: PropertyMap;
  /** Inputs the provider derived from the live resource, when it returned any. */
  readonly inputs?: PropertyMap;
}

/**
 * A Create or Update that failed after the resource came to exist: the provider rejected with
 * `{id, properties, reasons}` and the host sent `pulumirpc.ErrorResourceInitFailed` in the status
 * details. The engine keeps the resource in state with this id and these properties.
 */
export class ResourceInitError extends Error {
  constructor(
    message: string,
    readonly id: string,
    readonly properties: PropertyMap,
    readonly reasons: string[],
  ) {
    super(message);
    this.name = "ResourceInitError";
  }
}

/** Any other failed provider call; `code` is the gRPC status (14 UNAVAILABLE when the host is gone). */
export class ProviderCallError extends Error {
  constructor(
    message: string,
    readonly code: number | undefined,
  ) {
    super(message);
    this.name = "ProviderCallError";
  }
}

const INIT_FAILED_TYPE = "pulumirpc.ErrorResourceInitFailed";

function toStruct(props: PropertyMap): Struct {
  return Struct.fromJavaScript(props as Record<string, never>);
}

function fromStruct(s: Struct | undefined): PropertyMap {
  return (s?.toJavaScript() ?? {}) as PropertyMap;
}

/** Reads `ErrorResourceInitFailed` out of a status, if the host put one there. */
function initFailureOf(err: grpc.ServiceError): ResourceInitError | undefined {
  const raw = err.metadata?.get("grpc-status-details-bin")[0];
  if (!raw) {
    return undefined;
  }
  const status = Status.deserializeBinary(new Uint8Array(raw as Buffer));
  for (const any of status.getDetailsList() as Any[]) {
    const detail = any.unpack(provproto.ErrorResourceInitFailed.deserializeBinary, INIT_FAILED_TYPE);
    if (detail) {
      return new ResourceInitError(
        status.getMessage() || err.details,
        detail.getId(),
        fromStruct(detail.getProperties()),
        detail.getReasonsList(),
      );
    }
  }
  return undefined;
}

/**
 * The engine's side of the ResourceProvider gRPC protocol, for one dynamic-provider host.
 *
 * Each method builds the request the engine builds (same fields, same olds/news choice) and turns
 * the response into plain values. It knows nothing of plans or state.
 */
export class ProviderClient {
  private readonly client: ResourceProviderClient;

  constructor(address: string) {
    this.client = new ResourceProviderClient(address, grpc.credentials.createInsecure());
  }

  /** Closes the channel. */
  close(): void {
    this.client.close();
  }

  /**
   * Configure with the whole stack config, as the engine does for dynamic providers: namespaced keys,
   * string values, secrets in Pulumi's secret encoding (the host unwraps them).
   */
  async configure(args: PropertyMap): Promise<void> {
    const req = new provproto.ConfigureRequest();
    req.setArgs(toStruct(args));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    req.setSendsOldInputs(true);
    req.setSendsOldInputsToDelete(true);
    await this.call("Configure", (cb) => this.client.configure(req, cb));
  }

  /** Check: olds are the prior inputs ({} on create), news the program's inputs. */
  async check(ref: ResourceRef, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const req = new provproto.CheckRequest();
    setRef(req, ref);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    req.setRandomseed(new Uint8Array(randomBytes(32)));
    const resp = await this.call<provproto.CheckResponse>("Check", (cb) => this.client.check(req, cb));
    return {
      inputs: fromStruct(resp.getInputs()),
      failures: resp.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /** Diff: olds are the prior OUTPUTS (what the host hands the provider's diff), oldInputs the prior inputs. */
  async diff(ref: ResourceRef, id: string, oldOutputs: PropertyMap, oldInputs: PropertyMap, news: PropertyMap): Promise<DiffResult> {
    const req = new provproto.DiffRequest();
    setRef(req, ref);
    req.setId(id);
    req.setOlds(toStruct(oldOutputs));
    req.setOldInputs(toStruct(oldInputs));
    req.setNews(toStruct(news));
    const resp = await this.call<provproto.DiffResponse>("Diff", (cb) => this.client.diff(req, cb));
    const Changes = provproto.DiffResponse.DiffChanges;
    const changes = resp.getChanges() === Changes.DIFF_SOME ? "some" : resp.getChanges() === Changes.DIFF_NONE ? "none" : "unknown";
    const detailed = resp.getHasdetaileddiff() ? [...resp.getDetaileddiffMap().keys()] : [];
    return {
      changes,
      replaces: resp.getReplacesList(),
      deleteBeforeReplace: resp.getDeletebeforereplace(),
      diffs: detailed.length > 0 ? detailed : resp.getDiffsList(),
    };
  }

  /** Create; rejects with {@link ResourceInitError} when the resource exists but failed to initialise. */
  async create(ref: ResourceRef, inputs: PropertyMap): Promise<{ id: string; outputs: PropertyMap }> {
    const req = new provproto.CreateRequest();
    setRef(req, ref);
    req.setProperties(toStruct(inputs));
    const resp = await this.call<provproto.CreateResponse>("Create", (cb) => this.client.create(req, cb));
    return { id: resp.getId(), outputs: fromStruct(resp.getProperties()) };
  }

  /** Update: olds are the prior outputs, news the checked inputs; may reject with {@link ResourceInitError}. */
  async update(ref: ResourceRef, id: string, oldOutputs: PropertyMap, oldInputs: PropertyMap, news: PropertyMap): Promise<PropertyMap> {
    const req = new provproto.UpdateRequest();
    setRef(req, ref);
    req.setId(id);
    req.setOlds(toStruct(oldOutputs));
    req.setOldInputs(toStruct(oldInputs));
    req.setNews(toStruct(news));
    const resp = await this.call<provproto.UpdateResponse>("Update", (cb) => this.client.update(req, cb));
    return fromStruct(resp.getProperties());
  }

  /** Read with the state's id, outputs and inputs (what `pulumi refresh` sends). */
  async read(ref: ResourceRef, id: string, outputs: PropertyMap, inputs: PropertyMap): Promise<ReadResult> {
    const req = new provproto.ReadRequest();
    setRef(req, ref);
    req.setId(id);
    req.setProperties(toStruct(outputs));
    req.setInputs(toStruct(inputs));
    const resp = await this.call<provproto.ReadResponse>("Read", (cb) => this.client.read(req, cb));
    return {
      id: resp.getId(),
      outputs: fromStruct(resp.getProperties()),
      inputs: resp.hasInputs() ? fromStruct(resp.getInputs()) : undefined,
    };
  }

  /** Delete with the state's id and outputs. */
  async delete(ref: ResourceRef, id: string, outputs: PropertyMap, inputs: PropertyMap): Promise<void> {
    const req = new provproto.DeleteRequest();
    setRef(req, ref);
    req.setId(id);
    req.setProperties(toStruct(outputs));
    req.setOldInputs(toStruct(inputs));
    await this.call("Delete", (cb) => this.client.delete(req, cb));
  }

  private call<T>(method: string, start: (cb: (err: grpc.ServiceError | null, resp: T) => void) => unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      start((err, resp) => {
        if (!err) {
          resolve(resp);
          return;
        }
        const init = initFailureOf(err);
        if (init) {
          reject(init);
          return;
        }
        const gone = err.code === grpc.status.UNAVAILABLE || err.code === grpc.status.CANCELLED;
        const detail = err.details || err.message;
        reject(new ProviderCallError(gone ? `${method}: the dynamic-provider host is unreachable (${detail})` : detail, err.code));
      });
    });
  }
}

function setRef(req: { setUrn(v: string): unknown; setName(v: string): unknown; setType(v: string): unknown }, ref: ResourceRef): void {
  req.setUrn(ref.urn);
  req.setName(ref.name);
  req.setType(ref.type);
}
