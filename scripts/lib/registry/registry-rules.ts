// Placing the listed files and running the registry-wide rules over them:
// shared by validate and the loader, so both report the same diagnostics.
import { place } from "../core/layout.ts";
import { REGISTRY_RULES } from "../rules/index.ts";
import type { RegistryIndex } from "../rules/types.ts";
import type { Diagnostic, FileRef } from "../schema/types.ts";
import type { Listing } from "./listing.ts";

/** The registry files the layout recognises, in listing order. */
export function placedRefs(listing: Listing): FileRef[] {
  const refs: FileRef[] = [];
  for (const p of listing.paths) {
    if (p.type !== "file") continue;
    p.placement = place(p.file);
    if (p.placement.ok) refs.push(p.placement.ref);
  }
  return refs;
}

export function runRegistryRules(index: RegistryIndex): Diagnostic[] {
  return REGISTRY_RULES.flatMap((rule) => rule.check(index));
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col;
}
