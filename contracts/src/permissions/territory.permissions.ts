import { TENANT_ROLES } from '../roles';
import { definePolicy } from './define';

/** Localities: kept by the coordinator, seen by every city role (assistants place their records in them). */
export const localityPolicy = definePolicy('locality', {
  list: TENANT_ROLES,
  read: TENANT_ROLES,
  create: ['coordinator'],
  update: ['coordinator'],
  import: ['coordinator'],
});

/** Places of duty: the mentor plans shifts at them, so the mentor may add them too. */
export const placePolicy = definePolicy('place', {
  list: TENANT_ROLES,
  create: ['coordinator', 'supervisor'],
  update: ['coordinator', 'supervisor'],
  import: ['coordinator'],
});

/** Indicators of localities over time: defined and recorded by the coordinator, read by all office roles. */
export const indicatorPolicy = definePolicy('indicator', {
  list: ['coordinator', 'supervisor', 'evaluator', 'team_member', 'admin', 'social_worker'],
  create: ['coordinator'],
  record: ['coordinator'],
});

/** Official registered crime: imported by the coordinator, aggregates for the office roles. */
export const crimeDataPolicy = definePolicy('crime_data', {
  import: ['coordinator'],
  read: ['coordinator', 'supervisor', 'evaluator', 'team_member', 'admin'],
});
