import { crimeGridQuerySchema, crimeGridSchema, crimeImportResultSchema, crimeSummaryQuerySchema, crimeSummarySchema, crimeTypeListSchema } from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { answerIn } from '../../http/openapi';
import { requestTranslator } from '../../http/i18n';
import { runImport } from '../../http/import-guard';
import { readUpload } from '../../http/upload';
import { listCrimeTypes, mapCrime, summariseCrime } from './crime-data.service';
import { importCrimeData } from './import-crime-data';
import { presentIssues } from './import.presenter';

const tags = ['crime data'];

/** The Czech Police open crime data: import, summaries, the code list of types. */
export const crimeDataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/crime-data/import',
    {
      schema: {
        tags,
        summary: 'Import police open data (CSV or GeoJSON); idempotent by offence id',
        description: 'multipart/form-data with one `file` part.',
        consumes: ['multipart/form-data'],
        response: { 200: crimeImportResultSchema },
      },
      config: { access: 'crime_data:import', problems: ['import_too_many_rows', 'import_busy', 'request_timed_out', 'import_unreadable'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { file } = await readUpload(request, z.strictObject({}));
      const outcome = await runImport(app, reply, actor.tenantId, (tx, guard) => importCrimeData(tx, actor, file, guard));
      return { ...outcome, invalid: presentIssues(outcome.invalid, requestTranslator(request)) };
    },
  );

  app.get(
    '/crime-data/summary',
    {
      schema: { tags, summary: 'Counts of offences by locality, class, type or month', querystring: crimeSummaryQuerySchema, response: { 200: crimeSummarySchema } },
      config: { access: 'crime_data:read' },
    },
    async (request) => withTenant(app.database.db, actorOf(request).tenantId, (tx) => summariseCrime(tx, request.query)),
  );

  app.get(
    '/crime-data/grid',
    {
      schema: {
        tags,
        summary: 'The crime map layer: offences counted per grid cell (GeoJSON)',
        querystring: crimeGridQuerySchema,
        response: { 200: answerIn('The layer', { 'application/geo+json': crimeGridSchema }) },
      },
      config: { access: 'crime_data:read' },
    },
    async (request, reply) => {
      const layer = await withTenant(app.database.db, actorOf(request).tenantId, (tx) => mapCrime(tx, request.query));
      return reply.type('application/geo+json').send(layer);
    },
  );

  app.get(
    '/crime-types',
    { schema: { tags, summary: 'The police code list of offence types', response: { 200: crimeTypeListSchema } }, config: { access: 'crime_data:read' } },
    async (request) => withTenant(app.database.db, actorOf(request).tenantId, (tx) => listCrimeTypes(tx)),
  );
};
