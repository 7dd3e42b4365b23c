import {
  FIELD_PHOTO_MAX_BYTES,
  FIELD_RECORD_BATCH_MAX,
  fieldRecordAmendmentCreateSchema,
  fieldRecordBatchItemSchema,
  fieldRecordBatchResultSchema,
  fieldRecordBatchSchema,
  fieldRecordAmendmentListSchema,
  fieldRecordListQuerySchema,
  fieldRecordListSchema,
  fieldRecordPutSchema,
  fieldRecordReviewSchema,
  fieldRecordSchema,
  fieldRecordSummaryQuerySchema,
  fieldRecordSummarySchema,
  idSchema,
  reviewQueueSchema,
} from '@saferhood/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { requireAuth } from '../../http/context';
import { answerIn, fileBytes } from '../../http/openapi';
import { buildProblem } from '../../http/problem';
import { issuesToFields } from '../../http/validation';
import {
  amendmentsOf,
  amendRecord,
  attachPhoto,
  findRecords,
  findSignals,
  getPhoto,
  getRecord,
  presentRecord,
  putRecord,
  putRecordBatch,
  reviewQueue,
  reviewRecord,
  summarise,
} from './field-record.service';
import type { BatchItem, RecordFilter } from './field-record.service';
import { dayRange } from './local-time';

const tags = ['field work'];
const idParams = z.strictObject({ id: idSchema });
const PHOTO_TYPES = ['image/jpeg', 'image/webp'];
/** A full batch of the longest records (1,000-character notes in two-byte letters) fits with room to spare. */
const BATCH_BODY_LIMIT_BYTES = 1024 * 1024;

/** A batch item's body checked on its own: a bad one is that item's 400, as its single PUT would answer. */
function batchItemOf(raw: { id: string }): BatchItem {
  const parsed = fieldRecordBatchItemSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { id: raw.id, refused: new AppError('validation_failed', { fields: issuesToFields(parsed.error.issues) }) };
  const { id, ...input } = parsed.data;
  return { id, input };
}

/** A list query as a filter: plain dates are whole local days in the city's time zone. */
function recordFilterOf(request: FastifyRequest & { query: z.infer<typeof fieldRecordListQuerySchema> }): RecordFilter {
  const { from, to, ...filter } = request.query;
  const timeZone = requireAuth(request).tenant.timeZone;
  return { ...filter, from: from ? dayRange(from, timeZone).start : undefined, to: to ? dayRange(to, timeZone).end : undefined };
}

