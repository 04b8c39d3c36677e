/**
 * Reading untrusted JSON. Only own properties are read, so keys such as `__proto__` or `constructor` are plain
 * data (JSON.parse stores `__proto__` as an own property) and never reach an object's prototype.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property `key`, or undefined. */
export function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The own property `key` when it is an object, or undefined. */
export function ownObject(object: JsonObject, key: string): JsonObject | undefined {
  const value = own(object, key);
  return isJsonObject(value) ? value : undefined;
}

/** A name field: strings as they are, null/absent as '', anything else left for validation to reject. */
export function nameField(object: JsonObject, key: string): unknown {
  const value = own(object, key);
  return value === null || value === undefined ? '' : value;
}

/** JSON.parse, or undefined when the text is not JSON (JSON itself never yields undefined). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
