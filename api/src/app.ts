import { type AnyAbility, ForbiddenError } from '@casl/ability';
import { swaggerUI } from '@hono/swagger-ui';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

import type { AppEnv } from './app-env.js';
import { appendAuditAlone } from './audit/append.js';
import { sessionMiddleware } from './auth/middleware.js';
import { passwordChangeGate } from './auth/password-gate.js';
import { twoFactorGate } from './auth/two-factor-gate.js';
import { CONSOLE_CSP, DOCS_CSP } from './content-security.js';
import type { Db } from './db/client.js';
import { requestLog } from './delivery/request-log.js';
import { writeTurns } from './delivery/write-turns.js';
import type { Deps } from './deps.js';
import { AppError, toAppError } from './errors.js';
import { attachmentRoutes } from './features/attachments/routes.js';
import { auditRoutes } from './features/audit/routes.js';
import { authRoutes } from './features/auth/routes.js';
import { bulkRoutes } from './features/bulk/routes.js';
import { burdenRoutes } from './features/burden/routes.js';
import { calendarRoutes } from './features/calendar/routes.js';
import { campusEntryRoutes } from './features/campus-entry/routes.js';
import { definitionRoutes } from './features/definitions/routes.js';
import { delegationRoutes } from './features/delegations/routes.js';
import { exportRoutes } from './features/exports/routes.js';
import { findingRoutes } from './features/findings/routes.js';
import { healthRoutes } from './features/health/routes.js';
import { importRoutes } from './features/imports/routes.js';
import { instanceRoutes } from './features/instances/routes.js';
import { notificationRoutes } from './features/notifications/routes.js';
import { orgRoutes } from './features/orgs/routes.js';
import { referenceRoutes } from './features/reference/routes.js';
import { overviewRoutes } from './features/reports/overview-routes.js';
import { reportRoutes } from './features/reports/routes.js';
import { taskRoutes } from './features/tasks/routes.js';
import { userRoutes } from './features/users/routes.js';
import { type Logger, logger as processLogger } from './log/logger.js';
import { openApiConfig } from './openapi/document.js';

const UPLOAD_PATHS = /^\/api\/(attachments|imports\/[a-z]+)$/;

export type CreateAppOptions = {
  db: Db;
  clock?: () => Date;
  secureCookies?: boolean;
  appVersion?: string;
  /** EDUFLOW_PASSWORD_MAX_AGE_DAYS (see auth/password-expiry.ts); undefined = passwords never expire. */
  passwordMaxAgeDays?: number;
  /** Where the audit chain's head is anchored (ADR 0004); verify holds the table to it. */
  auditCheckpointFile?: string;
  /** EDUFLOW_DATA_DIR: audit archives and the verified position (see Deps.dataDir). */
  dataDir?: string;
  /** What /api/health reads through (see Deps.probeDb); unset: db. */
  probeDb?: Db;
  /** EDUFLOW_ATTACHMENTS_DIR: the attachments folder every node shares; unset, beside the database. */
  attachmentsDir?: string;
  /** Largest accepted request body; workflow data is form fields, files go elsewhere. */
  maxBodyBytes?: number;
  /** Where request lines and errors go; the process logger (EDUFLOW_LOG_LEVEL) unless a test captures them. */
  logger?: Logger;
};

