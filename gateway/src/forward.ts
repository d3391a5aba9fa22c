import http from 'node:http';
import { currentRequestScope, GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER } from '@tw/kernel';
import type express from 'express';

/** Headers that belong to one connection, never forwarded (RFC 9110 §7.6.1), and the secret, set here. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  GATEWAY_SECRET_HEADER,
  REQUEST_ID_HEADER,
]);

export interface ForwardOptions {
  /** the service's origin, e.g. http://127.0.0.1:4005 (a path in it is ignored) */
  readonly target: string;
  readonly gatewaySecret: string;
  /** time allowed for the service to start answering (uploads of large files take a while) */
  readonly timeoutMs?: number;
}

/**
 * Forwards requests on the gateway's origin to a service's HTTP routes (the importer's /imports
 * and /templates): request and response bodies stream through with node:http, never buffered, so
 * a 50 MB upload or a large error report costs no memory here. The caller's Authorization header is
 * forwarded as is; the gateway's secret proves to the service that the request came through here.
 * @example app.use(['/imports', '/templates'], forwardTo({ target: 'http://127.0.0.1:4005', gatewaySecret }));
 */
export function forwardTo(o: ForwardOptions): express.RequestHandler {
  const target = new URL(o.target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return (req, res) => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    headers[GATEWAY_SECRET_HEADER] = o.gatewaySecret;
    const requestId = currentRequestScope()?.requestId;
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;
    const forwardedFor = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = [forwardedFor, req.socket.remoteAddress].filter(Boolean).join(', ');

    const upstream = http.request(
      { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.originalUrl, headers, agent },
      (answer) => {
        const out: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
        }
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.setTimeout(o.timeoutMs ?? 120_000, () => upstream.destroy(new Error('the service did not answer in time')));
    upstream.on('error', (e) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.status(502).json({ error: { code: 'UNAVAILABLE', message: `The service behind ${req.baseUrl || req.path} could not be reached: ${e.message}` } });
    });
    // a client that goes away stops the upstream request too
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };
}
