import {
  featureCollectionResponseSchema,
  idSchema,
  placeCreateSchema,
  placeImportFieldsSchema,
  placeImportResultSchema,
  placeListQuerySchema,
  placeListSchema,
  placeSchema,
  placeUpdateSchema,
} from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { answerIn } from '../../http/openapi';
import { requestTranslator } from '../../http/i18n';
import { runImport } from '../../http/import-guard';
import { readUploadToFile } from '../../http/upload';
import { importPlaces } from './import-places';
import { presentIssues } from './import.presenter';
import { createPlace, listPlaces, presentPlace, updatePlace } from './place.service';

const tags = ['territory'];

/** Places of duty: school crossings, bike paths, transport hubs, hostels, parks, offices. */
export const placeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/places',
    {
      schema: {
        tags,
        summary: 'List places of duty (GeoJSON with ?format=geojson)',
        querystring: placeListQuerySchema,
        response: {
          200: answerIn('The places, as JSON or as GeoJSON', { 'application/json': placeListSchema, 'application/geo+json': featureCollectionResponseSchema }),
        },
      },
      config: { access: 'place:list' },
    },
    async (request, reply) => {
      const places = (await withTenant(app.database.db, actorOf(request).tenantId, (tx) => listPlaces(tx, request.query.status))).map(presentPlace);
      if (request.query.format === 'json') return { items: places };
      reply.type('application/geo+json');
      return {
        type: 'FeatureCollection' as const,
        features: places.map(({ geometry, ...properties }) => ({ type: 'Feature' as const, id: properties.id, geometry, properties })),
      };
    },
  );

  app.post(
    '/places',
    { schema: { tags, summary: 'Add a place of duty', body: placeCreateSchema, response: { 201: placeSchema } }, config: { access: 'place:create' } },
    async (request, reply) => {
      const actor = actorOf(request);
      const place = await withTenant(app.database.db, actor.tenantId, (tx) => createPlace(tx, actor, request.body));
      return reply.code(201).send(presentPlace(place));
    },
  );

  app.patch(
    '/places/:id',
    {
      schema: { tags, summary: 'Change or archive a place', params: z.strictObject({ id: idSchema }), body: placeUpdateSchema, response: { 200: placeSchema } },
      config: { access: 'place:update', problems: ['version_conflict'] },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentPlace(await withTenant(app.database.db, actor.tenantId, (tx) => updatePlace(tx, actor, request.params.id, request.body)));
    },
  );

  app.post(
    '/places/import',
    {
      schema: {
        tags,
        summary: 'Import places of duty (points, lines) from GeoJSON: preview (dryRun=true, the default) or commit',
        description: 'multipart/form-data: `file` (GeoJSON FeatureCollection) and the fields below.',
        consumes: ['multipart/form-data'],
        response: { 200: placeImportResultSchema },
      },
      config: { access: 'place:import', problems: ['import_too_many_rows', 'import_busy', 'request_timed_out', 'import_unreadable', 'import_has_invalid_features', 'version_conflict'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { filePath, fields } = await readUploadToFile(request, placeImportFieldsSchema);
      const outcome = await runImport(app, reply, actor.tenantId, (tx, guard) =>
        importPlaces(tx, actor, {
          filePath,
          guard,
          nameProperty: fields.nameProperty,
          codeProperty: fields.codeProperty,
          kindProperty: fields.kindProperty,
          kind: fields.kind,
          srid: fields.srid ? (Number(fields.srid) as 4326 | 5514) : undefined,
          dryRun: fields.dryRun === 'true',
          skipInvalid: fields.skipInvalid === 'true',
        }),
      );
      return { ...outcome, invalid: presentIssues(outcome.invalid, requestTranslator(request)) };
    },
  );
};