export function createApp(options: CreateAppOptions) {
  const deps: Deps = {
    db: options.db,
    probeDb: options.probeDb,
    clock: options.clock ?? (() => new Date()),
    secureCookies: options.secureCookies,
    appVersion: options.appVersion,
    passwordMaxAgeDays: options.passwordMaxAgeDays,
    auditCheckpointFile: options.auditCheckpointFile,
    attachmentsDir: options.attachmentsDir,
    dataDir: options.dataDir,
  };
  const app = new OpenAPIHono<AppEnv>();
  const logger = options.logger ?? processLogger;

  // Outermost, so the line carries the final status and the whole time, and every answer its X-Request-Id.
  app.use('*', ...requestLog(logger));

  // Registered first so it runs last: the docs page's own policy replaces the strict one (see DOCS_CSP).
  app.use('/api/docs', async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', DOCS_CSP);
  });
  app.use('*', secureHeaders({ contentSecurityPolicy: CONSOLE_CSP }));
  const jsonLimit = bodyLimit({
    maxSize: options.maxBodyBytes ?? 1024 * 1024,
    onError: () => {
      throw new HTTPException(413, { message: 'Payload too large' });
    },
  });
  // File uploads carry their own, larger limit on their routes (attachments 20 MB, imports 5 MB).
  app.use('/api/*', (c, next) => (UPLOAD_PATHS.test(c.req.path) ? next() : jsonLimit(c, next)));
  app.use('/api/*', writeTurns());
  app.use('/api/*', sessionMiddleware(deps));
  app.use('/api/*', passwordChangeGate(deps));
  app.use('/api/*', twoFactorGate(deps));

  app
    .route('/api', healthRoutes(deps))
    .route('/api', authRoutes(deps))
    .route('/api', orgRoutes(deps))
    .route('/api', definitionRoutes(deps))
    .route('/api', instanceRoutes(deps))
    .route('/api', taskRoutes(deps))
    .route('/api', userRoutes(deps))
    .route('/api', calendarRoutes(deps))
    .route('/api', notificationRoutes(deps))
    .route('/api', overviewRoutes(deps))
    .route('/api', attachmentRoutes(deps))
    .route('/api', exportRoutes(deps))
    .route('/api', importRoutes(deps))
    .route('/api', auditRoutes(deps))
    .route('/api', referenceRoutes(deps))
    .route('/api', bulkRoutes(deps))
    .route('/api', reportRoutes(deps))
    .route('/api', burdenRoutes(deps))
    .route('/api', delegationRoutes(deps))
    .route('/api', findingRoutes(deps))
    .route('/api', campusEntryRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'eduflow_session',
  });
  app.doc31('/api/openapi.json', openApiConfig(deps.appVersion));
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json' }));

  app.notFound((c) => c.json({ ...new AppError('NOT_FOUND').toBody(), requestId: c.get('requestId') }, 404));
  app.onError((err, c) => respond(deps, logger, c, err));
  return app;
}

export type App = ReturnType<typeof createApp>;

/** The one error exit: every thrown thing becomes the contract's error body; only real bugs are 500s. */
async function respond(deps: Deps, logger: Logger, c: Context<AppEnv>, err: unknown) {
  const error = toAppError(err);
  const reqId = c.get('requestId');
  if (err instanceof ForbiddenError) await auditForbidden(deps, logger, c, err);
  else if (DENIALS.has(error.code) && !error.audited) await auditDenial(deps, logger, c, error);
  // Logged once, here, with the id the body carries so the user's quote finds this line.
  if (error.code === 'INTERNAL') logger.error({ reqId, err }, 'unexpected error');
  return c.json({ ...error.toBody(), requestId: reqId }, error.status as ContentfulStatusCode);
}

/** Refusals of permission: every one is on the audit trail (ADR 0027). */
const DENIALS = new Set(['FORBIDDEN', 'FOUR_EYES']);

/**
 * The backstop for a refusal that reached the response without an audit event (a rule outside CASL: a
 * delegation someone else made, a role the bulk start needs): recorded here by route, once. Use-cases
 * that check with authorize() or deniedEvent() record their own, under their action, and are skipped.
 */
async function auditDenial(deps: Deps, logger: Logger, c: Context<AppEnv>, error: AppError) {
  try {
    await appendAuditAlone(deps.db, {
      at: deps.clock().toISOString(),
      actor: c.get('user'),
      action: 'request.denied',
      entityType: 'Request',
      entityId: null,
      outcome: 'denied',
      meta: {
        method: c.req.method,
        route: c.req.routePath,
        path: c.req.path,
        reason: error.code,
        ...(error.rule ? { rule: error.rule } : {}),
      },
    });
  } catch (auditError) {
    logger.error({ reqId: c.get('requestId'), err: auditError }, 'could not audit a refusal');
  }
}

/** CASL refusals raised in handlers are permission events too: the auditor sees them. */
async function auditForbidden(deps: Deps, logger: Logger, c: Context<AppEnv>, err: ForbiddenError<AnyAbility>) {
  const user = c.get('user');
  try {
    await appendAuditAlone(deps.db, {
      at: deps.clock().toISOString(),
      actor: user,
      action: `permission.${String(err.action)}`,
      entityType: String(err.subjectType),
      entityId: null,
      outcome: 'denied',
      meta: { method: c.req.method, path: c.req.path },
    });
  } catch (auditError) {
    logger.error({ reqId: c.get('requestId'), err: auditError }, 'could not audit a refused permission');
  }
}
