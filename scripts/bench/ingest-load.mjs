// The load generator of `npm run bench -- --only ingest`, run as its own process so that
// it does not share an event loop with the server it measures. Usage:
//   node scripts/bench/ingest-load.mjs '<json options>'
// Options: url, key, mode ('single' | 'batch'), batchSize, connections, duration (s),
// baseTime (ms), prefix, replayOf (number of requests of an earlier run to send again,
// cycling; omitted → new events). Prints one JSON line with the measurements.
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2]);
const batchSize = o.mode === 'batch' ? o.batchSize : 1;

function event(i) {
  const call = `${o.prefix}-c${i >> 1}`;
  const occurred = new Date(o.baseTime + i).toISOString();
  if (i % 2 === 0) {
    return {
      id: `${o.prefix}-e${i}`,
      type: 'call.ended',
      occurred_at: occurred,
      data: {
        call_id: call,
        agent: { id: `agent-${i % 20}`, name: `Agent ${i % 20}` },
        direction: i % 4 ? 'inbound' : 'outbound',
        status: i % 10 ? 'completed' : 'failed',
        started_at: new Date(o.baseTime + i - 120_000).toISOString(),
        ended_at: occurred,
        sentiment: 'positive',
        voice_provider: 'vapi',
        avg_response_ms: 700 + (i % 300),
        intent: `intent-${i % 5}`,
      },
    };
  }
  return { id: `${o.prefix}-e${i}`, type: 'usage.recorded', occurred_at: occurred, data: { call_id: call, provider: 'twilio', usage_type: 'telephony_minutes', quantity: '2', cost: '0.012000' } };
}

function body(request) {
  if (o.mode === 'single') return JSON.stringify(event(request));
  const events = [];
  for (let j = 0; j < batchSize; j++) events.push(event(request * batchSize + j));
  return JSON.stringify({ events });
}

let next = 0;
const latencies = [];
const statuses = { accepted: 0, duplicate: 0, rejected: 0 };
const count = (text, word) => {
  let n = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) n++;
  return n;
};

const instance = autocannon({
  url: o.url,
  connections: o.connections,
  duration: o.duration,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      path: '/api/v1/events',
      headers: { authorization: `Bearer ${o.key}`, 'content-type': 'application/json' },
      setupRequest(req) {
        const index = o.replayOf ? next++ % o.replayOf : next++;
        return { ...req, body: body(index) };
      },
      onResponse(status, text) {
        if (status !== 200) return;
        statuses.accepted += count(text, '"accepted"');
        statuses.duplicate += count(text, '"duplicate"');
        statuses.rejected += count(text, '"rejected"');
      },
    },
  ],
});
instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false, outputStream: process.stderr });
instance.on('done', (result) => {
  latencies.sort((a, b) => a - b);
  const pick = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] : 0);
  const seconds = result.duration;
  console.log(
    JSON.stringify({
      requests: latencies.length,
      sent: next,
      seconds,
      requestsPerSecond: latencies.length / seconds,
      eventsPerSecond: (latencies.length * batchSize) / seconds,
      p50: pick(0.5),
      p95: pick(0.95),
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statuses,
    }),
  );
});
