import net from 'node:net';

/**
 * A TCP proxy in front of a server (MariaDB) that a test can cut and restore, to take the database
 * away from one service without stopping the server other tests use. Cut, it resets every open
 * connection and every new one, as a database host that went down does.
 * @example const proxy = await TcpProxy.start('127.0.0.1', 3306); proxy.cut(); proxy.restore(); await proxy.close();
 */
export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private isCut = false;
  /** connections accepted and forwarded, over the proxy's life */
  connections = 0;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    let self: TcpProxy | undefined;
    const server = net.createServer((client) => self!.accept(client, targetHost, targetPort));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    self = new TcpProxy(server, (server.address() as net.AddressInfo).port);
    return self;
  }

  private accept(client: net.Socket, host: string, port: number): void {
    if (this.isCut) {
      client.resetAndDestroy();
      return;
    }
    this.connections++;
    const upstream = net.connect(port, host);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(a);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        this.sockets.delete(a);
        b.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }

  get cutOff(): boolean {
    return this.isCut;
  }

  /** Resets every open connection and refuses new ones until `restore()`. */
  cut(): void {
    this.isCut = true;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }

  restore(): void {
    this.isCut = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
