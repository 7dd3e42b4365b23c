import { fieldRecordPutSchema, SIGNAL_CONTACTS, SIGNAL_KINDS, type FieldRecordCategory } from '@saferhood/contracts/field-work';
import { useState, type FormEvent } from 'react';
import { useController, useFieldState } from '../app/controller-context';
import { useI18n } from '../lib/i18n';
import type { RecordContent } from '../sync/outbox-types';
import { findRunningShiftId } from './duty-places';
import { PlacePicker, type ChosenPlace } from './PlacePicker';
import { categoryLabel } from './RecordForm';

type SignalKind = (typeof SIGNAL_KINDS)[number];
type SignalContact = (typeof SIGNAL_CONTACTS)[number];

/**
 * A signal of hidden crime (usury, harassment, abuse) keeps the minimum: what kind, who may contact
 * the person, how urgent, and where. No note, no photo, no names — the phone may be lost, and the
 * social worker or police contact who receives it will ask in person.
 */
export function SignalForm({
  category,
  recordId = null,
  initial = null,
  onSaved,
  onChangeCategory,
}: {
  category: FieldRecordCategory;
  recordId?: string | null;
  initial?: RecordContent | null;
  onSaved: (id: string) => void;
  onChangeCategory?: () => void;
}) {
  const { t, language } = useI18n();
  const controller = useController();
  const state = useFieldState();
  const [kind, setKind] = useState<SignalKind | null>(initial?.signal?.kind ?? null);
  const [contact, setContact] = useState<SignalContact | null>(initial?.signal?.contact ?? null);
  const [isUrgent, setIsUrgent] = useState(initial?.urgent ?? false);
  const [place, setPlace] = useState<ChosenPlace | null>(() => (initial ? { point: initial.location, source: initial.locationSource ?? 'map' } : null));
  const [error, setError] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!kind || !contact || !place) {
      setError(t('signal.missing'));
      return;
    }
    const shiftId = initial ? initial.shiftId : (findRunningShiftId(state) ?? undefined);
    const content: RecordContent = {
      category: category.code,
      occurredAt: initial?.occurredAt ?? new Date().toISOString(),
      location: place.point,
      locationSource: place.source,
      signal: { kind, contact },
      ...(isUrgent ? { urgent: true } : {}),
      ...(shiftId ? { shiftId } : {}),
    };
    if (!fieldRecordPutSchema.safeParse(content).success) {
      setError(t('form.invalid'));
      return;
    }
    try {
      const id = await controller.engine.saveRecord(recordId, content);
      controller.flash(t('form.saved'));
      void controller.syncNow();
      onSaved(id);
    } catch {
      setError(t('form.saveFailed'));
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <div className="card">
        <strong>{categoryLabel(category, language)}</strong>
        {onChangeCategory && (
          <button type="button" className="icon-button" style={{ float: 'right' }} onClick={onChangeCategory}>
            {t('form.changeCategory')}
          </button>
        )}
      </div>
      <p className="notice">{t('signal.why')}</p>
      <fieldset>
        <legend>{t('signal.kind')}</legend>
        <div className="choice-list">
          {SIGNAL_KINDS.map((option) => (
            <label key={option} className="choice">
              <input type="radio" name="kind" checked={kind === option} onChange={() => setKind(option)} />
              <span>{t(`signal.kind.${option}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('signal.contact')}</legend>
        <div className="choice-list">
          {SIGNAL_CONTACTS.map((option) => (
            <label key={option} className="choice">
              <input type="radio" name="contact" checked={contact === option} onChange={() => setContact(option)} />
              <span>{t(`signal.contact.${option}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={isUrgent} onChange={(event) => setIsUrgent(event.target.checked)} />
        <strong>{t('signal.urgent')}</strong>
      </label>
      <PlacePicker value={place} onChange={setPlace} autoLocate={!initial} />
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="sticky-actions">
        <button type="submit" className="button button-primary button-big">
          {t('signal.save')}
        </button>
      </div>
    </form>
  );
}
