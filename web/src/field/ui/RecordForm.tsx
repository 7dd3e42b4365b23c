import { fieldRecordPutSchema, type FieldRecordCategory } from '@saferhood/contracts/field-work';
import { useEffect, useState, type FormEvent } from 'react';
import { useController, useFieldState } from '../app/controller-context';
import { useI18n } from '../lib/i18n';
import { compressPhoto } from '../lib/photo';
import type { RecordContent } from '../sync/outbox-types';
import { CategoryIcon } from './CategoryIcon';
import { findRunningShiftId } from './duty-places';
import { PlacePicker, type ChosenPlace } from './PlacePicker';

export function categoryLabel(category: FieldRecordCategory, language: string): string {
  return category.labels[language] ?? category.label;
}

/**
 * A record's form once the category is chosen: only the place is needed (GPS by default), so the
 * common case is "Save". People count, note, photo and urgency are there for when they matter.
 */
export function RecordForm({
  category,
  recordId,
  initial,
  hasPhoto = false,
  onSaved,
  onChangeCategory,
}: {
  hasPhoto?: boolean;
  category: FieldRecordCategory;
  recordId: string | null;
  initial: RecordContent | null;
  onSaved: (id: string) => void;
  onChangeCategory?: () => void;
}) {
  const { t, language } = useI18n();
  const controller = useController();
  const state = useFieldState();
  const [place, setPlace] = useState<ChosenPlace | null>(() =>
    initial ? { point: initial.location, source: initial.locationSource ?? 'map' } : null,
  );
  const [peopleCount, setPeopleCount] = useState<number | null>(initial?.peopleCount ?? null);
  const [note, setNote] = useState(initial?.note ?? '');
  const [isUrgent, setIsUrgent] = useState(initial?.urgent ?? category.alert !== 'none');
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [photoUrl, setPhotoUrl] = useState<string | null>(null);
  const [isPhotoBusy, setIsPhotoBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => () => void (photoUrl && URL.revokeObjectURL(photoUrl)), [photoUrl]);

  const choosePhoto = async (file: File | undefined) => {
    if (!file) return;
    setIsPhotoBusy(true);
    setError(null);
    try {
      const small = await compressPhoto(file);
      setPhoto(small);
      setPhotoUrl(URL.createObjectURL(small));
    } catch {
      setError(t('form.photoFailed'));
    } finally {
      setIsPhotoBusy(false);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!place) {
      setError(t('form.placeMissing'));
      return;
    }
    const shiftId = initial ? initial.shiftId : (findRunningShiftId(state) ?? undefined);
    const content: RecordContent = {
      category: category.code,
      occurredAt: initial?.occurredAt ?? new Date().toISOString(),
      location: place.point,
      locationSource: place.source,
      ...(peopleCount !== null ? { peopleCount } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(isUrgent ? { urgent: true } : {}),
      ...(shiftId ? { shiftId } : {}),
    };
    // The same schema the server validates with: nothing goes into the outbox that it would refuse for its shape.
    if (!fieldRecordPutSchema.safeParse(content).success) {
      setError(t('form.invalid'));
      return;
    }
    setIsSaving(true);
    try {
      const id = await controller.engine.saveRecord(recordId, content);
      if (photo) await controller.engine.attachPhoto(id, photo);
      controller.flash(t('form.saved'));
      void controller.syncNow();
      onSaved(id);
    } catch {
      setError(t('form.saveFailed'));
      setIsSaving(false);
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <div className="card" style={{ display: 'flex', alignItems: 'center', gap: '0.7rem' }}>
        <CategoryIcon icon={category.icon} />
        <strong style={{ flex: 1 }}>{categoryLabel(category, language)}</strong>
        {onChangeCategory && (
          <button type="button" className="icon-button" onClick={onChangeCategory}>
            {t('form.changeCategory')}
          </button>
        )}
      </div>

      <PlacePicker value={place} onChange={setPlace} autoLocate={!initial} />

      <div className="form-field">
        <span className="label" id="people-label">
          {t('form.peopleCount')}
        </span>
        <div className="stepper" role="group" aria-labelledby="people-label">
          <button type="button" className="icon-button" aria-label={t('form.fewerPeople')} disabled={peopleCount === null} onClick={() => setPeopleCount(peopleCount && peopleCount > 0 ? peopleCount - 1 : null)}>
            −
          </button>
          <output aria-live="polite">{peopleCount ?? '–'}</output>
          <button type="button" className="icon-button" aria-label={t('form.morePeople')} onClick={() => setPeopleCount(Math.min(10000, (peopleCount ?? 0) + 1))}>
            +
          </button>
        </div>
        <p className="muted">{t('form.peopleHelp')}</p>
      </div>

      <div className="form-field">
        <label htmlFor="note">{t('form.note')}</label>
        <textarea id="note" maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} aria-describedby="note-help" />
        <p className="muted" id="note-help">
          {t('form.noteHelp')}
        </p>
      </div>

      <div className="form-field">
        <label className="button" htmlFor="photo">
          {isPhotoBusy ? t('form.photoPreparing') : photo ? t('form.photoReplace') : t('form.photoAdd')}
        </label>
        <input id="photo" className="visually-hidden" type="file" accept="image/*" capture="environment" onChange={(event) => void choosePhoto(event.target.files?.[0])} />
        {photoUrl && <img className="photo-preview" src={photoUrl} alt={t('form.photoPreview')} />}
        {!photo && hasPhoto && <p className="muted">{t('form.photoKept')}</p>}
      </div>

      <label className="choice">
        <input type="checkbox" checked={isUrgent} onChange={(event) => setIsUrgent(event.target.checked)} />
        <span>
          <strong>{t('form.urgent')}</strong>
          <br />
          <span className="muted">{t('form.urgentHelp')}</span>
        </span>
      </label>

      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="sticky-actions">
        <button type="submit" className="button button-primary button-big" disabled={isSaving || isPhotoBusy || !place}>
          {place ? t('form.save') : t('form.waitingForPlace')}
        </button>
      </div>
    </form>
  );
}
