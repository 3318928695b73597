/**
 * Webhook payloads of the three platforms, written for these tests from the documented
 * schemas (../shared/research/ingestion.md), not copied from any platform's docs. Each
 * covers an edge case the mapping must get right; the hand-computed figures they add up
 * to are in EXPECTED below and in the tests.
 *
 * All calls start on 2026-11-10 (UTC) between 14:00 and 15:00.
 */

const at = (hhmmss: string) => `2026-11-10T${hhmmss}Z`;
const ms = (hhmmss: string) => Date.parse(at(hhmmss));

// ------------------------------------------------------------------------------ Vapi

/** Outbound phone call, every cost kind, analysis and latency; 210.5 s → 211 s. */
export const vapiReport1 = {
  message: {
    type: 'end-of-call-report',
    timestamp: ms('14:03:31'),
    endedReason: 'customer-ended-call',
    startedAt: at('14:00:00.000'),
    endedAt: at('14:03:30.500'),
    cost: 0.3043456789,
    costs: [
      { type: 'transport', provider: 'twilio', minutes: 3.5083, cost: 0.0298 },
      { type: 'transcriber', transcriber: { provider: 'deepgram', model: 'nova-3' }, minutes: 3.5083, cost: 0.0357 },
      { type: 'model', model: { provider: 'openai', model: 'gpt-4o' }, promptTokens: 1200, completionTokens: 300, cachedPromptTokens: 0, cost: 0.0123456789 },
      { type: 'voice', voice: { provider: '11labs', voiceId: 'rachel' }, characters: 840, cost: 0.0504 },
      { type: 'vapi', subType: 'normal', minutes: 3.5083, cost: 0.175 },
      { type: 'analysis', analysisType: 'summary', model: { provider: 'openai' }, promptTokens: 900, completionTokens: 60, cost: 0.0011 },
    ],
    analysis: { summary: 'Caller rescheduled a cleaning to Friday.', successEvaluation: 'true', structuredData: {} },
    artifact: { transcript: 'AI: Hello…', messages: [], recordingUrl: 'https://example.invalid/r1.wav', performanceMetrics: { turnLatencyAverage: 812.4, modelLatencyAverage: 400 } },
    call: { id: 'vapi-call-1', orgId: 'org-1', type: 'outboundPhoneCall', status: 'ended', assistantId: 'asst-1', customer: { number: '+15550001111' }, createdAt: at('13:59:58'), updatedAt: at('14:03:31') },
    assistant: { id: 'asst-1', name: 'Reception' },
    customer: { number: '+15550001111' },
    phoneNumber: { number: '+15559990000' },
  },
};

/** Web call (no numbers), an endedReason nobody documented yet, no analysis at all. 45 s. */
export const vapiReport2 = {
  message: {
    type: 'end-of-call-report',
    timestamp: ms('14:10:46'),
    endedReason: 'brand-new-reason-from-2027',
    startedAt: at('14:10:00.000'),
    endedAt: at('14:10:45.000'),
    cost: 0.05,
    costs: [{ type: 'vapi', subType: 'normal', minutes: 0.75, cost: 0.05 }],
    artifact: { messages: [] },
    call: { id: 'vapi-call-2', orgId: 'org-1', type: 'webCall', status: 'ended', assistantId: 'asst-2', createdAt: at('14:10:00'), updatedAt: at('14:10:46') },
  },
};

/** A call that rang and was never answered: status-updates, then the report. */
export const vapiRinging3 = {
  message: { type: 'status-update', status: 'ringing', timestamp: ms('14:20:00'), call: { id: 'vapi-call-3', orgId: 'org-1', type: 'outboundPhoneCall', status: 'ringing', assistantId: 'asst-1', customer: { number: '+15550003333' }, createdAt: at('14:19:59'), updatedAt: at('14:20:00') } },
};
export const vapiReport3 = {
  message: {
    type: 'end-of-call-report',
    timestamp: ms('14:20:31'),
    endedReason: 'customer-did-not-answer',
    cost: 0,
    costs: [{ type: 'transport', provider: 'twilio', minutes: 0, cost: 0 }],
    analysis: { summary: '', successEvaluation: 'false' },
    artifact: {},
    call: { id: 'vapi-call-3', orgId: 'org-1', type: 'outboundPhoneCall', status: 'ended', assistantId: 'asst-1', customer: { number: '+15550003333' }, createdAt: at('14:19:59'), updatedAt: at('14:20:31') },
  },
};

/** A pipeline error after 12 s. */
export const vapiReport4 = {
  message: {
    type: 'end-of-call-report',
    timestamp: ms('14:30:13'),
    endedReason: 'pipeline-error-openai-llm-failed',
    startedAt: at('14:30:00.000'),
    endedAt: at('14:30:12.000'),
    costs: [{ type: 'vapi', subType: 'normal', minutes: 0.2, cost: 0.01 }],
    analysis: {},
    artifact: {},
    call: { id: 'vapi-call-4', orgId: 'org-1', type: 'inboundPhoneCall', status: 'ended', assistantId: 'asst-1', customer: { number: '+15550004444' }, createdAt: at('14:30:00'), updatedAt: at('14:30:13') },
  },
};

