import { z } from 'zod';

/**
 * Opaque keyset cursors for the call list: the sort key and id of the last row of a page,
 * base64url-encoded JSON. Decoding validates every field, so a forged cursor is a 400,
 * never a query error.
 */
export const CALL_SORTS = ['started_at', 'duration', 'cost'] as const;
export type CallSort = (typeof CALL_SORTS)[number];
export const SORT_ORDERS = ['desc', 'asc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export type CallCursor =
  | { sort: 'started_at'; order: SortOrder; value: string; id: string }
  | { sort: 'duration'; order: SortOrder; value: number; id: string }
  | { sort: 'cost'; order: SortOrder; value: string; id: string };

const order = z.enum(SORT_ORDERS);
const id = z.guid();
const cursorSchema = z.discriminatedUnion('sort', [
  z.object({ sort: z.literal('started_at'), order, id, value: z.iso.datetime() }),
  // -1 stands for "no duration" (see list.ts).
  z.object({ sort: z.literal('duration'), order, id, value: z.number().int().min(-1).max(2_147_483_647) }),
  z.object({ sort: z.literal('cost'), order, id, value: z.string().regex(/^-?\d{1,12}(\.\d{1,6})?$/) }),
]);

export function encodeCallCursor(cursor: CallCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCallCursor(text: string): CallCursor | null {
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(text)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
