import type { ApiErrorCode } from '../errors';
import { z } from 'zod';

/** Building blocks of the response schemas: what the JSON looks like on the wire. */

/** Money: an exact decimal string with 6 places ("1234.560000"), never a float. */
export const money = z.string().regex(/^-?\d+\.\d{6}$/, 'expected a decimal string with 6 places');
/** An instant, ISO 8601 in UTC as Date.toJSON writes it. */
export const instant = z.iso.datetime();
export const localDate = z.iso.date();
export const id = z.guid();

/** The resolved half-open range [from, to) and the zone its dates and hours are read in. */
export const rangeJson = z.object({ from: instant, to: instant, timeZone: z.string() });

export const sentimentShares = z.object({ positive: z.number(), neutral: z.number(), negative: z.number() });

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum([
      'bad_request',
      'unauthorized',
      'forbidden',
      'cross_site_request',
      'not_found',
      'conflict',
      'payload_too_large',
      'unsupported_media_type',
      'too_many_requests',
      'concurrency_limit',
      'service_unavailable',
      'internal_error',
    ] satisfies ApiErrorCode[]),
    message: z.string(),
    param: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
