import type { z } from 'zod';
import { badRequest, payloadTooLarge, unsupportedMediaType } from './errors';
import { NulCharacterError, parseJsonRefusingNul } from './json-text';

/** Bodies of the app's own forms and JSON calls are small; ingestion routes set their own limit. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** The request body as text (UTF-8), with readBodyBytes' limit. */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  return new TextDecoder('utf-8', { fatal: false }).decode(await readBodyBytes(request, limit));
}

/**
 * The request body as raw bytes (for webhook signatures, which sign bytes, not text),
 * refusing more than `limit` bytes without reading the rest: a declared Content-Length
 * over the limit is refused at once, and a stream that turns out longer is cut off as
 * soon as it passes the limit.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** "threshold" or "channels.0.url": where a body problem is, as a field name. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || 'body';
}

/**
 * A JSON body validated by `schema`: 415 when it is not JSON, 413 over `limit`, 400 naming
 * the field for malformed JSON or the first schema problem.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S, limit = DEFAULT_BODY_LIMIT): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type.trim())) throw unsupportedMediaType();
  const text = await readBodyText(request, limit);
  let json: unknown;
  try {
    json = parseJsonRefusingNul(text);
  } catch (error) {
    if (error instanceof NulCharacterError) throw badRequest('body', `body: ${error.message}`);
    throw badRequest('body', 'body: must be valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = fieldPath(issue.path);
    throw badRequest(field, `${field}: ${issue.message}`);
  }
  return parsed.data;
}