/** A late in-progress status-update for call 1 (arrives after its report: must not move it back). */
export const vapiLateStatus1 = {
  message: { type: 'status-update', status: 'in-progress', timestamp: ms('14:00:01'), call: { id: 'vapi-call-1', orgId: 'org-1', type: 'outboundPhoneCall', status: 'in-progress', assistantId: 'asst-1', startedAt: at('14:00:00.000'), createdAt: at('13:59:58'), updatedAt: at('14:00:01') } },
};

export const vapiTranscript = { message: { type: 'transcript', role: 'user', transcriptType: 'final', transcript: 'hello', call: { id: 'vapi-call-1', orgId: 'org-1', createdAt: at('13:59:58'), updatedAt: at('14:00:05') } } };

// ----------------------------------------------------------------------------- Retell

const retellCall1 = {
  call_type: 'phone_call',
  call_id: 'retell-call-1',
  agent_id: 'agent_r1',
  agent_name: 'Front Desk',
  agent_version: 3,
  call_status: 'ongoing',
  direction: 'inbound',
  from_number: '+14155550100',
  to_number: '+14155550199',
  start_timestamp: ms('14:40:00'),
  metadata: {},
};

export const retellStarted1 = { event: 'call_started', call: retellCall1 };

const retellEnded1Call = {
  ...retellCall1,
  call_status: 'ended',
  end_timestamp: ms('14:42:05'),
  duration_ms: 125_000,
  disconnection_reason: 'user_hangup',
  transcript: 'Agent: Hi…',
  latency: { e2e: { p50: 950.4, p90: 1400, p95: 1600, p99: 2100, min: 700, max: 2300, num: 12, values: [] } },
  call_cost: {
    // 12.5 cents: fractions of a cent, exactly.
    combined_cost: 12.5,
    total_duration_seconds: 125,
    total_duration_unit_price: 0.1,
    product_costs: [
      { product: 'elevenlabs_tts', cost: 7.25, unit_price: 0.058, is_transfer_leg_cost: false },
      { product: 'gpt_4o_mini', cost: 0.5, unit_price: 0.004, is_transfer_leg_cost: false },
      { product: 'retell_platform', cost: 4.75, unit_price: 0.038, is_transfer_leg_cost: false },
    ],
  },
};
export const retellEnded1 = { event: 'call_ended', call: retellEnded1Call };
export const retellAnalyzed1 = {
  event: 'call_analyzed',
  call: { ...retellEnded1Call, call_analysis: { call_summary: 'Booked a table for four.', user_sentiment: 'Positive', call_successful: true, in_voicemail: false, custom_analysis_data: {} } },
};

/** Never connected: no call_started at all, only call_ended and call_analyzed. */
const retellCall2 = {
  call_type: 'phone_call',
  call_id: 'retell-call-2',
  agent_id: 'agent_r1',
  call_status: 'not_connected',
  direction: 'outbound',
  from_number: '+14155550199',
  to_number: '+14155550222',
  start_timestamp: ms('14:50:00'),
  end_timestamp: ms('14:50:30'),
  duration_ms: 0,
  disconnection_reason: 'dial_no_answer',
  call_cost: { combined_cost: 0, total_duration_seconds: 0, product_costs: [] },
};
export const retellEnded2 = { event: 'call_ended', call: retellCall2 };
export const retellAnalyzed2 = { event: 'call_analyzed', call: { ...retellCall2, call_analysis: { user_sentiment: 'Unknown', call_successful: false, in_voicemail: false } } };

/** A web call: no direction or numbers. */
export const retellAnalyzed3 = {
  event: 'call_analyzed',
  call: {
    call_type: 'web_call',
    call_id: 'retell-call-3',
    agent_id: 'agent_r2',
    call_status: 'ended',
    start_timestamp: ms('14:55:00'),
    end_timestamp: ms('14:56:00'),
    duration_ms: 60_000,
    disconnection_reason: 'agent_hangup',
    latency: { e2e: { p50: 1100 } },
    call_cost: { combined_cost: 3.333, total_duration_seconds: 60, product_costs: [{ product: 'retell_platform', cost: 3.333, unit_price: 0.0555 }] },
    call_analysis: { call_summary: 'Angry about a refund.', user_sentiment: 'Negative', call_successful: false },
  },
};

// ------------------------------------------------------------------------------ Bland

export const blandCall1 = {
  call_id: 'bland-call-1',
  inbound: true,
  from: '+12125550101',
  to: '+12125550100',
  started_at: at('14:05:00.000'),
  end_at: at('14:06:35.000'),
  corrected_duration: '95',
  call_length: 1.5833333333,
  price: 0.1425,
  status: 'completed',
  completed: true,
  answered_by: 'human',
  call_ended_by: 'USER',
  summary: 'Asked about opening hours.',
  concatenated_transcript: 'user: hi …',
};

/** Outbound, reached voicemail; no corrected_duration, so call_length (minutes) gives 30 s. */
export const blandCall2 = {
  call_id: 'bland-call-2',
  inbound: false,
  from: '+12125550100',
  to: '+12125550202',
  started_at: '2026-11-10 14:15:00',
  end_at: '2026-11-10 14:15:30',
  call_length: 0.5,
  price: 0.045,
  status: 'completed',
  answered_by: 'voicemail',
};

/** Failed before connecting. */
export const blandCall3 = {
  call_id: 'bland-call-3',
  inbound: false,
  from: '+12125550100',
  to: '+1000',
  started_at: at('14:25:00.000'),
  end_at: at('14:25:01.000'),
  corrected_duration: '0',
  price: 0,
  status: 'failed',
  error_message: 'Invalid phone number',
};
