import { z } from 'zod';

/**
 * Query strings as plain objects for the zod schemas in params.ts. A parameter given
 * twice becomes an array, which every known parameter's schema refuses ("must be given
 * once") instead of silently taking the first or last value. The same schemas parse a
 * page's `searchParams`, which Next already shapes this way.
 */
export type QueryInput = Record<string, string | string[] | undefined>;

export function queryObject(params: URLSearchParams): QueryInput {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/** One value of a query parameter: an array (the parameter repeated) is an error. */
export function once<T extends z.ZodType>(inner: T) {
  return z.preprocess((value, ctx) => {
    if (Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be given only once' });
      return z.NEVER;
    }
    return value;
  }, inner);
}

/** "from: must be a date YYYY-MM-DD": the first problem, naming its parameter. */
export function describeIssue(issue: z.core.$ZodIssue): { param: string; message: string } {
  const param = issue.path.map(String).join('.') || 'query';
  return { param, message: `${param}: ${issue.message}` };
}

export type ParsedQuery<T> = { ok: true; data: T } | { ok: false; param: string; message: string };

/**
 * For pages and exports: the same schemas as the API, applied to `await searchParams`
 * (or a URLSearchParams), without throwing. A page may show `message` or fall back to
 * defaults; route handlers get the 400 from the wrapper instead.
 */
export function parseQuery<S extends z.ZodType>(schema: S, input: QueryInput | URLSearchParams): ParsedQuery<z.output<S>> {
  const parsed = schema.safeParse(input instanceof URLSearchParams ? queryObject(input) : input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, ...describeIssue(parsed.error.issues[0]!) };
}
