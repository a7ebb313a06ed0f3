// The app's own files, served by the app (offline intranets: no CDN): htmx, the stylesheet, and the Be Vietnam Pro
// font (Latin, Latin Extended and Vietnamese subsets) with fontsource's @font-face rules.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './context';

const fontDir = dirname(require.resolve('@fontsource/be-vietnam-pro/package.json'));
const htmxFile = require.resolve('htmx.org/dist/htmx.min.js');
const cssFile = join(__dirname, 'assets', 'app.css');

const FONT_CSS = /^(400|700)\.css$/;
const FONT_FILE = /^be-vietnam-pro-(latin|latin-ext|vietnamese)-(400|700)-normal\.woff2?$/;
/** Pinned package versions never change under a URL within one install; a day's caching is safe and simple. */
const CACHE = 'public, max-age=86400';

async function send(path: string, type: string): Promise<Response> {
  return new Response(await readFile(path), { headers: { 'content-type': type, 'cache-control': CACHE } });
}

export function staticRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/htmx.min.js', () => send(htmxFile, 'text/javascript; charset=utf-8'));
  app.get('/app.css', () => send(cssFile, 'text/css; charset=utf-8'));
  app.get('/fonts/:file', (c) => {
    const file = c.req.param('file');
    if (FONT_CSS.test(file)) return send(join(fontDir, file), 'text/css; charset=utf-8');
    return c.notFound();
  });
  app.get('/fonts/files/:file', (c) => {
    const file = c.req.param('file');
    if (!FONT_FILE.test(file)) return c.notFound();
    return send(join(fontDir, 'files', file), file.endsWith('.woff2') ? 'font/woff2' : 'font/woff');
  });
  return app;
}
