import net from 'node:net';

/**
 * A TCP port nothing listens on right now, for a server a test or bench starts on a port it must
 * know before listening. Drawn from 20000–31999: below the ephemeral range (32768+), so a server
 * listening on port 0 cannot take it between this check and the listen, and never the platform's
 * defaults 4000–4005, which a developer may be running.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
}
