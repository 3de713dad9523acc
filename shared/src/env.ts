import { z } from 'zod';

export interface EnvField<T = unknown> {
  schema: z.ZodType<T, z.ZodTypeDef, string | undefined>;
  /** Its value in `.env.example`: the default, or '' for secrets and "unset". */
  example: string;
  /** Set by our own programs for one another (never by a user): not in `.env.example`. */
  internal: boolean;
}

type Fields = Record<string, EnvField>;
export type EnvValues<F extends Fields> = {
  [K in keyof F]: F[K] extends EnvField<infer T> ? T : never;
};

/** Names each wrong variable, its value and what it must be. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

interface FieldOptions {
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

/** `must` is completed with the name and the value: `PORT must be …, not "x".` */
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

export function text(fallback = '', options?: FieldOptions): EnvField<string> {
  return field(
    convert(fallback, (value) => value, ''),
    fallback,
    options,
  );
}

/** No default: `npm start` writes a random one. */
export const secret = (): EnvField<string> => text('');

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

export function decimal(fallback: number, min: number, options?: FieldOptions) {
  const parse = (value: string) => {
    const number = Number(value);
    return Number.isFinite(number) && number >= min ? number : undefined;
  };
  return field(convert(fallback, parse, `must be a number of at least ${min}`), fallback, options);
}

export function bool(fallback: boolean, options?: FieldOptions) {
  const parse = (value: string) =>
    value === 'true' ? true : value === 'false' ? false : undefined;
  return field(convert(fallback, parse, 'must be true or false'), fallback, options);
}

/** Trailing slashes are dropped; a `fallback` of '' means unset. */
export function url(fallback: string, options?: FieldOptions) {
  const parse = (value: string) => {
    if (!/^https?:\/\/[^/\s]/.test(value) || !URL.canParse(value)) return undefined;
    return value.replace(/\/+$/, '');
  };
  return field(convert(fallback, parse, 'must be an http(s) URL'), fallback, options);
}

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

/** Comma-separated; quotes around a value are dropped, as Strapi's env.array does. */
export function list(options?: FieldOptions): EnvField<string[]> {
  const parse = (value: string) =>
    value
      .replace(/^\[(.*)\]$/, '$1')
      .split(',')
      .map((item) => item.trim().replace(/^"(.*)"$/, '$1'))
      .filter(Boolean);
  return field(convert<string[]>([], parse, ''), [], options);
}

export interface EnvSchema<F extends Fields> {
  fields: F;
  parse(env: Record<string, string | undefined>): EnvValues<F>;
}

/** Values are trimmed and a blank one counts as unset: `.env` files write `KEY=` for "not set". */
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

export function mergeEnv<A extends Fields, B extends Fields>(
  a: EnvSchema<A>,
  b: EnvSchema<B>,
): EnvSchema<A & B> {
  return defineEnv({ ...a.fields, ...b.fields } as A & B);
}
