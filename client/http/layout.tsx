// The page frame: language, title, a skip link, the header with who is signed in, the language switch and sign-out.
import type { Child } from 'hono/jsx';
import type { PersonRecord } from '../../store/directory';
import type { Lang, Messages } from './i18n';

export interface PageFrame {
  lang: Lang;
  t: Messages;
  person: PersonRecord | undefined;
  csrf: string;
  /** The path of this page, for the language switch to come back to. */
  path: string;
}

export function Layout(props: { frame: PageFrame; title: string; children: Child }) {
  const { frame, title } = props;
  const other: Lang = frame.lang === 'vi' ? 'en' : 'vi';
  const back = `${frame.path}${frame.path.includes('?') ? '&' : '?'}lang=${other}`;
  return (
    <html lang={frame.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · planflow`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {/* htmx without inline styles or eval, so the strict content policy holds with it */}
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}' />
        <script src="/static/htmx.min.js" defer></script>
      </head>
      <body hx-boost="true">
        <a class="skip" href="#main">{frame.t.skip}</a>
        <header class="top">
          <a class="brand" href="/">{frame.t.appName}</a>
          <a href={back} lang={other} hx-boost="false">{frame.t.switchTo}</a>
          {frame.person ? (
            <>
              <nav aria-label={frame.t.menu}>
                <a href="/inbox">{frame.t.inbox}</a> <a href="/plans">{frame.t.plans}</a>
              </nav>
              <span>{frame.t.signedInAs} {frame.person.name ?? frame.person.title}</span>
              <form class="inline" method="post" action="/sign-out">
                <input type="hidden" name="_csrf" value={frame.csrf} />
                <button class="link" type="submit">{frame.t.signOut}</button>
              </form>
            </>
          ) : (
            <a href="/sign-in">{frame.t.signIn}</a>
          )}
        </header>
        <main id="main">
          <h1>{title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** The form token every POST form carries. */
export const CsrfField = (props: { token: string }) => <input type="hidden" name="_csrf" value={props.token} />;
