import {
  idSchema,
  indicatorCreateSchema,
  indicatorListSchema,
  indicatorSchema,
  indicatorValueCreateSchema,
  indicatorValueListQuerySchema,
  indicatorValueListSchema,
  indicatorValueSchema,
  localityIndicatorSeriesSchema,
} from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { createIndicator, listIndicators, listIndicatorValues, listLocalitySeries, recordIndicatorValue, valuesToCsv } from './indicator.service';

const tags = ['indicators'];
const idParams = z.strictObject({ id: idSchema });

/** Indicators of localities (or the whole city) over time: inhabitants, people at risk, hostel beds … */
export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/indicators',
    { schema: { tags, summary: 'List indicators', response: { 200: indicatorListSchema } }, config: { access: 'indicator:list' } },
    async (request) => ({ items: await withTenant(app.database.db, actorOf(request).tenantId, (tx) => listIndicators(tx)) }),
  );

  app.post(
    '/indicators',
    { schema: { tags, summary: 'Define an indicator', body: indicatorCreateSchema, response: { 201: indicatorSchema } }, config: { access: 'indicator:create' } },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.code(201).send(await withTenant(app.database.db, actor.tenantId, (tx) => createIndicator(tx, actor, request.body)));
    },
  );

  app.get(
    '/indicators/:id/values',
    {
      schema: {
        tags,
        summary: 'Values of an indicator (?localityId=<id>|city; ?format=csv to export)',
        params: idParams,
        querystring: indicatorValueListQuerySchema,
        response: { 200: z.union([indicatorValueListSchema, z.string()]) },
      },
      config: { access: 'indicator:list' },
    },
    async (request, reply) => {
      const { format, localityId } = request.query;
      const values = await withTenant(app.database.db, actorOf(request).tenantId, (tx) => listIndicatorValues(tx, request.params.id, { localityId }));
      if (format === 'json') return { items: values };
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="indicator-${request.params.id}.csv"`)
        .send(valuesToCsv(values));
    },
  );

  app.post(
    '/indicators/:id/values',
    {
      schema: { tags, summary: 'Record a value (a second one for the same date and place corrects it)', params: idParams, body: indicatorValueCreateSchema, response: { 201: indicatorValueSchema } },
      config: { access: 'indicator:record' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.code(201).send(await withTenant(app.database.db, actor.tenantId, (tx) => recordIndicatorValue(tx, actor, request.params.id, request.body)));
    },
  );

  app.get(
    '/localities/:id/indicators',
    { schema: { tags, summary: 'Every indicator’s series for one locality', params: idParams, response: { 200: localityIndicatorSeriesSchema } }, config: { access: 'indicator:list' } },
    async (request) => withTenant(app.database.db, actorOf(request).tenantId, (tx) => listLocalitySeries(tx, request.params.id)),
  );
};
