import { MappingError } from './types';

/** Small, strict readers for loosely typed payloads: a wrong type is a MappingError naming the field. */

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function obj(value: unknown, field: string): Obj | null {
  if (value === undefined || value === null) return null;
  if (!isObj(value)) throw new MappingError(`${field}: must be an object`);
  return value;
}

export function str(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new MappingError(`${field}: must be a string`);
  return value;
}

export function requiredStr(value: unknown, field: string): string {
  const s = str(value, field);
  if (s === null) throw new MappingError(`${field}: missing`);
  if (s.length > 255) throw new MappingError(`${field}: longer than 255 characters`);
  return s;
}

export function num(value: unknown, field: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  throw new MappingError(`${field}: must be a number`);
}

export function bool(value: unknown, field: string): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new MappingError(`${field}: must be true or false`);
}

export function arr(value: unknown, field: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new MappingError(`${field}: must be an array`);
  return value;
}

/** An ISO 8601 instant; one without a zone is read as UTC (never as the server's local time). */
export function isoDate(value: unknown, field: string): Date | null {
  const s = str(value, field);
  if (s === null) return null;
  const text = /([zZ]|[+-]\d{2}:?\d{2})$/.test(s.trim()) ? s.trim() : `${s.trim().replace(' ', 'T')}Z`;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new MappingError(`${field}: not an ISO 8601 time`);
  return new Date(ms);
}

/** Epoch milliseconds (Retell). */
export function epochMs(value: unknown, field: string): Date | null {
  const n = num(value, field);
  if (n === null) return null;
  if (n < 0 || n > 8.64e15) throw new MappingError(`${field}: not a time in ms`);
  return new Date(Math.trunc(n));
}

/** Whole seconds between two instants (rounded half up), null unless both are known and in order. */
export function secondsBetween(start: Date | null, end: Date | null): number | null {
  if (!start || !end) return null;
  const ms = end.getTime() - start.getTime();
  return ms >= 0 ? Math.round(ms / 1000) : null;
}

/** Lower-case slug for a provider name from a payload ("ElevenLabs" → "elevenlabs", "11labs" stays). */
export function providerSlug(value: string): string {
  return value.trim().toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'unknown';
}
