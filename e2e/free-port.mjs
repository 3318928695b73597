// Prints a free TCP port on 127.0.0.1 (run synchronously by playwright.config.ts).
import net from 'node:net';

const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(String(server.address().port));
  server.close();
});
