// Remote URLs copied from a terminal often carry a token (`https://user:ghp_…@github.com`)
// or a pre-signed query string; a registry file is public to the whole team.
import type { PathSegment } from "../../yaml/yaml.ts";
import type { FileRule, Finding } from "./types.ts";

const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]+)@/i;
const SECRET_QUERY = /[?&](access_token|token|sig|signature|x-amz-signature|x-amz-credential|x-goog-signature|password|api_key|apikey)=/i;
/** Files without a URL user part or a secret-looking query never need the walk. */
const CHEAP = /:\/\/[^\s/?#]*@|[?&][a-z_-]*(token|sig|signature|credential|password|key)=/i;

/** Why this string leaks a credential, or null. */
export function credentialIn(s: string): string | null {
  const user = USERINFO.exec(s)?.[1];
  // `ssh://git@host/…` names the conventional user, not a secret.
  if (user && user !== "git") return "a user name or token before `@`";
  if (SECRET_QUERY.test(s)) return "a secret query parameter";
  return null;
}

export const noCredentialsInUris: FileRule = {
  id: "no-credentials-in-uris",
  description: "No string in a record is a URL that carries credentials (user:password@, tokens, signed query strings).",
  kinds: ["project", "model", "experiment"],
  check({ value, text }) {
    if (!CHEAP.test(text)) return [];
    const found: Finding[] = [];
    const stack: Array<[unknown, PathSegment[]]> = [[value, []]];
    while (stack.length > 0) {
      const [v, path] = stack.pop()!;
      if (typeof v === "string") {
        const why = v.includes("://") ? credentialIn(v) : null;
        if (why) {
          found.push({
            path,
            message: `a URL here contains ${why}`,
            hint: "Remove the credentials from the URL (keep scheme, host and path) and rotate the token if it was pushed anywhere.",
          });
        }
      } else if (v && typeof v === "object") {
        for (const [k, child] of Object.entries(v)) stack.push([child, [...path, Array.isArray(v) ? Number(k) : k]]);
      }
    }
    return found;
  },
};
