// Remote URLs copied from a terminal often carry a token (`https://user:ghp_…@github.com`)
// or a pre-signed query string; a registry file is public to the whole team.
import { credentialIn } from "../core/credentials.ts";
import type { PathSegment } from "../core/record-path.ts";
import type { FileRule, Finding } from "./types.ts";

/** Files without a URL user part or a secret-looking query never need the walk. */
const CHEAP = /:\/\/[^\s/?#]*@|[?&][a-z_-]*(token|sig|signature|credential|password|key)=/i;

export const noCredentialsInUris: FileRule = {
  id: "no-credentials-in-uris",
  description: "No string in a record is a URL that carries credentials (user:password@, tokens, signed query strings).",
  kinds: ["project", "model", "experiment"],
  check({ value, text }) {
    if (!CHEAP.test(text)) return [];
    const found: Finding[] = [];
    const stack: Array<[unknown, PathSegment[]]> = [[value, []]];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      const [v, path] = top;
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
