/**
 * A very small validator for the stored runs and the run files: strict objects, arrays,
 * literals and strings with rules, each problem reported with its path. It replaces
 * zod/mini in the code every role page loads (zod/mini alone was 7.6 KB gzip of the
 * page's 12.9 KB). Results have zod's shape ({ success, data } or { success, error:
 * { issues } }), so callers read them the same way.
 *
 * An issue names a rule, not a sentence: the page and the command line each say it in
 * their own language (run-file.ts).
 */

export type Path = (string | number)[];

export interface Issue {
  path: Path;
  /** What was expected: 'string', 'object', 'max' (with limit), 'time', 'unknown-key'… */
  rule: string;
  /** The rule's parameter: a length limit, the expected literal, the allowed values. */
  limit?: unknown;
  found?: unknown;
}

export type SafeParse<T> =
  | { success: true; data: T; error?: undefined }
  | { success: false; data?: undefined; error: { issues: Issue[] } };

export interface Schema<T> {
  /** Adds what is wrong with `value` to `issues`. */
  run(value: unknown, path: Path, issues: Issue[]): void;
  safeParse(value: unknown): SafeParse<T>;
  /** Set by optional(): the key may be absent from its object. */
  optional?: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

function schema<T>(run: Schema<T>['run']): Schema<T> {
  return {
    run,
    safeParse(value) {
      const issues: Issue[] = [];
      run(value, [], issues);
      return issues.length
        ? { success: false, error: { issues } }
        : { success: true, data: value as T };
    },
  };
}

/** A string; each rule returns the name of the rule it breaks (and its limit), or nothing. */
export type StringRule = (value: string) => [rule: string, limit?: unknown] | undefined | false;

export const string = (...rules: StringRule[]): Schema<string> =>
  schema((value, path, issues) => {
    if (typeof value !== 'string') return void issues.push({ path, rule: 'string', found: value });
    for (const rule of rules) {
      const broken = rule(value);
      if (broken)
        return void issues.push({ path, rule: broken[0], limit: broken[1], found: value });
    }
  });

/** Length from `min` to `max` characters, in NFC (as typed text is stored). */
export const length = (min: number, max: number): StringRule[] => [
  (value) => value !== value.normalize('NFC') && ['nfc'],
  (value) => value.length < min && (min === 1 ? ['empty'] : ['min', min]),
  (value) => value.length > max && ['max', max],
];

export const matches =
  (pattern: RegExp, rule: string): StringRule =>
  (value) =>
    !pattern.test(value) && [rule];

export const satisfies =
  (test: (value: string) => boolean, rule: string): StringRule =>
  (value) =>
    !test(value) && [rule];

export const literal = <const T extends string | number | boolean>(expected: T): Schema<T> =>
  schema((value, path, issues) => {
    if (value !== expected) issues.push({ path, rule: 'literal', limit: expected, found: value });
  });

export const oneOf = <const T extends string>(values: readonly T[]): Schema<T> =>
  schema((value, path, issues) => {
    if (!values.includes(value as T))
      issues.push({ path, rule: 'one-of', limit: values, found: value });
  });

export const boolean = (): Schema<boolean> =>
  schema((value, path, issues) => {
    if (typeof value !== 'boolean') issues.push({ path, rule: 'boolean', found: value });
  });

/** A whole number from `min` to `max`. */
export const integer = (min: number, max: number): Schema<number> =>
  schema((value, path, issues) => {
    if (typeof value !== 'number' || !Number.isInteger(value))
      return void issues.push({ path, rule: 'integer', found: value });
    if (value < min || value > max)
      issues.push({ path, rule: 'range', limit: [min, max], found: value });
  });

export const nullable = <T>(inner: Schema<T>): Schema<T | null> =>
  schema((value, path, issues) => {
    if (value !== null) inner.run(value, path, issues);
  });

export const optional = <T>(inner: Schema<T>): Schema<T> & { optional: true } => ({
  ...schema<T>(inner.run),
  optional: true,
});

/** An array of at most `max` items; `key` gives what must be unique among them. */
export const array = <T>(item: Schema<T>, max: number, key?: (item: T) => unknown): Schema<T[]> =>
  schema((value, path, issues) => {
    if (!Array.isArray(value)) return void issues.push({ path, rule: 'array', found: value });
    if (value.length > max)
      issues.push({ path, rule: 'max-items', limit: max, found: value.length });
    const seen = new Set<unknown>();
    value.forEach((entry, index) => {
      const before = issues.length;
      item.run(entry, [...path, index], issues);
      if (!key || issues.length > before) return;
      const id = key(entry as T);
      if (seen.has(id)) issues.push({ path: [...path, index], rule: 'duplicate', found: id });
      seen.add(id);
    });
  });

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends { optional: true } ? K : never;
}[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Flat<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    -readonly [K in OptionalKeys<S>]?: Infer<S[K]>;
  }
>;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A plain object with exactly these keys (optional ones may be absent); any other key is an issue, never dropped. */
export const object = <S extends Shape>(shape: S): Schema<ObjectOf<S>> =>
  schema((value, path, issues) => {
    if (!isObject(value)) return void issues.push({ path, rule: 'object', found: value });
    // Own keys only: `key in` would take "__proto__" or "constructor" as fields of every object.
    for (const [key, inner] of Object.entries(shape)) {
      if (Object.hasOwn(value, key)) inner.run(value[key], [...path, key], issues);
      else if (!inner.optional) issues.push({ path: [...path, key], rule: 'missing' });
    }
    for (const key of Object.keys(value))
      if (!Object.hasOwn(shape, key)) issues.push({ path: [...path, key], rule: 'unknown-key' });
  });

/** A plain object whose keys each pass `key` and whose values each pass `inner`. */
export const record = <T>(key: Schema<string>, inner: Schema<T>): Schema<Record<string, T>> =>
  schema((value, path, issues) => {
    if (!isObject(value)) return void issues.push({ path, rule: 'object', found: value });
    for (const [name, entry] of Object.entries(value)) {
      key.run(name, [...path, name], issues);
      inner.run(entry, [...path, name], issues);
    }
  });

/** A rule across fields, checked once the parts are sound; `rule` names it in the issue. */
export const refine = <T>(inner: Schema<T>, test: (value: T) => boolean, rule: string): Schema<T> =>
  schema((value, path, issues) => {
    const before = issues.length;
    inner.run(value, path, issues);
    if (issues.length === before && !test(value as T)) issues.push({ path, rule });
  });
