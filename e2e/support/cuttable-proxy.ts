import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that a test can cut and restore, so the app sees a
 * real outage: established connections reset, new ones refused. Used by
 * tests/resilience/database-outage.test.ts (the handlers) and e2e/outage.spec.ts (a whole
 * `next start`).
 */
export function cuttableProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  return {
    start: listen,
    get port() {
      return port;
    },
    async cut() {
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      for (const s of sockets) s.destroy();
    },
    restore: listen,
    async stop() {
      await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
      for (const s of sockets) s.destroy();
    },
  };
}
