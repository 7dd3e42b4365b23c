import type { Point } from '../sync/outbox-types';

export type PositionResult = { point: Point; accuracy: number } | { error: 'denied' | 'unavailable' };

/** The phone's position, or why there is none; a fix up to a minute old will do. */
export function findPosition(timeoutMs = 10_000): Promise<PositionResult> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) {
      resolve({ error: 'unavailable' });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          point: { type: 'Point', coordinates: [round(position.coords.longitude), round(position.coords.latitude)] } satisfies Point,
          accuracy: Math.round(position.coords.accuracy),
        }),
      (error) => resolve({ error: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

/** Six decimals are about 10 cm: more says nothing and costs bytes. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;