/** Field records: written on the phone (idempotent PUT), reviewed by the mentor, summarised for the office. */
export const fieldRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  // Photos arrive as the raw compressed image, not as multipart: simplest for a phone's outbox to resend.
  app.addContentTypeParser(PHOTO_TYPES, { parseAs: 'buffer', bodyLimit: FIELD_PHOTO_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.put(
    '/field-records/:id',
    {
      schema: {
        tags,
        summary: 'Create (new UUID) or update (with baseVersion) a field record; repeating the same PUT is a no-op',
        description: 'A stale baseVersion answers 409 version_conflict with the server’s record in `current`.',
        params: idParams,
        body: fieldRecordPutSchema,
        response: { 200: fieldRecordSchema },
      },
      config: { access: 'field_record:write', problems: ['record_locked', 'version_conflict'] },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => putRecord(tx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/field-records/batch',
    {
      schema: {
        tags,
        summary: `Send up to ${FIELD_RECORD_BATCH_MAX} records at once (the field app's outbox); each answered exactly as its PUT`,
        description:
          'Each item is `{ id, …PUT body }`. The answer lists every item in order with the status and record (200) or the problem ' +
          '(problem+json object: 400, 404, 409 with `current`) its single `PUT /field-records/{id}` would give; a bad item does not ' +
          `spoil the others. More than ${FIELD_RECORD_BATCH_MAX} items are refused whole (422 batch_too_large); nothing is stored.`,
        body: fieldRecordBatchSchema,
        response: { 200: fieldRecordBatchResultSchema },
      },
      bodyLimit: BATCH_BODY_LIMIT_BYTES,
      config: { access: 'field_record:write', problems: ['batch_too_large'] },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.body.records.length > FIELD_RECORD_BATCH_MAX) {
        throw new AppError('batch_too_large');
      }
      const items = request.body.records.map(batchItemOf);
      const answers = await withTenant(app.database.db, actor.tenantId, (tx) => putRecordBatch(tx, actor, items));
      // The problem names the item's own PUT as its instance, as that PUT's answer would.
      const base = request.url.split('?')[0]!.replace(/\/batch$/, '');
      return {
        results: answers.map((answer) =>
          'record' in answer
            ? { id: answer.id, status: 200, record: answer.record }
            : { id: answer.id, status: answer.refused.status, problem: { ...buildProblem(answer.refused, request), instance: `${base}/${answer.id}` } },
        ),
      };
    },
  );

  app.get(
    '/field-records',
    {
      schema: { tags, summary: 'List field records (an assistant sees their own)', querystring: fieldRecordListQuerySchema, response: { 200: fieldRecordListSchema } },
      config: { access: 'field_record:list' },
    },
    async (request) => {
      const actor = actorOf(request);
      return { items: await withTenant(app.database.db, actor.tenantId, (tx) => findRecords(tx, actor, recordFilterOf(request))) };
    },
  );

  app.get(
    '/field-records/signals',
    {
      schema: {
        tags,
        summary: 'Signals of hidden crime, for their designated recipients and mentors (every read access-logged)',
        querystring: fieldRecordListQuerySchema,
        response: { 200: fieldRecordListSchema },
      },
      config: { access: 'field_record:read_restricted' },
    },
    async (request) => {
      const actor = actorOf(request);
      return { items: await withTenant(app.database.db, actor.tenantId, (tx) => findSignals(tx, actor, recordFilterOf(request))) };
    },
  );

  app.get(
    '/field-records/review-queue',
    { schema: { tags, summary: 'Unreviewed records per assistant', response: { 200: reviewQueueSchema } }, config: { access: 'field_record:review' } },
    async (request) => {
      return { assistants: await withTenant(app.database.db, actorOf(request).tenantId, (tx) => reviewQueue(tx)) };
    },
  );

  app.get(
    '/field-records/summary',
    {
      schema: { tags, summary: 'Counts of field records by category, locality and month', querystring: fieldRecordSummaryQuerySchema, response: { 200: fieldRecordSummarySchema } },
      config: { access: 'field_record:summarise' },
    },
    async (request) => {
      const timeZone = requireAuth(request).tenant.timeZone;
      const dimensions = request.query.groupBy.split(',') as ('category' | 'locality' | 'month')[];
      const from = dayRange(request.query.from, timeZone).start;
      const to = dayRange(request.query.to, timeZone).end;
      return withTenant(app.database.db, actorOf(request).tenantId, (tx) => summarise(tx, dimensions, from, to, timeZone));
    },
  );

  app.get(
    '/field-records/:id',
    { schema: { tags, summary: 'Show a field record', params: idParams, response: { 200: fieldRecordSchema } }, config: { access: 'authenticated' } },
    async (request) => {
      const actor = actorOf(request);
      return presentRecord(await withTenant(app.database.db, actor.tenantId, (tx) => getRecord(tx, actor, request.params.id)));
    },
  );

  app.post(
    '/field-records/:id/review',
    { schema: { tags, summary: 'Approve (locks it) or return a record with a comment', params: idParams, body: fieldRecordReviewSchema, response: { 200: fieldRecordSchema } }, config: { access: 'field_record:review', problems: ['record_locked'] } },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => reviewRecord(tx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/field-records/:id/amendments',
    {
      schema: { tags, summary: 'Correct an approved record; the original stays in the amendment', params: idParams, body: fieldRecordAmendmentCreateSchema, response: { 200: fieldRecordSchema } },
      config: { access: 'field_record:amend', problems: ['record_locked'] },
    },
    async (request) => {
      const actor = actorOf(request);
      return withTenant(app.database.db, actor.tenantId, (tx) => amendRecord(tx, actor, request.params.id, request.body));
    },
  );

  app.get(
    '/field-records/:id/amendments',
    { schema: { tags, summary: 'The corrections of a record', params: idParams, response: { 200: fieldRecordAmendmentListSchema } }, config: { access: 'authenticated' } },
    async (request) => {
      const actor = actorOf(request);
      return { items: await withTenant(app.database.db, actor.tenantId, (tx) => amendmentsOf(tx, actor, request.params.id)) };
    },
  );

  app.put(
    '/field-records/:id/photo',
    {
      schema: {
        tags,
        summary: 'Attach the record’s photo (raw image/jpeg or image/webp, compressed on the phone); idempotent',
        params: idParams,
        consumes: PHOTO_TYPES,
        response: { 204: z.null() },
      },
      config: { access: 'field_record:write', problems: ['record_locked'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const bytes = request.body;
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (!Buffer.isBuffer(bytes) || !PHOTO_TYPES.includes(contentType)) throw new AppError('unsupported_media_type');
      if (bytes.length === 0) throw new AppError('file_required');
      await withTenant(app.database.db, actor.tenantId, (tx) => attachPhoto(tx, actor, request.params.id, { contentType, bytes }));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/field-records/:id/photo',
    {
      schema: { tags, summary: 'The record’s photo', params: idParams, response: { 200: answerIn('The photo', { 'image/jpeg': fileBytes, 'image/webp': fileBytes }) } },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const photo = await withTenant(app.database.db, actor.tenantId, (tx) => getPhoto(tx, actor, request.params.id));
      return reply.type(photo.contentType).header('cache-control', 'private, max-age=3600').header('etag', `"${photo.sha256}"`).send(photo.bytes);
    },
  );
};
