/**
 * A small static file server over a built dist/ for the site tests: what a plain static
 * host does, and nothing more. Directory URLs serve their index.html, misses get 404.html
 * with status 404, and the site can sit under a base path ("/so-tay/") like on an intranet.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  // Pagefind's index files: gzipped binary it fetches and unpacks itself.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** The content type a static host would send for a file name. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** "so-tay", "/so-tay", "/so-tay/" → "/so-tay/"; empty or undefined → "/". */
export function normaliseBasePath(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export interface StaticServer {
  /** http://127.0.0.1:PORT — no base path. */
  origin: string;
  /** origin + base path, ending in "/". */
  baseUrl: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** The directory to serve (a built dist/). */
  root: string;
  /** Where the site sits on the server, e.g. "/so-tay/"; default "/". */
  basePath?: string;
}

async function fileAt(path: string): Promise<'file' | 'dir' | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const basePath = normaliseBasePath(options.basePath);
  const notFoundPage = join(root, '404.html');

  const send = (
    res: import('node:http').ServerResponse,
    method: string,
    status: number,
    file: string,
    size: number,
  ) => {
    res.writeHead(status, {
      'content-type': contentTypeFor(file),
      'content-length': String(size),
      // Browsers then refuse a script or stylesheet sent with the wrong type, as strict hosts make them.
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    if (method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  const notFound = async (res: import('node:http').ServerResponse, method: string) => {
    const page = await stat(notFoundPage).catch(() => null);
    if (page?.isFile()) return send(res, method, 404, notFoundPage, page.size);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('404 Not Found (and dist/ has no 404.html)\n');
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' });
        res.end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400);
        res.end();
        return;
      }
      // The base path without its trailing slash is the site root too: redirect like a host would.
      if (`${pathname}/` === basePath) {
        res.writeHead(301, { location: basePath + url.search });
        res.end();
        return;
      }
      if (!pathname.startsWith(basePath) || pathname.includes('\0')) return notFound(res, method);
      const target = resolve(root, `.${sep}${pathname.slice(basePath.length)}`);
      // Never serve anything outside dist/ ("/../" in a URL).
      if (target !== root && !target.startsWith(root + sep)) return notFound(res, method);

      const kind = await fileAt(target);
      if (kind === 'file') {
        const info = await stat(target);
        return send(res, method, 200, target, info.size);
      }
      if (kind === 'dir') {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` });
          res.end();
          return;
        }
        const index = join(target, 'index.html');
        const info = await stat(index).catch(() => null);
        if (info?.isFile()) return send(res, method, 200, index, info.size);
      }
      return notFound(res, method);
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`500 ${String(error)}\n`);
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: origin + basePath,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
