/** A static file server for test pages on 127.0.0.1, with a route table for generated pages. */
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

export interface StaticServer {
  origin: string;
  /** Serves `body` at `path` (overrides files). */
  route(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

/** Serves `root` on an ephemeral port of 127.0.0.1. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const routes = new Map<string, { body: string; type: string }>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const routed = routes.get(path);
    if (routed) {
      res.writeHead(200, { 'content-type': routed.type, 'cache-control': 'no-store' });
      res.end(routed.body);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (path, body, type = 'text/html; charset=utf-8') => routes.set(path, { body, type }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
