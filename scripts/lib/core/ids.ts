// Experiment ids are lower-case ULIDs (https://github.com/ulid/spec): 48 bits of
// milliseconds then 80 random bits, in Crockford base32. Time-sortable, and the
// random part makes collisions between parallel jobs practically impossible
// (six hex digits of a uuid4, as the first prototype used, collide). core/ imports nothing of ours
// outside core/: the patterns come from a file generated from the schemas.
import { randomBytes } from "node:crypto";
import { COMMON_DEFS } from "./schema-defs.generated.ts";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
// The patterns are schemas/common.schema.json's (`$defs`), generated into core.
export const EXPERIMENT_ID_PATTERN = new RegExp(COMMON_DEFS.experimentId.pattern);
export const SLUG_PATTERN = new RegExp(COMMON_DEFS.slug.pattern);
/** A model version label (`version` of an experiment). */
export const VERSION_PATTERN = new RegExp(COMMON_DEFS.version.pattern);

/** Makes a ULID from a time in ms and 10 random bytes (injectable for deterministic generators). */
export function makeUlid(timeMs: number, random: Uint8Array = randomBytes(10)): string {
  if (!Number.isInteger(timeMs) || timeMs < 0 || timeMs > 2 ** 48 - 1) {
    throw new RangeError(`ULID time out of range: ${timeMs}`);
  }
  let time = "";
  let t = timeMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let bits = 0n;
  for (const byte of random.subarray(0, 10)) bits = (bits << 8n) | BigInt(byte);
  let rand = "";
  for (let i = 0; i < 16; i++) {
    rand = ALPHABET[Number(bits & 31n)] + rand;
    bits >>= 5n;
  }
  return time + rand;
}

export function newExperimentId(): string {
  return makeUlid(Date.now());
}
