/** A static file server for test pages on 127.0.0.1, with a route table for generated pages. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tbx': 'application/x-tbx+xml; charset=utf-8',
  '.png': 'image/png',
};

/** One request the server answered. */
export interface LoggedRequest {
  path: string;
  status: number;
  ifNoneMatch?: string;
}

export interface StaticServer {
  origin: string;
  /**
   * Serves `body` at `path` (overrides files); routing a path again changes what it serves.
   * `headers` are sent with it (a Content-Security-Policy, say).
   */
  route(path: string, body: string, type?: string, headers?: Record<string, string>): void;
  /** Every request answered, oldest first (subscription tests read the ETag round trips here). */
  requests: LoggedRequest[];
  close(): Promise<void>;
}

/** A strong ETag of a body: the same content always has the same tag. */
function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
}

/** Serves `root` on an ephemeral port of 127.0.0.1. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const routes = new Map<string, { body: string; type: string; headers?: Record<string, string> }>();
  const requests: LoggedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const ifNoneMatch = req.headers['if-none-match'];
    const answer = (status: number, headers: Record<string, string>, body?: string | Buffer) => {
      requests.push({ path, status, ...(ifNoneMatch ? { ifNoneMatch } : {}) });
      res.writeHead(status, headers);
      res.end(body);
    };
    // Conditional requests as a static host answers them: 304 when the client's copy is current.
    const send = (body: string | Buffer, type: string, extra: Record<string, string> = {}) => {
      const etag = etagOf(body);
      if (ifNoneMatch === etag) answer(304, { ...extra, etag, 'cache-control': 'no-store' });
      else answer(200, { ...extra, 'content-type': type, etag, 'cache-control': 'no-store' }, body);
    };
    const routed = routes.get(path);
    if (routed) {
      send(routed.body, routed.type, routed.headers);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root))) {
      answer(403, {});
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      answer(404, { 'content-type': 'text/plain' }, 'not found');
      return;
    }
    send(body, TYPES[extname(file)] ?? 'application/octet-stream');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (path, body, type = 'text/html; charset=utf-8', headers) =>
      routes.set(path, { body, type, headers }),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
