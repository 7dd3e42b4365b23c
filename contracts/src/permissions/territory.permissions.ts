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

/** Official registered crime: imported by the coordinator, aggregates for the office roles. */
export const crimeDataPolicy = definePolicy('crime_data', {
  import: ['coordinator'],
  read: ['coordinator', 'supervisor', 'evaluator', 'team_member', 'admin'],
});
