import { describe, expect, test } from 'vitest';
import { fitWithin, PHOTO_MAX_SIDE } from '../../src/field/lib/photo';

describe('photo size on the phone', () => {
  test('a 4000 × 3000 camera photo becomes 1600 × 1200', () => {
    expect(fitWithin(4000, 3000, PHOTO_MAX_SIDE)).toEqual({ width: 1600, height: 1200 });
  });
  test('a portrait photo keeps its proportions', () => {
    expect(fitWithin(3024, 4032, PHOTO_MAX_SIDE)).toEqual({ width: 1200, height: 1600 });
  });
  test('a small photo is never enlarged', () => {
    expect(fitWithin(800, 600, PHOTO_MAX_SIDE)).toEqual({ width: 800, height: 600 });
  });
});
