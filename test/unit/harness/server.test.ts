import { describe, expect, it } from 'vitest';
import { serveStatic } from '../../harness/server';

describe('the test server', () => {
  it('answers a request carrying the current ETag with 304, a changed file with 200, and logs both', async () => {
    const server = await serveStatic('/nonexistent');
    try {
      server.route('/pack.json', '{"v":1}', 'application/json');
      const first = await fetch(`${server.origin}/pack.json`);
      const etag = first.headers.get('etag') ?? '';
      expect(first.status).toBe(200);
      const again = await fetch(`${server.origin}/pack.json`, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
      server.route('/pack.json', '{"v":2}', 'application/json');
      const changed = await fetch(`${server.origin}/pack.json`, { headers: { 'if-none-match': etag } });
      expect(changed.status).toBe(200);
      expect(await changed.text()).toBe('{"v":2}');
      expect(server.requests).toEqual([
        { path: '/pack.json', status: 200 },
        { path: '/pack.json', status: 304, ifNoneMatch: etag },
        { path: '/pack.json', status: 200, ifNoneMatch: etag },
      ]);
    } finally {
      await server.close();
    }
  });
});
