import { activityStatementQuerySchema, activityStatementSchema } from '@saferhood/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/scope';
import { actorOf } from '../../http/actor';
import { answerIn, fileBytes } from '../../http/openapi';
import { requireAuth } from '../../http/context';
import { requestLanguage } from '../../http/i18n';
import { statementLabels } from './statement-labels';
import { PDF_TYPE, statementToPdf } from './statement-pdf';
import { buildStatement, statementFileName } from './statement.service';
import { statementToXlsx, XLSX_TYPE } from './statement-xlsx';

const tags = ['field work'];

/** The monthly activity statement of an assistant or of the programme, as JSON, XLSX or PDF. */
export const statementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reports/activity-statement',
    {
      schema: {
        tags,
        summary: 'Monthly activity statement of one assistant (assistantId) or of the whole programme (?format=json|xlsx|pdf, ?lang=cs|hu|en)',
        description:
          'Counts only: signals of hidden crime are counted, never shown, so the statement writes no access log. An assistant may read only their own (assistantId = themselves).',
        querystring: activityStatementQuerySchema,
        response: {
          200: answerIn('The statement as JSON, or as the XLSX or PDF file', {
            'application/json': activityStatementSchema,
            [XLSX_TYPE]: fileBytes,
            [PDF_TYPE]: fileBytes,
          }),
        },
      },
      config: { access: 'activity_statement:read', problems: ['not_found'] },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { tenant } = requireAuth(request);
      const { format, lang, month, assistantId } = request.query;
      const language = lang ?? requestLanguage(request);
      const statement = await withTenant(app.database.db, actor.tenantId, (tx) => buildStatement(tx, actor, tenant, { month, assistantId }, language));
      if (format === 'json') return statement;
      const labels = statementLabels(statement, language, tenant);
      const file = format === 'xlsx' ? await statementToXlsx(statement, labels) : await statementToPdf(statement, labels);
      return reply
        .type(format === 'xlsx' ? XLSX_TYPE : PDF_TYPE)
        .header('content-disposition', `attachment; filename="${statementFileName(statement, language, tenant.slug, format)}"`)
        .header('content-language', language)
        .send(file);
    },
  );
};
