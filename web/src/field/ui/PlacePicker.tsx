import { lazy, Suspense, useEffect, useState } from 'react';
import { useFieldState } from '../app/controller-context';
import { findPosition } from '../lib/geolocation';
import { useI18n } from '../lib/i18n';
import type { Point } from '../sync/outbox-types';
import { findDutyPlaces } from './duty-places';

const MapPicker = lazy(() => import('./MapPicker').then((module) => ({ default: module.MapPicker })));

export interface ChosenPlace {
  point: Point;
  source: 'gps' | 'duty_place' | 'map';
  /** The duty place's name, or the GPS accuracy in metres. */
  label?: string;
}

/**
 * Where it happened: the phone's position by default; else the duty place of today's shift, or a tap on
 * the map. When GPS fails, the first duty place is taken so the common case still needs no extra tap.
 */
export function PlacePicker({ value, onChange, autoLocate }: { value: ChosenPlace | null; onChange: (place: ChosenPlace) => void; autoLocate: boolean }) {
  const { t } = useI18n();
  const state = useFieldState();
  const [gps, setGps] = useState<'idle' | 'locating' | 'denied' | 'unavailable'>('idle');
  const [isMapOpen, setIsMapOpen] = useState(false);
  const dutyPlaces = findDutyPlaces(state);

  const locate = async (fallBack: boolean) => {
    setGps('locating');
    const position = await findPosition();
    if ('point' in position) {
      setGps('idle');
      onChange({ point: position.point, source: 'gps', label: String(position.accuracy) });
      return;
    }
    setGps(position.error);
    const first = dutyPlaces[0];
    if (fallBack && first) onChange({ point: first.point, source: 'duty_place', label: first.name });
  };

  useEffect(() => {
    // Once, when the form opens.
    if (autoLocate && !value) void locate(true);
  }, [autoLocate]);

  return (
    <fieldset>
      <legend>{t('place.title')}</legend>
      <p className="card" aria-live="polite">
        {gps === 'locating' && !value ? t('place.locating') : value ? describePlace(value, t) : t('place.none')}
      </p>
      {(gps === 'denied' || gps === 'unavailable') && <p className="notice notice-warning">{gps === 'denied' ? t('place.gpsDenied') : t('place.gpsUnavailable')}</p>}
      <div className="choice-list">
        <button type="button" className="button" disabled={gps === 'locating'} onClick={() => void locate(false)}>
          {t('place.useGps')}
        </button>
        {dutyPlaces.map((place) => (
          <button key={place.id} type="button" className="button" onClick={() => onChange({ point: place.point, source: 'duty_place', label: place.name })}>
            {t('place.atDutyPlace', { place: place.name })}
          </button>
        ))}
        <button type="button" className="button" aria-expanded={isMapOpen} onClick={() => setIsMapOpen(!isMapOpen)}>
          {isMapOpen ? t('place.closeMap') : t('place.openMap')}
        </button>
      </div>
      {isMapOpen && (
        <Suspense fallback={<p role="status">{t('place.mapLoading')}</p>}>
          <p>{t('place.mapHelp')}</p>
          <MapPicker copy={state.offlineCopy} centre={value?.point ?? null} onPick={(point) => onChange({ point, source: 'map' })} />
        </Suspense>
      )}
    </fieldset>
  );
}

function describePlace(place: ChosenPlace, t: (key: string, values?: Record<string, string | number>) => string): string {
  if (place.source === 'gps') return place.label ? t('place.fromGps', { metres: place.label }) : t('place.fromGpsPlain');
  if (place.source === 'duty_place') return place.label ? t('place.fromDutyPlace', { place: place.label }) : t('place.fromDutyPlacePlain');
  return t('place.fromMap');
}
