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
});
