import { describe, expect, it } from 'vitest';
import { groupByProviderKind, providerKind, providerName, sortByProviderKind } from './brands';

describe('provider brand names', () => {
  it('writes every provider key of the seed and the connectors as the brand does', () => {
    expect(providerName('elevenlabs')).toBe('ElevenLabs');
    expect(providerName('11labs')).toBe('ElevenLabs');
    expect(providerName('openai')).toBe('OpenAI');
    expect(providerName('deepgram')).toBe('Deepgram');
    expect(providerName('twilio')).toBe('Twilio');
    expect(providerName('telnyx')).toBe('Telnyx');
    expect(providerName('playht')).toBe('PlayHT');
    expect(providerName('cartesia')).toBe('Cartesia');
    expect(providerName('vapi')).toBe('Vapi');
    expect(providerName('retell')).toBe('Retell AI');
    expect(providerName('bland')).toBe('Bland AI');
    expect(providerName('OpenAI')).toBe('OpenAI');
  });

  it('shows an unknown key as sent, and no key as "No provider"', () => {
    expect(providerName('acme-tts')).toBe('acme-tts');
    expect(providerName(null)).toBe('No provider');
    expect(providerName('')).toBe('No provider');
  });

  it('knows each provider kind', () => {
    expect(providerKind('twilio')).toBe('telephony');
    expect(providerKind('deepgram')).toBe('speech-to-text');
    expect(providerKind('openai')).toBe('model');
    expect(providerKind('playht')).toBe('voice');
    expect(providerKind('vapi')).toBe('platform');
    expect(providerKind('acme')).toBe('other');
  });

  it('groups rows by kind in a fixed order, keeping their order inside a kind', () => {
    const rows = ['playht', 'openai', 'twilio', 'elevenlabs', 'acme', 'deepgram', 'telnyx'];
    expect(groupByProviderKind(rows, (row) => row).map((group) => [group.label, group.rows])).toEqual([
      ['Telephony', ['twilio', 'telnyx']],
      ['Speech-to-text', ['deepgram']],
      ['Model', ['openai']],
      ['Voice', ['playht', 'elevenlabs']],
      ['Other', ['acme']],
    ]);
    expect(sortByProviderKind(rows, (row) => row)).toEqual(['twilio', 'telnyx', 'deepgram', 'openai', 'playht', 'elevenlabs', 'acme']);
  });
});
