import {
  idSchema,
  indicatorCreateSchema,
  indicatorListSchema,
  indicatorSchema,
  indicatorValueCreateSchema,
  indicatorValueImportResultSchema,
  indicatorValueListQuerySchema,
  indicatorValueListSchema,
  indicatorValueSchema,
  localityIndicatorSeriesSchema,
} from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { requestTranslator } from '../../http/i18n';
import { answerIn, fileBytes } from '../../http/openapi';
import { assertImportRows, runImport } from '../../http/import-guard';
import { readUpload } from '../../http/upload';
import { readTable, valuesToXlsx } from './indicator-table';
import {
  createIndicator,
  importIndicatorValues,
  listIndicators,
  listIndicatorValues,
  listLocalitySeries,
  localityNames,
  recordIndicatorValue,
  valuesToCsv,
} from './indicator.service';

const tags = ['indicators'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
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
        summary: 'Values of an indicator (?localityId=<id>|city; ?format=csv|xlsx to export)',
        params: idParams,
        querystring: indicatorValueListQuerySchema,
        response: {
          200: answerIn('The values as JSON, or as a CSV or XLSX file', {
            'application/json': indicatorValueListSchema,
            'text/csv': fileBytes,
            [XLSX_TYPE]: fileBytes,
          }),
        },
      },
      config: { access: 'indicator:list' },
    },
    async (request, reply) => {
      const { format, localityId } = request.query;
      const values = await withTenant(app.database.db, actorOf(request).tenantId, (tx) => listIndicatorValues(tx, request.params.id, { localityId }));
      if (format === 'json') return { items: values };
      const filename = `indicator-${request.params.id}.${format}`;
      reply.header('content-disposition', `attachment; filename="${filename}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(valuesToCsv(values));
      const t = requestTranslator(request);
      const names = await withTenant(app.database.db, actorOf(request).tenantId, (tx) => localityNames(tx));
      const labels = { sheet: t('export.indicatorValues.sheet'), date: t('export.indicatorValues.date'), locality: t('export.indicatorValues.locality'), value: t('export.indicatorValues.value'), source: t('export.indicatorValues.source'), city: t('export.indicatorValues.city') };
      return reply.type(XLSX_TYPE).send(await valuesToXlsx(values, labels, names));
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

  app.post(
    '/indicators/:id/values/import',
    {
      schema: {
        tags,
        summary: 'Record many values from a CSV or XLSX table (columns date, locality, value, source); all or nothing',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: indicatorValueImportResultSchema },
      },
      config: { access: 'indicator:record', problems: ['import_too_many_rows', 'import_busy', 'request_timed_out', 'import_unreadable', 'import_has_invalid_rows'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { file } = await readUpload(request, z.strictObject({}));
      const rows = await readTable(file);
      assertImportRows(app.config, rows.length);
      const outcome = await runImport(app, reply, actor.tenantId, (tx, guard) => importIndicatorValues(tx, actor, request.params.id, rows, guard));
      return { recorded: outcome.recorded };
    },
  );

  app.get(
    '/localities/:id/indicators',
    { schema: { tags, summary: 'Every indicator’s series for one locality', params: idParams, response: { 200: localityIndicatorSeriesSchema } }, config: { access: 'indicator:list' } },
    async (request) => withTenant(app.database.db, actorOf(request).tenantId, (tx) => listLocalitySeries(tx, request.params.id)),
  );
};
