// The replay that keeps an edited file's untouched lines byte for byte
// (scripts/lib/yaml/_carry-over.ts): table-driven over hand-formatted originals.
import assert from "node:assert/strict";
import { test } from "node:test";
import { carryOver, commonLines } from "../scripts/lib/yaml/_carry-over.ts";

// [name, original, before (its re-serialisation), after (the edited serialisation), expected]
const cases: Array<[string, string, string, string, string | null]> = [
  ["unchanged formatting: the edit as is", "a: 1\nb: 2\n", "a: 1\nb: 2\n", "a: 1\nb: 3\n", "a: 1\nb: 3\n"],
  [
    "a changed line keeps its two spaces before the comment",
    "x:\n  acc: 0.91  # best\n  loss: 0.3  # epoch 20\n",
    "x:\n  acc: 0.91 # best\n  loss: 0.3 # epoch 20\n",
    "x:\n  acc: 0.93 # best\n  loss: 0.3 # epoch 20\n",
    "x:\n  acc: 0.93  # best\n  loss: 0.3  # epoch 20\n",
  ],
  [
    "an appended key lands after the last entry; a folded text elsewhere stays folded",
    "d: >-\n  one\n  two\nm:\n  a: 0x1F\ntags: {}\n",
    "d: >-\n  one two\nm:\n  a: 0x1f\ntags: {}\n",
    "d: >-\n  one two\nm:\n  a: 0x1f\n  b: 2\ntags: {}\n",
    "d: >-\n  one\n  two\nm:\n  a: 0x1F\n  b: 2\ntags: {}\n",
  ],
  [
    "a re-formatted block that changes is replaced whole",
    "d: >-\n  one\n  two\ne: 1\n",
    "d: >-\n  one two\ne: 1\n",
    "d: >-\n  three\ne: 1\n",
    "d: >-\n  three\ne: 1\n",
  ],
  ["a removed line", "a: 1   # keep\nb: 2\nc: 3\n", "a: 1 # keep\nb: 2\nc: 3\n", "a: 1 # keep\nc: 3\n", "a: 1   # keep\nc: 3\n"],
];

for (const [name, original, before, after, expected] of cases) {
  test(`carry-over: ${name}`, () => {
    assert.equal(carryOver(original, before, after), expected);
  });
}

test("carry-over: commonLines gives the longest run of shared lines, in order", () => {
  assert.deepEqual(commonLines(["a", "b", "c", "d"], ["a", "x", "c", "d", "e"]), [
    [0, 0],
    [2, 2],
    [3, 3],
  ]);
  assert.deepEqual(commonLines([], []), []);
  assert.equal(commonLines(["a", "b"], ["c", "d"], 1), null);
});
