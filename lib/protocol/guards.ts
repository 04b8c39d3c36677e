/**
 * Small typed checks for untrusted payloads. Each combinator returns a type guard, so the type a declaration's
 * guard accepts is computed from the guard itself and compared with the request type (see `message` in
 * ./declare.ts): a field added to one and not the other fails to compile.
 *
 * Objects are plain objects only (no class instances, no arrays, no prototype tricks) with no unknown keys;
 * an optional field may be absent or undefined.
 */

export type Guard<T> = (value: unknown) => value is T;
export type Guarded<G> = G extends Guard<infer T> ? T : never;

/** The type written out as one object (intersections flattened), so it compares equal to a declared type. */
type Flat<T> = { [K in keyof T]: T[K] } & {};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

type Fields = Record<string, Guard<unknown>>;
type ObjectOf<R extends Fields, O extends Fields> = Flat<
  { [K in keyof R]: Guarded<R[K]> } & { [K in keyof O]?: Guarded<O[K]> }
>;

/** A plain object with exactly these fields: `required` present, `optional` absent or valid, nothing else. */
export function object<R extends Fields, O extends Fields = Record<never, never>>(
  required: R,
  optional?: O,
): Guard<ObjectOf<R, O>> {
  const requiredKeys = Object.keys(required);
  const optionalKeys = Object.keys(optional ?? {});
  const allowed = [...requiredKeys, ...optionalKeys];
  return (value): value is ObjectOf<R, O> =>
    isPlainObject(value) &&
    Object.keys(value).every((k) => allowed.includes(k)) &&
    requiredKeys.every((k) => required[k]!(value[k])) &&
    optionalKeys.every((k) => value[k] === undefined || optional![k]!(value[k]));
}

/** The empty request: a plain object without keys. */
export const empty: Guard<Record<string, never>> = (value): value is Record<string, never> =>
  isPlainObject(value) && Object.keys(value).length === 0;

/** A string of at most `max` characters (and at least `min`). */
export const string =
  (max: number, min = 0): Guard<string> =>
  (value): value is string =>
    typeof value === 'string' && value.length <= max && value.length >= min;

/** A string the pattern matches (anchor it). */
export const matching =
  (pattern: RegExp): Guard<string> =>
  (value): value is string =>
    typeof value === 'string' && pattern.test(value);

/** One of the given strings. */
export const oneOf =
  <const T extends string>(...values: readonly T[]): Guard<T> =>
  (value): value is T =>
    (values as readonly unknown[]).includes(value);

export const boolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';

/** A finite number. */
export const finite: Guard<number> = (value): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A safe integer in `min`…`max` (both included). */
export const integer =
  (min: number, max = Number.MAX_SAFE_INTEGER): Guard<number> =>
  (value): value is number =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

/** An array of at most `max` items, each valid. */
export const arrayOf =
  <T>(item: Guard<T>, max: number): Guard<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.length <= max && value.every((v) => item(v));
