import {
  cityAreaSchema,
  featureCollectionResponseSchema,
  cityAreaUpdateSchema,
  idSchema,
  localityCreateSchema,
  localityDetailSchema,
  localityImportFieldsSchema,
  localityImportResultSchema,
  localityKindCreateSchema,
  localityKindListSchema,
  localityKindSchema,
  localityKindUpdateSchema,
  localityListQuerySchema,
  localityListSchema,
  localityUpdateSchema,
  pointQuerySchema,
  territoryOfflineCopySchema,
} from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { answerIn } from '../../http/openapi';
import { AppError } from '../../http/app-error';
import { requestTranslator } from '../../http/i18n';
import { runImport } from '../../http/import-guard';
import { readUploadToFile } from '../../http/upload';
import { getCityArea, setCityArea } from './city-area.service';
import { importLocalities } from './import-localities';
import { buildOfflineCopy } from './offline-copy.service';
import { createKind, listKinds, updateKind } from './locality-kind.service';
import { presentIssues } from './import.presenter';
import { presentLocality, presentLocalityDetail, presentLocalityFeature, presentLocalityKind } from './locality.presenter';
import {
  createLocality,
  findLocalityAt,
  getLocality,
  listLocalities,
  listLocalityFeatures,
  listLocalityKinds,
  updateLocality,
} from './locality.service';

const tags = ['territory'];
const idParams = z.strictObject({ id: idSchema });

