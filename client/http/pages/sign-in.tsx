// The sign-in pages: ask for the address, say a link was sent (the same words whether the address is known or not),
// confirm the link with a button (mail scanners follow links; only a person presses a button), or say it is void.
import type { Messages } from '../i18n';
import { CsrfField } from '../layout';

export const SignInForm = (props: { t: Messages; csrf: string; error?: string; sso: boolean }) => (
  <>
    <p>{props.t.signInIntro}</p>
    {props.error ? <p class="error" role="alert">{props.error}</p> : null}
    <form method="post" action="/sign-in">
      <CsrfField token={props.csrf} />
      <label for="email">{props.t.emailLabel}</label>
      <input id="email" name="email" type="email" required maxlength={254} autocomplete="email" />
      <button type="submit">{props.t.sendLink}</button>
    </form>
    {props.sso ? (
      <>
        <h2>{props.t.orSso}</h2>
        <form method="post" action="/sign-in/oidc" hx-boost="false">
          <CsrfField token={props.csrf} />
          <button type="submit">{props.t.sso}</button>
        </form>
      </>
    ) : null}
  </>
);

export const LinkSent = (props: { t: Messages }) => <p class="notice" role="status">{props.t.linkSent}</p>;

export const ConfirmSignIn = (props: { t: Messages; csrf: string; token: string }) => (
  <>
    <p>{props.t.confirmIntro}</p>
    <form method="post" action="/sign-in/link">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="token" value={props.token} />
      <button type="submit">{props.t.confirm}</button>
    </form>
  </>
);

export const LinkInvalid = (props: { t: Messages }) => (
  <>
    <p class="error" role="alert">{props.t.linkInvalid}</p>
    <p><a href="/sign-in">{props.t.requestNew}</a></p>
  </>
);
