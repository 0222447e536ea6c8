// Experiment ids are lower-case ULIDs (https://github.com/ulid/spec): 48 bits of
// milliseconds then 80 random bits, in Crockford base32. Time-sortable, and the
// random part makes collisions between parallel jobs practically impossible
// (six hex digits of a uuid4, as the first prototype used, collide).
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const EXPERIMENT_ID_PATTERN = /^[0-7][0-9a-hjkmnp-tv-z]{25}$/;
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

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
