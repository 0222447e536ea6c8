// What counts as a credential in a URL, in one place: the no-credentials-in-uris
// rule refuses such a string in a record, git/provenance.ts keeps it out of the
// recorded remote, and the site never links to one. core/ imports nothing of
// ours outside core/.

const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]+)@/i;
const SECRET_QUERY = /[?&](access_token|token|sig|signature|x-amz-signature|x-amz-credential|x-goog-signature|password|api_key|apikey)=/i;

/** Why this string leaks a credential, or null. */
export function credentialIn(s: string): string | null {
  const user = USERINFO.exec(s)?.[1];
  // `ssh://git@host/…` names the conventional user, not a secret.
  if (user && user !== "git") return "a user name or token before `@`";
  if (SECRET_QUERY.test(s)) return "a secret query parameter";
  return null;
}
