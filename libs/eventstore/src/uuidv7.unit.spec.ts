import { isUuidv7, uuidv7, uuidv7Time } from './uuidv7';

describe('uuidv7', () => {
  it('has the version-7 layout and encodes its millisecond', () => {
    const at = Date.UTC(2026, 11, 1, 8, 0, 0);
    const id = uuidv7(at);
    expect(isUuidv7(id)).toBe(true);
    expect(uuidv7Time(id)).toBe(at);
  });

  it('sorts in creation order, also within one millisecond, and does not repeat', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_800_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const later = uuidv7(1_800_000_000_001);
    expect(later > ids[ids.length - 1]!).toBe(true);
  });

  it('keeps order when the clock steps back, and borrows the next millisecond when a millisecond runs out of ids', () => {
    const at = 1_900_000_000_000;
    const ids = [uuidv7(at), uuidv7(at - 5000), ...Array.from({ length: 4200 }, () => uuidv7(at))];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidv7Time(ids[1]!)).toBe(at);
    // 4,200 ids exceed the 12-bit counter (seeded below 2,048, so it lasts 2,049–4,096 ids): the last
    // ones carry a later millisecond.
    expect(uuidv7Time(ids[ids.length - 1]!)).toBeGreaterThan(at);
    expect(uuidv7Time(ids[ids.length - 1]!)).toBeLessThanOrEqual(at + 2);
    expect(ids.every(isUuidv7)).toBe(true);
  });
});

