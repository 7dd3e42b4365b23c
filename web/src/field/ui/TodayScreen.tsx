import type { Shift } from '@saferhood/contracts/field-work';
import { useState } from 'react';
import { signOut as signOutOnServer } from '../api/field-api';
import { useController, useFieldState, type Navigate } from '../app/controller-context';
import type { LocalShiftChecks } from '../app/field-controller';
import { formatTime } from '../lib/dates';
import { findPosition } from '../lib/geolocation';
import { useI18n } from '../lib/i18n';
import type { Point } from '../sync/outbox-types';
import { LanguageSwitch } from './LanguageSwitch';

export interface ShiftProgress {
  checkedInAt: string | null;
  checkedOutAt: string | null;
}

/** This person's check-in and check-out on a shift: the server's, or what this phone has queued. */
export function findShiftProgress(shift: Shift, userId: string, local: LocalShiftChecks): ShiftProgress {
  const mine = shift.assistants.find((assistant) => assistant.id === userId);
  return {
    checkedInAt: mine?.checkedInAt ?? local[shift.id]?.checkedInAt ?? null,
    checkedOutAt: mine?.checkedOutAt ?? local[shift.id]?.checkedOutAt ?? null,
  };
}

export function TodayScreen({ navigate }: { navigate: Navigate }) {
  const { t, tn } = useI18n();
  const controller = useController();
  const state = useFieldState();
  const [signOutRefusal, setSignOutRefusal] = useState<string | null>(null);
  const me = state.me!;
  const shifts = (state.today?.shifts ?? []).filter((shift) => !shift.cancelled);
  const waiting = state.outbox.waitingRecords + state.outbox.waitingShiftChecks;

  const signOut = async () => {
    if (waiting > 0) {
      setSignOutRefusal(tn('today.signOutRefused', waiting));
      return;
    }
    // Offline, the server's session would outlive the sign-out and open the app again for the next person.
    try {
      await signOutOnServer();
    } catch {
      setSignOutRefusal(t('today.signOutOffline'));
      return;
    }
    await controller.forgetEverything();
  };

  return (
    <>
      {state.flash && (
        <p className="notice" role="status">
          {state.flash}{' '}
          <button type="button" className="icon-button" onClick={() => controller.flash(null)}>
            {t('app.dismiss')}
          </button>
        </p>
      )}
      <p>{t('today.hello', { name: me.user.displayName })}</p>
      <button type="button" className="button button-primary button-big" onClick={() => navigate({ screen: 'new' })}>
        <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 4v16M4 12h16" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
        </svg>
        {t('today.newRecord')}
      </button>

      <h2>{t('today.shifts')}</h2>
      {!state.today && <p className="notice notice-warning">{t('today.noCopy')}</p>}
      {state.today && shifts.length === 0 && <p className="notice">{t('today.noShifts')}</p>}
      {shifts.map((shift) => (
        <ShiftCard key={shift.id} shift={shift} />
      ))}

      <h2>{t('today.records')}</h2>
      <button type="button" className="button" onClick={() => navigate({ screen: 'records' })}>
        {t('today.myRecords')}
      </button>

      <h2>{t('language.title')}</h2>
      <LanguageSwitch />

      <h2>{t('today.account')}</h2>
      <p className="muted">{t('today.signedInAs', { name: me.user.displayName, city: me.tenant.name })}</p>
      {signOutRefusal && (
        <p className="notice notice-warning" role="alert">
          {signOutRefusal}
        </p>
      )}
      <button type="button" className="button button-danger" onClick={() => void signOut()}>
        {t('today.signOut')}
      </button>
    </>
  );
}

function ShiftCard({ shift }: { shift: Shift }) {
  const { t, language } = useI18n();
  const controller = useController();
  const state = useFieldState();
  const [isLocating, setIsLocating] = useState(false);
  const [gpsNote, setGpsNote] = useState<string | null>(null);
  const progress = findShiftProgress(shift, state.me!.user.id, state.shiftChecks);
  const timeZone = state.me!.tenant.timeZone;
  const places = shift.placeIds.map((id) => state.offlineCopy?.places.find((place) => place.id === id)?.name).filter(Boolean);
  const localities = shift.localityIds.map((id) => state.offlineCopy?.localities.find((locality) => locality.id === id)?.name).filter(Boolean);

  const check = async (action: 'check-in' | 'check-out') => {
    const at = new Date().toISOString();
    let location: Point | undefined;
    setGpsNote(null);
    if (state.today?.gpsCheckIn) {
      setIsLocating(true);
      const position = await findPosition(8_000);
      setIsLocating(false);
      if ('point' in position) location = position.point;
      else setGpsNote(t('shift.noGps'));
    }
    await controller.saveShiftCheck(shift.id, action, at, location);
  };

  return (
    <section className="card" aria-labelledby={`shift-${shift.id}`}>
      <h3 id={`shift-${shift.id}`}>
        {shift.start}–{shift.end} · {t(`duty.${shift.dutyType}`)}
      </h3>
      {places.length > 0 && <p>{t('shift.places', { places: places.join(', ') })}</p>}
      {localities.length > 0 && <p>{t('shift.localities', { localities: localities.join(', ') })}</p>}
      {shift.note && <p className="muted">{shift.note}</p>}
      {progress.checkedInAt && <p>{t('shift.startedAt', { time: formatTime(progress.checkedInAt, language, timeZone) })}</p>}
      {progress.checkedOutAt && <p>{t('shift.endedAt', { time: formatTime(progress.checkedOutAt, language, timeZone) })}</p>}
      {gpsNote && <p className="notice notice-warning">{gpsNote}</p>}
      {!progress.checkedInAt && (
        <button type="button" className="button button-primary" disabled={isLocating} onClick={() => void check('check-in')}>
          {isLocating ? t('shift.locating') : t('shift.start')}
        </button>
      )}
      {progress.checkedInAt && !progress.checkedOutAt && (
        <button type="button" className="button" disabled={isLocating} onClick={() => void check('check-out')}>
          {isLocating ? t('shift.locating') : t('shift.end')}
        </button>
      )}
    </section>
  );
}
