import {
  fieldRecordCategoryCreateSchema,
  fieldRecordCategorySchema,
  fieldRecordCategoryUpdateSchema,
  fieldSettingsSchema,
  fieldStaffListSchema,
  fieldSettingsUpdateSchema,
  fieldTeamCreateSchema,
  fieldTeamListSchema,
  fieldTeamSchema,
  fieldTeamUpdateSchema,
  idSchema,
  notificationListSchema,
} from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { requestLanguage } from '../../http/i18n';
import { changeCategory, createCategory, listCategories } from './category.service';
import { changeSettings, changeTeam, createTeam, findSettings, listFieldStaff, listTeams } from './field-team.service';
import { markMineRead, myNotifications } from './notification.service';

const tags = ['field work'];
const idParams = z.strictObject({ id: idSchema });

/** The city's set-up of field work (categories, teams, signal recipients) and everyone's notifications. */
export const fieldAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/field-record-categories',
    {
      schema: { tags, summary: 'The city’s categories of field records', response: { 200: z.array(fieldRecordCategorySchema) } },
      config: { access: 'field_category:list' },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => listCategories(tx, requestLanguage(request)));
    },
  );

  app.post(
    '/field-record-categories',
    {
      schema: { tags, summary: 'Add a category', body: fieldRecordCategoryCreateSchema, response: { 201: fieldRecordCategorySchema } },
      config: { access: 'field_category:manage' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const category = await withTenant(app.database.db, actor.tenantId, (tx) => createCategory(tx, actor, request.body, requestLanguage(request)));
      return reply.code(201).send(category);
    },
  );

  app.patch(
    '/field-record-categories/:code',
    {
      schema: {
        tags,
        summary: 'Relabel, re-icon, switch off or on a category (codes are permanent)',
        params: z.strictObject({ code: z.string().max(40) }),
        body: fieldRecordCategoryUpdateSchema,
        response: { 200: fieldRecordCategorySchema },
      },
      config: { access: 'field_category:manage' },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => changeCategory(tx, actor, request.params.code, request.body, requestLanguage(request)));
    },
  );

  app.get(
    '/field-staff',
    {
      schema: { tags, summary: 'Active assistants, mentors and possible signal recipients (for planning and teams)', response: { 200: fieldStaffListSchema } },
      config: { access: 'field_team:list' },
    },
    async (request) => ({ items: await withTenant(app.database.db, actorOf(request).tenantId, (tx) => listFieldStaff(tx)) }),
  );

  app.get(
    '/field-teams',
    { schema: { tags, summary: 'Teams of assistants and their mentors', response: { 200: fieldTeamListSchema } }, config: { access: 'field_team:list' } },
    async (request) => ({ items: await withTenant(app.database.db, actorOf(request).tenantId, (tx) => listTeams(tx)) }),
  );

  app.post(
    '/field-teams',
    { schema: { tags, summary: 'Form a team', body: fieldTeamCreateSchema, response: { 201: fieldTeamSchema } }, config: { access: 'field_team:manage' } },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.code(201).send(await withTenant(app.database.db, actor.tenantId, (tx) => createTeam(tx, actor, request.body)));
    },
  );

  app.patch(
    '/field-teams/:id',
    { schema: { tags, summary: 'Rename a team, change its mentor or members', params: idParams, body: fieldTeamUpdateSchema, response: { 200: fieldTeamSchema } }, config: { access: 'field_team:manage' } },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => changeTeam(tx, actor, request.params.id, request.body));
    },
  );

  app.get(
    '/field-settings',
    { schema: { tags, summary: 'Who receives signals of hidden crime; GPS at check-in', response: { 200: fieldSettingsSchema } }, config: { access: 'field_settings:read' } },
    async (request) => withTenant(app.database.db, actorOf(request).tenantId, (tx) => findSettings(tx)),
  );

  app.put(
    '/field-settings',
    { schema: { tags, summary: 'Designate the signal recipients; switch GPS at check-in', body: fieldSettingsUpdateSchema, response: { 200: fieldSettingsSchema } }, config: { access: 'field_settings:update' } },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => changeSettings(tx, actor, request.body));
    },
  );

  app.get(
    '/notifications',
    { schema: { tags, summary: 'One’s own notifications, newest first', response: { 200: notificationListSchema } }, config: { access: 'authenticated' } },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => myNotifications(tx, actor));
    },
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of one’s notifications read', params: idParams, response: { 204: z.null() } }, config: { access: 'authenticated' } },
    async (request, reply) => {
      const actor = actorOf(request);
      await withTenant(app.database.db, actor.tenantId, (tx) => markMineRead(tx, actor, request.params.id));
      return reply.code(204).send(null);
    },
  );
};
