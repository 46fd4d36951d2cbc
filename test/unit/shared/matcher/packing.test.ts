import { describe, expect, it } from 'vitest';
import {
  asciiRowSlot,
  bitTable,
  hasBit,
  hitEntry,
  hitField,
  setBit,
} from '../../../../src/shared/matcher/packing';
import { GUARD_AFTER, GUARD_BEFORE } from '../../../../src/shared/matcher/patterns';

describe('the matcher packing', () => {
  it('keeps a node entry and its guards apart in one HIT field', () => {
    const failing: [number, number][] = [];
    for (const entry of [0, 1, 2, 1_000, 2 ** 28])
      for (const guards of [0, GUARD_BEFORE, GUARD_AFTER, GUARD_BEFORE | GUARD_AFTER]) {
        const hit = hitField(entry, guards);
        if (hit < 0 || hitEntry(hit) !== entry || (hit & (GUARD_BEFORE | GUARD_AFTER)) !== guards)
          failing.push([entry, guards]);
      }
    expect(failing).toEqual([]);
  });

  it('gives every row and ASCII unit a slot of its own', () => {
    const slots = new Set<number>();
    for (let row = 0; row < 4; row++)
      for (let unit = 0; unit < 0x80; unit++) slots.add(asciiRowSlot(row, unit));
    expect(slots.size).toBe(4 * 0x80);
    expect(Math.max(...slots)).toBe(asciiRowSlot(4, 0) - 1);
  });

  it('sets and reads single bits of a table', () => {
    const table = bitTable(0x10000);
    expect(table.length).toBe(0x10000 / 32);
    for (const bit of [0, 31, 32, 0xffff]) setBit(table, bit);
    const set = [0, 1, 30, 31, 32, 33, 0xfffe, 0xffff].filter((bit) => hasBit(table, bit));
    expect(set).toEqual([0, 31, 32, 0xffff]);
  });
});
