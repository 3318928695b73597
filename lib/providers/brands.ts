/**
 * Provider names as their brands write them, and what kind of provider each is. The one
 * mapping for pages, CSV, PDFs and Markdown: data keeps the lowercase key
 * (`usage_records.provider`, `calls.voice_provider_used`); only display goes through here.
 */

export const PROVIDER_KINDS = ['telephony', 'speech-to-text', 'model', 'voice', 'platform', 'other'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROVIDER_KIND_LABELS: Record<ProviderKind, string> = {
  telephony: 'Telephony',
  'speech-to-text': 'Speech-to-text',
  model: 'Model',
  voice: 'Voice',
  platform: 'Voice platform',
  other: 'Other',
};

const BRANDS: Record<string, { name: string; kind: ProviderKind }> = {
  twilio: { name: 'Twilio', kind: 'telephony' },
  telnyx: { name: 'Telnyx', kind: 'telephony' },
  vonage: { name: 'Vonage', kind: 'telephony' },
  deepgram: { name: 'Deepgram', kind: 'speech-to-text' },
  assemblyai: { name: 'AssemblyAI', kind: 'speech-to-text' },
  gladia: { name: 'Gladia', kind: 'speech-to-text' },
  openai: { name: 'OpenAI', kind: 'model' },
  anthropic: { name: 'Anthropic', kind: 'model' },
  groq: { name: 'Groq', kind: 'model' },
  elevenlabs: { name: 'ElevenLabs', kind: 'voice' },
  '11labs': { name: 'ElevenLabs', kind: 'voice' },
  cartesia: { name: 'Cartesia', kind: 'voice' },
  playht: { name: 'PlayHT', kind: 'voice' },
  'play.ht': { name: 'PlayHT', kind: 'voice' },
  rime: { name: 'Rime', kind: 'voice' },
  'rime-ai': { name: 'Rime', kind: 'voice' },
  vapi: { name: 'Vapi', kind: 'platform' },
  retell: { name: 'Retell AI', kind: 'platform' },
  bland: { name: 'Bland AI', kind: 'platform' },
};

const brandOf = (key: string) => BRANDS[key.trim().toLowerCase()];

/** "elevenlabs" → "ElevenLabs"; an unknown key is shown as it was sent. */
export function providerName(key: string | null): string {
  if (key === null || key === '') return 'No provider';
  return brandOf(key)?.name ?? key;
}

export function providerKind(key: string): ProviderKind {
  return brandOf(key)?.kind ?? 'other';
}

/** Rows grouped by provider kind, in PROVIDER_KINDS order; rows keep their order inside a group. */
export function groupByProviderKind<T>(rows: readonly T[], keyOf: (row: T) => string): { kind: ProviderKind; label: string; rows: T[] }[] {
  return PROVIDER_KINDS.map((kind) => ({ kind, label: PROVIDER_KIND_LABELS[kind], rows: rows.filter((row) => providerKind(keyOf(row)) === kind) })).filter((group) => group.rows.length > 0);
}

/** Rows sorted by kind (PROVIDER_KINDS order), keeping their order inside a kind: a flat table grouped by kind. */
export function sortByProviderKind<T>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  return groupByProviderKind(rows, keyOf).flatMap((group) => group.rows);
}
