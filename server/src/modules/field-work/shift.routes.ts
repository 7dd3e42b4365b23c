import {
  fieldTodaySchema,
  idSchema,
  shiftCheckSchema,
  shiftCreateSchema,
  shiftListQuerySchema,
  shiftListSchema,
  shiftSchema,
  shiftSeriesCreateSchema,
  shiftSeriesResultSchema,
  shiftUpdateSchema,
} from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { requireAuth } from '../../http/context';
import { requestLanguage } from '../../http/i18n';
import { localToday } from './local-time';
import { changeShift, checkShift, fieldDay, listShifts, planSeries, planShift } from './shift.service';

const tags = ['field work'];
const idParams = z.strictObject({ id: idSchema });

/** Shifts: planned by the mentor (singly or as a series), checked into by the assistant. */
export const shiftRoutes: FastifyPluginAsyncZod = async (app) => {
  const cityOf = (request: Parameters<typeof requireAuth>[0]) => ({ timeZone: requireAuth(request).tenant.timeZone });

  app.get(
    '/shifts',
    {
      schema: { tags, summary: 'Shifts between two dates (week views per assistant or team)', querystring: shiftListQuerySchema, response: { 200: shiftListSchema } },
      config: { access: 'shift:list' },
    },
    async (request) => {
      const actor = actorOf(request);
      return { items: await withTenant(app.database.db, actor.tenantId, (tx) => listShifts(tx, actor, cityOf(request), request.query)) };
    },
  );

  app.post(
    '/shifts',
    {
      schema: { tags, summary: 'Plan a shift; double-booking an assistant answers 409 shift_overlap', body: shiftCreateSchema, response: { 201: shiftSchema } },
      config: { access: 'shift:plan', problems: ['shift_overlap'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const shift = await withTenant(app.database.db, actor.tenantId, (tx) => planShift(tx, actor, cityOf(request), request.body));
      return reply.code(201).send(shift);
    },
  );

  app.post(
    '/shift-series',
    {
      schema: { tags, summary: 'Plan a repeating pattern of shifts (all or none)', body: shiftSeriesCreateSchema, response: { 201: shiftSeriesResultSchema } },
      config: { access: 'shift:plan', problems: ['shift_overlap'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await withTenant(app.database.db, actor.tenantId, (tx) => planSeries(tx, actor, cityOf(request), request.body));
      return reply.code(201).send(result);
    },
  );

  app.patch(
    '/shifts/:id',
    {
      schema: { tags, summary: 'Change or cancel a shift (changes after it began are flagged in the audit log)', params: idParams, body: shiftUpdateSchema, response: { 200: shiftSchema } },
      config: { access: 'shift:plan', problems: ['shift_overlap', 'version_conflict'] },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => changeShift(tx, actor, cityOf(request), request.params.id, request.body));
    },
  );

  for (const which of ['in', 'out'] as const) {
    app.post(
      `/shifts/:id/check-${which}`,
      {
        schema: { tags, summary: `Check ${which} of one’s shift (idempotent: a repeat keeps the first time)`, params: idParams, body: shiftCheckSchema, response: { 200: shiftSchema } },
        config: { access: 'shift:check_in' },
      },
      async (request) => {
        const actor = actorOf(request);
        return withTenant(app.database.db, actor.tenantId, (tx) => checkShift(tx, actor, cityOf(request), request.params.id, which, request.body));
      },
    );
  }

  app.get(
    '/field/today',
    {
      schema: {
        tags,
        summary: 'What the field app needs for a day: one’s shifts, the categories, whether check-in records GPS',
        querystring: z.strictObject({ date: z.iso.date().optional() }),
        response: { 200: fieldTodaySchema },
      },
      config: { access: 'field_record:write' },
    },
    async (request) => {
      const actor = actorOf(request);
      const city = cityOf(request);
      const date = request.query.date ?? localToday(city.timeZone);
      return withTenant(app.database.db, actor.tenantId, (tx) => fieldDay(tx, actor, city, date, requestLanguage(request)));
    },
  );
};
