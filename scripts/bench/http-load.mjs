// The load generator of `npm run bench -- --only http`, its own process so that it does not
// share an event loop with the server it measures. Usage:
//   node scripts/bench/http-load.mjs '{"url","cookie","paths":[...],"connections","duration","seed"}'
// Each request takes the next path of a shuffled cycle over `paths`. Prints one JSON line.
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2]);
let state = o.seed ?? 1;
const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
const latencies = [];
const byKind = {};

const instance = autocannon({
  url: o.url,
  connections: o.connections,
  duration: o.duration,
  timeout: 30,
  requests: [
    {
      method: 'GET',
      headers: { cookie: o.cookie },
      setupRequest(req) {
        return { ...req, path: o.paths[Math.floor(random() * o.paths.length)] };
      },
    },
  ],
});
instance.on('response', (_client, status, _bytes, responseTime) => {
  latencies.push(responseTime);
  byKind[status] = (byKind[status] ?? 0) + 1;
});
autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false, outputStream: process.stderr });
instance.on('done', (result) => {
  latencies.sort((a, b) => a - b);
  const pick = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] : 0);
  console.log(
    JSON.stringify({
      requests: latencies.length,
      seconds: result.duration,
      requestsPerSecond: latencies.length / result.duration,
      p50: pick(0.5),
      p95: pick(0.95),
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statuses: byKind,
    }),
  );
});
