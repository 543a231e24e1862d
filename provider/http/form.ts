/**
 * Form encoding for Twilio's v1 API (`application/x-www-form-urlencoded`).
 *
 * The wire keys come from the caller (each resource's `api.ts`); this module only decides how
 * values are spelled. Twilio's conventions, which differ from `qs`-style encoders:
 * nested objects are flat dotted keys (`Timers.Inactive`), never brackets; arrays repeat the key;
 * booleans are the strings `true` / `false`.
 */

/** A value the encoder accepts. `undefined` means "not sent"; `null` is sent as an empty string. */
export type FormValue = string | number | boolean | null | undefined | FormValue[] | { [k: string]: FormValue };

/**
 * Encodes fields as a form body.
 *
 * `{ FriendlyName: "a b", Timers: { Inactive: "PT1M" }, X: undefined, B: true, L: ["a","b"] }`
 * becomes `FriendlyName=a+b&Timers.Inactive=PT1M&B=true&L=a&L=b`.
 *
 * @throws Error for a non-finite number: `NaN` on the wire would be a silent bug.
 */
export function encodeForm(fields: Record<string, FormValue>): string {
  // URLSearchParams implements the WHATWG form serializer: UTF-8, spaces as "+", and "." kept
  // as is, which is exactly what Twilio's dotted keys need.
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) append(params, key, value);
  return params.toString();
}

function append(params: URLSearchParams, key: string, value: FormValue): void {
  if (value === undefined) return;
  if (value === null) {
    params.append(key, "");
  } else if (Array.isArray(value)) {
    for (const item of value) append(params, key, item);
  } else if (typeof value === "object") {
    for (const [child, childValue] of Object.entries(value)) append(params, `${key}.${child}`, childValue);
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Form field ${key} is ${value}; only finite numbers can be sent`);
    params.append(key, String(value));
  } else {
    params.append(key, String(value));
  }
}
