/**
 * Form-body parsing as Twilio's v1 API accepts it: `application/x-www-form-urlencoded` with
 * PascalCase keys, dotted nested keys kept flat (`Timers.Inactive`), repeated keys (`Permission`)
 * collected into arrays, and both `+` and `%20` read as a space.
 */

/** A parsed form: each key maps to its value, or to all its values when repeated. */
export type FormFields = Record<string, string | string[]>;

/** Decodes one key or value of a form body (`+` and `%20` are spaces). */
export function decodeFormComponent(text: string): string {
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A stray "%" is not worth a 400: Twilio's servlet stack keeps such text as it came.
    return spaced;
  }
}

/** Parses a form body. The result has no prototype, so keys such as `__proto__` stay plain data. */
export function parseForm(body: string): FormFields {
  const fields: FormFields = Object.create(null) as FormFields;
  for (const pair of body.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = decodeFormComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? "" : decodeFormComponent(pair.slice(eq + 1));
    const existing = fields[key];
    if (existing === undefined) fields[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else fields[key] = [existing, value];
  }
  return fields;
}
