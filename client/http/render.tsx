// Renders a page in the frame of the current request (language, person, form token).
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { PortalContext } from './context';
import { Layout, type PageFrame } from './layout';

/** This page's address without its `lang` parameter, for the language switch to come back to. */
function pathOf(c: PortalContext): string {
  const url = new URL(c.req.url);
  url.searchParams.delete('lang');
  return `${url.pathname}${url.search}`;
}

export const frameOf = (c: PortalContext): PageFrame => ({
  lang: c.var.lang, t: c.var.t, person: c.var.person, csrf: c.var.csrf, path: pathOf(c),
});

export function page(c: PortalContext, title: string, body: Child, status: ContentfulStatusCode = 200) {
  return c.html(<Layout frame={frameOf(c)} title={title}>{body}</Layout>, status);
}
