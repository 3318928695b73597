// The load generator of `npm run bench -- --only http`, its own process so that it does not
// share an event loop with the server it measures. Usage:
//   node scripts/bench/http-load.mjs '{"url","cookie","workspaceIds","endpoints","ranges","connections","duration","seed"}'
// Each request reads a random endpoint of a random workspace over a random range
// (/api/workspaces/{id}/{endpoint}?{range}). Prints one JSON line.
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2]);
let state = o.seed ?? 1;
const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
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
        return { ...req, path: `/api/workspaces/${pick(o.workspaceIds)}/${pick(o.endpoints)}?${pick(o.ranges)}` };
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
  const quantile = (q) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] : 0);
  console.log(
    JSON.stringify({
      requests: latencies.length,
      seconds: result.duration,
      requestsPerSecond: latencies.length / result.duration,
      p50: quantile(0.5),
      p95: quantile(0.95),
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statuses: byKind,
    }),
  );
});
