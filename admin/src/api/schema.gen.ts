// GENERATED from the API's OpenAPI document (the zod schemas of api/src/features/*): do not edit.
// Regenerate with `npm run api:types`; api/src/openapi/schema-types.test.ts fails while this file is stale.
export type paths = {
  '/api/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An instance's files (whoever may read it) */
    get: {
      parameters: {
        query: {
          cursor?: string;
          instanceId: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Attachment'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Attach evidence to an instance (whoever may act on it); SHA-256 recorded, audited */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': components['schemas']['AttachmentUpload'];
        };
      };
      responses: {
        /** @description Stored */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Attachment'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/attachments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download (or, with inline=1, preview) a file; audited, but for thumb=1 (a thumbnail) */
    get: {
      parameters: {
        query?: {
          /** @description 1: show a PDF or image in the browser (preview) */
          inline?: '0' | '1';
          /** @description 1: an image drawn small in a list (a thumbnail): served inline and not audited as a download; images only (422 otherwise) */
          thumb?: '1';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/octet-stream': string;
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          action?: string;
          actorId?: string;
          cursor?: string;
          entityId?: string;
          entityType?: string;
          from?: string;
          limit?: number;
          outcome?: 'success' | 'denied' | 'failed';
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AuditEvent'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archive the events before a day (≥ 180 days ago) into a verifiable file, then remove them from the table (auditor; audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @description Archive the events before the start of this day; at the latest 180 days ago
             */
            before: string;
          };
        };
      };
      responses: {
        /** @description The archive written and recorded in the chain as its new anchor */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditArchiveManifest'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/archive/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many events archiving before a day would move out of the table (default: the latest day allowed, 180 days ago) */
    get: {
      parameters: {
        query?: {
          /** @description A district day (Beijing time), YYYY-MM-DD */
          before?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditArchivePreview'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/archives': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit archives kept in the data folder, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditArchiveList'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/archives/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An archive file (gzip JSON Lines) or its manifest, to keep off the server (audited) */
    get: {
      parameters: {
        query?: {
          part?: 'file' | 'manifest';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description application/gzip, or the manifest as JSON */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/checkpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The chain-head checkpoints anchored outside the database */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditCheckpoints'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/checkpoints.log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The checkpoint file byte for byte, one JSON line per checkpoint, for the auditor to keep a copy (audited) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file (application/x-ndjson), its SHA-256 in X-Content-SHA256 */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          /** @description 1: rehash the whole live chain from its anchor instead of only the events after the last verified position */
          full?: '0' | '1';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The chain recomputed after the last verified position (or from its anchor with full=1), then held to the checkpoint file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditVerifyResult'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/2fa/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Finish enrolment with a code from the app; from then on sign-in needs `otp` */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['TotpConfirmBody'];
        };
      };
      responses: {
        /** @description Two-factor on */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/2fa/enrol': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start two-factor enrolment (bureauAdmin, securityAdmin, auditor — required before anything else for them): a TOTP secret and its otpauth:// URI, shown once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TotpEnrolment'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/change-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change one’s own password (policy: ≥ 8 characters, 3 of 4 character classes, no username or name, not common, not one of the last 5); ends the other sessions. Wrong current passwords are throttled and lock the account like sign-in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangePasswordBody'];
        };
      };
      responses: {
        /** @description Changed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description ACCOUNT_LOCKED (lockedUntil in the body) */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description RATE_LIMITED */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['LoginBody'];
        };
      };
      responses: {
        /** @description Signed in; sets the session and CSRF cookies */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              mustChangePassword: boolean;
              mustEnrolTwoFactor: boolean;
              user: components['schemas']['UserSummary'];
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description ACCOUNT_LOCKED (lockedUntil in the body) */
        423: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description RATE_LIMITED */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Signed out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bulk/instances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start one instance per organisation (bureau roles); each subject atomic on its own */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['BulkStartBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkStartResult'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bulk/instances/open-in-round': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Before a bulk start: the chosen subjects already running an instance of this workflow in the same round */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['BulkStartBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenInRound'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/burden-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bureau’s queue of complaints, earliest deadline first */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          status?: 'open' | 'resolved';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['BurdenReport'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** 负担码: a teacher reports a non-teaching demand (anonymous to the school) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['FileBurdenReportBody'];
        };
      };
      responses: {
        /** @description Filed */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BurdenReport'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/burden-reports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One complaint with its version (the inbox opens it to resolve) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BurdenReport'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/burden-reports/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ResolveBurdenReportBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BurdenReport'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The district school calendar (holidays, make-up workdays, vacations) deadlines are counted with */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Calendar'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Replace the school calendar (bureauAdmin); 409 on a stale expectedVersion */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CalendarBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Calendar'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which years the statutory holidays are known for, and by what (the chinese-days package or the bureau); uncovered years open deadlines fall into */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CalendarCoverage'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/due-date': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The deadline N school working days after a date, counted with the district calendar (工作日计算) */
    get: {
      parameters: {
        query: {
          /** @description Local (CST) date the count starts from; that day itself does not count */
          from: string;
          workdays: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DueDate'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/statutory': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The statutory arrangements (State Council notices) the bureau loaded, one per year */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StatutoryYearList'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/statutory/{year}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Register or replace a year’s statutory holidays and make-up workdays (bureauAdmin); 409 on a stale expectedVersion */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          year: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StatutoryYearBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StatutoryYear'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Withdraw a year the bureau loaded (bureauAdmin); 409 on a stale expectedVersion */
    delete: {
      parameters: {
        query: {
          /** @description The version being withdrawn */
          expectedVersion: number;
        };
        header?: never;
        path: {
          year: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              deleted: true;
              year: number;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/statutory/{year}/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import a year’s arrangement from Excel/CSV/ICS (bureauAdmin): dryRun=1 previews; any row error and nothing is written */
    post: {
      parameters: {
        query?: {
          /** @description 1: preview, write nothing */
          dryRun?: '0' | '1';
        };
        header?: never;
        path: {
          year: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': components['schemas']['StatutoryImportUpload'];
        };
      };
      responses: {
        /** @description Checked and previewed (and, unless a dry run with no errors, loaded) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StatutoryImport'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (too large) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/calendar/statutory/template.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The Excel template for importing a year’s statutory arrangement (日期 / 类型 / 名称) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The workbook */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campus-entry/{id}/mergeable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Requests the caller could merge into this one: same item, also at bureau review */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MergeCandidates'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/campus-entry/merges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 教委审核时合并同一白名单事项的进校园申请 (bureau merges requests for the same item) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MergeCampusEntryBody'];
        };
      };
      responses: {
        /** @description Merged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MergeCampusEntryResult'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          block?:
            | 'checklistItems'
            | 'indicatorRows'
            | 'entryRules'
            | 'assignExperts'
            | 'trimmedMean'
            | 'levelByQuota'
            | 'groupRollUp'
            | 'rectificationDeadline'
            | 'findingsLedger'
            | 'teacherHours'
            | 'mergeRequests';
          startable?: '1';
          status?: 'draft' | 'published';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['DefinitionSummary'][];
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateDefinitionBody'];
        };
      };
      responses: {
        /** @description Draft created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefinitionDetail'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefinitionDetail'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateDraftBody'];
        };
      };
      responses: {
        /** @description Draft saved; errors lists what still blocks publishing */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DraftSaved'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{id}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          against?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Changes against ?against= or the previous published version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefinitionDiff'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The definition document as a JSON file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{id}/migrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MigrationBody'];
        };
      };
      responses: {
        /** @description Dry run (default) or migration of running instances to this version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MigrationResult'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: {
          confirm?: '1';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Published */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefinitionDetail'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{id}/publish-check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description What publishing would drop or strand; asked for confirmation first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PublishCheck'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{id}/start-subjects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The organisations the caller may start this workflow about (the start form offers only these) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StartSubjects'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/clone': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CloneDefinitionBody'];
        };
      };
      responses: {
        /** @description Draft created from a template or a definition */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DefinitionDetail'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/delegations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Delegations I gave or hold */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DelegationList'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Standing delegation: someone acts in my stead for a window (acting principal while on leave) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateDelegationBody'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Delegation'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/delegations/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a delegation early */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Delegation'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/exports/{file}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A list (instances, tasks, audit, users, orgs, findings) or the overview report as Excel; takes the list’s own filters */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          file: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The workbook */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/findings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Security-inspection findings (severity, deadline, offline order, repeat) of the inspections the caller may read */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          escalated?: '1';
          instanceId?: string;
          layer?: string;
          limit?: number;
          offline?: '1';
          /** @description asc | desc */
          order?: string;
          overdue?: '1';
          repeat?: '1';
          round?: string;
          schoolId?: string;
          severity?: 'high' | 'medium' | 'low';
          /** @description a sortable column of this list (see docs/api-contract.md) */
          sort?: string;
          status?: 'open' | 'closed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Finding'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Health'];
          };
        };
        /** @description The database does not answer */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Health'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import schools or users from .xlsx/.csv (bureauAdmin): row-by-row errors, all or nothing, dryRun=1 to check only */
    post: {
      parameters: {
        query?: {
          /** @description 1: check every row, write nothing */
          dryRun?: '0' | '1';
        };
        header?: never;
        path: {
          kind: 'schools' | 'users';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': components['schemas']['ImportUpload'];
        };
      };
      responses: {
        /** @description Checked (and, unless a dry run with no errors, written) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ImportResult'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (too large) */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          block?:
            | 'checklistItems'
            | 'indicatorRows'
            | 'entryRules'
            | 'assignExperts'
            | 'trimmedMean'
            | 'levelByQuota'
            | 'groupRollUp'
            | 'rectificationDeadline'
            | 'findingsLedger'
            | 'teacherHours'
            | 'mergeRequests';
          cursor?: string;
          definitionKey?: string;
          from?: string;
          limit?: number;
          mine?: '1';
          notice?: '1';
          /** @description asc | desc */
          order?: string;
          orgId?: string;
          overdue?: '1';
          q?: string;
          /** @description a sortable column of this list (see docs/api-contract.md) */
          sort?: string;
          state?: string;
          status?: 'running' | 'completed';
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['InstanceListItem'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Idempotency-Key: a replay with the same key returns the stored answer */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StartInstanceBody'];
        };
      };
      responses: {
        /** @description Started */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InstanceView'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InstanceView'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Idempotency-Key: a replay with the same key returns the stored answer */
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['FireEventBody'];
        };
      };
      responses: {
        /** @description Moved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EventResult'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['HistoryEvent'][];
            };
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/instances/precheck': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 预检: run the start’s checks and the automatic rules without filing anything */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StartInstanceBody'];
        };
      };
      responses: {
        /** @description What the checks say */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PrecheckResult'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's notifications (new tasks, reminders, escalations, chases, copies), newest first */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          /** @description only this kind */
          kind?: components['schemas']['NotificationKind'] & unknown;
          limit?: number;
          /** @description 1: only unread */
          unread?: '0' | '1';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Notification'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Marked read */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Marks all of the caller's unread notifications read (only the caller's) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description how many of the caller’s unread notifications were marked read */
              marked: number;
            };
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orgs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          parentId?: string;
          type?: 'district' | 'group' | 'school' | 'department';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Organisation'][];
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Add a group, school or department (bureauAdmin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateOrganisationBody'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Organisation'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/orgs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename or move an organisation (bureauAdmin); 409 on a stale expectedVersion */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateOrganisationBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Organisation'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/reference/{kind}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Versioned reference data: indicator-system, whitelist, checklist, award-rubric */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          key?: string;
          limit?: number;
          status?: 'draft' | 'published';
        };
        header?: never;
        path: {
          kind: 'indicator-systems' | 'whitelists' | 'checklists' | 'award-rubrics';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReferenceData'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** New draft version (bureauAdmin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          kind: 'indicator-systems' | 'whitelists' | 'checklists' | 'award-rubrics';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            basedOn?: string;
            content: {
              [key: string]: unknown;
            };
            name: string;
          };
        };
      };
      responses: {
        /** @description Draft created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReferenceData'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reference/{kind}/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a draft; published versions are immutable (bureauAdmin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          kind: 'indicator-systems' | 'whitelists' | 'checklists' | 'award-rubrics';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Published */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReferenceData'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/bundled-assessment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Groups of a cycle ranked by rolled-up score, grade and weakest member */
    get: {
      parameters: {
        query?: {
          /** @description An assessment cycle; the latest when absent */
          cycle?: string;
          /** @description Instances created on or after (a date, or an instant) */
          from?: string;
          groupId?: string;
          schoolId?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BundledAssessmentReport'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/campus-entry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Entries per school against the semester cap; teacher hours by item */
    get: {
      parameters: {
        query?: {
          /** @description Instances created on or after (a date, or an instant) */
          from?: string;
          groupId?: string;
          schoolId?: string;
          semester?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CampusEntryReport'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Instances per workflow and state, open and overdue tasks — scoped like the instance list */
    get: {
      parameters: {
        query?: {
          /** @description Instances created on or after (a date, or an instant) */
          from?: string;
          groupId?: string;
          schoolId?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OverviewReport'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/security-inspection': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Findings by layer, severity and school; open, overdue, repeats */
    get: {
      parameters: {
        query?: {
          /** @description Instances created on or after (a date, or an instant) */
          from?: string;
          groupId?: string;
          /** @description An inspection round; the latest when absent, every round as '*' */
          round?: string;
          schoolId?: string;
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SecurityInspectionReport'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/teaching-award': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Awards by level; ranking per category */
    get: {
      parameters: {
        query?: {
          /** @description Instances created on or after (a date, or an instant) */
          from?: string;
          groupId?: string;
          schoolId?: string;
          to?: string;
          year?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TeachingAwardReport'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          /** @description asc | desc */
          order?: string;
          /** @description a sortable column of this list (see docs/api-contract.md) */
          sort?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['TaskItem'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Chase many tasks, or transfer a departing person’s open tasks to a successor (bureauAdmin); per-item results */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['BulkTasksBody'];
        };
      };
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkTasksResult'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/done': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** 已办: the workflow tasks the caller closed, newest first, with the figures of their own parts (scores) */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['DoneTask'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Directory and people picker (bureau roles: everyone; others: their own part of the org tree) */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          /** @description asc | desc */
          order?: string;
          orgId?: string;
          /** @description Part of the username or display name */
          q?: string;
          role?:
            | 'bureauAdmin'
            | 'bureauReviewer'
            | 'groupLead'
            | 'principal'
            | 'teacher'
            | 'inspector'
            | 'expert'
            | 'outsideDept'
            | 'securityAdmin'
            | 'auditor';
          /** @description a sortable column of this list (see docs/api-contract.md) */
          sort?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OK */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['UserItem'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an account (bureauAdmin: without a privileged role; securityAdmin: with one — 三权分立, ADR 0014); a generated password is returned once when none is given; 422 SEPARATION_OF_DUTIES for two of bureauAdmin, securityAdmin, auditor */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateUserBody'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedUser'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename, disable, re-grant roles, reset password or two-factor (bureauAdmin: ordinary accounts and roles; securityAdmin: privileged accounts and any grant; never one’s own roles); 409 on a stale expectedVersion; 422 SEPARATION_OF_DUTIES */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateUserBody'];
        };
      };
      responses: {
        /** @description The user; `password` only after a reset */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedUser'];
          };
        };
        /** @description VALIDATION */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description UNAUTHENTICATED / INVALID_CREDENTIALS / TOTP_REQUIRED / TOTP_INVALID */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FORBIDDEN / CSRF_FAILED / PASSWORD_CHANGE_REQUIRED */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description NOT_FOUND */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VERSION_CONFLICT / EVENT_NOT_ALLOWED / GUARD_FAILED */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description VALIDATION (workflow form) / COMMENT_REQUIRED / IDEMPOTENCY_MISMATCH */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    Attachment: {
      createdAt: string;
      field: string | null;
      id: string;
      instanceId: string;
      mime: string;
      name: string;
      sha256: string;
      size: number;
      uploadedBy: string;
      url: string;
    };
    AttachmentUpload: {
      field?: string;
      /**
       * Format: binary
       * @description ≤ 20 MB; pdf, png/jpg/gif/webp, doc(x)/xls(x)/ppt(x), zip
       */
      file: string;
      instanceId: string;
    };
    AuditArchiveList: {
      items: (components['schemas']['AuditArchiveManifest'] & {
        /** @description When the live chain recorded it; null once a later archive moved that record into its own file */
        recordedAt: string | null;
        recordedSeq: number | null;
      })[];
    };
    AuditArchiveManifest: {
      archiveId: string;
      bytes: number;
      count: number;
      createdAt: string;
      createdBy: {
        displayName: string;
        id: string;
      } | null;
      cutoff: string;
      file: string;
      firstAt: string;
      firstKeptPrevHash: string;
      firstKeptSeq: number;
      firstPrevHash: string;
      format: string;
      fromSeq: number;
      lastAt: string;
      lastHash: string;
      sha256: string;
      throughSeq: number;
      version: number;
    };
    AuditArchivePreview: {
      allowed: boolean;
      before: string;
      count: number;
      /** @description The instant the day begins: events before it would be archived */
      cutoff: string;
      firstAt: string | null;
      fromSeq: number | null;
      lastAt: string | null;
      /** @description The latest day allowed (180 days ago) */
      latestBefore: string;
      retentionDays: number;
      throughSeq: number | null;
    };
    AuditCheckpoint: {
      at: string;
      hash: string;
      seq: number;
    };
    AuditCheckpoints: {
      items: components['schemas']['AuditCheckpoint'][];
      unreadableLines: number[];
    };
    AuditEvent: {
      action: string;
      actorId: string | null;
      actorName: string | null;
      after?: unknown;
      at: string;
      before?: unknown;
      entityId: string | null;
      entityType: string;
      hash: string;
      id: string;
      meta?: unknown;
      /** @enum {string} */
      outcome: 'success' | 'denied' | 'failed';
      prevHash: string;
      seq: number;
    };
    AuditVerifyResult:
      | {
          /** @description Where the live chain begins after older events were archived; null when it begins at the first event */
          anchor: {
            archivedAt: string;
            archiveId: string;
            cutoff: string;
            hash: string;
            seq: number;
          } | null;
          checked: number;
          checkpoints: {
            count: number;
            lastAt: string | null;
            lastSeq: number | null;
          } | null;
          count: number;
          fullAt: string | null;
          lastHash: string;
          /** @enum {string} */
          mode: 'full' | 'incremental';
          /** @enum {boolean} */
          ok: true;
        }
      | {
          brokenAt: number;
          count: number;
          message: components['schemas']['LocalizedText'];
          missing?: {
            from: number;
            to: number;
          };
          /** @enum {boolean} */
          ok: false;
          reason: string;
        };
    AvailableEvent: {
      asks?: string[];
      blockedBy?: {
        message: components['schemas']['LocalizedText'];
        rule: string;
      };
      blocks?: string[];
      choices?: {
        name: components['schemas']['LocalizedText'];
        state: string;
      }[];
      commentRequired: boolean;
      /** @description the engine's input kind: user | users | signer | step | part … */
      input?: string;
      label: components['schemas']['LocalizedText'];
      /** @description true for the engine's approval mechanics (SAVE, TRANSFER, DELEGATE, ADD_SIGNER…) */
      mechanic?: boolean;
      requires: string[];
      to: string;
      type: string;
      users?: string[];
    };
    BulkStartBody: {
      assignments?: {
        auditor?: string[];
        bureauAdmin?: string[];
        bureauReviewer?: string[];
        expert?: string[];
        groupLead?: string[];
        inspector?: string[];
        outsideDept?: string[];
        principal?: string[];
        securityAdmin?: string[];
        teacher?: string[];
      };
      data?: {
        [key: string]: unknown;
      };
      definitionId: string;
      subjectOrgIds: string[];
    };
    BulkStartResult: {
      failed: {
        code: string;
        message: {
          en: string;
          'zh-CN': string;
        };
        orgId: string;
      }[];
      ms: number;
      started: {
        instanceId: string;
        orgId: string;
        state: string;
      }[];
    };
    BulkTasksBody:
      | {
          /** @enum {string} */
          action: 'chase';
          taskIds: string[];
        }
      | {
          /** @enum {string} */
          action: 'reassign';
          fromUserId: string;
          /** @description Only the instances of these of fromUser’s open tasks; when omitted, every running instance holding their open tasks or assignments */
          taskIds?: string[];
          toUserId: string;
        };
    BulkTasksResult: {
      /** @description chase: tasks chased; reassign: instances handed over */
      done: number;
      failed: {
        code: string;
        instanceId?: string;
        message: components['schemas']['LocalizedText'];
        /** @description reassign: the person’s first open task in the instance, empty when they held only an assignment there */
        taskId: string;
      }[];
    };
    BundledAssessmentReport: {
      byState: {
        count: number;
        state: string;
      }[];
      cycle: string | null;
      cycles: string[];
      ranking: {
        grade: string | null;
        groupId: string;
        groupName: string;
        instanceId: string;
        rank: number | null;
        score: number | null;
        state: string;
        weakest: {
          schoolId: string;
          schoolName: string;
          score: number;
        } | null;
      }[];
    };
    BurdenReport: {
      burdenItem: string;
      burdenItemName: string | null;
      createdAt: string;
      description: string;
      dueAt: string;
      hours: number | null;
      id: string;
      overdue: boolean;
      resolution: string | null;
      resolvedAt: string | null;
      schoolId: string;
      schoolName: string;
      /** @enum {string} */
      status: 'open' | 'resolved';
      version: number;
    };
    Calendar: {
      districtId: string;
      holidays: string[];
      updatedAt: string | null;
      vacations: {
        from: string;
        name: string;
        to: string;
      }[];
      version: number;
      workdays: string[];
    };
    CalendarBody: {
      /** @description 0 while the district has never saved a calendar */
      expectedVersion: number;
      holidays: string[];
      vacations: {
        /** @example 2026-10-01 */
        from: string;
        name: string;
        /** @example 2026-10-01 */
        to: string;
      }[];
      workdays: string[];
    };
    CalendarCoverage: {
      /** @description Years the bureau loaded (in effect or not) */
      bureauYears: number[];
      dataset: {
        /** @enum {string} */
        name: 'chinese-days';
        version: string;
        /** @description Years the installed dataset covers, found in its data at run time (checked from 30 years back to 10 ahead) */
        years: number[];
      };
      /** @description Today in the district (CST) */
      today: string;
      /** @description Uncovered years that open task deadlines or pending timers fall into, with the earliest such due instant */
      uncoveredDeadlines: {
        firstDueAt: string;
        year: number;
      }[];
      /** @description This year and the next, each with what covers it (null: nothing — only weekends are days off) */
      years: {
        /** @enum {string|null} */
        source: 'package' | 'bureau' | null;
        year: number;
      }[];
    };
    CampusEntryReport: {
      burden: {
        hours: number;
        open: number;
        reports: number;
        schoolId: string;
        schoolName: string;
      }[];
      cap: number;
      hoursByItem: {
        itemCode: string;
        plannedTeacherHours: number;
        requests: number;
        spentTeacherHours: number;
      }[];
      perSchool: {
        cap: number;
        schoolId: string;
        schoolName: string;
        used: number;
      }[];
      semester: string;
    };
    ChangePasswordBody: {
      currentPassword: string;
      newPassword: string;
    };
    CloneDefinitionBody: {
      definitionId?: string;
      key?: string;
      name?: components['schemas']['LocalizedText'];
      template?: string;
    };
    CreateDefinitionBody: {
      /** @description The workflow definition document (see workflows/src/definition/schema.ts) */
      definition: {
        [key: string]: unknown;
      };
    };
    CreateDelegationBody: {
      /** Format: date-time */
      endsAt: string;
      reason: string;
      /** Format: date-time */
      startsAt: string;
      toUserId: string;
    };
    CreatedUser: components['schemas']['UserItem'] & {
      password?: string;
    };
    CreateOrganisationBody: {
      code?: string;
      /** @enum {string} */
      groupKind?: 'secondary' | 'primary' | 'kindergarten';
      name: string;
      parentId?: string;
      shortName?: string;
      /** @enum {string} */
      type: 'district' | 'group' | 'school' | 'department';
    };
    CreateUserBody: {
      displayName: string;
      /** @enum {string} */
      locale?: 'zh-CN' | 'en';
      /** @description Omit to have one generated (returned once, to be changed at first sign-in) */
      password?: string;
      /** @default [] */
      roles: {
        orgId: string;
        /** @enum {string} */
        role:
          | 'bureauAdmin'
          | 'bureauReviewer'
          | 'groupLead'
          | 'principal'
          | 'teacher'
          | 'inspector'
          | 'expert'
          | 'outsideDept'
          | 'securityAdmin'
          | 'auditor';
      }[];
      username: string;
    };
    DataRef: {
      /** @enum {string} */
      kind: 'organisation' | 'user' | 'instance';
      name: string | null;
    };
    DeclaredBlock: {
      /** @enum {string} */
      at: 'start' | 'step' | 'action';
      event?: string;
      name: string;
      params: {
        [key: string]: unknown;
      };
      state?: string;
    };
    DefinitionDetail: components['schemas']['DefinitionSummary'] & {
      definition: {
        [key: string]: unknown;
      };
      editors: components['schemas']['Person'][];
      publishedBy: components['schemas']['Person'] | null;
    };
    DefinitionDiff: {
      changes: components['schemas']['DefinitionDiffChange'][];
      from: components['schemas']['DefinitionSummary'] | null;
      to: components['schemas']['DefinitionSummary'];
    };
    DefinitionDiffChange: {
      /** @enum {string} */
      change: 'added' | 'removed' | 'changed' | 'renamed' | 'moved';
      /** @enum {string} */
      kind: 'state' | 'transition' | 'field' | 'permission' | 'deadline' | 'people' | 'workflow' | 'block';
      target: string;
      text: components['schemas']['LocalizedText'];
    };
    DefinitionError: {
      code: string;
      message: components['schemas']['LocalizedText'];
      path: string;
    };
    DefinitionSummary: {
      createdAt: string;
      id: string;
      key: string;
      name: components['schemas']['LocalizedText'];
      publishedAt: string | null;
      revision: number;
      /** @enum {string} */
      status: 'draft' | 'published';
      /** @enum {string} */
      subject: 'school' | 'group' | 'district';
      version: number;
    };
    Delegation: {
      active: boolean;
      createdAt: string;
      endsAt: string;
      from: {
        displayName: string;
        id: string;
      };
      id: string;
      reason: string;
      revokedAt: string | null;
      startsAt: string;
      to: {
        displayName: string;
        id: string;
      };
    };
    DelegationList: {
      items: components['schemas']['Delegation'][];
    };
    DoneTask: {
      action: components['schemas']['LocalizedText'];
      closedAt: string;
      definitionName: components['schemas']['LocalizedText'];
      figures: {
        label: components['schemas']['LocalizedText'];
        name: string;
        value: number;
      }[];
      id: string;
      instanceId: string;
      requesterName: string;
      state: string;
      stateName: components['schemas']['LocalizedText'];
      subjectName: string;
      title: components['schemas']['LocalizedText'];
    };
    DraftSaved: components['schemas']['DefinitionDetail'] & {
      errors: components['schemas']['DefinitionError'][];
    };
    DueDate: {
      /** @description The deadline instant: 23:59:59 CST on dueDate */
      dueAt: string;
      /** @description Local date of the N-th school working day */
      dueDate: string;
      from: string;
      workdays: number;
    };
    Error: {
      error: {
        /** @enum {string} */
        code:
          | 'VALIDATION'
          | 'UNAUTHENTICATED'
          | 'INVALID_CREDENTIALS'
          | 'ACCOUNT_LOCKED'
          | 'FORBIDDEN'
          | 'FOUR_EYES'
          | 'SEPARATION_OF_DUTIES'
          | 'CSRF_FAILED'
          | 'NOT_FOUND'
          | 'VERSION_CONFLICT'
          | 'DEFINITION_PUBLISHED'
          | 'EVENT_NOT_ALLOWED'
          | 'GUARD_FAILED'
          | 'CONFIRMATION_REQUIRED'
          | 'COMMENT_REQUIRED'
          | 'IDEMPOTENCY_MISMATCH'
          | 'RATE_LIMITED'
          | 'PASSWORD_CHANGE_REQUIRED'
          | 'TOTP_REQUIRED'
          | 'TOTP_INVALID'
          | 'AUDIT_RETENTION'
          | 'AUDIT_CHAIN_BROKEN'
          | 'TOTP_ENROLMENT_REQUIRED'
          | 'BUSY'
          | 'INTERNAL';
        fieldErrors?: {
          [key: string]: components['schemas']['LocalizedText'];
        };
        lockedUntil?: string;
        message: components['schemas']['LocalizedText'];
        rule?: string;
      };
    };
    EventResult: {
      availableEvents: components['schemas']['AvailableEvent'][];
      id: string;
      outcome: string | null;
      refusal: components['schemas']['Refusal'];
      state: string;
      stateName: components['schemas']['LocalizedText'];
      /** @enum {string} */
      status: 'running' | 'completed';
      version: number;
    };
    FileBurdenReportBody: {
      burdenItem: string;
      description: string;
      hours?: number;
    };
    Finding: {
      closedAt: string | null;
      createdAt: string;
      dueAt: string;
      escalatedAt: string | null;
      id: string;
      instanceId: string;
      itemCode: string;
      layer: string;
      noticeNo: string | null;
      offlineOrdered: boolean;
      overdue: boolean;
      rectifiedAt: string | null;
      repeat: boolean;
      returnedAt: string | null;
      returnNote: string | null;
      round: string;
      schoolId: string;
      schoolName: string;
      /** @enum {string} */
      severity: 'high' | 'medium' | 'low';
      /** @enum {string} */
      status: 'open' | 'closed';
      title: string;
      workdays: number;
    };
    FireEventBody: {
      comment?: string;
      data?: {
        [key: string]: unknown;
      };
      expectedVersion: number;
      type: string;
    };
    Health: {
      calendar?: components['schemas']['HealthCalendar'];
      /** @enum {string} */
      db: 'ok' | 'error';
      /** @enum {string} */
      status: 'ok' | 'degraded';
      version: string;
    };
    HealthCalendar: {
      nextYear: {
        covered: boolean;
        year: number;
      };
      /** @description Years open deadlines fall into whose statutory holidays neither the package nor the bureau gives: counted as plain Monday–Friday */
      uncoveredDeadlineYears: number[];
    };
    HistoryEvent: components['schemas']['AuditEvent'] & {
      actorAlias?: {
        n: number;
        /** @enum {string} */
        role:
          | 'bureauAdmin'
          | 'bureauReviewer'
          | 'groupLead'
          | 'principal'
          | 'teacher'
          | 'inspector'
          | 'expert'
          | 'outsideDept'
          | 'securityAdmin'
          | 'auditor';
      };
    };
    ImportResult: {
      created: number;
      dryRun: boolean;
      errors: {
        field: string;
        message: components['schemas']['LocalizedText'];
        row: number;
      }[];
      /** @description Generated one-time passwords (users import, not on a dry run); shown once */
      passwords?: {
        password: string;
        username: string;
      }[];
      /** @description Rows that already exist (same school under the same group, same username) */
      skipped: number;
    };
    ImportUpload: {
      /**
       * Format: binary
       * @description .xlsx (first sheet) or .csv (UTF-8), header in row 1
       */
      file: string;
    };
    InstanceListItem: {
      createdAt: string;
      definitionKey: string;
      definitionName: components['schemas']['LocalizedText'];
      definitionVersion: number;
      dueAt: string | null;
      /** @enum {string|null} */
      dueKind: 'task' | 'notice' | null;
      id: string;
      outcome: string | null;
      overdue: boolean;
      requesterName: string;
      state: string;
      stateName: components['schemas']['LocalizedText'];
      /** @enum {string} */
      status: 'running' | 'completed';
      subjectName: string;
      subjectOrgId: string;
      title: components['schemas']['LocalizedText'];
      updatedAt: string;
      version: number;
    };
    InstanceView: {
      assignments?: {
        anonymous?: number;
        role: string;
        userIds: string[];
      }[];
      availableEvents: components['schemas']['AvailableEvent'][];
      createdAt: string;
      createdBy: {
        displayName: string;
        id: string;
      };
      data: {
        [key: string]: unknown;
      };
      definition: {
        blocks: components['schemas']['DeclaredBlock'][];
        id: string;
        key: string;
        name: components['schemas']['LocalizedText'];
        version: number;
      };
      form: {
        access: {
          [key: string]: 'editable' | 'readonly' | 'hidden' | 'required';
        };
        fields: {
          [key: string]: unknown;
        }[];
      } | null;
      id: string;
      notice: {
        endsAt: string;
        workdaysLeft: number;
      } | null;
      openTasks: {
        dueAt: string | null;
        id: string;
        state: string;
      }[];
      outcome: string | null;
      partPrefill: {
        evidenceRequired: string[];
        field: string;
        rows: {
          [key: string]: unknown;
        }[];
      } | null;
      parts?: components['schemas']['PartStep'][];
      refs?: {
        [key: string]: components['schemas']['DataRef'];
      };
      refusal: components['schemas']['Refusal'];
      requester: {
        name: string;
        orgId: string;
      };
      state: string;
      stateKind: string;
      stateName: components['schemas']['LocalizedText'];
      states: {
        current: boolean;
        id: string;
        kind: string;
        name: components['schemas']['LocalizedText'];
        visited: boolean;
      }[];
      /** @enum {string} */
      status: 'running' | 'completed';
      subject: {
        name: string;
        orgId: string;
        path: {
          id: string;
          name: string;
          type: string;
        }[];
      };
      title: components['schemas']['LocalizedText'];
      transitions: {
        event: string;
        from: string;
        to: string;
      }[];
      updatedAt: string;
      version: number;
    };
    LocalizedText: {
      en: string;
      'zh-CN': string;
    };
    LoginBody: {
      /** @description The 6-digit authenticator code, for accounts with two-factor enabled */
      otp?: string;
      password: string;
      username: string;
    };
    Me: {
      csrfToken: string;
      mustChangePassword: boolean;
      mustEnrolTwoFactor: boolean;
      roles: {
        orgId: string;
        orgName: string;
        /** @enum {string} */
        role:
          | 'bureauAdmin'
          | 'bureauReviewer'
          | 'groupLead'
          | 'principal'
          | 'teacher'
          | 'inspector'
          | 'expert'
          | 'outsideDept'
          | 'securityAdmin'
          | 'auditor';
      }[];
      rules: unknown[][];
      twoFactor: boolean;
      user: components['schemas']['UserSummary'];
    };
    MergeCampusEntryBody: {
      absorbed: {
        expectedVersion: number;
        id: string;
      }[];
      comment?: string;
      survivor: {
        expectedVersion: number;
        id: string;
      };
    };
    MergeCampusEntryResult: {
      mergedFrom: string[];
      schoolIds: string[];
      studentHours: number | null;
      survivorId: string;
      teacherHours: number | null;
      version: number;
    };
    MergeCandidate: {
      activityDate: string | null;
      createdAt: string;
      id: string;
      itemCode: string;
      requester: string;
      schoolNames: string[];
      title: components['schemas']['LocalizedText'];
      version: number;
    };
    MergeCandidates: {
      items: components['schemas']['MergeCandidate'][];
    };
    MigrationBody: {
      cursor?: string;
      /** @default true */
      dryRun: boolean;
      fromDefinitionId: string;
      /** @default 100 */
      limit: number;
      mapping: {
        [key: string]: string;
      };
    };
    MigrationItem: {
      closeTasks: string[];
      fromState: string;
      instanceId: string;
      ok: boolean;
      openTasks: {
        purpose: string;
        state: string;
        taskKey: string;
      }[];
      refusal?: {
        code: string;
        message: components['schemas']['LocalizedText'];
      };
      /** @enum {string|null} */
      status: 'running' | 'completed' | null;
      subjectName: string;
      timers: string[];
      toState: string | null;
    };
    MigrationResult: {
      dryRun: boolean;
      items: components['schemas']['MigrationItem'][];
      migrated: number;
      nextCursor: string | null;
      refused: number;
    };
    Notification: {
      createdAt: string;
      detail: components['schemas']['LocalizedText'] | null;
      entityId: string | null;
      /** @description What a notice not about an instance concerns (security: `User`) */
      entityType: string | null;
      id: string;
      instanceId: string | null;
      kind: components['schemas']['NotificationKind'];
      readAt: string | null;
      reasons: components['schemas']['RuleReason'][] | null;
      resolvedAt: string | null;
      state: string | null;
      title: components['schemas']['LocalizedText'];
    };
    /** @enum {string} */
    NotificationKind:
      'entered' | 'reminder' | 'escalation' | 'chase' | 'copy' | 'sign' | 'returned' | 'security' | 'refused';
    OpenInRound: {
      field: string | null;
      items: {
        instanceId: string;
        orgId: string;
        orgName: string;
        stateName: components['schemas']['LocalizedText'];
        title: components['schemas']['LocalizedText'];
      }[];
      period: string | null;
    };
    Organisation: {
      code: string | null;
      /** @enum {string|null} */
      groupKind?: 'secondary' | 'primary' | 'kindergarten' | null;
      id: string;
      name: string;
      parentId: string | null;
      shortName: string | null;
      /** @enum {string} */
      type: 'district' | 'group' | 'school' | 'department';
      version: number;
    };
    OverviewReport: {
      byWorkflow: {
        byState: {
          count: number;
          state: string;
          stateName: components['schemas']['LocalizedText'];
        }[];
        definitionKey: string;
        name: components['schemas']['LocalizedText'];
      }[];
      openTasks: number;
      overdueByWorkflow: {
        count: number;
        definitionKey: string;
        name: components['schemas']['LocalizedText'];
      }[];
      overdueTasks: number;
    };
    Part: {
      data: {
        [key: string]: unknown;
      };
      /** @description files its author attached to the step's fields (evidence) */
      files: components['schemas']['Attachment'][];
      orgId: string | null;
      /** @description the organisation the part is for (the member school) */
      orgName: string | null;
      /** @description who submits it (the principal) */
      person: string;
      /** @description while returned: the collector's reason */
      returnReason: string | null;
      /** @description how many times it was returned */
      returns: number;
      /** @enum {string} */
      status: 'pending' | 'submitted' | 'returned';
      submittedAt: string | null;
      userId: string;
    };
    PartStep: {
      current: boolean;
      parts: components['schemas']['Part'][];
      /** @description the rows the step's parts start from (an indicator system's keys and names), to name the parts' rows */
      rows: {
        field: string;
        rows: {
          [key: string]: unknown;
        }[];
      } | null;
      /**
       * @description all: a collector or overseer sees every part; own: a participant sees theirs
       * @enum {string}
       */
      scope: 'all' | 'own';
      step: string;
      stepName: components['schemas']['LocalizedText'];
    };
    Person: {
      displayName: string;
      id: string;
    };
    PrecheckResult: {
      checked: {
        name: components['schemas']['LocalizedText'];
        state: string;
      }[];
      next: {
        name: components['schemas']['LocalizedText'];
        state: string;
      };
      passes: boolean;
      reasons: components['schemas']['RuleReason'][];
    };
    PublishCheck: {
      droppedBlocks: components['schemas']['DefinitionDiffChange'][];
      needsConfirmation: boolean;
      previous: components['schemas']['DefinitionSummary'] | null;
      strandedSteps: {
        name: components['schemas']['LocalizedText'];
        running: number;
        state: string;
      }[];
    };
    ReferenceData:
      | {
          content: {
            dimensions: {
              indicators: {
                /** @default true */
                evidenceRequired: boolean;
                key: string;
                maxScore: number;
                name: {
                  en: string;
                  'zh-CN': string;
                };
                scoringGuide?: {
                  en: string;
                  'zh-CN': string;
                };
              }[];
              key: string;
              name: {
                en: string;
                'zh-CN': string;
              };
              weight: number;
            }[];
            grades: {
              grade: string;
              label: {
                en: string;
                'zh-CN': string;
              };
              min: number;
            }[];
            key: string;
            name: {
              en: string;
              'zh-CN': string;
            };
            rollup:
              | {
                  /** @enum {string} */
                  rule: 'mean';
                }
              | {
                  alpha: number;
                  /** @enum {string} */
                  rule: 'minWeighted';
                }
              | {
                  floor: number;
                  penalty: number;
                  /** @enum {string} */
                  rule: 'floorPenalty';
                };
            version: number;
          };
          createdAt: string;
          editors: components['schemas']['Person'][];
          id: string;
          key: string;
          /** @enum {string} */
          kind: 'indicator-system';
          name: string;
          publishedAt: string | null;
          publishedBy: components['schemas']['Person'] | null;
          /** @enum {string} */
          status: 'draft' | 'published';
          version: number;
        }
      | {
          content: {
            approvedBy?: {
              en: string;
              'zh-CN': string;
            };
            /** @default [] */
            burdenList: {
              code: string;
              name: string;
              /** @default  */
              rule: string;
            }[];
            /** @default [] */
            emergencyApprovals: {
              /** Format: date */
              approvedOn: string;
              itemCode: string;
              no: string;
            }[];
            items: {
              basis: string;
              code: string;
              content: string;
              form: string;
              frequencyPerSemester: number;
              leadUnit: string;
              name: string;
              /** @default [] */
              scope: string[];
              window: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
              };
            }[];
            /** @default 30 */
            leadTimeDays: number;
            /** @default null */
            publishedAt: string | null;
            /** @default 6 */
            schoolCapPerSemester: number;
            year: number;
          };
          createdAt: string;
          editors: components['schemas']['Person'][];
          id: string;
          key: string;
          /** @enum {string} */
          kind: 'whitelist';
          name: string;
          publishedAt: string | null;
          publishedBy: components['schemas']['Person'] | null;
          /** @enum {string} */
          status: 'draft' | 'published';
          version: number;
        }
      | {
          content: {
            items: {
              code: string;
              /** @default  */
              evidence: string;
              /** @default false */
              evidenceRequired: boolean;
              /** @default  */
              guidance: string;
              /** @enum {string} */
              layer: '物理安全' | '网络安全' | '主机安全' | '应用安全' | '数据安全' | '安全管理';
              title: string;
            }[];
            key: string;
          };
          createdAt: string;
          editors: components['schemas']['Person'][];
          id: string;
          key: string;
          /** @enum {string} */
          kind: 'checklist';
          name: string;
          publishedAt: string | null;
          publishedBy: components['schemas']['Person'] | null;
          /** @enum {string} */
          status: 'draft' | 'published';
          version: number;
        }
      | {
          content: {
            criteria: {
              key: string;
              maxScore: number;
              name: string;
            }[];
            /** @default 3 */
            expertsPerSubmission: number;
            /** @default 15 */
            outlierThreshold: number;
            quotas: {
              achievement: {
                count: number;
                /** @enum {string} */
                level: 'special' | 'first' | 'second';
              }[];
              course: {
                count: number;
                /** @enum {string} */
                level: 'special' | 'first' | 'second';
              }[];
            };
            /** @default 3 */
            schoolQuota: number;
            year: number;
          };
          createdAt: string;
          editors: components['schemas']['Person'][];
          id: string;
          key: string;
          /** @enum {string} */
          kind: 'award-rubric';
          name: string;
          publishedAt: string | null;
          publishedBy: components['schemas']['Person'] | null;
          /** @enum {string} */
          status: 'draft' | 'published';
          version: number;
        };
    Refusal: {
      reasons: components['schemas']['RuleReason'][];
      state: string;
      stateName: components['schemas']['LocalizedText'];
    } | null;
    ResolveBurdenReportBody: {
      expectedVersion: number;
      resolution: string;
    };
    RuleReason: {
      label?: components['schemas']['LocalizedText'];
      message: components['schemas']['LocalizedText'];
      rule: string;
      schoolId?: string;
    };
    SecurityInspectionReport: {
      byLayer: {
        count: number;
        layer: string;
        open: number;
      }[];
      bySeverity: {
        count: number;
        open: number;
        severity: string;
      }[];
      escalatedFindings: number;
      openFindings: number;
      overdueFindings: number;
      perSchool: {
        findings: number;
        open: number;
        overdue: number;
        repeats: number;
        schoolId: string;
        schoolName: string;
      }[];
      repeats: number;
      round: string | null;
      rounds: string[];
      totalFindings: number;
    };
    StartInstanceBody: {
      assignments?: {
        auditor?: string[];
        bureauAdmin?: string[];
        bureauReviewer?: string[];
        expert?: string[];
        groupLead?: string[];
        inspector?: string[];
        outsideDept?: string[];
        principal?: string[];
        securityAdmin?: string[];
        teacher?: string[];
      };
      data?: {
        [key: string]: unknown;
      };
      definitionId: string;
      subjectOrgId: string;
    };
    StartSubjects: {
      items: {
        id: string;
        name: string;
        /** @enum {string} */
        type: 'district' | 'group' | 'school' | 'department';
      }[];
      preselected: string | null;
    };
    StatutoryImport: {
      dryRun: boolean;
      errors: {
        field: string;
        message: components['schemas']['LocalizedText'];
        /** @description Spreadsheet row, ICS line of the event, 0 for the whole file */
        row: number;
      }[];
      /** @description Days off the file gives for the year (what would be loaded) */
      holidays: {
        date: string;
        name: string;
      }[];
      /** @description The loaded year, when written (not a dry run, no error) */
      saved: components['schemas']['StatutoryYear'] | null;
      /** @description ICS days of other years, left out (an ICS subscription often spans years) */
      skipped: {
        date: string;
        /** @enum {string} */
        kind: 'holiday' | 'workday';
        name: string;
      }[];
      /** @enum {string} */
      source: 'xlsx' | 'csv' | 'ics';
      /** @description Make-up workdays the file gives for the year */
      workdays: {
        date: string;
        name: string;
      }[];
      year: number;
    };
    StatutoryImportUpload: {
      documentNo?: string;
      /** @description Required unless dryRun=1: 0 before the first load */
      expectedVersion?: number | null;
      /**
       * Format: binary
       * @description .xlsx / .csv (日期, 类型 放假|上班, 名称; header in row 1) or .ics
       */
      file: string;
      /**
       * @description true to replace a year the chinese-days dataset covers
       * @enum {string}
       */
      replacesPackage?: 'true' | 'false';
      title?: string;
    };
    StatutoryYear: {
      documentNo: string | null;
      holidays: {
        date: string;
        name: string;
      }[];
      /** @description false when the package covers the year and the bureau did not replace it: the package’s days count */
      inEffect: boolean;
      replacesPackage: boolean;
      /** @enum {string} */
      source: 'form' | 'xlsx' | 'csv' | 'ics';
      title: string | null;
      updatedAt: string;
      /** @description Display name of who loaded it last */
      updatedBy: string | null;
      version: number;
      workdays: {
        date: string;
        name: string;
      }[];
      year: number;
    };
    StatutoryYearBody: {
      /**
       * @description The notice’s document number, optional
       * @example 国办发明电〔…〕…号
       */
      documentNo?: string | null;
      /** @description 0 when the year has not been loaded */
      expectedVersion: number;
      /** @description Every day off of the year’s arrangement, weekends inside a holiday included */
      holidays: {
        /** @example 2026-10-01 */
        date: string;
        /**
         * @description The festival the day belongs to, as the notice names it (元旦, 春节 …)
         * @example 国庆节
         */
        name: string;
      }[];
      /**
       * @description Required for a year the chinese-days dataset covers: the bureau’s arrangement then replaces the package’s
       * @default false
       */
      replacesPackage: boolean;
      /** @description The notice’s title, optional */
      title?: string | null;
      /** @description Make-up working days (调休上班), each on a Saturday or Sunday */
      workdays: {
        /** @example 2026-10-01 */
        date: string;
        /**
         * @description The festival the day belongs to, as the notice names it (元旦, 春节 …)
         * @example 国庆节
         */
        name: string;
      }[];
    };
    StatutoryYearList: {
      items: components['schemas']['StatutoryYear'][];
    };
    TaskItem: {
      burdenReportId: string | null;
      createdAt: string;
      /** @description the workflow key, or `burden-report` */
      definitionKey: string;
      definitionName: components['schemas']['LocalizedText'];
      dueAt: string | null;
      id: string;
      instanceId: string | null;
      overdue: boolean;
      /**
       * @description act | review | escalation | sign
       * @example act
       */
      purpose: string;
      requesterName: string;
      state: string;
      stateName: components['schemas']['LocalizedText'];
      stepBlocks: string[];
      subjectName: string;
      title: components['schemas']['LocalizedText'];
      workflowBlocks: string[];
    };
    TeachingAwardReport: {
      byLevel: {
        count: number;
        level: string;
      }[];
      ranking: {
        category: string;
        items: {
          instanceId: string;
          level: string | null;
          rank: number;
          schoolId: string;
          schoolName: string;
          score: number;
          state: string;
          title: string;
        }[];
      }[];
      year: string;
    };
    TotpConfirmBody: {
      code: string;
    };
    TotpEnrolment: {
      secret: string;
      /** @description otpauth:// URI to show as a QR code */
      uri: string;
    };
    UpdateDraftBody: {
      definition: {
        [key: string]: unknown;
      };
      expectedRevision: number;
    };
    UpdateOrganisationBody: {
      code?: string | null;
      expectedVersion: number;
      /** @enum {string} */
      groupKind?: 'secondary' | 'primary' | 'kindergarten';
      name?: string;
      parentId?: string | null;
      shortName?: string | null;
      /**
       * @description Accepted only when unchanged
       * @enum {string}
       */
      type?: 'district' | 'group' | 'school' | 'department';
    };
    UpdateUserBody: {
      disabled?: boolean;
      displayName?: string;
      expectedVersion: number;
      /** @description Issue a one-time password (returned once as `password`), to be changed at next sign-in; ends the sessions */
      resetPassword?: boolean;
      /** @description Turn two-factor off (lost phone); the user enrols again */
      resetTwoFactor?: boolean;
      /** @description The full set of grants; replaces the current one */
      roles?: {
        orgId: string;
        /** @enum {string} */
        role:
          | 'bureauAdmin'
          | 'bureauReviewer'
          | 'groupLead'
          | 'principal'
          | 'teacher'
          | 'inspector'
          | 'expert'
          | 'outsideDept'
          | 'securityAdmin'
          | 'auditor';
      }[];
    };
    UserItem: {
      disabled: boolean;
      displayName: string;
      id: string;
      mustChangePassword: boolean;
      roles: {
        orgId: string;
        orgName: string;
        /** @enum {string} */
        role:
          | 'bureauAdmin'
          | 'bureauReviewer'
          | 'groupLead'
          | 'principal'
          | 'teacher'
          | 'inspector'
          | 'expert'
          | 'outsideDept'
          | 'securityAdmin'
          | 'auditor';
      }[];
      twoFactor: boolean;
      username: string;
      version: number;
    };
    UserSummary: {
      displayName: string;
      id: string;
      /** @enum {string} */
      locale: 'zh-CN' | 'en';
      username: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
export const notificationKindValues = [
  'entered',
  'reminder',
  'escalation',
  'chase',
  'copy',
  'sign',
  'returned',
  'security',
  'refused',
] as const satisfies ReadonlyArray<components['schemas']['NotificationKind']>;
/** The bounds the API's zod schemas put on each field the console sends (per body schema; reference data per kind). */
export const formLimits = {
  LoginBody: {
    username: { minLength: 1, maxLength: 64 },
    password: { minLength: 1, maxLength: 256 },
    otp: { maxLength: 10 },
  },
  ChangePasswordBody: {
    currentPassword: { minLength: 1, maxLength: 256 },
    newPassword: { minLength: 1, maxLength: 256 },
  },
  CreateOrganisationBody: {
    name: { minLength: 1, maxLength: 100 },
    shortName: { maxLength: 50 },
    code: { maxLength: 50 },
  },
  UpdateOrganisationBody: {
    name: { minLength: 1, maxLength: 100 },
    shortName: { maxLength: 50 },
    code: { maxLength: 50 },
    expectedVersion: { minimum: 1 },
  },
  UpdateDraftBody: { expectedRevision: { exclusiveMinimum: 0 } },
  MigrationBody: { fromDefinitionId: { minLength: 1 }, limit: { minimum: 1, maximum: 200 } },
  StartInstanceBody: {
    definitionId: { minLength: 1 },
    subjectOrgId: { minLength: 1 },
    'assignments.bureauAdmin': { maxItems: 50 },
    'assignments.bureauAdmin[]': { minLength: 1 },
    'assignments.bureauReviewer': { maxItems: 50 },
    'assignments.bureauReviewer[]': { minLength: 1 },
    'assignments.groupLead': { maxItems: 50 },
    'assignments.groupLead[]': { minLength: 1 },
    'assignments.principal': { maxItems: 50 },
    'assignments.principal[]': { minLength: 1 },
    'assignments.teacher': { maxItems: 50 },
    'assignments.teacher[]': { minLength: 1 },
    'assignments.inspector': { maxItems: 50 },
    'assignments.inspector[]': { minLength: 1 },
    'assignments.expert': { maxItems: 50 },
    'assignments.expert[]': { minLength: 1 },
    'assignments.outsideDept': { maxItems: 50 },
    'assignments.outsideDept[]': { minLength: 1 },
    'assignments.securityAdmin': { maxItems: 50 },
    'assignments.securityAdmin[]': { minLength: 1 },
    'assignments.auditor': { maxItems: 50 },
    'assignments.auditor[]': { minLength: 1 },
  },
  FireEventBody: { comment: { maxLength: 2000 }, expectedVersion: { exclusiveMinimum: 0 } },
  BulkTasksBody: {
    taskIds: { minItems: 1, maxItems: 500 },
    'taskIds[]': { minLength: 1, maxLength: 100 },
    fromUserId: { minLength: 1, maxLength: 100 },
    toUserId: { minLength: 1, maxLength: 100 },
  },
  CreateUserBody: {
    displayName: { minLength: 1, maxLength: 64 },
    password: { minLength: 1, maxLength: 256 },
    roles: { maxItems: 50 },
    'roles[].orgId': { minLength: 1 },
  },
  UpdateUserBody: {
    displayName: { minLength: 1, maxLength: 64 },
    roles: { maxItems: 50 },
    'roles[].orgId': { minLength: 1 },
    expectedVersion: { minimum: 1 },
  },
  CalendarBody: {
    holidays: { maxItems: 366 },
    workdays: { maxItems: 366 },
    vacations: { maxItems: 50 },
    'vacations[].name': { minLength: 1, maxLength: 50 },
    expectedVersion: { minimum: 0 },
  },
  StatutoryYearBody: {
    holidays: { minItems: 1, maxItems: 80 },
    'holidays[].name': { minLength: 1, maxLength: 30 },
    workdays: { maxItems: 40 },
    'workdays[].name': { minLength: 1, maxLength: 30 },
    documentNo: { maxLength: 60 },
    title: { maxLength: 200 },
    expectedVersion: { minimum: 0 },
  },
  'ReferenceData.indicator-system': {
    'content.key': { minLength: 1 },
    'content.version': { exclusiveMinimum: 0 },
    'content.name.zh-CN': { minLength: 1 },
    'content.name.en': { minLength: 1 },
    'content.dimensions': { minItems: 1 },
    'content.dimensions[].key': { minLength: 1 },
    'content.dimensions[].name.zh-CN': { minLength: 1 },
    'content.dimensions[].name.en': { minLength: 1 },
    'content.dimensions[].weight': { maximum: 1, exclusiveMinimum: 0 },
    'content.dimensions[].indicators': { minItems: 1 },
    'content.dimensions[].indicators[].key': { minLength: 1 },
    'content.dimensions[].indicators[].name.zh-CN': { minLength: 1 },
    'content.dimensions[].indicators[].name.en': { minLength: 1 },
    'content.dimensions[].indicators[].maxScore': { exclusiveMinimum: 0 },
    'content.dimensions[].indicators[].scoringGuide.zh-CN': { minLength: 1 },
    'content.dimensions[].indicators[].scoringGuide.en': { minLength: 1 },
    'content.rollup.alpha': { minimum: 0, maximum: 1 },
    'content.rollup.floor': { minimum: 0, maximum: 100 },
    'content.rollup.penalty': { minimum: 0 },
    'content.grades': { minItems: 1 },
    'content.grades[].grade': { minLength: 1 },
    'content.grades[].label.zh-CN': { minLength: 1 },
    'content.grades[].label.en': { minLength: 1 },
  },
  'ReferenceData.whitelist': {
    'content.items': { minItems: 1 },
    'content.items[].code': { minLength: 1 },
    'content.items[].name': { minLength: 1 },
    'content.items[].leadUnit': { minLength: 1 },
    'content.items[].basis': { minLength: 1 },
    'content.items[].content': { minLength: 1 },
    'content.items[].form': { minLength: 1 },
    'content.items[].frequencyPerSemester': { exclusiveMinimum: 0 },
    'content.schoolCapPerSemester': { exclusiveMinimum: 0 },
    'content.leadTimeDays': { minimum: 0 },
    'content.approvedBy.zh-CN': { minLength: 1 },
    'content.approvedBy.en': { minLength: 1 },
    'content.burdenList': { maxItems: 50 },
    'content.burdenList[].code': { minLength: 1, maxLength: 20 },
    'content.burdenList[].name': { minLength: 1, maxLength: 80 },
    'content.burdenList[].rule': { maxLength: 300 },
    'content.emergencyApprovals': { maxItems: 100 },
    'content.emergencyApprovals[].no': { minLength: 1, maxLength: 60 },
    'content.emergencyApprovals[].itemCode': { minLength: 1 },
  },
  'ReferenceData.checklist': {
    'content.key': { minLength: 1, maxLength: 60 },
    'content.items': { minItems: 1, maxItems: 200 },
    'content.items[].code': { minLength: 1, maxLength: 20 },
    'content.items[].title': { minLength: 1, maxLength: 120 },
    'content.items[].guidance': { maxLength: 500 },
    'content.items[].evidence': { maxLength: 200 },
  },
  'ReferenceData.award-rubric': {
    'content.year': { minimum: 2000, maximum: 2100 },
    'content.criteria': { minItems: 1 },
    'content.criteria[].key': { minLength: 1 },
    'content.criteria[].name': { minLength: 1 },
    'content.criteria[].maxScore': { exclusiveMinimum: 0 },
    'content.schoolQuota': { exclusiveMinimum: 0 },
    'content.expertsPerSubmission': { minimum: 3 },
    'content.outlierThreshold': { exclusiveMinimum: 0 },
    'content.quotas.achievement[].count': { minimum: 0 },
    'content.quotas.course[].count': { minimum: 0 },
  },
  BulkStartBody: {
    definitionId: { minLength: 1 },
    subjectOrgIds: { minItems: 1, maxItems: 500 },
    'subjectOrgIds[]': { minLength: 1, maxLength: 100 },
    'assignments.bureauAdmin': { maxItems: 50 },
    'assignments.bureauAdmin[]': { minLength: 1 },
    'assignments.bureauReviewer': { maxItems: 50 },
    'assignments.bureauReviewer[]': { minLength: 1 },
    'assignments.groupLead': { maxItems: 50 },
    'assignments.groupLead[]': { minLength: 1 },
    'assignments.principal': { maxItems: 50 },
    'assignments.principal[]': { minLength: 1 },
    'assignments.teacher': { maxItems: 50 },
    'assignments.teacher[]': { minLength: 1 },
    'assignments.inspector': { maxItems: 50 },
    'assignments.inspector[]': { minLength: 1 },
    'assignments.expert': { maxItems: 50 },
    'assignments.expert[]': { minLength: 1 },
    'assignments.outsideDept': { maxItems: 50 },
    'assignments.outsideDept[]': { minLength: 1 },
    'assignments.securityAdmin': { maxItems: 50 },
    'assignments.securityAdmin[]': { minLength: 1 },
    'assignments.auditor': { maxItems: 50 },
    'assignments.auditor[]': { minLength: 1 },
  },
  FileBurdenReportBody: {
    burdenItem: { minLength: 1, maxLength: 20 },
    description: { minLength: 5, maxLength: 2000 },
    hours: { minimum: 0, maximum: 200 },
  },
  ResolveBurdenReportBody: { resolution: { minLength: 2, maxLength: 2000 }, expectedVersion: { exclusiveMinimum: 0 } },
  CreateDelegationBody: { toUserId: { minLength: 1 }, reason: { minLength: 2, maxLength: 200 } },
  MergeCampusEntryBody: {
    'survivor.id': { minLength: 1, maxLength: 100 },
    'survivor.expectedVersion': { exclusiveMinimum: 0 },
    absorbed: { minItems: 1, maxItems: 20 },
    'absorbed[].id': { minLength: 1, maxLength: 100 },
    'absorbed[].expectedVersion': { exclusiveMinimum: 0 },
    comment: { maxLength: 2000 },
  },
} as const;
