/**
 * What the gateway asks the subgraphs for one request, recorded by HTTP proxies put between them, so
 * the bench can send the very same fetches straight to the subgraphs and show the gateway's own
 * overhead. A fetch that starts after another of the same request has ended depended on it (an
 * entity fetch needs the keys the first fetch returned): those make the waves of a replay.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { REQUEST_ID_HEADER } from '@tw/kernel';

export interface RecordedFetch {
  readonly service: string;
  readonly requestId: string;
  readonly body: string;
  readonly startMs: number;
  readonly endMs: number;
}

export class FetchRecorder {
  readonly fetches: RecordedFetch[] = [];
  /** the proxy's GraphQL URL for each service, to give the gateway */
  readonly urls: Record<string, string> = {};
  private readonly servers: http.Server[] = [];

  /** Starts one recording proxy in front of each subgraph URL. */
  static async start(targets: Readonly<Record<string, string>>): Promise<FetchRecorder> {
    const r = new FetchRecorder();
    for (const [service, target] of Object.entries(targets)) {
      const server = http.createServer((req, res) => void r.forward(service, target, req, res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      r.servers.push(server);
      r.urls[service] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    }
    return r;
  }

  private async forward(service: string, target: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
    const startMs = performance.now();
    try {
      // the same path on the subgraph: /graphql, and /ready, which the gateway's own /ready asks
      const answer = await fetch(new URL(req.url ?? '/', target), { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
      const text = await answer.text();
      if (req.method === 'POST') this.fetches.push({ service, requestId: String(req.headers[REQUEST_ID_HEADER] ?? ''), body, startMs, endMs: performance.now() });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    } catch (e) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: (e as Error).message }] }));
    }
  }

  /** The fetches of one gateway request in waves: each wave's fetches run together, after the wave before. */
  waves(requestId: string): RecordedFetch[][] {
    const mine = this.fetches.filter((f) => f.requestId === requestId).sort((a, b) => a.startMs - b.startMs);
    const waves: RecordedFetch[][] = [];
    for (const f of mine) {
      const current = waves[waves.length - 1];
      if (current && f.startMs < Math.min(...current.map((x) => x.endMs))) current.push(f);
      else waves.push([f]);
    }
    return waves;
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}
