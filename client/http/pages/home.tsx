// The home page: who is signed in and for which agency, or the way to sign in.
import type { PersonRecord } from '../../../store/directory';
import { formatDate, type Messages } from '../i18n';

export const Home = (props: { t: Messages; person: PersonRecord | undefined; agencyName: string | undefined; today: Date }) => (
  <>
    <p class="muted">{props.t.dateOfToday}: {formatDate(props.today)}</p>
    {props.person ? (
      <p>{props.t.welcome}, {props.person.name ?? props.person.title} ({props.person.title}{props.agencyName ? `, ${props.agencyName}` : ''}).</p>
    ) : (
      <p>{props.t.notSignedIn} <a href="/sign-in">{props.t.signIn}</a></p>
    )}
  </>
);
