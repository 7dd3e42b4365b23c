import type { FieldState } from '../app/field-controller';
import type { Point } from '../sync/outbox-types';

export interface DutyPlace {
  id: string;
  name: string;
  point: Point;
}

/** A point for a place of duty: the point itself, or the middle vertex of a line (a bike path, say). */
export function representativePoint(geometry: { type: string; coordinates: unknown }): Point | null {
  if (geometry.type === 'Point') return { type: 'Point', coordinates: geometry.coordinates as Point['coordinates'] };
  const lines = geometry.type === 'LineString' ? [geometry.coordinates as number[][]] : geometry.type === 'MultiLineString' ? (geometry.coordinates as number[][][]) : [];
  const vertices = lines.flat();
  const middle = vertices[Math.floor(vertices.length / 2)];
  return middle && middle.length >= 2 ? { type: 'Point', coordinates: middle as Point['coordinates'] } : null;
}

/** The places of today's shifts (the one in progress first), from the phone's territory copy. */
export function findDutyPlaces(state: FieldState): DutyPlace[] {
  const shifts = [...(state.today?.shifts ?? [])].filter((shift) => !shift.cancelled);
  const isRunning = (id: string) => Boolean(state.shiftChecks[id]?.checkedInAt && !state.shiftChecks[id]?.checkedOutAt);
  shifts.sort((a, b) => Number(isRunning(b.id)) - Number(isRunning(a.id)));
  const seen = new Set<string>();
  const places: DutyPlace[] = [];
  for (const shift of shifts) {
    for (const placeId of shift.placeIds) {
      const place = state.offlineCopy?.places.find((candidate) => candidate.id === placeId);
      const point = place && representativePoint(place.geometry);
      if (place && point && !seen.has(place.id)) {
        seen.add(place.id);
        places.push({ id: place.id, name: place.name, point });
      }
    }
  }
  return places;
}

/** The shift a new record belongs to: the one the person has started and not ended. */
export function findRunningShiftId(state: FieldState): string | null {
  const userId = state.me?.user.id;
  for (const shift of state.today?.shifts ?? []) {
    const mine = shift.assistants.find((assistant) => assistant.id === userId);
    const checkedIn = mine?.checkedInAt ?? state.shiftChecks[shift.id]?.checkedInAt;
    const checkedOut = mine?.checkedOutAt ?? state.shiftChecks[shift.id]?.checkedOutAt;
    if (checkedIn && !checkedOut) return shift.id;
  }
  return null;
}
