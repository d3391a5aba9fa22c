import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * An OTLP/HTTP collector stand-in for the bench: accepts POST /v1/traces (JSON or protobuf) and
 * counts the requests and, for JSON bodies, the spans, so that exporting costs what it would.
 */
export class OtlpSink {
  requests = 0;
  spans = 0;

  private constructor(private readonly server: http.Server, readonly url: string) {}

  static async start(): Promise<OtlpSink> {
    let self: OtlpSink | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        self!.requests++;
        const body = Buffer.concat(chunks).toString('utf8');
        if (req.headers['content-type']?.includes('json')) self!.spans += (body.match(/"spanId"/g) ?? []).length;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    self = new OtlpSink(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return self;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
