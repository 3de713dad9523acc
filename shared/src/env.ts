import { z } from 'zod';

/**
 * One environment variable of a program: how its text becomes a value, and what `.env.example`
 * shows for it (checked by env-schemas.test.ts, so the file and the code cannot disagree).
 */
export interface EnvField<T = unknown> {
  schema: z.ZodType<T, z.ZodTypeDef, string | undefined>;
  /** The line's value in `.env.example`: the default, or '' for secrets and "unset". */
  example: string;
  /** Set by our own programs for one another (never by a user): not in `.env.example`. */
  internal: boolean;
}

type Fields = Record<string, EnvField>;
export type EnvValues<F extends Fields> = {
  [K in keyof F]: F[K] extends EnvField<infer T> ? T : never;
};

/** Settings that cannot work; the message names each variable, the value and what it must be. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

interface FieldOptions {
  /** What `.env.example` shows when it is not the default. */
  example?: string;
  internal?: boolean;
}

function field<T>(
  schema: z.ZodType<T, z.ZodTypeDef, string | undefined>,
  fallback: unknown,
  options: FieldOptions = {},
): EnvField<T> {
  return {
    schema,
    example: options.example ?? (Array.isArray(fallback) ? fallback.join(',') : String(fallback)),
    internal: options.internal ?? false,
  };
}

/** Turns a variable's text into a value, or reports `must …` (the name and value are added). */
function convert<T>(fallback: T, parse: (text: string) => T | undefined, must: string) {
  return z
    .string()
    .optional()
    .transform((text, ctx): T => {
      if (text === undefined) return fallback;
      const value = parse(text);
      if (value === undefined) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: must });
        return z.NEVER;
      }
      return value;
    });
}

/** Free text; unset or blank gives `fallback`. */
export function text(fallback = '', options?: FieldOptions): EnvField<string> {
  return field(
    convert(fallback, (value) => value, ''),
    fallback,
    options,
  );
}

/** A random private value (`npm start` writes one): no default, '' when unset. */
export const secret = (): EnvField<string> => text('');

/** A whole number within bounds, e.g. `int(4321, 0, 65_535)`. */
export function int(fallback: number, min: number, max: number, options?: FieldOptions) {
  const parse = (value: string) => {
    const number = Number(value);
    return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
  };
  return field(
    convert(fallback, parse, `must be a whole number from ${min} to ${max}`),
    fallback,
    options,
  );
}

/** A number (fractions allowed) of at least `min`. */
export function decimal(fallback: number, min: number, options?: FieldOptions) {
  const parse = (value: string) => {
    const number = Number(value);
    return Number.isFinite(number) && number >= min ? number : undefined;
  };
  return field(convert(fallback, parse, `must be a number of at least ${min}`), fallback, options);
}

/** `true` or `false`. */
export function bool(fallback: boolean, options?: FieldOptions) {
  const parse = (value: string) =>
    value === 'true' ? true : value === 'false' ? false : undefined;
  return field(convert(fallback, parse, 'must be true or false'), fallback, options);
}

/** An http(s) URL, without trailing slashes; `fallback` '' means unset. */
export function url(fallback: string, options?: FieldOptions) {
  const parse = (value: string) => {
    if (!/^https?:\/\/[^/\s]/.test(value) || !URL.canParse(value)) return undefined;
    return value.replace(/\/+$/, '');
  };
  return field(convert(fallback, parse, 'must be an http(s) URL'), fallback, options);
}

/** One of a few words, e.g. `oneOf(['build', 'dispatch'], 'build')`. */
export function oneOf<const T extends string>(
  values: readonly T[],
  fallback: T,
  options?: FieldOptions,
) {
  const parse = (value: string) => values.find((candidate) => candidate === value);
  const choices = values.map((value) => `"${value}"`);
  const must = `must be ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
  return field(convert<T>(fallback, parse, must), fallback, options);
}

/** Comma-separated values, each trimmed (quotes around one are dropped, as Strapi's env.array). */
export function list(options?: FieldOptions): EnvField<string[]> {
  const parse = (value: string) =>
    value
      .replace(/^\[(.*)\]$/, '$1')
      .split(',')
      .map((item) => item.trim().replace(/^"(.*)"$/, '$1'))
      .filter(Boolean);
  return field(convert<string[]>([], parse, ''), [], options);
}

/** A program's environment: its variables, and `parse(process.env)` → typed values or EnvError. */
export interface EnvSchema<F extends Fields> {
  fields: F;
  parse(env: Record<string, string | undefined>): EnvValues<F>;
}

/**
 * Declares a program's environment. Values are trimmed and a blank one counts as unset (its default
 * applies), as `.env` files write `KEY=` for "not set".
 *
 * @example
 * defineEnv({ PORT: int(1337, 1, 65_535) }).parse({ PORT: 'x' })
 * //=> throws EnvError('PORT must be a whole number from 1 to 65535, not "x".')
 */
export function defineEnv<F extends Fields>(fields: F): EnvSchema<F> {
  const shape = Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.schema]));
  const schema = z.object(shape);
  // Pages read the site's config as they render, thousands of times a build: the same
  // variables are checked once (the values parsed last are kept, not a cache that grows).
  let last: { key: string; values: EnvValues<F> } | undefined;
  return {
    fields,
    parse(env) {
      const input = Object.fromEntries(
        Object.keys(fields).map((name) => [name, env[name]?.trim() || undefined]),
      );
      const key = JSON.stringify(input);
      if (last?.key === key) return last.values;
      const result = schema.safeParse(input);
      if (result.success) {
        last = { key, values: Object.freeze(result.data) as EnvValues<F> };
        return last.values;
      }
      throw new EnvError(
        result.error.issues
          .map((issue) => {
            const name = String(issue.path[0]);
            return `${name} ${issue.message}, not "${input[name]}".`;
          })
          .join(' '),
      );
    },
  };
}

/** Two programs' variables together (the publisher reads the site build's as well). */
export function mergeEnv<A extends Fields, B extends Fields>(
  a: EnvSchema<A>,
  b: EnvSchema<B>,
): EnvSchema<A & B> {
  return defineEnv({ ...a.fields, ...b.fields } as A & B);
}