/** Localities: the register, the map layer, point-in-locality and GeoJSON import. */
export const territoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/city-area',
    { schema: { tags, summary: 'The city’s own area (null when not set)', response: { 200: cityAreaSchema } }, config: { access: 'locality:read' } },
    async (request) => withTenant(app.database.db, actorOf(request).tenantId, (tx) => getCityArea(tx)),
  );

  app.put(
    '/city-area',
    {
      schema: { tags, summary: 'Set the city’s own area', body: cityAreaUpdateSchema, response: { 200: cityAreaSchema } },
      config: { access: 'locality:update', problems: ['invalid_geometry'] },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => setCityArea(tx, actor, request.body.boundary));
    },
  );

  app.get(
    '/localities',
    {
      schema: {
        tags,
        summary: 'List localities (JSON, or a GeoJSON FeatureCollection with ?format=geojson)',
        querystring: localityListQuerySchema,
        response: {
          200: answerIn('The localities, as JSON or as GeoJSON', { 'application/json': localityListSchema, 'application/geo+json': featureCollectionResponseSchema }),
        },
      },
      config: { access: 'locality:list' },
    },
    async (request, reply) => {
      const { format, status } = request.query;
      return withTenant(app.database.db, actorOf(request).tenantId, async (tx) => {
        if (format === 'geojson') {
          const rows = await listLocalityFeatures(tx, { status });
          reply.type('application/geo+json');
          return { type: 'FeatureCollection' as const, features: rows.map(presentLocalityFeature) };
        }
        const [rows, kinds] = [await listLocalities(tx, { status }), await listLocalityKinds(tx)];
        return { items: rows.map(presentLocality), kinds: kinds.map(presentLocalityKind) };
      });
    },
  );

  app.get(
    '/locality-kinds',
    { schema: { tags, summary: 'The city’s kinds of locality', response: { 200: localityKindListSchema } }, config: { access: 'locality:list' } },
    async (request) => ({ items: await withTenant(app.database.db, actorOf(request).tenantId, (tx) => listKinds(tx)) }),
  );

  app.post(
    '/locality-kinds',
    {
      schema: { tags, summary: 'Add a kind of locality', body: localityKindCreateSchema, response: { 201: localityKindSchema } },
      config: { access: 'locality:update' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.code(201).send(await withTenant(app.database.db, actor.tenantId, (tx) => createKind(tx, actor, request.body)));
    },
  );

  app.patch(
    '/locality-kinds/:code',
    {
      schema: {
        tags,
        summary: 'Relabel or recolour a kind of locality',
        params: z.strictObject({ code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/) }),
        body: localityKindUpdateSchema,
        response: { 200: localityKindSchema },
      },
      config: { access: 'locality:update' },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => updateKind(tx, actor, request.params.code, request.body));
    },
  );

  app.get(
    '/territory/offline-copy',
    {
      schema: {
        tags,
        summary: 'The compact territory the field app keeps offline (ETag; If-None-Match answers 304)',
        response: { 200: territoryOfflineCopySchema, 304: z.null() },
      },
      config: { access: 'locality:list' },
    },
    async (request, reply) => {
      const copy = await withTenant(app.database.db, actorOf(request).tenantId, (tx) => buildOfflineCopy(tx));
      const etag = `"${copy.version}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      return copy;
    },
  );

  app.get(
    '/localities/at',
    {
      schema: { tags, summary: 'The active locality containing a point', querystring: pointQuerySchema, response: { 200: localityDetailSchema } },
      config: { access: 'locality:read', problems: ['not_found'] },
    },
    async (request) =>
      withTenant(app.database.db, actorOf(request).tenantId, async (tx) => {
        const id = await findLocalityAt(tx, request.query);
        if (!id) throw new AppError('not_found');
        return presentLocalityDetail(await getLocality(tx, id));
      }),
  );

  app.get(
    '/localities/:id',
    { schema: { tags, summary: 'Show a locality', params: idParams, response: { 200: localityDetailSchema } }, config: { access: 'locality:read' } },
    async (request) => {
      const locality = await withTenant(app.database.db, actorOf(request).tenantId, (tx) => getLocality(tx, request.params.id));
      return presentLocalityDetail(locality);
    },
  );

  app.post(
    '/localities',
    {
      schema: { tags, summary: 'Create a locality', body: localityCreateSchema, response: { 201: localityDetailSchema } },
      config: { access: 'locality:create', problems: ['invalid_geometry'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const locality = await withTenant(app.database.db, actor.tenantId, (tx) => createLocality(tx, actor, request.body));
      return reply.code(201).send(presentLocalityDetail(locality));
    },
  );

  app.patch(
    '/localities/:id',
    {
      schema: { tags, summary: 'Change or archive a locality', params: idParams, body: localityUpdateSchema, response: { 200: localityDetailSchema } },
      config: { access: 'locality:update', problems: ['invalid_geometry', 'version_conflict'] },
    },
    async (request) => {
      const actor = actorOf(request);
      const locality = await withTenant(app.database.db, actor.tenantId, (tx) => updateLocality(tx, actor, request.params.id, request.body));
      return presentLocalityDetail(locality);
    },
  );

  app.post(
    '/localities/import',
    {
      schema: {
        tags,
        summary: 'Import localities from GeoJSON: preview (dryRun=true, the default) or commit',
        description: 'multipart/form-data: `file` (GeoJSON FeatureCollection) and the fields below.',
        consumes: ['multipart/form-data'],
        response: { 200: localityImportResultSchema },
      },
      config: { access: 'locality:import', problems: ['import_too_many_rows', 'import_busy', 'request_timed_out', 'import_unreadable', 'import_has_invalid_features', 'version_conflict'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { filePath, fields } = await readUploadToFile(request, localityImportFieldsSchema);
      const outcome = await runImport(app, reply, actor.tenantId, (tx, guard) =>
        importLocalities(tx, actor, {
          filePath,
          guard,
          nameProperty: fields.nameProperty,
          codeProperty: fields.codeProperty,
          kind: fields.kind,
          srid: fields.srid ? (Number(fields.srid) as 4326 | 5514) : undefined,
          dryRun: fields.dryRun === 'true',
          skipInvalid: fields.skipInvalid === 'true',
          repair: fields.repair === 'true',
        }),
      );
      return { ...outcome, invalid: presentIssues(outcome.invalid, requestTranslator(request)) };
    },
  );
};
