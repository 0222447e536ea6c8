// Which texts become links (issue #6 "Safety"): only http(s) URIs, never with
// credentials, and links to a commit or a file on GitHub or GitLab when the
// repository is one of those. Everything else is shown as text.
import { credentialIn } from "../core/credentials.ts";
import { formatValue } from "./format.ts";

/** The URI when it is safe to link to, else undefined. */
export function safeHref(uri: unknown): string | undefined {
  if (typeof uri !== "string" || !/^https?:\/\//i.test(uri) || credentialIn(uri)) return undefined;
  try {
    const url = new URL(uri);
    return url.username || url.password ? undefined : url.href;
  } catch {
    return undefined;
  }
}

/**
 * The web URL of a GitHub or GitLab repository from a remote as `git remote`
 * prints it (`https://github.com/o/r.git`, `git@github.com:o/r.git`,
 * `ssh://git@gitlab.com/g/r`), or undefined for any other host.
 */
export function repoWebUrl(remote: string | undefined): string | undefined {
  if (!remote) return undefined;
  const m = /^(?:https?:\/\/(?:[^@/]*@)?|ssh:\/\/git@|git@)(github\.com|gitlab\.com)[:/]([\w.-]+(?:\/[\w.-]+)+)\/?$/i.exec(remote.trim());
  return m ? `https://${m[1].toLowerCase()}/${m[2].replace(/\.git$/i, "")}` : undefined;
}

/** Link to a commit of a GitHub or GitLab repository. */
export function commitUrl(remote: string | undefined, commit: string | undefined): string | undefined {
  const web = repoWebUrl(remote);
  if (!web || !commit || !/^[0-9a-f]{7,64}$/i.test(commit)) return undefined;
  return web.includes("gitlab.com") ? `${web}/-/commit/${commit}` : `${web}/commit/${commit}`;
}

/** View and edit links for a file of the registry repository. */
export function fileUrls(repoUrl: string | undefined, branch: string, path: string): { view: string; edit: string } | undefined {
  const web = repoWebUrl(repoUrl);
  if (!web) return undefined;
  const file = path.split("/").map(encodeURIComponent).join("/");
  const ref = encodeURIComponent(branch);
  return web.includes("gitlab.com")
    ? { view: `${web}/-/blob/${ref}/${file}`, edit: `${web}/-/edit/${ref}/${file}` }
    : { view: `${web}/blob/${ref}/${file}`, edit: `${web}/edit/${ref}/${file}` };
}

export interface ValueView {
  text: string;
  /** Set when the value is an http(s) URI safe to link to. */
  href?: string;
  /** The exact number when the text rounds it. */
  title?: string;
  /** A URI that is not linked, shown as code. */
  code?: boolean;
}

/** How one record value is shown; pages render this inline rather than through a component per value (they are many). */
export function valueView(value: unknown, link = false): ValueView {
  const text = formatValue(value);
  if (link && typeof value === "string") {
    const url = safeHref(value);
    return url ? { text, href: url } : { text, code: true };
  }
  return typeof value === "number" && text !== String(value) ? { text, title: String(value) } : { text };
}
