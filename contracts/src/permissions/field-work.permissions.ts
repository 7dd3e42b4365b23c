import { definePolicy } from './define';

/**
 * Field work. `own`: the assistant's own records and shifts; `recipient`: the social worker or police
 * contact the city designated to receive signals of hidden crime.
 */
export const fieldRecordPolicy = definePolicy('field_record', {
  write: ['assistant', 'supervisor'],
  list: [{ role: 'assistant', if: 'own' }, 'supervisor', 'coordinator'],
  /** Signals of hidden crime (restricted): every read is access-logged. */
  read_restricted: [
    { role: 'assistant', if: 'own' },
    'supervisor',
    { role: 'social_worker', if: 'recipient' },
    { role: 'team_member', if: 'recipient' },
  ],
  review: ['supervisor'],
  amend: ['supervisor'],
  /** Counts by category, locality and month (no record contents). */
  summarise: ['coordinator', 'supervisor', 'evaluator', 'admin'],
});

export const fieldCategoryPolicy = definePolicy('field_category', {
  list: ['coordinator', 'supervisor', 'assistant', 'social_worker', 'team_member', 'evaluator', 'admin'],
  manage: ['coordinator'],
});

export const shiftPolicy = definePolicy('shift', {
  list: [{ role: 'assistant', if: 'own' }, 'supervisor', 'coordinator'],
  plan: ['supervisor', 'coordinator'],
  check_in: [{ role: 'assistant', if: 'own' }],
});

export const fieldTeamPolicy = definePolicy('field_team', {
  list: ['supervisor', 'coordinator'],
  manage: ['supervisor', 'coordinator'],
});

export const fieldSettingsPolicy = definePolicy('field_settings', {
  read: ['coordinator', 'supervisor', 'admin'],
  update: ['coordinator', 'admin'],
});

export const activityStatementPolicy = definePolicy('activity_statement', {
  read: [{ role: 'assistant', if: 'own' }, 'supervisor', 'coordinator', 'evaluator'],
});
