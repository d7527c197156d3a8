import { describe, expect, it } from 'vitest';
import { uuidPattern, uuidv7, uuidv7Time } from '../../shared/ids.ts';

describe('uuidv7', () => {
  it('is a version-7 RFC 9562 UUID carrying its creation time', () => {
    const at = Date.UTC(2026, 10, 27, 9, 30);
    const id = uuidv7(at);
    expect(id).toMatch(uuidPattern);
    expect(id[14]).toBe('7');
    expect(uuidv7Time(id)).toBe(at);
  });

  it('sorts by creation time and never repeats', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuidv7(1_700_000_000_000 + i * 1000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 5000 }, () => uuidv7())).size).toBe(5000);
  });
});
