/**
 * The hub's operations as TypeScript types, generated from its /openapi.json by `npm run gen:api`.
 * Do not edit by hand: a test fails when this file no longer matches the hub.
 */

export interface paths {
    "/auth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The identity provider’s redirect back to the hub (OIDC mode)
         * @description Exchanges the code, maps the claims to a principal, sets the session cookie and redirects (302) to `returnTo`. 400 when the answer does not match the pending sign-in; 403 `no-hub-role` when the person holds none of the hub’s roles.
         */
        get: operations["completeConsoleOidcSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How people sign in to the web console
         * @description Answers 404 `console-sign-in-off` when neither OIDC (OIDC_ISSUER_URL) nor the dev sign-in (AUTH_DEV_SIGN_IN) is configured.
         */
        get: operations["getConsoleAuthConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/dev/principals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Demo principals for the dev sign-in (dev mode only) */
        get: operations["listConsoleDevPrincipals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/dev/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to the console as a demo principal (dev mode only)
         * @description Sets the httpOnly session cookie `hub_session` and answers the session.
         */
        post: operations["signInConsoleDev"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in console session, with its CSRF token
         * @description 401 `session-missing` without the cookie, `session-expired` once the session ended (absolute or idle limit).
         */
        get: operations["getConsoleSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sign in to the console through the identity provider (OIDC mode)
         * @description Redirects (302) to the IdP: authorization code flow with PKCE, state and nonce. `returnTo` must be a path on this hub.
         */
        get: operations["signInConsoleOidc"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the console session
         * @description Needs `x-csrf-token` while the session is live (403 `csrf-token-invalid`). Clears the cookie; in OIDC mode answers the identity provider’s end-session URL.
         */
        post: operations["signOutConsole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up and serving */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: request counts and latency, outbox lag, queue depth */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: PostgreSQL, Kafka and Redis all answer
         * @description Answers 503 naming each dependency that is down.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Access requests visible to the caller, newest first */
        get: operations["listAccessRequests"];
        put?: never;
        /**
         * File an access request: unconditional ⇒ granted at once, not shared ⇒ refused, conditional ⇒ pending
         * @description `period` is a span of China Standard Time days that must not start in the past; the grant that answers the request is usable from its first day. A conditional request is decided by the provider's stewards within REQUEST_DECISION_WORKDAYS working days (`decisionDeadline`); past it the request is flagged overdue. Fetch with the same `purpose.code` once granted.
         */
        post: operations["createAccessRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One access request */
        get: operations["getAccessRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-requests/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve (possibly narrowed) or refuse (with reasons) a pending request: the provider's stewards only
         * @description Approving makes one grant: the requested items or a subset, masking per item, row conditions, a period within the requested one, per-minute and per-day limits and the consumer accounts that may use it. A refusal needs a `reason`. Another department's request is 403; a request already decided or withdrawn is 409.
         */
        post: operations["decideAccessRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-requests/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every state change of a request and its grant */
        get: operations["getAccessRequestTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-requests/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a pending request (the requester only) */
        post: operations["withdrawAccessRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-webhooks/{department}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The department's access-event webhook */
        get: operations["getAccessWebhook"];
        /** Set the department's access-event webhook (URL and signing secret) */
        put: operations["setAccessWebhook"];
        post?: never;
        /** Stop the department's access-event webhook */
        delete: operations["deleteAccessWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-webhooks/{department}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook's deliveries in position order; status=dead is its dead-letter list */
        get: operations["listAccessWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-webhooks/{department}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver again, in order, every change from the given one on (dead letters included) */
        post: operations["replayAccessWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/adapters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configured department adapters, the record kinds they serve, and their health */
        get: operations["listAdapters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/jobs/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List background jobs that failed on every attempt */
        get: operations["listDeadLetterJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/jobs/dead-letters/{queue}/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a dead-lettered job back in its queue with a fresh set of attempts */
        post: operations["retryDeadLetterJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/aggregates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Record counts (allowed/denied) grouped by principal, department, action, outcome, reason, day, department and day, or weekday and hour
         * @description A bare call counts the last 30 days by department. `accessesOnly=true` counts only data accesses (exchange.fetch, certificates.fetch, cases.read).
         */
        get: operations["aggregateAuditRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/anomalies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Findings of one anomaly rule (or of every rule), each with the records behind it
         * @description Without `kind`, every rule runs with its default threshold over the last 30 days (`kind` in the answer is `all`; each finding names its rule). access-without-case: data accesses with no case number; after-grant-end: attempts denied as grant-expired or grant-revoked; volume-spike: hours with more than `threshold` (default 3) × the principal median hourly accesses; off-hours-bulk: more than `threshold` (default 50) accesses in an hour outside 08:00–18:00 China Standard Time on a working day (weekends and configured holidays, WORKDAY_HOLIDAYS, are off-hours all day; make-up workdays, WORKDAY_MAKEUP_DAYS, are working days); repeated-denials: at least `threshold` (default 5) denials; failed-authentications: at least `threshold` (default 10) failed authentications from one source address (principal `unauthenticated:<address>`), counting the per-interval summaries.
         */
        get: operations["listAuditAnomalies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoint-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys (JWKS) that verify audit checkpoint signatures */
        get: operations["getAuditCheckpointKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signed checkpoints of the audit chain, newest first */
        get: operations["listAuditCheckpoints"];
        put?: never;
        /** Sign the current chain head now */
        post: operations["createAuditCheckpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/my-accesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a citizen: which departments accessed data about me, when, and why */
        get: operations["listMyDataAccesses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/my-subscription-recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For a citizen: which departments received my records through subscriptions, and when */
        get: operations["listMySubscriptionRecipients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the audit trail: who accessed which data, when, why, with what outcome
         * @description Filters without a data subject. To search by subject, `POST /v1/audit/records/search` (a personal identifier never goes into a URL).
         */
        get: operations["searchAuditRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/records/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export matching audit records, oldest first, streamed as NDJSON or CSV
         * @description Needs `from` and `to` (at most 366 days apart); the body is streamed. To export by data subject, `POST /v1/audit/records/export`.
         */
        get: operations["exportAuditRecords"];
        put?: never;
        /**
         * Export matching audit records with the filters in the body (also by data subject)
         * @description The same filters and range rules as `GET /v1/audit/records/export` (`from` and `to` required, at most 366 days apart), plus `subjectId`.
         */
        post: operations["exportAuditRecordsBySubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/records/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search the audit trail with the filters in the body (the only way to search by data subject)
         * @description The same filters and paging as `GET /v1/audit/records`, plus `subjectId`; answers the same page. A read: no Idempotency-Key.
         */
        post: operations["searchAuditRecordsBySubject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/subscription-recipients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Replaced by `POST /v1/audit/subscription-recipients/search`; answers 400 `subject-in-query`
         * @deprecated
         */
        get: operations["listSubscriptionRecipients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/subscription-recipients/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * For an auditor: which departments received a person’s records through subscriptions, and when
         * @description A read with the subject in the body (never in the URL); no Idempotency-Key.
         */
        post: operations["searchSubscriptionRecipients"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Re-walk the hash chain and name the first broken record */
        get: operations["verifyAuditTrail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cases by department, status, acceptance date and overdue state, newest first (audited)
         * @description Without `department`, your own department's cases. A window clerk's open cases: `status=accepted`.
         */
        get: operations["listCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case with its timeline, masked to what you may see (audited) */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseNumber}/materials/{materialCode}/fetch-certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch the applicant’s certificate for a required material of an open case; audited
         * @description Send `{}` (content-type application/json) when you have no options. The hub looks the certificate up by the case's applicant (or `holder: agent`) among the types the material accepts: `found` comes with the certificate, its signed `document` (compact JWS, ES256, verifiable offline against `GET /v1/certificates/issuers/{department}/jwks`) and the hub's verification; `ambiguous` lists candidates to choose from with `certificateId`; `not-found`, `expired` and `revoked` say why there is none. Only a clerk of the case's department fetches, only while the case is open.
         */
        post: operations["fetchCaseCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseNumber}/shareable-materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which required materials of a case can be obtained by sharing, and which already were */
        get: operations["listShareableMaterials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/applicant-search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One number (一号申请): an applicant's cases across departments that you may see (audited) */
        post: operations["searchCasesByApplicant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/backfill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Copies of the case events recorded in a window, for your department under the grant it holds now (audited) */
        post: operations["backfillCaseEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record one change of a case (basic info, a step, a special procedure or the result); idempotent by case number and sequence
         * @description Sequence 1 is the basic info (acceptance); each later change takes the next integer: steps review → decide → complete (a stage may repeat, never go back), special procedures, and the result after completion. The same change again replays the first receipt (header `idempotent-replayed: true`); another change under a used sequence is 409, a gap is 409 `sequence-gap`. The accepting department must be the caller's, the service item known; shared and certificate materials name their `reference`. Each accepted change is published on `case-events`, keyed by the case number.
         */
        post: operations["recordCaseChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/changes/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record up to 500 case changes, all or nothing; the problem lists every failing change */
        post: operations["recordCaseChangeBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per department: accepted, completed, on time, one visit, materials shared vs on paper
         * @description A bare call covers the cases accepted in the last 30 days. Oversight roles (admin, reviewer) see every department, everyone else their own.
         */
        get: operations["getCaseStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/webhook-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** JWKS of the keys that sign webhook deliveries (detached ES256 or SM2-SM3 JWS in x-hub-signature, a second in x-hub-signature-2) */
        get: operations["getCaseWebhookKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions with their pending and dead-lettered counts */
        get: operations["listCaseWebhooks"];
        put?: never;
        /** Subscribe a department's URL to the case events its grant covers */
        post: operations["createCaseWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop a webhook subscription */
        delete: operations["deleteCaseWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's deliveries in position order; status=dead is its dead-letter list */
        get: operations["listCaseWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/webhooks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver again, in order, every event from the given one on (dead letters included) */
        post: operations["replayCaseWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One issuer's certificates, newest first (its issuing roles and hub oversight; audited) */
        get: operations["listCertificates"];
        put?: never;
        /** Issue a certificate of a type the caller’s department issues; answers it signed */
        post: operations["issueCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One certificate, signed (its issuer and hub oversight only) */
        get: operations["getCertificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend, reinstate or revoke a certificate (its issuer only), with a reason */
        post: operations["changeCertificateStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/issuers/{department}/jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys an issuing department signs certificates with (current and retired) */
        get: operations["getCertificateIssuerJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/issuers/{department}/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start signing with a new key; the old one stays for verification */
        post: operations["rotateCertificateSigningKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/stats/materials-avoided": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Paper materials replaced by sharing per service item and department, against the goals
         * @description A bare call covers the cases accepted in the last 30 days. Admins, reviewers and the leaders of a city-wide office (`DASHBOARD_CITYWIDE_DEPARTMENTS`) see every department; other leaders, stewards and clerks their own.
         */
        get: operations["getMaterialsAvoided"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All certificate types */
        get: operations["listCertificateTypes"];
        put?: never;
        /** Register a certificate type (admin, or the issuing department’s steward) */
        post: operations["registerCertificateType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a signed certificate document: signature, key, and current status */
        post: operations["verifyCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dashboard/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Month by month: cases, on-time and one-visit completions, materials replaced, data exchanged
         * @description For leaders, admins and reviewers, aggregates only. Admins, reviewers and the leaders of a city-wide office (`DASHBOARD_CITYWIDE_DEPARTMENTS`, by default the big-data office) read every department together; any other leader reads their own department only — `scope` says which. Adds what /v1/cases/statistics and /v1/certificates/stats/materials-avoided (which follow the same scope) do not give: the monthly trend (China Standard Time months), access requests past their decision deadline per provider, and the health of the department adapters. A bare call covers the last 365 days; at most three years.
         */
        get: operations["getDashboardIndicators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List departments in code order, filtered, one page at a time */
        get: operations["listDepartments"];
        put?: never;
        /** Register a department */
        post: operations["createDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/departments/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One department by code */
        get: operations["getDepartment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a department's name, credit code or parent */
        patch: operations["updateDepartment"];
        trace?: never;
    };
    "/v1/exchange/fetch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fetch the records of a resource about one or more subjects, as a grant allows
         * @description Checks the caller’s grant (resource, version, purpose, row conditions, rate and daily volume), reads the department system through its adapter (or the hub-held copy), returns only granted items masked as the grant says, with provenance. Every subject, allowed or denied, is audited before the answer is sent.
         */
        post: operations["fetchRecords"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grants visible to the caller, newest first */
        get: operations["listGrants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One grant */
        get: operations["getGrant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grants/{id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend an active or expired grant, at most a year from today */
        post: operations["renewGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/grants/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a grant with a reason; it stops working from the next request on */
        post: operations["revokeGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Objections visible to the caller, newest first */
        get: operations["listObjections"];
        put?: never;
        /**
         * Raise a data objection (数据异议) on a resource, a received record or a case’s certificate
         * @description A record is named by the fetch that returned it (`fetchRequestId` = its `x-request-id`), never by a person’s identifier: the hub checks on its audit trail that your department received it. The provider must answer within the working days configured for the data’s share type.
         */
        post: operations["raiseObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One objection */
        get: operations["getObjection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The provider’s steward confirms and corrects, or rejects with a reason (校核) */
        post: operations["answerObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one evidence file of an objection */
        get: operations["getObjectionAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections/{id}/response": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The objector accepts the answer or escalates it to the big-data office */
        post: operations["respondToObjectionAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections/{id}/ruling": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The reviewer upholds or dismisses an escalated objection */
        post: operations["ruleOnObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every step of an objection */
        get: operations["getObjectionTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/objections/quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per provider: objections raised, confirmed, rejected, open, overdue, median time to answer */
        get: operations["getObjectionQuality"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the catalog: keywords, filters, facet counts, cursor pages */
        get: operations["listResources"];
        put?: never;
        /** Register a resource of the steward's department as a draft */
        post: operations["createResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A resource: its current version, or its draft before the first publication */
        get: operations["getResource"];
        /** Replace the draft, or start a new draft version of a published resource */
        put: operations["updateResource"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{code}/deprecate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deprecate a published resource */
        post: operations["deprecateResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{code}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the submission: it becomes the current version */
        post: operations["publishResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{code}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return the submission to its steward with comments */
        post: operations["returnResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{code}/source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the exchange serves a resource: adapter, record kind, live or hub-held
         * @description The stored setting (`origin: explicit`), or for a published resource without one what the convention derives (`origin: convention`). For the providing department’s stewards and admins.
         */
        get: operations["getResourceSource"];
        /**
         * Say how the exchange serves a resource
         * @description Replaces the setting as a whole. The adapter must be configured, serve the record kind, and support look-ups by subject (live) or a change feed (hub-held). Stewards may name only their own department’s adapters. Audited as `exchange.source.set`, allowed or denied. Answers once every instance’s fetch cache has turned over (about a second), so the next fetch anywhere uses the new source.
         */
        put: operations["setResourceSource"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{code}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit the draft for review */
        post: operations["submitResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{code}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The version history of a resource, newest first */
        get: operations["listResourceVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{code}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a resource */
        get: operations["getResourceVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/{code}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a deprecated resource from the catalog */
        post: operations["withdrawResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published catalog, streamed, as our JSON or as DCAT-AP 3 JSON-LD */
        get: operations["exportResources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/resources/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register many drafts at once: all or nothing, with every problem listed per row */
        post: operations["importResources"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the 事项 catalog: Chinese keywords, department, type, status; cursor pages
         * @description Every keyword (space-separated, one or two Chinese characters are fine) must match the code, name, implementation code, department name or a material name. Pages are in code order; pass `nextCursor` as `cursor` for the next one.
         */
        get: operations["listServiceItems"];
        put?: never;
        /**
         * Create a service item with its materials (version 1); admins or the handling department’s steward
         * @description The basic and implementation codes are checked against the configured patterns, the implementing body’s credit code (GB 32100) and division (GB/T 2260) are validated, and every certificate type and resource a material names must exist. A taken code is 409 `service-item-exists`.
         */
        post: operations["createServiceItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-items/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service item in its current version, with its materials */
        get: operations["getServiceItem"];
        /**
         * Make the next version of a service item; cases keep the version they were accepted under
         * @description Items synced from the province answer 409 `service-item-maintained-by-province` unless an admin sends `overrideProvince: true` (the item is then maintained in the hub, and later province changes of it are skipped). A retired item answers 409 `service-item-retired`.
         */
        put: operations["updateServiceItem"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-items/{code}/materials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The materials of a service item and what can replace the paper */
        get: operations["listServiceItemMaterials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-items/{code}/materials/{materialCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Define or replace a material of a service item (a new version); admins or the handling department’s steward
         * @description Every certificate type and resource named must exist (400 `unknown-certificate-type` / `unknown-resource`, naming the field). On an item synced from the province only what replaces the paper (`certificateTypes`, `resourceCodes`) of an existing material may change.
         */
        put: operations["putServiceItemMaterial"];
        post?: never;
        /** Remove a material from a service item (a new version); admins or the handling department’s steward */
        delete: operations["deleteServiceItemMaterial"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-items/{code}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a service item (a new version): new cases under it are refused */
        post: operations["retireServiceItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-items/{code}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service item as it was in one version (e.g. the version a case was accepted under) */
        get: operations["getServiceItemVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-items/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create many service items at once from JSON or CSV: all or nothing, every problem listed per row
         * @description JSON: `{"items": [ServiceItemDraft…]}`, problems at `/body/items/<i>/…`. CSV (`Content-Type: text/csv`): header `code,implementationCode,name,type,department,legalBasis,promisedWorkingDays,oneVisit,materialCode,materialName,materialRequired,paperCopies,certificateTypes,resourceCodes`, one row per material (rows of one item share its code; item columns may be left blank after its first row), lists separated by `;`, `type` as code or Chinese name (行政许可 …); problems at `/body/rows/<line>/<column>`.
         */
        post: operations["importServiceItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service-items/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pull the provincial platform’s service items now (admins; it also runs on a schedule)
         * @description Items new or changed at the province are written with `origin: province` (a new version when something changed); items the hub maintains locally under the same code are skipped, not overwritten.
         */
        post: operations["syncServiceItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller department’s subscriptions with their position and lag */
        get: operations["listSubscriptions"];
        put?: never;
        /**
         * Subscribe the caller’s department to a granted resource: a snapshot, then every change
         * @description Delivers the hub-held records of the resource that the grant lets through — granted items only, masked, only rows meeting its conditions — to the department’s Kafka topic or its own PostgreSQL table. Revoking or expiring the grant stops delivery before the next batch.
         */
        post: operations["createSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscription with its position and lag */
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Records the target refused on their own, set aside so the stream moved on */
        get: operations["listSubscriptionDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/dead-letters/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the dead letters again, as the records are now and under the grant as it is now */
        post: operations["replaySubscriptionDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file snapshots of a `file` subscription with their signed manifests */
        get: operations["listSubscriptionFiles"];
        put?: never;
        /** Make a file snapshot (NDJSON and CSV) of a `file` subscription, with a signed manifest */
        post: operations["createSubscriptionFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/files/{fileId}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one file of a snapshot (its SHA-256 is in the manifest) */
        get: operations["downloadSubscriptionFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause delivery */
        post: operations["pauseSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-send to a front-end table every eligible record it lacks or holds at an older position */
        post: operations["resendMissingSubscriptionRecords"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Records eligible at the subscription’s position, and a checksum to compare the consumer’s copy with */
        get: operations["reconcileSubscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/resnapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver the whole granted copy again from position 0 (e.g. after the grant was narrowed) */
        post: operations["resnapshotSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume delivery */
        post: operations["resumeSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The authenticated caller, as the hub sees it
         * @description The principal from the verified token: `sub`, `dept`, `roles`, `district`, and for a citizen the resident ID (`idNumber`, masked here).
         */
        get: operations["getCurrentPrincipal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AccessDecision
         * @description The provider steward's decision on a pending conditional request. An approval may narrow, never widen, the request.
         */
        AccessDecision: {
            /** @description Most records per day; at most the requested expected volume. */
            dailyVolumeCap?: number;
            /** @description Items granted: a subset of the requested items (default: all requested). */
            items?: string[];
            masking?: components["schemas"]["AccessMasking"];
            /**
             * @description Approve (a grant is made) or refuse.
             * @enum {string}
             */
            outcome: "approve" | "refuse";
            period?: components["schemas"]["AccessPeriod"];
            /** @description Most fetches per minute. */
            rateLimitPerMinute?: number;
            /** @description Why; mandatory for a refusal, an optional note for an approval. */
            reason?: string;
            rowConditions?: components["schemas"]["AccessRowConditions"];
            /** @description Only these service-account subjects of the consumer may use the grant (default: any of its principals). */
            subjects?: string[];
        };
        /**
         * AccessEvent
         * @description Payload of access events (topic `access-events`, key = request id): access.requested, access.granted, access.refused, access.withdrawn, access.overdue, grant.revoked, grant.renewed, grant.expired.
         */
        AccessEvent: {
            /** @description Who caused it (`hub` for automatic steps). */
            actor: string;
            /** @description Requesting department. */
            consumerDepartment: string;
            /** @description The grant concerned, if any. */
            grantId: string | null;
            /** @description Deciding department. */
            providerDepartment: string;
            /** @description Reason of a refusal, withdrawal or revocation. */
            reason: string | null;
            /** @description The request. */
            requestId: string;
            /** @description The resource. */
            resourceCode: string;
            /** @description Request status after the change (or the grant status for grant.* events). */
            status: string;
        };
        /**
         * AccessMasking
         * @description Masking per information item code: `resident-id` keeps the first 6 and last 4 characters, `phone` the first 3 and last 4 digits, `name` the surname.
         */
        AccessMasking: {
            [key: string]: "resident-id" | "phone" | "name";
        };
        /**
         * AccessPeriod
         * @description A span of China Standard Time calendar days, both ends included.
         */
        AccessPeriod: {
            /**
             * Format: date
             * @description First day (YYYY-MM-DD).
             */
            from: string;
            /**
             * Format: date
             * @description Last day (YYYY-MM-DD), after `from`.
             */
            to: string;
        };
        /**
         * AccessPurpose
         * @description The purpose of use stated in a request and carried by the grant.
         */
        AccessPurpose: {
            /** @description Kebab-case purpose code, e.g. `administrative-basis`, `data-verification`, `business-collaboration`. */
            code: string;
            /** @description The purpose in words. */
            text: string;
        };
        /**
         * AccessRequest
         * @description An access request and where it stands.
         */
        AccessRequest: {
            /** @description Code of the requesting department. */
            consumerDepartment: string;
            /**
             * Format: date-time
             * @description When it was filed.
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description When it was decided or withdrawn.
             */
            decidedAt: string | null;
            /** @description Who decided (`hub` for automatic decisions). */
            decidedBy: string | null;
            /**
             * Format: date-time
             * @description When the provider must have decided (conditional requests only).
             */
            decisionDeadline: string | null;
            /** @description Reason of a refusal or withdrawal, note of an approval. */
            decisionReason: string | null;
            /** @description Expected records per day. */
            expectedVolume: number;
            /** @description The grant made for this request, if granted. */
            grantId: string | null;
            /** @description Request id. */
            id: string;
            /** @description Requested item codes. */
            items: string[];
            /** @description Stated legal basis. */
            legalBasis: string;
            /** @description Pending past its decision deadline. */
            overdue: boolean;
            period: components["schemas"]["AccessPeriod"];
            /** @description Code of the department that decides. */
            providerDepartment: string;
            purpose: components["schemas"]["AccessPurpose"];
            /** @description Subject of the principal who filed the request. */
            requestedBy: string;
            /** @description The requested resource. */
            resourceCode: string;
            /** @description The published version the items were checked against. */
            resourceVersion: number;
            /** @description Service items served. */
            serviceItems: string[];
            /**
             * @description How the request was decided: the strictest share type of the resource and the requested items when it was filed.
             * @enum {string}
             */
            shareType: "unconditional" | "conditional" | "not-shared";
            /**
             * @description pending: awaiting the provider; granted: a grant exists; refused: with a reason; withdrawn by the requester.
             * @enum {string}
             */
            status: "pending" | "granted" | "refused" | "withdrawn";
            /**
             * Format: date-time
             * @description Last change.
             */
            updatedAt: string;
        };
        /**
         * AccessRequestCreate
         * @description A consumer department's request (共享申请) for information items of a published resource.
         */
        AccessRequestCreate: {
            /** @description Expected number of records fetched per day. */
            expectedVolume: number;
            /** @description Codes of the requested information items: a subset of the current published version's items. */
            items: string[];
            /** @description The law, regulation or policy that makes the use lawful. */
            legalBasis: string;
            period: components["schemas"]["AccessPeriod"];
            purpose: components["schemas"]["AccessPurpose"];
            /** @description The rendered code of the requested resource, e.g. `203001/00001`. */
            resourceCode: string;
            /** @description Codes of the government service items (事项) the data serves. */
            serviceItems: string[];
        };
        /**
         * AccessRequestList
         * @description One page of access requests, newest first.
         */
        AccessRequestList: {
            /** @description The requests of this page. */
            items: components["schemas"]["AccessRequest"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * AccessRowConditions
         * @description Which records a grant covers; every stated condition must hold. Empty: all records of the resource.
         */
        AccessRowConditions: {
            /**
             * @description Only records whose subject is the applicant of an open case of the consumer department.
             * @enum {boolean}
             */
            applicantOfOpenCase?: true;
            /** @description Only records of these GB/T 2260 districts. */
            districtIn?: string[];
        };
        /**
         * AccessTimeline
         * @description Every state change of one access request, oldest first.
         */
        AccessTimeline: {
            /** @description The changes in order. */
            entries: {
                /** @description Subject who caused it (`hub` for automatic steps). */
                actor: string;
                /**
                 * Format: date-time
                 * @description When.
                 */
                at: string;
                /** @description Extra facts, e.g. the grant id or the deadline. */
                details: {
                    [key: string]: unknown;
                };
                /** @description Reason or note. */
                note: string | null;
                /** @description Request status after the change (the grant's status for grant.* entries). */
                status: string;
                /** @description Event type, e.g. `access.requested`, `access.granted`, `grant.revoked`. */
                type: string;
            }[];
            /** @description The request. */
            requestId: string;
        };
        /**
         * AccessWebhook
         * @description A department's access-event webhook (the secret is never shown).
         */
        AccessWebhook: {
            /** @description The department whose requests and grants are reported. */
            department: string;
            /**
             * Format: date-time
             * @description When it was set last.
             */
            updatedAt: string;
            /** @description Who set it last. */
            updatedBy: string;
            /** @description Where events are posted. */
            url: string;
        };
        /**
         * AccessWebhookDeliveries
         * @description Deliveries of a department's access webhook, in position order.
         */
        AccessWebhookDeliveries: {
            /** @description The deliveries. */
            items: {
                /** @description Delivery attempts so far. */
                attempts: number;
                /**
                 * Format: date-time
                 * @description When the receiver acknowledged it.
                 */
                deliveredAt: string | null;
                /** @description The change's id, sent as `x-hub-event-id` (`fromEventId` for replay). */
                eventId: string;
                /** @description Why the last attempt failed. */
                lastError: string | null;
                /** @description Position of the delivery in the webhook's stream. */
                position: string;
                /** @description The access request; its deliveries are sent in order. */
                requestId: string;
                /**
                 * @description Delivery state; `dead` is the dead-letter list.
                 * @enum {string}
                 */
                status: "pending" | "delivered" | "dead";
            }[];
        };
        /**
         * AccessWebhookDelivery
         * @description The JSON body the hub posts to a department webhook for one change of a request or its grant. Receivers de-duplicate by `id` (delivery is at least once).
         */
        AccessWebhookDelivery: {
            /** @description Who caused it (`hub` for automatic steps). */
            actor: string;
            /**
             * Format: date-time
             * @description When the change happened.
             */
            at: string;
            /** @description Requesting department. */
            consumerDepartment: string;
            /** @description Extra facts such as the grant id or the deadline. */
            details: Record<string, never>;
            /** @description Unique id of the change (`access-<n>`). */
            id: string;
            /** @description Reason or note. */
            note: string | null;
            /** @description Deciding department. */
            providerDepartment: string;
            /** @description The request. */
            requestId: string;
            /** @description The resource. */
            resourceCode: string;
            /** @description Request status (grant status for grant.* types) after the change. */
            status: string;
            /** @description Event type, e.g. `access.granted`, `grant.revoked`. */
            type: string;
        };
        /**
         * AccessWebhookReplay
         * @description What a replay queued again.
         */
        AccessWebhookReplay: {
            /** @description Deliveries from the given event on (delivered or dead) queued again, in order. */
            requeued: number;
        };
        /**
         * AccessWebhookSettings
         * @description Where the hub posts a department's access events, and the secret that signs them.
         */
        AccessWebhookSettings: {
            /** @description Shared secret: `x-hub-signature` is `sha256=` + hex HMAC-SHA256 of `<x-hub-timestamp>.<body>` under it. Never returned. */
            secret: string;
            /**
             * Format: uri
             * @description http(s) URL that receives a POST per event.
             */
            url: string;
        };
        /**
         * AccessWithdrawal
         * @description The requester withdraws a pending request.
         */
        AccessWithdrawal: {
            /** @description Why, if the requester says. */
            reason?: string;
        };
        /**
         * AdapterList
         * @description The department adapters configured on this hub.
         */
        AdapterList: {
            /** @description One entry per configured adapter. */
            items: {
                /** @description Code of the department whose system the adapter talks to. */
                department: string;
                /** @description Whether the department system answers right now. */
                health: {
                    /**
                     * @description State of the circuit breaker in front of the system.
                     * @enum {string}
                     */
                    breaker: "closed" | "open" | "half-open";
                    /** @description Why it is degraded or down. */
                    detail?: string;
                    /**
                     * @description Overall health.
                     * @enum {string}
                     */
                    status: "up" | "degraded" | "down";
                };
                /** @description Canonical record kinds the adapter serves (schemas/records/). */
                kinds: string[];
                /** @description Adapter name, e.g. hrss; also its ADAPTER_<NAME>_* configuration prefix. */
                name: string;
                /** @description Directory resource codes this adapter serves. */
                resourceCodes: string[];
            }[];
        };
        /**
         * AuditAccessPage
         * @description A citizen's view: who accessed records about them, newest first.
         */
        AuditAccessPage: {
            /** @description Accesses of this page, newest first. */
            items: {
                /** @description What was done, e.g. `exchange.fetch`. */
                action: string;
                /** @description The case (办件) the access served. */
                caseNumber: string | null;
                /** @description The department that accessed the data. */
                department: string | null;
                /** @description Information items returned. */
                items: string[];
                /**
                 * Format: date-time
                 * @description When.
                 */
                occurredAt: string;
                /** @description The declared purpose (a code, e.g. `administrative-basis`, `case-handling`). */
                purpose: string | null;
                /** @description The purpose in the caller's own words, when they gave it (e.g. 核验住房公积金缴存情况). */
                purposeText: string | null;
                /** @description Which information resource. */
                resourceId: string | null;
                /** @description Kind of thing accessed, e.g. `resource`. */
                resourceType: string;
            }[];
            /** @description Pass as `cursor` for the next (older) page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * AuditAggregateReport
         * @description Record counts over a time range, grouped by one key (at most 1,000 groups) or by two (`department-day`, `weekday-hour`: at most 10,000 pairs).
         */
        AuditAggregateReport: {
            /**
             * Format: date-time
             * @description Start of the range.
             */
            from: string;
            /**
             * @description The grouping key; `day` is the calendar day in China Standard Time; `reason` the refusal reason (null for allowed records); `department-day` groups by department (`key`) and day (`subKey`); `weekday-hour` by ISO weekday 1–7 (`key`, Monday = 1) and hour 00–23 (`subKey`), both in China Standard Time.
             * @enum {string}
             */
            groupBy: "principal" | "department" | "action" | "outcome" | "reason" | "day" | "department-day" | "weekday-hour";
            /** @description One entry per group, largest first (by day and by two keys: in key order). */
            items: {
                /** @description Of which allowed. */
                allowed: number;
                /** @description Of which denied. */
                denied: number;
                /** @description The group's value (null: records without one, e.g. no department). */
                key: string | null;
                /** @description The second key of a two-key grouping: the day (`department-day`) or the hour (`weekday-hour`). */
                subKey?: string;
                /** @description Records in the group. */
                total: number;
            }[];
            /**
             * Format: date-time
             * @description End of the range (exclusive).
             */
            to: string;
        };
        /**
         * AuditAnomaly
         * @description One finding of an anomaly report: a principal whose accesses in a window look wrong, with the records behind it.
         */
        AuditAnomaly: {
            /** @description volume-spike only: the principal's median hourly accesses over the report's range. */
            baseline: number | null;
            /** @description Matching records in the window. */
            count: number;
            /** @description The caller's department. */
            department: string | null;
            /** @description A /v1/audit/records search listing the principal's records in the window. */
            drillDown: string;
            /**
             * @description Which rule found it.
             * @enum {string}
             */
            kind: "access-without-case" | "after-grant-end" | "volume-spike" | "off-hours-bulk" | "repeated-denials" | "failed-authentications";
            /** @description The caller subject (officer or service account). */
            principal: string;
            /** @description The first (up to 100) matching record ids, oldest first: the drill-down. */
            recordIds: number[];
            /**
             * Format: date-time
             * @description End of the window (exclusive).
             */
            windowEnd: string;
            /**
             * Format: date-time
             * @description Start of the window (the report's range, or the hour for per-hour rules).
             */
            windowStart: string;
        };
        /**
         * AuditAnomalyReport
         * @description Findings of one anomaly rule (or of every rule, `kind` = `all`) over a time range, largest first (at most 500 per rule).
         */
        AuditAnomalyReport: {
            /**
             * Format: date-time
             * @description Start of the range examined.
             */
            from: string;
            /** @description The findings. */
            items: components["schemas"]["AuditAnomaly"][];
            /**
             * @description The rule applied; `all` when the call named none and every rule ran with its default threshold.
             * @enum {string}
             */
            kind: "access-without-case" | "after-grant-end" | "volume-spike" | "off-hours-bulk" | "repeated-denials" | "failed-authentications" | "all";
            /** @description The rule's threshold used: k for volume-spike, records per hour for off-hours-bulk, denials for repeated-denials, failed authentications per source for failed-authentications; unused by the other rules; absent for `all`. */
            threshold?: number;
            /**
             * Format: date-time
             * @description End of the range examined (exclusive).
             */
            to: string;
        };
        /**
         * AuditCheckpoint
         * @description A signed statement of the audit chain's state: the chain up to record `lastId` ends in `lastHash`.
         */
        AuditCheckpoint: {
            /** @description Records appended up to `lastId`. */
            count: number;
            /** @description Checkpoint id, increasing in the order they were made. */
            id: number;
            /** @description The compact JWS (ES256, or SM2-SM3 per ADR 0007) over the canonical JSON of lastId, lastHash, count and signedAt; verifiable with the published keys, independently of the hub. */
            jws: string;
            /** @description `kid` of the signing key: its JWK thumbprint, listed at /v1/audit/checkpoint-keys. */
            keyId: string;
            /** @description The hash of record `lastId` (SHA-256, hex). */
            lastHash: string;
            /** @description The chain position signed (a record id; 0 for an empty trail). */
            lastId: number;
            /**
             * @description scheduled: the periodic job; on-demand: an auditor asked; retention: the anchor written before old months were dropped.
             * @enum {string}
             */
            reason: "scheduled" | "on-demand" | "retention";
            /**
             * Format: date-time
             * @description When the hub signed it.
             */
            signedAt: string;
        };
        AuditCheckpointEvent: components["schemas"]["AuditCheckpoint"];
        /**
         * AuditCheckpointKeys
         * @description The public keys (JWKS) that verify audit checkpoint signatures.
         */
        AuditCheckpointKeys: {
            /** @description Public EC keys, P-256 (ES256) or SM2 (SM2-SM3, ADR 0007); empty when the hub has no audit signing key. */
            keys: {
                /**
                 * @description Signature algorithm: ES256, or SM2-SM3 (SM2 with SM3 and the default id 1234567812345678).
                 * @enum {string}
                 */
                alg: "ES256" | "SM2-SM3";
                /**
                 * @description Curve: P-256, or SM2 (GB/T 32918.5).
                 * @enum {string}
                 */
                crv: "P-256" | "SM2";
                /** @description Key id: the RFC 7638 thumbprint, as in each checkpoint's JWS header. */
                kid: string;
                /**
                 * @description Key type.
                 * @enum {string}
                 */
                kty: "EC";
                /**
                 * @description For signatures.
                 * @enum {string}
                 */
                use: "sig";
                /** @description Public point x (base64url). */
                x: string;
                /** @description Public point y (base64url). */
                y: string;
            }[];
        };
        /**
         * AuditCheckpointList
         * @description Signed checkpoints, newest first.
         */
        AuditCheckpointList: {
            /** @description The checkpoints of this page, newest first. */
            items: components["schemas"]["AuditCheckpoint"][];
            /** @description Pass as `cursor` for the next (older) page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * AuditRecord
         * @description One entry of the tamper-evident audit trail: who did what to which data, why, with what outcome.
         */
        AuditRecord: {
            /** @description Dotted verb, e.g. `exchange.fetch` or `audit.search`. */
            action: string;
            /** @description The case (办件) the access served, if any. */
            caseNumber: string | null;
            /** @description The caller's network address. */
            clientAddress: string | null;
            /** @description Code of the caller's department; null for citizens. */
            department: string | null;
            /** @description Small structured extras recorded with the action (never plain personal identifiers). */
            details: {
                [key: string]: unknown;
            } | null;
            /** @description The grant that allowed the access, if any. */
            grantId: string | null;
            /** @description SHA-256 (hex) over this record's fields and `prevHash`. */
            hash: string;
            /** @description Position in the hash chain (1 is the first record ever written). */
            id: number;
            /** @description Information items returned; empty for a denial. */
            items: string[];
            /**
             * Format: date-time
             * @description When the hub recorded the access or change.
             */
            occurredAt: string;
            /**
             * @description Whether the access was allowed.
             * @enum {string}
             */
            outcome: "allowed" | "denied";
            /** @description SHA-256 (hex) of the previous record; 64 zeros for the first. */
            prevHash: string;
            /** @description Subject of the caller (person or service account). */
            principal: string;
            /** @description The purpose code the caller declared; a fetch keeps the purpose in the caller's own words beside it, in `details.purposeText`. */
            purpose: string | null;
            /** @description Why it was denied (a stable error code), or a note. */
            reason: string | null;
            /** @description The HTTP request id, to correlate with logs. */
            requestId: string | null;
            /** @description Identifier of the thing acted on, if any. */
            resourceId: string | null;
            /** @description Kind of thing acted on, e.g. `resource`, `case`, `grant`, `audit-trail`. */
            resourceType: string;
            /** @description The caller's roles at the time. */
            roles: string[];
            /** @description The data subject's identifier, masked (the trail stores only this and a keyed hash). */
            subjectMasked: string | null;
        };
        /**
         * AuditRecordPage
         * @description A page of audit records, newest first.
         */
        AuditRecordPage: {
            /** @description The records of this page, at most the requested limit, newest first. */
            items: components["schemas"]["AuditRecord"][];
            /** @description Pass as `cursor` to get the next (older) page; null when this is the last page. */
            nextCursor: string | null;
        };
        /**
         * AuditVerifyResult
         * @description The outcome of re-walking the audit hash chain and checking its signed checkpoints.
         */
        AuditVerifyResult: {
            /** @description Present when the oldest kept record's predecessor was dropped by retention and the walk started from a signed checkpoint at that position (its link was checked, not trusted). */
            anchor?: {
                /** @description The checkpoint used as the anchor. */
                checkpointId: number;
                /** @description The chain position it signs (the last dropped record). */
                lastId: number;
            };
            /** @description How many records were checked before the walk ended. */
            checked: number;
            /** @description Signed checkpoints checked against the chain; absent when the hub has no audit signing key. */
            checkpoints?: {
                /** @description Checkpoints whose signature and hash held before the first problem. */
                checked: number;
                /** @description The first checkpoint that does not hold; absent when all do. */
                firstBroken?: {
                    /** @description The checkpoint's id. */
                    checkpointId: number;
                    /** @description The chain position it claims to sign. */
                    lastId: number;
                    /**
                     * @description bad-signature: not signed by the hub's key (forged or altered); unknown-key: signed with a key the hub does not hold; payload-mismatch: the stored columns differ from the signed statement; record-missing: the signed record is gone although retention did not drop it; hash-differs: the chain was rewritten at or before this position.
                     * @enum {string}
                     */
                    problem: "bad-signature" | "unknown-key" | "payload-mismatch" | "record-missing" | "hash-differs";
                };
            };
            /** @description The first position where the chain is broken; absent when it is intact. */
            firstBroken?: {
                /** @description Chain position (record id) where the break was found. */
                id: number;
                /**
                 * @description hash-mismatch: the record was changed; broken-link: it does not follow its predecessor (reordered or re-hashed); gap: a record is missing.
                 * @enum {string}
                 */
                problem: "hash-mismatch" | "broken-link" | "gap";
            };
            /** @description True when every record's hash and link are as written and every checkpoint holds. */
            ok: boolean;
        };
        /**
         * Case
         * @description A case (办件) with its basic info, status, result and timeline, as the caller may see it.
         */
        Case: {
            /**
             * Format: date-time
             * @description When the case was accepted.
             */
            acceptedAt: string;
            applicant: components["schemas"]["CaseParty"];
            basic: components["schemas"]["CaseBasic"];
            /** @description Case number (办件编号). */
            caseNumber: string;
            /** @description How the application came in. */
            channel: string;
            /**
             * Format: date-time
             * @description When the case was completed; null while open.
             */
            completedAt: string | null;
            /** @description Code of the handling (accepting) department. */
            department: string;
            /** @description GB/T 2260 division of the handling department. */
            divisionCode: string;
            /** @description The `procedureId` of the special procedure running now, if any. */
            openSpecialProcedure: string | null;
            /** @description Result outcome once recorded. */
            outcome: string | null;
            /** @description True if past the promised time and not completed, or completed after it — the promised time moved on by the time spent in special procedures (特别程序); an open one stops the clock. */
            overdue: boolean;
            /**
             * Format: date-time
             * @description Promised completion time, if any.
             */
            promisedAt: string | null;
            /** @description The result, once recorded. */
            result: components["schemas"]["CaseResult"] | null;
            /** @description Service item code (事项编码). */
            serviceItemCode: string;
            /** @description Service item name (事项名称), from the hub's list. */
            serviceItemName: string;
            /** @description The version of the service item the case was accepted under (`GET /v1/service-items/{code}/versions/{version}`); it stays when the item changes later. Null for cases accepted before items were versioned. */
            serviceItemVersion?: number | null;
            /**
             * @description Current status.
             * @enum {string}
             */
            status: "accepted" | "in-review" | "decided" | "completed";
            /** @description Time spent in ended special procedures, not counted against the promised time. */
            timeLimitPausedSeconds: number;
            /** @description Every change in sequence order. */
            timeline: {
                /**
                 * @description What the change carried.
                 * @enum {string}
                 */
                kind: "basic" | "step" | "special" | "result";
                /**
                 * Format: date-time
                 * @description When the hub recorded it.
                 */
                recordedAt: string;
                result?: components["schemas"]["CaseResult"];
                /** @description Sequence of the change. */
                sequence: number;
                specialProcedure?: components["schemas"]["CaseSpecialProcedure"];
                step?: components["schemas"]["CaseStep"];
            }[];
        };
        /**
         * CaseApplicantSearch
         * @description One-number search (一号申请): an applicant's cases across departments. Sent as a body so the identifier never appears in a URL.
         */
        CaseApplicantSearch: {
            /** @description The caller's own case for this applicant, recorded in the audit trail as the purpose. */
            caseNumber?: string;
            /** @description The applicant's identifier; its check character must match. */
            idNumber: string;
            /**
             * @description Type of the applicant's identifier.
             * @enum {string}
             */
            idType: "resident-id" | "credit-code";
            /**
             * @description Only cases not yet completed (default true).
             * @default true
             */
            openOnly: boolean;
        };
        /**
         * CaseBackfillRequest
         * @description Asks for copies of case events recorded in a window — typically before your department's grant on case data existed — on your department's topic and webhooks, filtered by the grant you hold now.
         */
        CaseBackfillRequest: {
            /**
             * Format: date-time
             * @description Changes recorded at or after this time.
             */
            from: string;
            /**
             * Format: date-time
             * @description Changes recorded before this time; now when omitted. At most 31 days after `from`.
             */
            to?: string;
        };
        /**
         * CaseBackfillResult
         * @description What a back-fill queued: copies marked `backfilled`, on the department's topic and its webhooks (a webhook gets no second delivery of an event it already has queued or delivered).
         */
        CaseBackfillResult: {
            /** @description Copies queued for your department. */
            events: number;
            /**
             * Format: date-time
             * @description Start of the window.
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the window (exclusive).
             */
            to: string;
        };
        /**
         * CaseBasic
         * @description Basic info of a case at acceptance (办件受理信息).
         */
        CaseBasic: {
            /**
             * Format: date-time
             * @description When the case was accepted (受理时间).
             */
            acceptedAt: string;
            /** @description Name of the clerk who accepted it (受理人员). */
            acceptedBy?: string;
            /** @description Code of the department that accepted the case; must be the caller's department. */
            acceptingDepartment: string;
            agent?: components["schemas"]["CaseParty"];
            applicant: components["schemas"]["CaseParty"];
            /**
             * @description How the application came in: service-hall window, online portal, mobile app, self-service terminal or mail.
             * @enum {string}
             */
            channel: "window" | "online" | "mobile" | "self-service" | "mail";
            /** @description The application form's fields as the department system holds them; at most 16 KiB as JSON. */
            form?: {
                [key: string]: unknown;
            };
            /** @description Materials (材料) and where each came from. */
            materials?: {
                /** @description Material name (材料名称). */
                name: string;
                /** @description Resource code or certificate identifier the material was obtained from, for shared and certificate sources. */
                reference?: string;
                /**
                 * @description Paper from the applicant, obtained by data sharing, or an electronic certificate.
                 * @enum {string}
                 */
                source: "paper" | "shared" | "certificate";
            }[];
            /**
             * Format: date-time
             * @description Promised completion time (承诺办结时间); the overdue report compares against it.
             */
            promisedAt?: string;
            /** @description Code of a service item (事项) the hub knows; its name is taken from the hub's list. */
            serviceItemCode: string;
            /** @description Short summary of the application (办理摘要). */
            summary?: string;
        };
        /**
         * CaseBatchReceipt
         * @description Receipts of an accepted batch, in the order of the changes.
         */
        CaseBatchReceipt: {
            /** @description One receipt per change, in array order. */
            receipts: components["schemas"]["CaseChangeReceipt"][];
        };
        /**
         * CaseChange
         * @description One change of a case (办件), pushed by the handling department's system or window: exactly one of `basic` (sequence 1: acceptance), `step` (a process step), `specialProcedure` (a special procedure starting or ending) or `result` (the outcome, with completion). Idempotent by (caseNumber, sequence).
         */
        CaseChange: {
            basic?: components["schemas"]["CaseBasic"];
            /** @description Case number (办件编号), 6–50 letters, digits and hyphens, unique across the city. */
            caseNumber: string;
            result?: components["schemas"]["CaseResult"];
            /** @description Position of this change in the case: 1 is the basic info, each later change the next integer. */
            sequence: number;
            specialProcedure?: components["schemas"]["CaseSpecialProcedure"];
            step?: components["schemas"]["CaseStep"];
        } & (unknown | unknown | unknown | unknown);
        /**
         * CaseChangeBatch
         * @description Several case changes accepted all together or not at all.
         */
        CaseChangeBatch: {
            /** @description The changes, applied in array order; changes of one case must be in sequence order. */
            changes: components["schemas"]["CaseChange"][];
        };
        /**
         * CaseChangeReceipt
         * @description The hub's answer to an accepted case change; a replay of the same change gets the same receipt.
         */
        CaseChangeReceipt: {
            /** @description The case number. */
            caseNumber: string;
            /** @description Id of the `case-events` event this change was published as. */
            eventId: string;
            /**
             * @description What the change carried.
             * @enum {string}
             */
            kind: "basic" | "step" | "special" | "result";
            /**
             * Format: date-time
             * @description When the hub recorded the change.
             */
            recordedAt: string;
            /** @description The change's sequence. */
            sequence: number;
            /**
             * @description Status of the case after this change.
             * @enum {string}
             */
            status: "accepted" | "in-review" | "decided" | "completed";
        };
        /**
         * CaseEvent
         * @description A case change on `case-events` (keyed by case number) and, filtered per grant, on `case-events.<department>` and webhooks. Types: case.accepted, case.step-recorded, case.special-procedure-recorded, case.result-recorded.
         */
        CaseEvent: {
            applicant: components["schemas"]["CaseParty"];
            /** @description Present (true) on a copy sent later by a back-fill (`POST /v1/cases/backfill`): it can arrive after newer events of the case, so apply by `sequence`. */
            backfilled?: boolean;
            basic?: components["schemas"]["CaseBasic"];
            /** @description Case number. */
            caseNumber: string;
            /** @description Handling department. */
            department: string;
            /** @description Present when the event names certificates (materials obtained as e-certificates, result certificates) that were under an unresolved data objection (数据异议) when it was recorded; events recorded after the objection is resolved carry none. */
            disputed?: {
                /** @description The certificate. */
                certificateId: string;
                /** @description The objection on it. */
                objectionId: string;
            }[];
            /** @description Division of the handling department. */
            divisionCode: string;
            /** @description In routed copies: the grant that covers this delivery. */
            grantId?: string;
            /**
             * @description What changed.
             * @enum {string}
             */
            kind: "basic" | "step" | "special" | "result";
            /**
             * Format: date-time
             * @description When the change happened in the department.
             */
            occurredAt: string;
            result?: components["schemas"]["CaseResult"];
            /** @description Sequence of the change; per case, events arrive in this order. */
            sequence: number;
            /** @description Service item code. */
            serviceItemCode: string;
            /** @description Service item name. */
            serviceItemName: string;
            /** @description In routed copies: the id of the original `case-events` event (de-duplicate by it). */
            sourceEventId?: string;
            specialProcedure?: components["schemas"]["CaseSpecialProcedure"];
            /**
             * @description Case status after the change.
             * @enum {string}
             */
            status: "accepted" | "in-review" | "decided" | "completed";
            step?: components["schemas"]["CaseStep"];
        };
        /**
         * CaseList
         * @description A page of cases, newest accepted first.
         */
        CaseList: {
            /** @description The cases of this page. */
            items: components["schemas"]["CaseSummary"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * CaseParty
         * @description A person or legal entity in a case (applicant or agent) with a validated identifier.
         */
        CaseParty: {
            /** @description The identifier; its check character must match. Masked in answers unless the caller may see it. */
            idNumber: string;
            /**
             * @description Resident ID (GB 11643) for persons, unified social credit code (GB 32100) for legal entities.
             * @enum {string}
             */
            idType: "resident-id" | "credit-code";
            /**
             * @description Natural person or legal entity.
             * @enum {string}
             */
            kind: "person" | "legal-entity";
            /** @description Contact mobile number. */
            mobile?: string;
            /** @description Name of the person or organisation. */
            name: string;
        };
        /**
         * CaseReportRecord
         * @description One step of a case (办件) as reported to the provincial platform: who applied, for which service item, which step, and its outcome.
         */
        CaseReportRecord: {
            /** @description The applicant's resident ID number or credit code. */
            applicantIdNumber: string;
            /**
             * @description Type of the applicant's identifier: resident ID (居民身份证) or unified social credit code.
             * @enum {string}
             */
            applicantIdType: "resident-id" | "credit-code";
            /** @description Name of the applicant (person or organisation). */
            applicantName: string;
            /** @description Case number (办件编号), unique across the city. */
            caseNumber: string;
            /**
             * @description Outcome at the decided and completed steps (准予/不予许可); null before a decision.
             * @enum {string|null}
             */
            decision: "approved" | "rejected" | null;
            /** @description Hub code of the handling department. */
            departmentCode: string;
            /** @description Official name of the handling department. */
            departmentName: string;
            /** @description GB/T 2260 division code where the case is handled. */
            divisionCode: string;
            /** @description Name of the officer who handled the step; null when not recorded. */
            handler: string | null;
            /**
             * Format: date-time
             * @description When the step happened (with offset).
             */
            occurredAt: string;
            /** @description Code of the service item (事项编码) in the government-service item catalogue. */
            serviceItemCode: string;
            /** @description Name of the service item (事项名称). */
            serviceItemName: string;
            /**
             * @description The step reported: accepted (受理), reviewed (审查), decided (决定), special-procedure (特别程序, starting or ending) or completed (办结).
             * @enum {string}
             */
            stage: "accepted" | "reviewed" | "decided" | "special-procedure" | "completed";
        };
        /**
         * CaseResult
         * @description The result of a completed case (办件结果信息).
         */
        CaseResult: {
            /** @description Number of the approval document (批文文号). */
            approvalDocumentNumber?: string;
            /** @description Certificates issued as the result (结果证照). */
            certificates?: {
                /** @description E-certificate identifier (1.2.156.3005.2.…), if issued electronically. */
                identifier?: string;
                /** @description Certificate name (结果证照名称). */
                name: string;
                /** @description Certificate number (结果证照编号). */
                number?: string;
            }[];
            /**
             * Format: date-time
             * @description When the case was completed (办结时间).
             */
            completedAt: string;
            /** @description Description of the result (办件结果描述). */
            description?: string;
            /**
             * @description Approved (准予), rejected (不予) or withdrawn by the applicant.
             * @enum {string}
             */
            outcome: "approved" | "rejected" | "withdrawn";
        };
        /**
         * CaseSpecialProcedure
         * @description A special procedure of a case (特别程序信息: 听证, 招标, 拍卖, 检验检测检疫, 鉴定, 专家评审, 公示 …). Its time does not count against the promised time limit. Send it when it starts (without `endedAt`) and again with the same `procedureId` and `endedAt` when it ends — or once, with both times, after it ended. One special procedure is open at a time, and a case is completed only after it ended.
         */
        CaseSpecialProcedure: {
            /** @description 特别程序申请人, if someone asked for it. */
            applicant?: string;
            /**
             * Format: date-time
             * @description When it ended; absent while it runs.
             */
            endedAt?: string;
            /** @description 办理人. */
            handler: string;
            /** @description 特别程序名称, the department's own name. */
            name?: string;
            /** @description 办理意见. */
            opinion?: string;
            /** @description The department's identifier of this procedure within the case; the change that ends it names it again. */
            procedureId: string;
            /** @description 启动理由或依据: why it was started, or the rule that requires it. */
            reason: string;
            /** @description 特别程序结果, once it ended. */
            result?: string;
            /**
             * Format: date-time
             * @description When it started.
             */
            startedAt: string;
            /**
             * @description 特别程序种类: hearing 听证, tendering 招标, auction 拍卖, inspection 检验检测检疫, appraisal 鉴定, expert-review 专家评审, publicity 公示, other 其他.
             * @enum {string}
             */
            type: "hearing" | "tendering" | "auction" | "inspection" | "appraisal" | "expert-review" | "publicity" | "other";
        };
        /**
         * CaseStatistics
         * @description Case statistics per handling department for cases accepted in a period.
         */
        CaseStatistics: {
            /** @description One row per department with cases in the period. */
            departments: {
                /** @description Cases accepted. */
                accepted: number;
                /** @description Of these, completed. */
                completed: number;
                /** @description Completed with at most one visit in person (最多跑一次). */
                completedInOneVisit: number;
                /** @description Completed no later than promised (or without a promise). */
                completedOnTime: number;
                /** @description Department code. */
                department: string;
                /** @description Materials handed in on paper. */
                materialsPaper: number;
                /** @description Materials obtained by data sharing or e-certificates. */
                materialsShared: number;
                /** @description Still open and past the promised time. */
                overdueOpen: number;
            }[];
            /**
             * Format: date-time
             * @description Start of the period (inclusive).
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the period (exclusive).
             */
            to: string;
        };
        /**
         * CaseStep
         * @description A process step of a case (办件过程信息). Steps go accept → review → decide → complete; repeating a stage is allowed, going back is not.
         */
        CaseStep: {
            /**
             * @description The stage: review (审查), decide (决定) or complete (办结). Acceptance (受理) is the basic info.
             * @enum {string}
             */
            action: "review" | "decide" | "complete";
            /**
             * Format: date-time
             * @description When the step ended.
             */
            endedAt?: string;
            /** @description Who handled the step (办理人员). */
            handler: string;
            /** @description The department's own name of the step (办理环节名称). */
            name?: string;
            /** @description Handling opinion (办理意见). */
            opinion?: string;
            /**
             * Format: date-time
             * @description When the step started.
             */
            startedAt: string;
            /** @description True if the applicant had to come in person for this step (counts against 最多跑一次). */
            visit?: boolean;
        };
        /**
         * CaseSummary
         * @description One case in a list: identity, status and dates; the applicant's identifier masked.
         */
        CaseSummary: {
            /**
             * Format: date-time
             * @description When the case was accepted.
             */
            acceptedAt: string;
            /** @description Applicant's identifier, masked. */
            applicantIdMasked: string;
            /** @description Applicant's name. */
            applicantName: string;
            /** @description Case number. */
            caseNumber: string;
            /**
             * Format: date-time
             * @description Completion time; null while open.
             */
            completedAt: string | null;
            /** @description Handling department code. */
            department: string;
            /** @description Past the promised time (open) or completed after it. */
            overdue: boolean;
            /**
             * Format: date-time
             * @description Promised completion time.
             */
            promisedAt: string | null;
            /** @description Service item code. */
            serviceItemCode: string;
            /** @description Service item name. */
            serviceItemName: string;
            /**
             * @description Current status.
             * @enum {string}
             */
            status: "accepted" | "in-review" | "decided" | "completed";
        };
        /**
         * CaseWebhook
         * @description A webhook subscription and its delivery state.
         */
        CaseWebhook: {
            /**
             * Format: date-time
             * @description When it was created.
             */
            createdAt: string;
            /** @description Events that used up their attempts (the dead-letter list); replay re-sends them. */
            dead: number;
            /** @description Subscribing department. */
            department: string;
            /** @description Subscription id. */
            id: string;
            /** @description Events waiting to be delivered. */
            pending: number;
            /**
             * @description Active or deleted.
             * @enum {string}
             */
            status: "active" | "deleted";
            /** @description Receiving URL. */
            url: string;
        };
        /**
         * CaseWebhookCreate
         * @description A webhook subscription of a consumer department to the case events its grant covers.
         */
        CaseWebhookCreate: {
            /** @description The subscribing department's code. */
            department: string;
            /**
             * Format: uri
             * @description http(s) URL that receives signed POSTs.
             */
            url: string;
        };
        /**
         * CaseWebhookDeliveries
         * @description Deliveries of one webhook, in position order.
         */
        CaseWebhookDeliveries: {
            /** @description The deliveries. */
            items: {
                /** @description Delivery attempts so far. */
                attempts: number;
                /** @description Case number. */
                caseNumber: string;
                /**
                 * Format: date-time
                 * @description When the receiver acknowledged it.
                 */
                deliveredAt: string | null;
                /** @description The case event id (`fromEventId` for replay). */
                eventId: string;
                /** @description Why the last attempt failed. */
                lastError: string | null;
                /** @description Position of the delivery in the subscription's stream. */
                position: string;
                /**
                 * @description Delivery state; `dead` is the dead-letter list.
                 * @enum {string}
                 */
                status: "pending" | "delivered" | "dead";
            }[];
        };
        /**
         * CaseWebhookKeys
         * @description JWKS with the public keys that sign webhook deliveries: ES256 (P-256) and/or SM2-SM3 (crv SM2, ADR 0007).
         */
        CaseWebhookKeys: {
            /** @description Public JWKs. */
            keys: {
                /** @description Algorithm (ES256 or SM2-SM3). */
                alg: string;
                /** @description Curve (P-256 or SM2). */
                crv: string;
                /** @description Key id, as in the JWS header. */
                kid: string;
                /** @description Key type (EC). */
                kty: string;
                /** @description Key use (sig). */
                use: string;
                /** @description Public x coordinate. */
                x: string;
                /** @description Public y coordinate. */
                y: string;
            }[];
        };
        /**
         * CaseWebhookList
         * @description Webhook subscriptions.
         */
        CaseWebhookList: {
            /** @description The subscriptions. */
            items: components["schemas"]["CaseWebhook"][];
        };
        /**
         * CaseWebhookReplay
         * @description What a replay queued again.
         */
        CaseWebhookReplay: {
            /** @description Deliveries from the given event on (delivered or dead) queued again, in order. */
            requeued: number;
        };
        /**
         * Certificate
         * @description An electronic certificate (电子证照) as the hub holds it.
         */
        Certificate: {
            /** @description Face data (照面信息). */
            faceData: {
                [key: string]: unknown;
            };
            holder: components["schemas"]["CertificateHolder"];
            /** @description Identifier 1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check> (GB/T 36904). */
            id: string;
            /**
             * Format: date
             * @description Issue date.
             */
            issuedOn: string;
            /** @description Code of the issuing department. */
            issuerDepartment: string;
            /**
             * @description Current status; expired once the validity has ended unless suspended or revoked.
             * @enum {string}
             */
            status: "valid" | "suspended" | "revoked" | "expired";
            /** @description Why the issuer suspended or revoked it. */
            statusReason: string | null;
            /** @description Certificate type code. */
            typeCode: string;
            /** @description Certificate type name. */
            typeName: string;
            /**
             * Format: date
             * @description Start of validity.
             */
            validFrom: string;
            /**
             * Format: date
             * @description End of validity (inclusive); null for none.
             */
            validUntil: string | null;
        };
        /**
         * CertificateEvent
         * @description Payload of certificate events (topic `certificate-events`, key = certificate id): certificate.issued and certificate.status-changed. No holder data: subscribers look the certificate up under their own authorization.
         */
        CertificateEvent: {
            /** @description The certificate identifier (1.2.156.3005.2.…). */
            id: string;
            /** @description Code of the issuing department. */
            issuerDepartment: string;
            /**
             * @description certificate.status-changed: the status before the change.
             * @enum {string}
             */
            previous?: "valid" | "suspended" | "revoked";
            /**
             * @description certificate.status-changed: the status after the change.
             * @enum {string}
             */
            status?: "valid" | "suspended" | "revoked";
            /** @description certificate.issued: the certificate type code (GB/T 36904). */
            typeCode?: string;
        };
        /**
         * CertificateFetchRequest
         * @description What the clerk asks for: by default the applicant's certificate of the material's types.
         */
        CertificateFetchRequest: {
            /** @description Optional: a specific certificate (e.g. one of an ambiguous answer); its check character must match. */
            certificateId?: string;
            /**
             * @description Whose certificate: the case's applicant or its recorded agent.
             * @default applicant
             * @enum {string}
             */
            holder: "applicant" | "agent";
            /** @description Optional: the identifier the clerk read from the holder; must be the applicant's (or agent's). */
            holderIdNumber?: string;
        };
        /**
         * CertificateFetchResult
         * @description The typed outcome of a clerk's fetch. Only `found` carries a certificate and marks the material obtained by sharing.
         */
        CertificateFetchResult: {
            /** @description Identifiers of the holder's certificates to choose from (ambiguous), or of the unusable ones (revoked/expired). */
            candidates?: string[];
            /** @description The case. */
            caseNumber: string;
            certificate?: components["schemas"]["Certificate"];
            /**
             * @description Present (true) when the certificate found is under an unresolved data objection (数据异议): check the original before relying on it.
             * @enum {boolean}
             */
            disputed?: true;
            /** @description Compact JWS (ES256, or SM2-SM3 for issuers configured so, ADR 0007) of the certificate bound to the case, signed by the issuer (found only). */
            document?: string;
            /** @description The material. */
            materialCode: string;
            /** @description With `disputed`: the objection (`GET /v1/objections/{id}`). */
            objectionId?: string;
            /**
             * @description found: one valid certificate; not-found: none; ambiguous: several valid (pick one by certificateId); revoked/expired: only unusable ones.
             * @enum {string}
             */
            outcome: "found" | "not-found" | "ambiguous" | "revoked" | "expired";
            verification?: components["schemas"]["CertificateVerification"];
        };
        /**
         * CertificateHolder
         * @description The holder (持证主体) of a certificate: a person by resident ID or an organisation by credit code.
         */
        CertificateHolder: {
            /** @description The holder's identifier; its check character must match. */
            idNumber: string;
            /**
             * @description Resident ID (GB 11643) for persons, unified social credit code (GB 32100) for organisations.
             * @enum {string}
             */
            idType: "resident-id" | "credit-code";
            /** @description The holder's name (持证主体名称). */
            name: string;
        };
        /**
         * CertificateIssue
         * @description Issues a certificate of a type the caller's department issues.
         */
        CertificateIssue: {
            /** @description Face data (照面信息), validated against the type's schema. */
            faceData: {
                [key: string]: unknown;
            };
            holder: components["schemas"]["CertificateHolder"];
            /**
             * Format: date
             * @description Issue date (颁发日期).
             */
            issuedOn: string;
            /** @description Serial number (流水号) from the issuing system; generated by the hub when omitted. */
            serial?: string;
            /** @description Code of a registered certificate type. */
            typeCode: string;
            /**
             * Format: date
             * @description Start of validity; defaults to the issue date.
             */
            validFrom?: string;
            /**
             * Format: date
             * @description End of validity (inclusive); omit for no end.
             */
            validUntil?: string;
            /** @description Version (版本号), 3 digits; default 001. */
            version?: string;
        };
        /**
         * CertificateJwks
         * @description The public keys (RFC 7517 JWK Set) a department signs certificates with, current and retired.
         */
        CertificateJwks: {
            /** @description Public keys: EC P-256 (`alg` ES256) or SM2 (`crv` SM2, `alg` SM2-SM3, see ADR 0007); `kid` matches the document header. */
            keys: {
                /** @description Algorithm: ES256, or SM2-SM3 (SM2 signature with SM3 and the default distinguishing id 1234567812345678). */
                alg: string;
                /** @description Curve: P-256, or SM2 (the GB/T 32918.5 curve, OID 1.2.156.10197.1.301). */
                crv: string;
                /** @description Key id. */
                kid: string;
                /** @description Key type, EC. */
                kty: string;
                /** @description SM2 keys only: the same key as a PEM SubjectPublicKeyInfo, for OpenSSL. */
                pem?: string;
                /** @description Key use, sig. */
                use: string;
                /** @description Public x coordinate (base64url). */
                x: string;
                /** @description Public y coordinate (base64url). */
                y: string;
            }[];
        };
        /**
         * CertificateList
         * @description A page of one issuer's certificates, newest issue date first.
         */
        CertificateList: {
            /** @description The certificates of this page. */
            items: components["schemas"]["Certificate"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * CertificateMaterialsAvoided
         * @description Paper materials replaced by sharing, per service item and department, against the plan's goals.
         */
        CertificateMaterialsAvoided: {
            /**
             * Format: date-time
             * @description Cases accepted from this time (inclusive).
             */
            from: string;
            /** @description The plan's goals as fractions of required materials. */
            goals: {
                /** @description Materials cut in year one (0.3). */
                yearOne: number;
                /** @description Materials cut in year two (0.6). */
                yearTwo: number;
            };
            /** @description One row per service item and department. */
            items: components["schemas"]["CertificateMaterialsAvoidedRow"][];
            /**
             * Format: date-time
             * @description Cases accepted before this time.
             */
            to: string;
            total: components["schemas"]["CertificateMaterialsAvoidedRow"];
        };
        /**
         * CertificateMaterialsAvoidedRow
         * @description Required and replaced materials of one service item at one department.
         */
        CertificateMaterialsAvoidedRow: {
            /** @description Cases accepted in the window. */
            cases: number;
            /** @description The handling department; null in the total. */
            departmentCode: string | null;
            /** @description ratio ≥ the year-one goal. */
            meetsYearOne: boolean;
            /** @description ratio ≥ the year-two goal. */
            meetsYearTwo: boolean;
            /** @description replaced / required (0 when nothing was required). */
            ratio: number;
            /** @description Required materials obtained by sharing instead of paper. */
            replaced: number;
            /** @description Required materials over those cases (cases × required materials). */
            required: number;
            /** @description The service item; null in the total. */
            serviceItemCode: string | null;
        };
        /**
         * CertificateShareableMaterials
         * @description The required materials of a case's service item and which of them can be obtained by sharing.
         */
        CertificateShareableMaterials: {
            /** @description The case. */
            caseNumber: string;
            /** @description Required materials in code order. */
            items: {
                /** @description Certificate types that replace it. */
                certificateTypes: string[];
                /** @description Material code. */
                materialCode: string;
                /** @description Not obtained: the last fetch for this case found no usable certificate, so paper is needed unless a later fetch finds one (then null). Null too if never fetched or obtained. */
                missed: {
                    /**
                     * Format: date-time
                     * @description When.
                     */
                    attemptedAt: string;
                    /** @description The clerk (subject) who fetched. */
                    attemptedBy: string;
                    /**
                     * @description What that fetch answered: no certificate, only expired ones, only revoked or suspended ones, or several valid ones to choose between.
                     * @enum {string}
                     */
                    outcome: "not-found" | "expired" | "revoked" | "ambiguous";
                } | null;
                /** @description Material name. */
                name: string;
                /** @description How it was already obtained by sharing for this case; null if not yet. */
                obtained: {
                    /** @description The certificate fetched. */
                    certificateId: string;
                    /**
                     * @description Present (true) while a data objection (数据异议) on the certificate is unresolved.
                     * @enum {boolean}
                     */
                    disputed?: true;
                    /**
                     * Format: date-time
                     * @description When.
                     */
                    fetchedAt: string;
                    /** @description The clerk (subject) who fetched it. */
                    fetchedBy: string;
                    /** @description With `disputed`: the objection. */
                    objectionId?: string;
                } | null;
                /** @description Shared resources that replace it. */
                resourceCodes: string[];
                /** @description A certificate type or shared resource can replace the paper. */
                shareable: boolean;
            }[];
            /** @description The case's service item. */
            serviceItemCode: string;
        };
        /**
         * CertificateSigned
         * @description A certificate and its signed document.
         */
        CertificateSigned: {
            certificate: components["schemas"]["Certificate"];
            /** @description Compact JWS (ES256, or SM2-SM3 for issuers configured so, ADR 0007) of the certificate, signed with the issuing department's key; verify with the issuer's JWKS. */
            document: string;
        };
        /**
         * CertificateSigningKey
         * @description A department's certificate signing key (public part only).
         */
        CertificateSigningKey: {
            /**
             * Format: date-time
             * @description When the key was generated.
             */
            createdAt: string;
            /** @description The department the key signs for. */
            department: string;
            /** @description Key id, as in the JWS header and the JWKS. */
            kid: string;
            /**
             * @description Active signs new documents; retired only verifies old ones.
             * @enum {string}
             */
            status: "active" | "retired";
        };
        /**
         * CertificateStatusChange
         * @description Suspends, reinstates or revokes a certificate. Revocation is final.
         */
        CertificateStatusChange: {
            /** @description Why; kept with the certificate. */
            reason: string;
            /**
             * @description The new status.
             * @enum {string}
             */
            status: "valid" | "suspended" | "revoked";
        };
        /**
         * CertificateType
         * @description A certificate type (证照类型) with its issuing department and face-data schema.
         */
        CertificateType: {
            /** @description Type code per GB/T 36904 (credit code of the defining authority + 3 digits). */
            code: string;
            /**
             * Format: date-time
             * @description When the type was registered.
             */
            createdAt: string;
            /** @description JSON Schema of the face data. */
            faceSchema: {
                [key: string]: unknown;
            };
            /** @description Code of the issuing department. */
            issuerDepartment: string;
            /** @description Type name. */
            name: string;
        };
        /**
         * CertificateTypeCreate
         * @description Registers a certificate type (证照类型) issued by one department.
         */
        CertificateTypeCreate: {
            /** @description Type code per GB/T 36904: the defining authority's 18-character credit code followed by a 3-digit sequence. */
            code: string;
            /** @description JSON Schema (draft-07) that the face data (照面信息) of every certificate of this type must satisfy. */
            faceSchema: {
                [key: string]: unknown;
            };
            /** @description Code of the hub department that issues certificates of this type and signs them. */
            issuerDepartment: string;
            /** @description Type name, e.g. 不动产权证书. */
            name: string;
        };
        /**
         * CertificateTypeList
         * @description All certificate types, in code order.
         */
        CertificateTypeList: {
            /** @description The certificate types. */
            items: components["schemas"]["CertificateType"][];
        };
        /**
         * CertificateVerification
         * @description The result of verifying a signed certificate document: signature, key and current status.
         */
        CertificateVerification: {
            /** @description The certificate the document is about. */
            certificateId: string | null;
            /** @description The department whose key signed it. */
            issuerDepartment: string | null;
            /** @description The signing key's id from the JWS header. */
            kid: string | null;
            /**
             * @description Why it is not valid; null when valid.
             * @enum {string|null}
             */
            reason: "malformed" | "unknown-key" | "bad-signature" | "issuer-mismatch" | "unknown-certificate" | "suspended" | "revoked" | "expired" | null;
            /** @description The signature verified with the key named by `kid`. */
            signatureValid: boolean;
            /**
             * Format: date-time
             * @description When the document was signed (JWS `iat`).
             */
            signedAt: string | null;
            /**
             * @description The certificate's current status in the hub, whatever the document says.
             * @enum {string|null}
             */
            status: "valid" | "suspended" | "revoked" | "expired" | null;
            /** @description True only when the signature holds with a known key of the issuer and the certificate is valid now. */
            valid: boolean;
        };
        /**
         * CertificateVerifyRequest
         * @description A signed certificate document to verify.
         */
        CertificateVerifyRequest: {
            /** @description The compact JWS as the hub issued it. */
            document: string;
        };
        /**
         * ConsoleAuthConfig
         * @description How people sign in to the web console on this hub.
         */
        ConsoleAuthConfig: {
            /**
             * @description `dev`: pick a demo principal (POST /auth/dev/sign-in); `oidc`: go to GET /auth/sign-in, the city's identity provider.
             * @enum {string}
             */
            mode: "dev" | "oidc";
        };
        /**
         * ConsoleDevPrincipalList
         * @description The demo principals one can sign in as in dev mode.
         */
        ConsoleDevPrincipalList: {
            /** @description One entry per demo principal. */
            items: {
                /** @description Department code; null for citizens. */
                department: string | null;
                /** @description Department name (Chinese). */
                departmentName: string | null;
                /** @description Name to show (Chinese). */
                displayName: string;
                /** @description GB/T 2260 division code, if any. */
                district: string | null;
                /** @description What to send to POST /auth/dev/sign-in (e.g. `steward`). */
                name: string;
                /** @description Roles of the principal. */
                roles: ("steward" | "consumer" | "clerk" | "reviewer" | "auditor" | "admin" | "service" | "citizen" | "leader")[];
                /** @description The principal's subject. */
                subject: string;
            }[];
        };
        /**
         * ConsoleDevSignIn
         * @description Sign in to the console as a demo principal (dev mode only).
         */
        ConsoleDevSignIn: {
            /** @description A demo principal's name from GET /auth/dev/principals. */
            name: string;
        };
        /**
         * ConsoleSession
         * @description The web console's signed-in session (cookie `hub_session`).
         */
        ConsoleSession: {
            /** @description Send it as header `x-csrf-token` on every POST, PUT, PATCH and DELETE made with the session cookie. */
            csrfToken: string;
            /**
             * Format: date-time
             * @description When the session ends at the latest; it ends earlier after SESSION_IDLE_MINUTES unused.
             */
            expiresAt: string;
            /** @description Who is signed in: the principal the API sees, plus a name to show. */
            principal: {
                /** @description Code of the person's department; null for citizens. */
                department: string | null;
                /** @description Name to greet the person by (e.g. 人社局数据管理员). */
                displayName?: string;
                /** @description GB/T 2260 division code of the person's district, if any. */
                district: string | null;
                /** @description Roles of the person. */
                roles: ("steward" | "consumer" | "clerk" | "reviewer" | "auditor" | "admin" | "service" | "citizen" | "leader")[];
                /** @description Stable identifier of the person. */
                subject: string;
            };
        };
        /**
         * ConsoleSignOut
         * @description The session has ended at the hub.
         */
        ConsoleSignOut: {
            /**
             * Format: uri
             * @description OIDC mode: the identity provider's end-session URL; navigate there to sign out of the IdP as well.
             */
            logoutUrl?: string;
        };
        /**
         * DashboardIndicators
         * @description The leaders' dashboard (一网一门一次): month by month case, materials and exchange figures, overdue access requests and adapter health. Aggregates only, no personal data.
         */
        DashboardIndicators: {
            /** @description Every configured department system and whether it answers now. */
            adapters: {
                /**
                 * @description The circuit breaker's state.
                 * @enum {string}
                 */
                breaker: "closed" | "open" | "half-open";
                /** @description The department whose system it is. */
                department: string;
                /** @description Adapter name. */
                name: string;
                /**
                 * @description Overall health.
                 * @enum {string}
                 */
                status: "up" | "degraded" | "down";
            }[];
            /**
             * Format: date-time
             * @description Start of the period (inclusive).
             */
            from: string;
            /** @description The plan's goals for paper materials replaced by sharing, as fractions of required materials. */
            goals: {
                /** @description Year one (0.3). */
                yearOne: number;
                /** @description Year two (0.6). */
                yearTwo: number;
            };
            /** @description One row per calendar month (China Standard Time) of the period, oldest first, months without activity included. */
            months: {
                /** @description Cases accepted in the month. */
                accepted: number;
                /** @description Of these, completed. */
                completed: number;
                /** @description Completed with at most one visit. */
                completedInOneVisit: number;
                /** @description Completed no later than promised. */
                completedOnTime: number;
                /** @description Data accesses allowed in the month (fetches, certificate fetches, case reads on the audit trail). */
                exchangesAllowed: number;
                /** @description Data accesses refused in the month. */
                exchangesDenied: number;
                /** @description Of these, obtained by sharing. */
                materialsReplaced: number;
                /** @description Required materials of these cases (as in /v1/certificates/stats/materials-avoided). */
                materialsRequired: number;
                /** @description YYYY-MM. */
                month: string;
            }[];
            /** @description Access requests still undecided past their decision deadline, per provider department. */
            overdueRequests: {
                /** @description The provider department's code. */
                department: string;
                /** @description Pending requests past the deadline. */
                overdue: number;
            }[];
            /** @description Whose figures these are, as the caller may read them. */
            scope: {
                /** @description null: every department together (admins, reviewers, leaders of a city-wide office — `DASHBOARD_CITYWIDE_DEPARTMENTS`); else the one department of the leader asking, and every figure is that department's own (its cases, the data its staff and systems accessed, the requests made to it, its adapters). */
                department: string | null;
            };
            /**
             * Format: date-time
             * @description End of the period (exclusive).
             */
            to: string;
        };
        /**
         * DeadLetterJob
         * @description A background job that failed on every attempt and waits for an operator to retry it.
         */
        DeadLetterJob: {
            /** @description How many times the job was run before it was given up. */
            attemptsMade: number;
            /** @description The job payload as it was enqueued. */
            data: unknown;
            /**
             * Format: date-time
             * @description When the last attempt failed.
             */
            failedAt: string;
            /** @description The error message of the last failed attempt. */
            failedReason: string;
            /** @description The job id within its queue; with the queue, it addresses a retry. */
            id: string;
            /** @description The job name, which selects its handler. */
            name: string;
            /** @description The queue the job belongs to (one queue per job name). */
            queue: string;
        };
        /**
         * DeadLetterList
         * @description Dead-lettered background jobs, newest failure first.
         */
        DeadLetterList: {
            /** @description The dead letters, at most the requested limit. */
            items: components["schemas"]["DeadLetterJob"][];
        };
        /**
         * Department
         * @description A department (部门) that provides or consumes data through the hub.
         */
        Department: {
            /** @description Stable department code: lower-case letters, digits and hyphens, 2–32 characters, e.g. `lf-hrss`. */
            code: string;
            /**
             * Format: date-time
             * @description When the department was registered.
             */
            createdAt: string;
            /** @description Unified social credit code (GB 32100), upper case; null when the department has none on record. */
            creditCode: string | null;
            /** @description GB/T 2260 administrative division code of the department's area, e.g. 141000. */
            divisionCode: string;
            /**
             * @description `government` for a department of the city; `external` for an outside party such as the provincial platform.
             * @enum {string}
             */
            kind: "government" | "external";
            /**
             * @description Administrative level (省/市/县/乡/村).
             * @enum {string}
             */
            level: "province" | "city" | "county" | "township" | "village";
            /** @description Official name, e.g. 临汾市人力资源和社会保障局. */
            name: string;
            /** @description Code of the supervising department, whose level is higher; null for a top-level department. */
            parent: string | null;
            /** @description Short name (简称) shown where the official name does not fit, e.g. 市人社局 on a chart's axis; null when none is on record (the official name is shown). */
            shortName: string | null;
            /**
             * Format: date-time
             * @description When the department last changed.
             */
            updatedAt: string;
        };
        /**
         * DepartmentCreate
         * @description A new department, as an admin registers it.
         */
        DepartmentCreate: {
            /** @description Stable department code: lower-case letters, digits and hyphens, 2–32 characters; cannot change later. */
            code: string;
            /** @description Unified social credit code (GB 32100); both check characters must match and no other department may hold it. */
            creditCode?: string | null;
            /** @description GB/T 2260 division code; must be a division the hub knows. */
            divisionCode: string;
            /**
             * @description `government` (default) or `external` for an outside party such as the provincial platform.
             * @default government
             * @enum {string}
             */
            kind: "government" | "external";
            /**
             * @description Administrative level (省/市/县/乡/村); cannot change later.
             * @enum {string}
             */
            level: "province" | "city" | "county" | "township" | "village";
            /** @description Official name, at most 100 characters. */
            name: string;
            /** @description Code of an existing department of a higher level that supervises this one. */
            parent?: string | null;
            /** @description Short name (简称), at most 20 characters, e.g. 市人社局; optional. */
            shortName?: string | null;
        };
        /**
         * DepartmentList
         * @description One page of departments in code order.
         */
        DepartmentList: {
            /** @description The departments of this page, at most the requested limit. */
            items: components["schemas"]["Department"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * DepartmentUpdate
         * @description A partial change to a department; omitted properties stay as they are. Code, level, kind and division are fixed.
         */
        DepartmentUpdate: {
            /** @description New unified social credit code (GB 32100), or null to clear it. */
            creditCode?: string | null;
            /** @description New official name, at most 100 characters. */
            name?: string;
            /** @description New supervising department (higher level, not the department itself or one below it), or null to detach. */
            parent?: string | null;
            /** @description New short name (简称), at most 20 characters, or null to clear it. */
            shortName?: string | null;
        };
        /**
         * EmploymentStatusRecord
         * @description A person's current employment status (就业状态) as registered with human resources and social security.
         */
        EmploymentStatusRecord: {
            /** @description Current employer when employed; otherwise null. */
            employerName: string | null;
            /** @description Stable key of the status registration in the source system. */
            recordId: string;
            /**
             * Format: date
             * @description Date the current status was registered.
             */
            since: string;
            /**
             * @description Employed (就业), registered unemployed (登记失业), retired (退休) or flexible employment (灵活就业).
             * @enum {string}
             */
            status: "employed" | "unemployed-registered" | "retired" | "flexible";
            /** @description Resident ID number (GB 11643) of the person. */
            subjectId: string;
            /** @description Name of the person as registered. */
            subjectName: string;
            /** @description Employment and unemployment registration certificate number (就业失业登记证号) when registered unemployed; otherwise null. */
            unemploymentCertificateNo: string | null;
        };
        /**
         * FetchRequest
         * @description A consumer's request for the records of one resource about one or more subjects, under a grant.
         */
        FetchRequest: {
            /** @description The case (办件) the fetch serves; required when the grant limits fetches to applicants of open cases. */
            caseNumber?: string;
            purpose: components["schemas"]["AccessPurpose"];
            /** @description Instead of subjects: records whose items equal the given values, one page at a time. Every record returned is still checked against the grant's row conditions. */
            query?: {
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Item code ⇒ value to match exactly; only items the grant returns may be filtered on. */
                filter: {
                    [key: string]: string;
                };
                /**
                 * @description Most records in this page.
                 * @default 20
                 */
                limit: number;
            };
            /** @description The rendered code of a published resource, e.g. `203001/00001`. */
            resourceCode: string;
            /** @description The subjects to look up; at most the configured batch size (default 100). Give either `subjects` or `query`. */
            subjects?: components["schemas"]["FetchSubject"][];
        };
        /**
         * FetchResult
         * @description Records returned by an authorized fetch, limited to the granted items and masked as the grant says, with provenance.
         */
        FetchResult: {
            /**
             * Format: date-time
             * @description When the hub read the data.
             */
            fetchedAt: string;
            /** @description The grant that authorized the fetch. */
            grantId: string;
            /** @description For a query: pass as `query.cursor` to get the next page (opaque and sealed to this resource); absent on the last page. */
            nextCursor?: string;
            /** @description The resource fetched. */
            resourceCode: string;
            /** @description The published version whose items were returned. */
            resourceVersion: number;
            /** @description One entry per requested subject, in request order. */
            results: {
                /**
                 * @description Whether the grant's row conditions allowed records of this subject.
                 * @enum {string}
                 */
                outcome: "allowed" | "denied";
                /** @description Why the subject was denied (stable code), e.g. `not-applicant-of-open-case`. */
                reason?: string;
                /** @description The subject's records: only granted items, masked per grant. */
                records: {
                    /**
                     * @description Present (true) while a data objection (数据异议) on this record is unresolved: the provider is checking it, or its answer is not yet accepted.
                     * @enum {boolean}
                     */
                    disputed?: true;
                    /** @description Values by information-item code (信息项编码). */
                    items: {
                        [key: string]: unknown;
                    };
                    /** @description With `disputed`: the objection on this record (`GET /v1/objections/{id}`). */
                    objectionId?: string;
                    /** @description Stable opaque reference of the record (the same record under the same resource always has the same one). The source system's own key is not an information item and never leaves the hub. */
                    recordId: string;
                }[];
                subject: components["schemas"]["FetchSubject"];
            }[];
            /** @description Where the data came from. */
            source: {
                /** @description The adapter of the department system, e.g. `hrss`. */
                adapter: string;
                /** @description Code of the department that holds the data. */
                department: string;
                /** @description True when read from the hub's synchronised copy instead of the department system live. */
                hubHeld: boolean;
                /** @description The canonical record kind read, e.g. `social-insurance-contribution`. */
                recordKind: string;
                /**
                 * Format: date-time
                 * @description For hub-held data: when the copy last caught up with the source; absent when it never has (or the data is read live).
                 */
                syncedAt?: string;
            };
        };
        /**
         * FetchSubject
         * @description Who the requested records are about: a person (resident ID) or an organisation (credit code).
         */
        FetchSubject: {
            /** @description The identifier; its check digit is verified. */
            id: string;
            /**
             * @description Kind of identifier: `resident-id` (GB 11643) or `credit-code` (GB 32100).
             * @enum {string}
             */
            type: "resident-id" | "credit-code";
        };
        /**
         * Grant
         * @description What a consumer department may fetch from a resource: items, records, masking, validity and limits.
         */
        Grant: {
            /** @description Department that holds the grant. */
            consumerDepartment: string;
            /**
             * Format: date-time
             * @description When it was made.
             */
            createdAt: string;
            /** @description Most records per day; null: no cap. */
            dailyVolumeCap: number | null;
            /** @description Grant id. */
            id: string;
            /** @description Item codes that may be returned. */
            items: string[];
            masking: components["schemas"]["AccessMasking"];
            /** @description Department that gave the grant. */
            providerDepartment: string;
            /** @description The purpose the data may be used for. */
            purposeCode: string;
            /** @description Most fetches per minute; null: the hub default. */
            rateLimitPerMinute: number | null;
            /** @description The request this grant answers. */
            requestId: string | null;
            /** @description The resource. */
            resourceCode: string;
            /**
             * Format: date-time
             * @description When it was revoked.
             */
            revokedAt: string | null;
            /** @description Who revoked it. */
            revokedBy: string | null;
            /** @description Why it was revoked. */
            revokeReason: string | null;
            rowConditions: components["schemas"]["AccessRowConditions"];
            /**
             * @description active (usable while valid), revoked by the provider, or expired.
             * @enum {string}
             */
            status: "active" | "revoked" | "expired";
            /** @description Service-account subjects allowed to use it; empty: any principal of the consumer. */
            subjects: string[];
            /**
             * Format: date-time
             * @description Start of validity.
             */
            validFrom: string;
            /**
             * Format: date-time
             * @description End of validity (exclusive).
             */
            validUntil: string;
            /** @description First resource version covered. */
            versionFrom: number;
            /** @description Last version covered; null: all later versions too. */
            versionTo: number | null;
        };
        /**
         * GrantList
         * @description One page of grants, newest first.
         */
        GrantList: {
            /** @description The grants of this page. */
            items: components["schemas"]["Grant"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * GrantRenewal
         * @description The provider steward extends an active or expired grant.
         */
        GrantRenewal: {
            /** @description A note for the timeline. */
            reason?: string;
            /**
             * Format: date
             * @description New last day of validity (YYYY-MM-DD): later than the current one, at most 366 days from today.
             */
            until: string;
        };
        /**
         * GrantRevocation
         * @description The provider steward revokes a grant; it stops working from the next request on.
         */
        GrantRevocation: {
            /** @description Why (mandatory). */
            reason: string;
        };
        /**
         * HealthStatus
         * @description Liveness or readiness of the hub and the services it depends on.
         */
        HealthStatus: {
            /** @description One entry per dependency checked (empty for liveness). */
            checks: {
                /** @description Why the check failed, if it did. */
                error?: string;
                /** @description How long the check took, in milliseconds. */
                latencyMs: number;
                /** @description The dependency: postgresql, kafka or redis. */
                name: string;
                /** @description Whether the dependency answered in time. */
                ok: boolean;
            }[];
            /**
             * @description ok when every check passed.
             * @enum {string}
             */
            status: "ok" | "unavailable";
        };
        /**
         * HousingFundAccountRecord
         * @description A person's housing provident fund account (住房公积金个人账户) and its current status.
         */
        HousingFundAccountRecord: {
            /** @description Personal account number (个人账号) at the fund centre. */
            accountNumber: string;
            /** @description Account balance (账户余额) in yuan. */
            balance: string;
            /** @description Monthly contribution base (缴存基数) in yuan, two decimal places. */
            contributionBase: string;
            /** @description Employer paying into the account; null for voluntary contributors (自愿缴存). */
            employerName: string | null;
            /** @description Employer contribution rate in percent (单位缴存比例), at most 12. */
            employerRatePercent: number;
            /** @description Total monthly deposit, employer plus person (月缴存额), in yuan. */
            monthlyContribution: string;
            /**
             * Format: date
             * @description Date the account was opened (开户日期).
             */
            openedOn: string;
            /** @description Last month paid (缴至年月), YYYY-MM; null when nothing was ever paid. */
            paidUpTo: string | null;
            /** @description Personal contribution rate in percent (个人缴存比例), at most 12. */
            personalRatePercent: number;
            /** @description Stable key of the account: the personal account number. */
            recordId: string;
            /**
             * @description Account status: normal (正常), sealed after leaving an employer (封存), frozen by a court or the centre (冻结), closed (销户).
             * @enum {string}
             */
            status: "normal" | "sealed" | "frozen" | "closed";
            /** @description Resident ID number (GB 11643) of the account holder. */
            subjectId: string;
            /** @description Name of the account holder. */
            subjectName: string;
        };
        /**
         * HousingFundContributionRecord
         * @description One deposit into a housing provident fund account (缴存明细).
         */
        HousingFundContributionRecord: {
            /** @description Personal account number the deposit went to. */
            accountNumber: string;
            /** @description Amount deposited (发生额) in yuan. */
            amount: string;
            /** @description Month the deposit is for (汇缴年月), YYYY-MM. */
            period: string;
            /**
             * Format: date
             * @description Date the deposit was booked (记账日期).
             */
            postedOn: string;
            /** @description Business serial number of the deposit (业务流水号). */
            recordId: string;
            /** @description Resident ID number (GB 11643) of the account holder. */
            subjectId: string;
            /**
             * @description Regular monthly deposit (汇缴) or a late one paid afterwards (补缴).
             * @enum {string}
             */
            type: "regular" | "supplementary";
        };
        /**
         * HousingFundLoanRecord
         * @description A housing provident fund loan (公积金贷款) where the person is the borrower.
         */
        HousingFundLoanRecord: {
            /** @description Annual interest rate in percent (贷款利率), as a decimal string, e.g. 2.85. */
            annualRatePercent: string;
            /** @description Loan contract number (借款合同号). */
            contractNumber: string;
            /**
             * Format: date
             * @description Date the loan was paid out (放款日期).
             */
            disbursedOn: string;
            /** @description Principal still owed (贷款余额) in yuan. */
            outstanding: string;
            /** @description Number of instalments currently overdue (逾期期数). */
            overdueInstalments: number;
            /** @description Amount lent (贷款金额) in yuan. */
            principal: string;
            /** @description Stable key of the loan: the loan contract number. */
            recordId: string;
            /**
             * @description Equal instalments of principal and interest (等额本息) or equal principal (等额本金).
             * @enum {string}
             */
            repaymentMethod: "equal-instalment" | "equal-principal";
            /**
             * @description Repaying normally (正常), overdue (逾期) or settled (结清).
             * @enum {string}
             */
            status: "repaying" | "overdue" | "settled";
            /** @description Resident ID number (GB 11643) of the borrower. */
            subjectId: string;
            /** @description Name of the borrower. */
            subjectName: string;
            /** @description Term of the loan in months (贷款期限). */
            termMonths: number;
        };
        /**
         * MarriageRegistrationRecord
         * @description A marriage registration (婚姻登记) of the subject, a resource shared by the provincial civil-affairs department through the provincial platform.
         */
        MarriageRegistrationRecord: {
            /** @description Number of the marriage or divorce certificate (证字号). */
            certificateNumber: string;
            /** @description Stable key of the registration at the provincial platform. */
            recordId: string;
            /**
             * Format: date
             * @description Date of the registration (登记日期).
             */
            registeredOn: string;
            /** @description Registration office (登记机关). */
            registrationOffice: string;
            /**
             * @description Marriage (结婚登记), divorce (离婚登记) or reissue of a certificate (补发).
             * @enum {string}
             */
            registrationType: "marriage" | "divorce" | "reissue";
            /** @description Name of the other party to the registration. */
            spouseName: string;
            /** @description Resident ID number (GB 11643) of the person asked about. */
            subjectId: string;
            /** @description Name of the person asked about. */
            subjectName: string;
        };
        /**
         * NewHomeContractFilingRecord
         * @description An online-signed and filed sale contract for a new home (商品房网签备案) where the subject is a buyer.
         */
        NewHomeContractFilingRecord: {
            /** @description Building area in square metres (建筑面积). */
            buildingAreaSqm: number;
            /** @description Name of that buyer (买受人). */
            buyerName: string;
            /** @description Number of other buyers on the contract (their identities are not passed on). */
            coBuyers: number;
            /** @description Contract number (合同编号) from the online-signing system. */
            contractNumber: string;
            /** @description Unified social credit code (GB 32100) of the developer. */
            developerCreditCode: string;
            /** @description Name of the developer (开发企业). */
            developerName: string;
            /**
             * Format: date
             * @description Date the contract was filed (备案日期).
             */
            filedOn: string;
            /** @description Location of the home (房屋坐落). */
            location: string;
            /** @description Name of the development project (项目名称). */
            projectName: string;
            /** @description Filing number (备案号). */
            recordId: string;
            /**
             * Format: date
             * @description Date the contract was signed online (签约日期).
             */
            signedOn: string;
            /**
             * @description Filing in force (有效) or cancelled (已注销).
             * @enum {string}
             */
            status: "filed" | "cancelled";
            /** @description Resident ID number (GB 11643) of the buyer asked about. */
            subjectId: string;
            /** @description Total contract price (合同总价) in yuan. */
            totalPrice: string;
        };
        /**
         * Objection
         * @description A data objection and where it stands. Status: open (provider checks) → corrected | rejected → closed (objector accepts) or escalated (objector, or automatically when overdue) → upheld (provider must correct) | dismissed.
         */
        Objection: {
            /** @description The provider's latest answer. */
            answer: {
                /**
                 * Format: date-time
                 * @description When.
                 */
                at: string;
                /** @description The steward. */
                by: string;
                /** @description How it was corrected: method, note, corrected values, records refreshed. */
                correction: {
                    [key: string]: unknown;
                } | null;
                /**
                 * @description Confirmed and corrected, or rejected.
                 * @enum {string}
                 */
                outcome: "confirm" | "reject";
                /** @description Reason (mandatory for a rejection). */
                reason: string | null;
            } | null;
            /**
             * Format: date-time
             * @description The provider answers before this instant (working days).
             */
            answerDeadline: string;
            /** @description Evidence files (download with GET …/attachments/{attachmentId}). */
            attachments: {
                /** @description File name. */
                fileName: string;
                /** @description The attachment. */
                id: string;
                /** @description Media type. */
                mediaType: string;
                /** @description Bytes. */
                size: number;
            }[];
            /**
             * Format: date-time
             * @description Raised at.
             */
            createdAt: string;
            /** @description What is believed wrong. */
            description: string;
            /** @description True while the data is under dispute (open, rejected, escalated, upheld): fetches of the record and clerks' certificates carry the mark. */
            disputed: boolean;
            /** @description Evidence as text. */
            evidence: string | null;
            /** @description The objection. */
            id: string;
            /** @description Items believed wrong. */
            items: string[];
            /** @description The department that objected. */
            objectorDepartment: string;
            /** @description Item ⇒ observed value. */
            observedValues: {
                [key: string]: string;
            };
            /** @description True once the provider missed a deadline (escalated automatically). */
            overdue: boolean;
            /** @description The department that must check. */
            providerDepartment: string;
            /** @description Who raised it. */
            raisedBy: string;
            /** @description The reviewer's latest ruling on an escalation. */
            ruling: {
                /**
                 * Format: date-time
                 * @description When.
                 */
                at: string;
                /** @description The reviewer. */
                by: string;
                /**
                 * @description Uphold (the provider must correct) or dismiss.
                 * @enum {string}
                 */
                outcome: "uphold" | "dismiss";
            } | null;
            /**
             * @description Where it stands.
             * @enum {string}
             */
            status: "open" | "corrected" | "rejected" | "escalated" | "upheld" | "closed" | "dismissed";
            /** @description What it is about. */
            target: {
                /** @description The case the certificate was fetched for. */
                caseNumber?: string;
                /** @description The certificate. */
                certificateId?: string;
                /** @description The fetch that returned the record. */
                fetchRequestId?: string;
                /** @description The record, as the fetch named it (an opaque reference). */
                recordId?: string;
                /** @description Canonical record kind of the record. */
                recordKind?: string;
                /** @description The resource. */
                resourceCode?: string;
                /** @description The provider department system's own key of the record behind `recordId`: only in `GET /v1/objections/{id}`, only for the provider's stewards, and each reading is audited (`objection.source-key.read`). */
                sourceRecordId?: string;
                /** @description Whom the record or certificate is about, masked. */
                subjectMasked?: string;
                /**
                 * @description Kind of target.
                 * @enum {string}
                 */
                type: "resource" | "record" | "certificate";
            };
            /**
             * Format: date-time
             * @description Last change.
             */
            updatedAt: string;
        };
        /**
         * ObjectionAnswer
         * @description The provider steward's answer after checking (校核): confirm and correct, or reject with a reason.
         */
        ObjectionAnswer: {
            /** @description Required with confirm. `refresh`: the department system holds the corrected data, the hub re-reads its copy through the adapter now; `recorded`: the correction is recorded (who, when, what) for data the hub does not hold. */
            correction?: {
                /** @description Item code ⇒ the corrected value, as recorded. */
                correctedValues?: {
                    [key: string]: string;
                };
                /**
                 * @description How the correction reaches the hub.
                 * @enum {string}
                 */
                method: "refresh" | "recorded";
                /** @description What was corrected. */
                note?: string;
            };
            /**
             * @description confirm: the data was wrong and is corrected; reject: it is right.
             * @enum {string}
             */
            outcome: "confirm" | "reject";
            /** @description Why; mandatory for a rejection. */
            reason?: string;
        };
        /**
         * ObjectionCreate
         * @description A data objection (数据异议): what the objector believes is wrong, on a resource, on a record its department received by a fetch, or on a certificate fetched for one of its cases.
         */
        ObjectionCreate: {
            /** @description Evidence files, base64 in JSON: at most 3, each at most 512 KiB decoded, of a media type from the allow-list (application/pdf, image/png, image/jpeg, text/plain); the content must be what the type says. */
            attachments?: {
                /** @description The file, base64. */
                content: string;
                /** @description Original file name. */
                fileName: string;
                /** @description Declared media type. */
                mediaType: string;
            }[];
            /** @description What is believed wrong, and why. */
            description: string;
            /** @description Evidence as text, e.g. what the applicant showed at the window. */
            evidence?: string;
            /** @description Codes of the information items (or certificate face fields) believed wrong. */
            items: string[];
            /** @description Item code ⇒ the value the objector observed; only listed items. */
            observedValues?: {
                [key: string]: string;
            };
            /** @description What the objection is about. `resource`: the catalog entry (`resourceCode`). `record`: a record the caller's department received — `resourceCode`, `recordId` and `fetchRequestId` (the `x-request-id` of the fetch answer that returned it). `certificate`: a certificate a clerk fetched for a case of their department — `certificateId` and `caseNumber`. */
            target: {
                /** @description The case (办件) the certificate was fetched for. */
                caseNumber?: string;
                /** @description The certificate identifier. */
                certificateId?: string;
                /** @description The `x-request-id` of the fetch answer that returned the record. */
                fetchRequestId?: string;
                /** @description The `recordId` the fetch returned. */
                recordId?: string;
                /** @description Code of the resource, e.g. `203001/00001`. */
                resourceCode?: string;
                /**
                 * @description Kind of target.
                 * @enum {string}
                 */
                type: "resource" | "record" | "certificate";
            };
        };
        /**
         * ObjectionEvent
         * @description Payload of objection events (topic `quality-events`, key = objection id): objection.raised, .confirmed, .rejected, .accepted, .escalated, .overdue, .upheld, .dismissed.
         */
        ObjectionEvent: {
            /** @description Who (`hub` for automatic steps). */
            actor: string;
            /**
             * Format: date-time
             * @description The provider's answer deadline after the step (absent on events written before it was added).
             */
            answerDeadline?: string;
            /** @description The certificate, if any. */
            certificateId: string | null;
            /** @description The objection. */
            objectionId: string;
            /** @description The department that objected. */
            objectorDepartment: string;
            /** @description The department that must check. */
            providerDepartment: string;
            /** @description Reason or note of the step. */
            reason: string | null;
            /** @description The record, if any. */
            recordId: string | null;
            /** @description The resource, if any. */
            resourceCode: string | null;
            /** @description Status after the step. */
            status: string;
            /** @description resource, record or certificate. */
            targetType: string;
        };
        /**
         * ObjectionList
         * @description One page of objections, newest first.
         */
        ObjectionList: {
            /** @description The objections. */
            items: components["schemas"]["Objection"][];
            /** @description Pass as `cursor` for the next page; null on the last. */
            nextCursor: string | null;
        };
        /**
         * ObjectionQuality
         * @description Data-quality figures per provider department for objections raised in a window, for dashboards.
         */
        ObjectionQuality: {
            /**
             * Format: date-time
             * @description Window start (inclusive).
             */
            from: string;
            /** @description One row per provider with objections in the window. */
            providers: {
                /** @description Confirmed (and corrected) by the provider. */
                confirmed: number;
                /** @description Provider department. */
                department: string;
                /** @description Median time from raising to the provider's first answer; null when none answered. */
                medianAnswerSeconds: number | null;
                /** @description Not yet answered. */
                open: number;
                /** @description Escalated because the provider missed the deadline. */
                overdue: number;
                /** @description Objections raised. */
                raised: number;
                /** @description Rejected by the provider. */
                rejected: number;
            }[];
            /**
             * Format: date-time
             * @description Window end (exclusive).
             */
            to: string;
        };
        /**
         * ObjectionResponse
         * @description The objector's response to the provider's answer: accept (closes it) or escalate to the big-data office.
         */
        ObjectionResponse: {
            /**
             * @description accept or escalate.
             * @enum {string}
             */
            outcome: "accept" | "escalate";
            /** @description Why; mandatory for an escalation. */
            reason?: string;
        };
        /**
         * ObjectionRuling
         * @description The reviewer's (市大数据办) decision on an escalated objection.
         */
        ObjectionRuling: {
            /**
             * @description uphold: the provider must correct within a new deadline; dismiss: the data stands.
             * @enum {string}
             */
            outcome: "uphold" | "dismiss";
            /** @description Why. */
            reason: string;
        };
        /**
         * ObjectionTimeline
         * @description Every step of one objection, oldest first.
         */
        ObjectionTimeline: {
            /** @description The steps in order. */
            entries: {
                /** @description Who (`hub` for automatic steps). */
                actor: string;
                /**
                 * Format: date-time
                 * @description When.
                 */
                at: string;
                /** @description Extra facts, e.g. the deadline or the correction. */
                details: {
                    [key: string]: unknown;
                };
                /** @description Reason or note. */
                note: string | null;
                /** @description Status after the step. */
                status: string;
                /** @description Event type, e.g. `objection.raised`, `objection.confirmed`. */
                type: string;
            }[];
            /** @description The objection. */
            objectionId: string;
        };
        /**
         * Principal
         * @description The authenticated caller, as established from a verified bearer token.
         */
        Principal: {
            /** @description Code of the caller's department (token `dept`); null for citizens, who belong to none. */
            department: string | null;
            /** @description GB/T 2260 division code of the caller's district (token `district`), if any. */
            district: string | null;
            /** @description A citizen's resident ID (token `idNumber`), as the identity platform puts it after real-name verification; the hub matches it against the subjects of the audit trail. Shown masked by `GET /v1/whoami`; never logged. */
            idNumber?: string;
            /** @description Roles granted to the caller (token `roles`). */
            roles: ("steward" | "consumer" | "clerk" | "reviewer" | "auditor" | "admin" | "service" | "citizen" | "leader")[];
            /** @description Stable identifier of the person or service account (token `sub`). */
            subject: string;
        };
        /**
         * Problem
         * @description An RFC 9457 problem document. Every error the hub returns has this shape, with media type application/problem+json; clients branch on `code`, never on `detail`.
         */
        Problem: {
            /** @description Stable machine-readable error code, e.g. validation-failed, token-expired, not-found. */
            code: string;
            /** @description Human-readable explanation of this occurrence. Never contains internals for 5xx. */
            detail: string;
            /** @description For 400 validation failures: every failing field. */
            errors?: {
                /** @description What is wrong with it. */
                message: string;
                /** @description Where the failing value is, e.g. /body/items/0/name or /query/limit. */
                path: string;
            }[];
            /** @description The request path that produced the problem. */
            instance: string;
            /** @description Request id, also written in the server log and the x-request-id header; quote it when reporting. */
            requestId: string;
            /** @description The HTTP status code of this response. */
            status: number;
            /** @description Short, human-readable summary of the problem type. */
            title: string;
            /** @description URI identifying the problem type; ends with the stable code. */
            type: string;
        };
        /**
         * PropertyMortgageRecord
         * @description A registered mortgage (抵押权登记) on real estate of the subject.
         */
        PropertyMortgageRecord: {
            /** @description Secured amount (被担保主债权数额) in yuan. */
            amount: string;
            /**
             * Format: date
             * @description Start of the debt performance period (债务履行期限起).
             */
            debtFrom: string;
            /**
             * Format: date
             * @description End of the debt performance period (债务履行期限止).
             */
            debtTo: string;
            /** @description Mortgagee (抵押权人), usually a bank. */
            mortgagee: string;
            /** @description Registration proof number (不动产登记证明号). */
            proofNumber: string;
            /** @description Stable key of the mortgage registration. */
            recordId: string;
            /**
             * Format: date
             * @description Date the mortgage was registered.
             */
            registeredOn: string;
            /**
             * @description In force (现势) or discharged (已注销).
             * @enum {string}
             */
            status: "active" | "discharged";
            /** @description Resident ID or unified social credit code of the mortgagor (抵押人). */
            subjectId: string;
            /** @description Real-estate unit number (不动产单元号) of the mortgaged property. */
            unitNumber: string;
        };
        /**
         * PropertyRightRecord
         * @description A registered real-estate right (不动产权) held by a person or organisation, as on the 不动产权证书.
         */
        PropertyRightRecord: {
            /** @description Building area (建筑面积) in square metres. */
            buildingAreaSqm: number;
            /** @description Real-estate title certificate number (不动产权证书号), e.g. 晋(2019)临汾市不动产权第0012345号. */
            certificateNumber: string;
            /** @description Name of the right holder (权利人). */
            holderName: string;
            /** @description Location of the property (坐落). */
            location: string;
            /** @description Stable key of the right in the registry (登记业务号 of the right). */
            recordId: string;
            /**
             * Format: date
             * @description Date the right was registered (登簿日期).
             */
            registeredOn: string;
            /** @description The holder's share in percent when owned by shares; null otherwise. */
            sharePercent: number | null;
            /**
             * @description Sole ownership (单独所有), joint ownership (共同共有) or ownership by shares (按份共有).
             * @enum {string}
             */
            shareType: "sole" | "joint" | "by-share";
            /**
             * @description Current (现势) or superseded by a later registration (历史).
             * @enum {string}
             */
            status: "current" | "historical";
            /** @description Resident ID (GB 11643) or unified social credit code (GB 32100) of the right holder. */
            subjectId: string;
            /** @description 28-character real-estate unit number (不动产单元号). */
            unitNumber: string;
            /**
             * @description Planned use (规划用途).
             * @enum {string}
             */
            use: "residential" | "commercial" | "office" | "industrial" | "other";
        };
        /**
         * PropertySeizureRecord
         * @description A seizure (查封登记) of the subject's real estate ordered by a court or another authority.
         */
        PropertySeizureRecord: {
            /** @description Authority ordering the seizure (查封机关), e.g. a people's court. */
            authority: string;
            /** @description Number of the seizure ruling (查封文号). */
            documentNumber: string;
            /**
             * Format: date
             * @description First day of the seizure (查封起始日期).
             */
            from: string;
            /**
             * @description A seizure (查封) or a queued seizure behind an earlier one (轮候查封).
             * @enum {string}
             */
            kind: "seizure" | "waiting-seizure";
            /** @description Stable key of the seizure registration. */
            recordId: string;
            /**
             * @description In force or lifted (已解封).
             * @enum {string}
             */
            status: "active" | "lifted";
            /** @description Resident ID or unified social credit code of the person whose property is seized (被执行人). */
            subjectId: string;
            /**
             * Format: date
             * @description Last day of the seizure (查封结束日期); null when open-ended.
             */
            to: string | null;
            /** @description Real-estate unit number (不动产单元号) of the seized property. */
            unitNumber: string;
        };
        /**
         * RecordChangedEvent
         * @description Payload of `record.changed` (topic `record-events`, key = kind:recordId): a hub-held record was added or changed by a sync pull. Carries no record data, only where to fetch it under a grant.
         */
        RecordChangedEvent: {
            /** @description The adapter the record was pulled from. */
            adapter: string;
            /** @description Canonical record kind, e.g. `social-insurance-contribution`. */
            kind: string;
            /** @description Stable key of the record inside its kind. */
            recordId: string;
            /**
             * Format: date-time
             * @description When the hub stored the change.
             */
            syncedAt: string;
        };
        /**
         * Resource
         * @description One version of an information resource with its full metadata, as the caller may see it.
         */
        Resource: {
            /**
             * @description Catalog class from 类: basic 基础, thematic 主题, departmental 部门.
             * @enum {string}
             */
            class: "basic" | "thematic" | "departmental";
            /** @description The rendered resource code `{lei}{xiang}{mu}{ximu}/{seq}`. */
            code: string;
            codeParts: components["schemas"]["ResourceCode"];
            /**
             * Format: date-time
             * @description When the resource was registered.
             */
            createdAt: string;
            /** @description The published version consumers see; null before the first publication. */
            currentVersion: number | null;
            /** @description 扩展元数据. */
            extension: {
                [key: string]: unknown;
            };
            /** @description 信息资源格式. */
            format: {
                /** @description Format category. */
                category: string;
                /** @description Format type within the category. */
                type: string;
            };
            /** @description 信息项 in display order. */
            items: components["schemas"]["ResourceItem"][];
            /** @description The newest version (may be a draft or a submission under review). */
            latestVersion: number;
            /** @description 信息资源名称. */
            name: string;
            /** @description 开放属性. */
            open: boolean;
            /** @description 开放条件. */
            openCondition: string | null;
            /** @description Code of the providing department. */
            provider: string;
            /** @description Name of the providing department. */
            providerName: string;
            /**
             * Format: date-time
             * @description 发布日期: when the version shown was published.
             */
            publishedAt: string | null;
            /** @description JSON Schema of one record (given or derived from the items). */
            recordSchema: {
                [key: string]: unknown;
            };
            /** @description True when the record schema was derived from the items rather than given. */
            recordSchemaDerived: boolean;
            /** @description 关联资源代码. */
            relatedCodes: string[];
            /** @description Whether consumers may request access: published and not `not-shared`. */
            requestable: boolean;
            /** @description The reviewer's comment when the version was returned to draft. */
            reviewComment: string | null;
            /** @description Service item (事项) codes. */
            serviceItems: string[];
            /** @description 共享条件, or the legal basis of a not-shared resource. */
            shareCondition: string | null;
            /** @description 共享方式. */
            shareMethods: ("api" | "subscription" | "file")[];
            /**
             * @description 共享类型.
             * @enum {string}
             */
            shareType: "unconditional" | "conditional" | "not-shared";
            /** @description Adapter serving the resource, if any. */
            sourceAdapter: string | null;
            /**
             * @description Lifecycle status of the resource as a whole.
             * @enum {string}
             */
            status: "draft" | "submitted" | "published" | "deprecated" | "withdrawn";
            /** @description Why the resource was deprecated or withdrawn. */
            statusReason: string | null;
            /** @description 信息资源摘要. */
            summary: string;
            /** @description 更新周期. */
            updateCycle: string;
            /**
             * Format: date-time
             * @description When the version shown last changed.
             */
            updatedAt: string;
            /** @description The version shown here. */
            version: number;
            /**
             * @description Status of the version shown: `published` is the current one; `superseded` an older published one.
             * @enum {string}
             */
            versionStatus: "draft" | "submitted" | "published" | "superseded";
        };
        /**
         * ResourceCode
         * @description The parts of a resource code (政务信息资源代码, 1272号 guide): the classification code 类/项/目/细目 and the sequence code 顺序码. Rendered as `{lei}{xiang}{mu}{ximu}/{seq}`, e.g. `301001001/00001`.
         */
        ResourceCode: {
            /** @description 类, one digit: 1 基础 (basic), 2 主题 (thematic), 3 部门 (departmental). */
            lei: string;
            /** @description 目, three digits (001–999). */
            mu: string;
            /** @description 顺序码, the sequence code, variable length (1–12 digits), not all zeros. */
            seq: string;
            /** @description 项, two digits: the sub-class (basic 01–05, thematic 01–12) or, for departmental resources, the organ (01–99). */
            xiang: string;
            /** @description 细目, variable length (0–12 digits); empty or absent when the resource has none. */
            ximu?: string;
        };
        /**
         * ResourceDraft
         * @description A resource's metadata as a steward writes it (1272号 core metadata). POST registers a new resource; PUT replaces the working draft (or starts a new draft version of a published resource).
         */
        ResourceDraft: {
            code: components["schemas"]["ResourceCode"];
            /** @description 扩展元数据: free-form extension metadata (JSON object). */
            extension?: {
                [key: string]: unknown;
            };
            /** @description 信息资源格式: category and a type belonging to it. */
            format: {
                /**
                 * @description Format category: 电子文件, 电子表格, 数据库, 图形图像, 流媒体, 自描述格式.
                 * @enum {string}
                 */
                category: "file" | "spreadsheet" | "database" | "image" | "streaming" | "self-describing";
                /** @description Format type within the category, e.g. `ofd` (file), `xlsx` (spreadsheet), `postgresql` (database), `json` (self-describing). */
                type: string;
            };
            /** @description 信息项: the fields of the resource's records, in display order. */
            items: components["schemas"]["ResourceItem"][];
            /** @description 信息资源名称, e.g. 参保缴费记录. */
            name: string;
            /** @description 开放属性: whether the resource is open to the public. */
            open: boolean;
            /** @description 开放条件, when open under conditions. */
            openCondition?: string | null;
            /** @description 信息资源提供方: code of the providing department; a steward registers only for their own department, and it cannot change later. */
            provider: string;
            /** @description JSON Schema of one record. Omit to derive it from the items; when given it must describe exactly the items with compatible types (otherwise 400 `record-schema-mismatch`). */
            recordSchema?: {
                [key: string]: unknown;
            } | null;
            /** @description 关联资源代码: rendered codes of related resources. */
            relatedCodes?: string[];
            /** @description Codes of the service items (事项) the resource supports. */
            serviceItems?: string[];
            /** @description 共享条件: required when conditional; for a not-shared resource, the legal basis of the restriction. */
            shareCondition?: string | null;
            /** @description 共享方式: how consumers receive data — `api` (fetch through the hub), `subscription` (events), `file`. At least one unless not shared. */
            shareMethods: ("api" | "subscription" | "file")[];
            /**
             * @description 共享类型: 无条件共享, 有条件共享 or 不予共享. Not-shared resources are listed but cannot be requested.
             * @enum {string}
             */
            shareType: "unconditional" | "conditional" | "not-shared";
            /** @description Name of the adapter serving the resource from the department system, if any. */
            sourceAdapter?: string | null;
            /** @description 信息资源摘要: what the resource holds and what it is for. */
            summary: string;
            /**
             * @description 更新周期: 实时, 每日, 每周, 每月, 每季度, 每半年, 每年, 其他.
             * @enum {string}
             */
            updateCycle: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "half-yearly" | "yearly" | "other";
        };
        /**
         * ResourceEvent
         * @description Payload of the directory's resource events (topic `directory-events`, key = resource code): resource.created, resource.updated, resource.submitted, resource.published, resource.returned, resource.deprecated, resource.withdrawn.
         */
        ResourceEvent: {
            /** @description Subject of the principal who made the change. */
            actor: string;
            /** @description The rendered resource code. */
            code: string;
            /** @description Review comment or deprecation/withdrawal reason, if any. */
            comment: string | null;
            /** @description The published version after the change. */
            currentVersion: number | null;
            /** @description The resource name in the version concerned. */
            name: string;
            /** @description Code of the providing department. */
            provider: string;
            /**
             * @description Share type of the version concerned.
             * @enum {string}
             */
            shareType: "unconditional" | "conditional" | "not-shared";
            /**
             * @description Resource status after the change.
             * @enum {string}
             */
            status: "draft" | "submitted" | "published" | "deprecated" | "withdrawn";
            /** @description The version concerned. */
            version: number;
        };
        /**
         * ResourceFacetCount
         * @description How many matching resources have one facet value.
         */
        ResourceFacetCount: {
            /** @description Number of matching resources with it. */
            count: number;
            /** @description The facet value, e.g. `conditional` or a department code. */
            value: string;
        };
        /**
         * ResourceImport
         * @description A batch of resources to register as drafts, all or nothing.
         */
        ResourceImport: {
            /** @description The drafts (at most 500 per request), all of the caller's own department. */
            resources: components["schemas"]["ResourceDraft"][];
        };
        /**
         * ResourceImportResult
         * @description What a bulk import registered.
         */
        ResourceImportResult: {
            /** @description Their rendered codes, in request order. */
            codes: string[];
            /** @description How many resources were registered as drafts. */
            imported: number;
        };
        /**
         * ResourceItem
         * @description An information item (信息项) of a resource: one field of its records.
         */
        ResourceItem: {
            /** @description Machine name of the item, unique within the resource; the property name in records and in the record JSON Schema. */
            code: string;
            /**
             * @description 数据类型 of the 1272 template: C 字符型, N 数值型, Y 货币型 (a decimal string with two places in records, e.g. `"7300.00"`), D 日期型, T 日期时间型, L 逻辑型, M 备注型, G 通用型 (binary, base64), B 双精度型, I 整型, F 浮点型.
             * @enum {string}
             */
            dataType: "C" | "N" | "Y" | "D" | "T" | "L" | "M" | "G" | "B" | "I" | "F";
            /** @description 数据长度: characters for C and M, total digits for numbers, bytes for G. */
            length: number;
            /** @description 信息项名称, e.g. 公民身份号码. */
            name: string;
            /** @description 是否向社会开放: whether the item is open to the public. */
            open: boolean;
            /** @description 开放条件, when the item is open under conditions. */
            openCondition?: string | null;
            /** @description Whether the item is personal information (PIPL); personal items cannot be open to the public. */
            personal: boolean;
            /** @description Sensitivity level: 1 public, 2 internal, 3 sensitive, 4 highly sensitive. */
            sensitivity: number;
            /** @description 共享条件: required for a conditional item; the legal basis for a not-shared one. */
            shareCondition?: string | null;
            /**
             * @description 共享类型 of this item (无条件/有条件/不予共享); never looser than the resource's share type.
             * @enum {string}
             */
            shareType: "unconditional" | "conditional" | "not-shared";
        };
        /**
         * ResourceList
         * @description One page of search results with facet counts over every match.
         */
        ResourceList: {
            /** @description Counts of the matching resources per value, most frequent first. */
            facets: {
                /** @description Counts per class. */
                class: components["schemas"]["ResourceFacetCount"][];
                /** @description Counts per provider department code. */
                provider: components["schemas"]["ResourceFacetCount"][];
                /** @description Counts per share type. */
                shareType: components["schemas"]["ResourceFacetCount"][];
            };
            /** @description The resources of this page. */
            items: components["schemas"]["ResourceSummary"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            /** @description How many resources match, over all pages. */
            total: number;
        };
        /**
         * ResourceReviewComment
         * @description Why a reviewer returns a submission to its steward.
         */
        ResourceReviewComment: {
            /** @description What the steward must change. */
            comment: string;
        };
        /**
         * ResourceSource
         * @description How the exchange serves a resource: which department adapter and canonical record kind it reads, and whether it answers from the hub-held copy or live from the department system.
         */
        ResourceSource: {
            /** @description Name of the department adapter, e.g. `housing-fund`. */
            adapter: string;
            /** @description Department whose system the adapter calls; null when the adapter is not configured on this instance (possible only for hub-held data). */
            department: string | null;
            /** @description True: fetches read the copy the sync jobs keep in the hub; false: every fetch calls the department system live. */
            hubHeld: boolean;
            /** @description Item code ⇒ canonical field overrides; null when the kind's conventional item map applies. */
            itemFields: {
                [key: string]: string;
            } | null;
            /**
             * @description `explicit`: set through this API (or a seed) and stored; `convention`: derived from configuration, the version's source adapter or the provider, because nothing is stored.
             * @enum {string}
             */
            origin: "explicit" | "convention";
            /** @description Canonical record kind read (`schemas/records/<kind>.json`), e.g. `housing-fund-account`. */
            recordKind: string;
            /** @description The directory resource code, e.g. `203002/00001`. */
            resourceCode: string;
            /**
             * Format: date-time
             * @description When the explicit setting was last changed; null for the convention.
             */
            updatedAt: string | null;
        };
        /**
         * ResourceSourcePut
         * @description Says how the exchange serves a resource. Replaces any earlier setting as a whole; the adapter must be configured and serve the record kind.
         */
        ResourceSourcePut: {
            /** @description Name of a configured department adapter (`GET /v1/admin/adapters`), e.g. `housing-fund`. */
            adapter: string;
            /** @description True: answer from the hub-held copy (the adapter must support change feeds); false: call the department system on every fetch (it must support look-ups by subject). */
            hubHeld: boolean;
            /** @description Optional item code ⇒ canonical field of the kind, for items the conventional map (exchange/fetch/record-item-map.ts) does not cover; omitted ⇒ the convention. */
            itemFields?: {
                [key: string]: string;
            };
            /** @description A record kind the adapter serves, e.g. `housing-fund-account`. */
            recordKind: string;
        };
        /**
         * ResourceStatusReason
         * @description Why a resource is deprecated or withdrawn.
         */
        ResourceStatusReason: {
            /** @description The reason, shown to consumers. */
            reason: string;
        };
        /**
         * ResourceSummary
         * @description A resource as listed in search results (its current published version, or its working draft before the first publication).
         */
        ResourceSummary: {
            /**
             * @description Catalog class.
             * @enum {string}
             */
            class: "basic" | "thematic" | "departmental";
            /** @description The rendered resource code. */
            code: string;
            /** @description The published version; null before the first publication. */
            currentVersion: number | null;
            /** @description GB/T 2260 division of the providing department. */
            divisionCode: string;
            /** @description Format category. */
            formatCategory: string;
            /** @description 信息资源名称. */
            name: string;
            /** @description Code of the providing department. */
            provider: string;
            /** @description Name of the providing department. */
            providerName: string;
            /**
             * Format: date-time
             * @description When the current version was published.
             */
            publishedAt: string | null;
            /** @description Whether access may be requested: published and not `not-shared`. */
            requestable: boolean;
            /**
             * @description 共享类型.
             * @enum {string}
             */
            shareType: "unconditional" | "conditional" | "not-shared";
            /**
             * @description Lifecycle status of the resource.
             * @enum {string}
             */
            status: "draft" | "submitted" | "published" | "deprecated" | "withdrawn";
            /** @description 信息资源摘要. */
            summary: string;
            /** @description 更新周期. */
            updateCycle: string;
        };
        /**
         * ResourceVersionList
         * @description The version history of a resource, newest first, as the caller may see it.
         */
        ResourceVersionList: {
            /** @description The versions. */
            items: {
                /**
                 * Format: date-time
                 * @description When the version was started.
                 */
                createdAt: string;
                /** @description Subject of the steward who started the version. */
                createdBy: string;
                /** @description The resource name in this version. */
                name: string;
                /**
                 * Format: date-time
                 * @description When it was published.
                 */
                publishedAt: string | null;
                /** @description The reviewer's comment when it was returned. */
                reviewComment: string | null;
                /**
                 * @description Status of the version.
                 * @enum {string}
                 */
                status: "draft" | "submitted" | "published" | "superseded";
                /**
                 * Format: date-time
                 * @description When it was last submitted for review.
                 */
                submittedAt: string | null;
                /** @description Version number, from 1. */
                version: number;
            }[];
        };
        /**
         * SecondHandTransactionRecord
         * @description A second-hand home transaction (存量房交易) in which the subject is buyer or seller.
         */
        SecondHandTransactionRecord: {
            /** @description Building area in square metres (建筑面积). */
            buildingAreaSqm: number;
            /** @description Location of the home (房屋坐落). */
            location: string;
            /** @description Agreed price (成交价格) in yuan. */
            price: string;
            /** @description Transaction number (交易编号). */
            recordId: string;
            /**
             * @description Whether the subject buys (买方) or sells (卖方).
             * @enum {string}
             */
            role: "buyer" | "seller";
            /**
             * Format: date
             * @description Date the contract was signed (合同签订日期).
             */
            signedOn: string;
            /**
             * @description Signed (已签约), title transferred (已过户) or cancelled (已撤销).
             * @enum {string}
             */
            status: "signed" | "transferred" | "cancelled";
            /** @description Resident ID number (GB 11643) of the party asked about. */
            subjectId: string;
            /** @description Name of that party. */
            subjectName: string;
        };
        /**
         * ServiceItem
         * @description A government service item (政务服务事项) in one version, with its materials.
         */
        ServiceItem: {
            /** @description 基本编码. */
            code: string;
            /** @description Handling department code. */
            department: string | null;
            /** @description GB/T 2260 division of implementation. */
            divisionCode: string | null;
            /** @description 实施编码. */
            implementationCode: string | null;
            /** @description Implementing body's unified social credit code. */
            implementingCreditCode: string | null;
            /** @description 设定依据. */
            legalBasis: string;
            /** @description Its materials, in code order. */
            materials: components["schemas"]["ServiceItemMaterial"][];
            /** @description 事项名称. */
            name: string;
            /** @description 最多跑一次. */
            oneVisit: boolean;
            /**
             * @description `province`: kept in step with the provincial platform (local edits refused); `local`: maintained in the hub.
             * @enum {string}
             */
            origin: "local" | "province";
            /** @description Promised working days (承诺办结时限). */
            promisedWorkingDays: number | null;
            /**
             * @description `active`, or `retired` (no new cases).
             * @enum {string}
             */
            status: "active" | "retired";
            /** @description Why it was retired. */
            statusReason: string | null;
            type: components["schemas"]["ServiceItemType"];
            /** @description When this version was made (ISO 8601). */
            updatedAt: string;
            /** @description Version; every change makes the next one. Cases keep the version they were accepted under. */
            version: number;
        };
        /**
         * ServiceItemDraft
         * @description A new service item (事项) with its materials: version 1, active, maintained locally.
         */
        ServiceItemDraft: {
            /** @description 基本编码 (GB/T 39554.1; a local code where no national one exists, e.g. `SX-RS-0001`): checked against SERVICE_ITEM_CODE_PATTERN. */
            code: string;
            /** @description Code of the handling department (办理部门), e.g. `lf-realestate`; its steward maintains the item. */
            department: string;
            /** @description GB/T 2260 division where the item is implemented; default: the handling department's. */
            divisionCode?: string | null;
            /** @description 实施编码 (GB/T 39554.1): checked against SERVICE_ITEM_IMPLEMENTATION_CODE_PATTERN. */
            implementationCode?: string | null;
            /** @description Unified social credit code (GB 32100) of the implementing body (实施主体); default: the handling department's. */
            implementingCreditCode?: string | null;
            /** @description 设定依据: the laws and regulations the item rests on. */
            legalBasis: string;
            /** @description The materials (材料) the item asks for, in any order; codes must be unique. */
            materials?: components["schemas"]["ServiceItemMaterialDraft"][];
            /** @description 事项名称, e.g. 不动产抵押登记. */
            name: string;
            /** @description 最多跑一次: the applicant comes in person at most once. */
            oneVisit: boolean;
            /** @description 承诺办结时限 in working days; 0 = 即办件; null = not promised. */
            promisedWorkingDays: number | null;
            type: components["schemas"]["ServiceItemType"];
        };
        /**
         * ServiceItemEvent
         * @description Payload of the 事项 catalog's events (topic `directory-events`, key = service item code): service-item.created, service-item.updated, service-item.retired.
         */
        ServiceItemEvent: {
            /** @description Subject of who made the change (`province-sync` for synced changes). */
            actor: string;
            /** @description The service item code. */
            code: string;
            /** @description Retirement reason, `imported` or the material concerned, if any. */
            comment: string | null;
            /** @description Handling department. */
            department: string | null;
            /** @description Its name in this version. */
            name: string;
            /**
             * @description Origin after the change.
             * @enum {string}
             */
            origin: "local" | "province";
            /**
             * @description Status after the change.
             * @enum {string}
             */
            status: "active" | "retired";
            /** @description The version made by the change. */
            version: number;
        };
        /**
         * ServiceItemImport
         * @description Service items to create at once (all or nothing). The same rows can be sent as `text/csv` (see the README).
         */
        ServiceItemImport: {
            /** @description The items, each as in a create. */
            items: components["schemas"]["ServiceItemDraft"][];
        };
        /**
         * ServiceItemImportResult
         * @description What a bulk import created.
         */
        ServiceItemImportResult: {
            /** @description Their codes, in request order. */
            codes: string[];
            /** @description How many service items were created. */
            imported: number;
        };
        /**
         * ServiceItemList
         * @description One page of service items.
         */
        ServiceItemList: {
            /** @description The service items of this page. */
            items: components["schemas"]["ServiceItemSummary"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
            /** @description How many items match, over all pages. */
            total: number;
        };
        /**
         * ServiceItemMaterial
         * @description A material (材料) a service item asks for, and what can replace the paper.
         */
        ServiceItemMaterial: {
            /** @description Certificate types that replace the paper. */
            certificateTypes: string[];
            /** @description The material's code within the service item. */
            materialCode: string;
            /** @description Material name. */
            name: string;
            /** @description Paper copies asked for when not obtained by sharing. */
            paperCopies: number;
            /** @description Whether the applicant must provide it. */
            required: boolean;
            /** @description Shared resources that replace the paper. */
            resourceCodes: string[];
            /** @description The service item (事项). */
            serviceItemCode: string;
        };
        /**
         * ServiceItemMaterialDraft
         * @description One material (材料) of a service item in a create, update or import.
         */
        ServiceItemMaterialDraft: {
            /** @description Certificate types (电子证照) that replace the paper material; empty when none does. */
            certificateTypes?: string[];
            /** @description The material's code within the service item, e.g. `M01`. */
            materialCode: string;
            /** @description Material name, e.g. 不动产权证书. */
            name: string;
            /**
             * @description Paper copies (份数) the applicant hands in when the material is not obtained by sharing.
             * @default 1
             */
            paperCopies: number;
            /** @description Whether the applicant must provide it (必要) or not (非必要). */
            required: boolean;
            /** @description Shared information resources that replace the paper material; empty when none does. */
            resourceCodes?: string[];
        };
        /**
         * ServiceItemMaterialList
         * @description The materials of one service item, in code order.
         */
        ServiceItemMaterialList: {
            /** @description Its materials. */
            items: components["schemas"]["ServiceItemMaterial"][];
            /** @description The service item. */
            serviceItemCode: string;
        };
        /**
         * ServiceItemMaterialPut
         * @description Defines (or replaces) one material (材料) of a service item and what can replace the paper. Makes a new version of the item.
         */
        ServiceItemMaterialPut: {
            /** @description Certificate types (电子证照) that replace the paper material; empty when none does. */
            certificateTypes?: string[];
            /** @description Material name, e.g. 不动产权证书. */
            name: string;
            /**
             * @description Paper copies (份数) the applicant hands in when the material is not obtained by sharing.
             * @default 1
             */
            paperCopies: number;
            /** @description Whether the applicant must provide it (必要) or not (非必要). */
            required: boolean;
            /** @description Shared information resources that replace the paper material; empty when none does. */
            resourceCodes?: string[];
        };
        /**
         * ServiceItemRetire
         * @description Why a service item is retired (取消): new cases can no longer be accepted under it.
         */
        ServiceItemRetire: {
            /**
             * @description Admins only: retire an item synced from the provincial platform anyway (it becomes locally maintained).
             * @default false
             */
            overrideProvince: boolean;
            /** @description The reason, e.g. 事项已调整至省级办理. */
            reason: string;
        };
        /**
         * ServiceItemSummary
         * @description A service item in a search result.
         */
        ServiceItemSummary: {
            /** @description 基本编码. */
            code: string;
            /** @description Handling department code. */
            department: string | null;
            /** @description Name of the handling department. */
            departmentName: string | null;
            /** @description How many materials it asks for. */
            materialCount: number;
            /** @description 事项名称. */
            name: string;
            /** @description 最多跑一次. */
            oneVisit: boolean;
            /**
             * @description `province`: kept in step with the provincial platform (local edits refused); `local`: maintained in the hub.
             * @enum {string}
             */
            origin: "local" | "province";
            /** @description Promised working days (承诺办结时限). */
            promisedWorkingDays: number | null;
            /**
             * @description `active`, or `retired` (no new cases).
             * @enum {string}
             */
            status: "active" | "retired";
            type: components["schemas"]["ServiceItemType"];
            /** @description Version; every change makes the next one. Cases keep the version they were accepted under. */
            version: number;
        };
        /**
         * ServiceItemSyncResult
         * @description One pull of the provincial service items (事项动态同步).
         */
        ServiceItemSyncResult: {
            /** @description Adapters whose pull failed (their system down or answering badly). */
            failures: {
                /** @description Adapter name. */
                adapter: string;
                /** @description What went wrong. */
                message: string;
            }[];
            /** @description Per adapter that lists service items. */
            results: {
                /** @description Adapter name, e.g. `province`. */
                adapter: string;
                /** @description True when the province had nothing newer. */
                caughtUp: boolean;
                /** @description New items created (`origin: province`). */
                created: number;
                /** @description Items read from the provincial platform. */
                received: number;
                /** @description Items not applied: maintained locally under the same code, or not valid for the hub (unknown implementing body, type or certificate type). */
                skipped: number;
                /** @description Items already in step. */
                unchanged: number;
                /** @description Items that changed and got a new version. */
                updated: number;
            }[];
        };
        /**
         * ServiceItemType
         * @description 事项类型: administrative-licensing 行政许可, administrative-confirmation 行政确认, administrative-payment 行政给付, administrative-reward 行政奖励, administrative-adjudication 行政裁决, other-administrative-power 其他行政权力, public-service 公共服务.
         * @enum {string}
         */
        ServiceItemType: "administrative-licensing" | "administrative-confirmation" | "administrative-payment" | "administrative-reward" | "administrative-adjudication" | "other-administrative-power" | "public-service";
        /**
         * ServiceItemUpdate
         * @description The next version of a service item: every field replaces the current one; `materials`, when given, replaces the whole list (absent: kept).
         */
        ServiceItemUpdate: {
            /** @description Code of the handling department (办理部门), e.g. `lf-realestate`; its steward maintains the item. */
            department: string;
            /** @description GB/T 2260 division where the item is implemented; default: the handling department's. */
            divisionCode?: string | null;
            /** @description 实施编码 (GB/T 39554.1): checked against SERVICE_ITEM_IMPLEMENTATION_CODE_PATTERN. */
            implementationCode?: string | null;
            /** @description Unified social credit code (GB 32100) of the implementing body (实施主体); default: the handling department's. */
            implementingCreditCode?: string | null;
            /** @description 设定依据: the laws and regulations the item rests on. */
            legalBasis: string;
            /** @description The materials (材料) the item asks for, in any order; codes must be unique. */
            materials?: components["schemas"]["ServiceItemMaterialDraft"][];
            /** @description 事项名称, e.g. 不动产抵押登记. */
            name: string;
            /** @description 最多跑一次: the applicant comes in person at most once. */
            oneVisit: boolean;
            /**
             * @description Admins only: edit an item synced from the provincial platform anyway. The item becomes locally maintained (`origin: local`) and later province changes of it are skipped, not applied.
             * @default false
             */
            overrideProvince: boolean;
            /** @description 承诺办结时限 in working days; 0 = 即办件; null = not promised. */
            promisedWorkingDays: number | null;
            type: components["schemas"]["ServiceItemType"];
        };
        /**
         * SocialInsuranceContributionRecord
         * @description One month's social-insurance contribution (缴费记录) of a person in one insurance type.
         */
        SocialInsuranceContributionRecord: {
            /** @description Contribution base (缴费基数) in yuan, as a decimal string with two places. */
            contributionBase: string;
            /** @description Employer's part (单位缴费) in yuan, decimal string with two places. */
            employerAmount: string;
            /**
             * @description Insurance type the contribution belongs to.
             * @enum {string}
             */
            insuranceType: "pension" | "unemployment" | "medical" | "work-injury" | "maternity";
            /** @description True when the contribution has been received (已实缴); false when it is owed (欠缴). */
            paid: boolean;
            /**
             * Format: date
             * @description Date the money arrived (到账日期); null while owed.
             */
            paidOn: string | null;
            /** @description Month the contribution is for (费款所属期), YYYY-MM. */
            period: string;
            /** @description Person's own part (个人缴费) in yuan, decimal string with two places. */
            personalAmount: string;
            /** @description Stable key of the contribution line in the source system. */
            recordId: string;
            /** @description Resident ID number (GB 11643) of the insured person. */
            subjectId: string;
            /** @description Name of the insured person as registered. */
            subjectName: string;
        };
        /**
         * SocialInsuranceEnrolmentRecord
         * @description One social-insurance enrolment (参保登记) of a person in one insurance type, as held by the human resources and social security system (人社).
         */
        SocialInsuranceEnrolmentRecord: {
            /** @description Unified social credit code (GB 32100) of the employer; null when there is none. */
            employerCreditCode: string | null;
            /** @description Name of the enrolling employer; null for flexible employment (灵活就业). */
            employerName: string | null;
            /**
             * Format: date
             * @description Date the enrolment began (参保日期).
             */
            enrolledOn: string;
            /**
             * @description Insurance type: basic pension (养老), unemployment (失业), basic medical (医疗), work injury (工伤), maternity (生育).
             * @enum {string}
             */
            insuranceType: "pension" | "unemployment" | "medical" | "work-injury" | "maternity";
            /** @description Personal social-insurance number (个人编号) in the source system. */
            personNumber: string;
            /** @description Stable key of the enrolment in the source system. */
            recordId: string;
            /**
             * @description Enrolment status: contributing (参保缴费), suspended (暂停缴费), terminated (终止参保).
             * @enum {string}
             */
            status: "contributing" | "suspended" | "terminated";
            /** @description Resident ID number (GB 11643) of the insured person. */
            subjectId: string;
            /** @description Name of the insured person as registered. */
            subjectName: string;
        };
        /**
         * Subscription
         * @description A dataset subscription and its delivery state.
         */
        Subscription: {
            /**
             * Format: date-time
             * @description When it was created.
             */
            createdAt: string;
            /** @description Records delivered so far. */
            delivered: number;
            /** @description Consumer department. */
            department: string;
            /** @description Grant that governs the deliveries. */
            grantId: string;
            /** @description Subscription id. */
            id: string;
            /** @description Age of the oldest change not yet delivered; 0 when caught up. */
            lagSeconds: number;
            /**
             * Format: date-time
             * @description Last batch.
             */
            lastDeliveredAt: string | null;
            /** @description Last change position delivered (the consumer de-duplicates by it). */
            position: string;
            /** @description Resource subscribed to. */
            resourceCode: string;
            /**
             * @description Where the records come from: `hub` — the hub-held copies' change stream; `live` — the provider's own system, paged through in passes and compared (a record it no longer lists is delivered as deleted).
             * @enum {string}
             */
            source?: "hub" | "live";
            /**
             * @description `stopped`: the grant was revoked or expired.
             * @enum {string}
             */
            status: "active" | "paused" | "stopped";
            /** @description Why delivery stopped (`grant-revoked`, `grant-expired`). */
            stopReason: string | null;
            /** @description Front-end table (target `table`); the connection is never returned. */
            table?: {
                /** @description Table. */
                name: string;
                /** @description Schema. */
                schema: string;
            };
            /**
             * @description Delivery target.
             * @enum {string}
             */
            target: "kafka" | "table" | "file";
            /** @description Kafka topic including the hub's prefix (target `kafka`). */
            topic?: string;
        };
        /**
         * SubscriptionCreate
         * @description A consumer department's standing delivery of a granted resource (数据订阅, 库表交换): an initial snapshot, then every change, filtered by the grant.
         */
        SubscriptionCreate: {
            /** @description The consumer's grant on the resource; it governs every delivery. */
            grantId: string;
            /** @description The resource subscribed to. */
            resourceCode: string;
            /** @description The front-end database table (target `table`). */
            table?: {
                /** @description postgres:// URL of the department's front-end database; stored encrypted, never returned. */
                connection: string;
                /** @description Table name (a plain lower-case identifier); `<name>_position` is kept beside it. */
                name: string;
                /** @description Schema of the table (a plain lower-case identifier). */
                schema: string;
            };
            /**
             * @description `kafka`: the department's own topic; `table`: upserts into the department's own PostgreSQL table (前置库); `file`: snapshots as NDJSON and CSV with a signed manifest (文件交换), made on request.
             * @enum {string}
             */
            target: "kafka" | "table" | "file";
            /** @description Kafka topic (without the hub's prefix); must start with `records.<department>.`. Default `records.<department>.<resource code with / as ->`. */
            topic?: string;
        };
        /**
         * SubscriptionDeadLetters
         * @description Records of a subscription its target refused on their own, set aside so the stream moved on.
         */
        SubscriptionDeadLetters: {
            /** @description Dead letters in stream order. */
            items: {
                /**
                 * Format: date-time
                 * @description When it was set aside.
                 */
                createdAt: string;
                /** @description What the target answered. */
                error: string;
                /** @description Position of the refused change. */
                position: string;
                /** @description Record key. */
                recordId: string;
            }[];
        };
        /**
         * SubscriptionFile
         * @description One file snapshot: its manifest and the manifest's signature (compact JWS, ES256, verifiable with the keys at /v1/audit/checkpoint-keys).
         */
        SubscriptionFile: {
            /** @description Snapshot id; download `…/files/{id}/data.ndjson` or `…/files/{id}/data.csv`. */
            id: string;
            /** @description What the files hold. */
            manifest: {
                /** @description Hub-held: the change-stream position the snapshot reflects. Live: the subscription's own position after the snapshot (its records took the positions just below, one each). */
                asOfPosition: string;
                /** @description Per file: name, rows, bytes, SHA-256. */
                files: {
                    /** @description Size. */
                    bytes: number;
                    /** @description `data.ndjson` or `data.csv` (UTF-8 with BOM). */
                    name: string;
                    /** @description Records (CSV: without the header). */
                    rows: number;
                    /** @description SHA-256 of the file, hex. */
                    sha256: string;
                }[];
                /**
                 * Format: date-time
                 * @description When it was made.
                 */
                generatedAt: string;
                /** @description Grant the data was filtered by. */
                grantId: string;
                /** @description Item codes (CSV columns after record_id and position). */
                items: string[];
                /**
                 * Format: date-time
                 * @description Live only: when the read of the provider began (it ended by `generatedAt`); a page-by-page listing, not one instant.
                 */
                readStartedAt?: string;
                /** @description Resource. */
                resourceCode: string;
                /** @description Snapshot id. */
                snapshotId: string;
                /**
                 * @description `hub`: made from the hub-held copies; `live`: one whole read of the provider's pages.
                 * @enum {string}
                 */
                source?: "hub" | "live";
                /** @description Subscription. */
                subscriptionId: string;
            };
            /** @description Compact JWS whose payload is the manifest JSON exactly as served. */
            signature: string;
        };
        /**
         * SubscriptionFileList
         * @description The file snapshots of a `file` subscription, newest first.
         */
        SubscriptionFileList: {
            /** @description Snapshots. */
            items: components["schemas"]["SubscriptionFile"][];
        };
        /**
         * SubscriptionList
         * @description The caller department's subscriptions.
         */
        SubscriptionList: {
            /** @description Subscriptions, newest first. */
            items: components["schemas"]["Subscription"][];
        };
        /**
         * SubscriptionRecipients
         * @description Which departments received a person's records through dataset subscriptions, and when (from the delivery log, keyed by the audit trail's subject HMAC).
         */
        SubscriptionRecipients: {
            /** @description One entry per subscription that delivered a record of the subject. */
            items: {
                /** @description Receiving department. */
                department: string;
                /**
                 * Format: date-time
                 * @description First delivery.
                 */
                firstDeliveredAt: string;
                /**
                 * Format: date-time
                 * @description Latest delivery.
                 */
                lastDeliveredAt: string;
                /** @description Deliveries of the subject's records (changes included). */
                records: number;
                /** @description Resource delivered. */
                resourceCode: string;
                /** @description The subscription. */
                subscriptionId: string;
            }[];
        };
        /**
         * SubscriptionReconciliation
         * @description Delivered vs eligible at the subscription's position, and a checksum the consumer can recompute over its copy.
         */
        SubscriptionReconciliation: {
            /** @description SHA-256 (hex) over the lines `<recordId>\t<position>` sorted by record id, one per eligible record. */
            checksum: string;
            /** @description Records the grant lets through with a change at or below the position. */
            eligible: number;
            /** @description The position the counts are taken at. */
            position: string;
        };
        /**
         * SubscriptionRecord
         * @description Payload of `subscription.record` on a consumer department's subscription topic (`<prefix>records.<department>.<resource>`, key = record id, suitable for log compaction): the record's granted items, masked as the grant says.
         */
        SubscriptionRecord: {
            /**
             * @description Present (true) when the record is gone: a live (not hub-held) source no longer lists it, or no longer lets it through the grant. `items` is then empty; a consumer deletes its copy of the key. A tombstone (the same key, a null value, event id `<subscription>:<position>:tombstone`) follows it, so log compaction drops the key.
             * @enum {boolean}
             */
            deleted?: true;
            /**
             * @description Present (true) when the record was under an unresolved data objection as it was delivered; absent otherwise, so the next delivery after the objection is resolved carries none.
             * @enum {boolean}
             */
            disputed?: true;
            /** @description The grant the record was delivered under. */
            grantId: string;
            /** @description Granted items by code, masked. */
            items: Record<string, never>;
            /** @description The objection, with `disputed`. */
            objectionId?: string;
            /** @description Position in the change stream; a consumer keeps the highest per key and resumes after it. */
            position: string;
            /** @description Record key (also the Kafka key). */
            recordId: string;
            /** @description The resource. */
            resourceCode: string;
            /** @description The subscription. */
            subscriptionId: string;
        };
        /**
         * SubscriptionReplay
         * @description Outcome of replaying a subscription's dead letters.
         */
        SubscriptionReplay: {
            /** @description Dead letters still refused. */
            remaining: number;
            /** @description Dead letters the target now took. */
            replayed: number;
            /** @description Live sources only: set-aside changes left to the next pass over the provider (it starts at once when none is under way), which sends each record again as it is then, at a new position; they left the list. Deletions are sent again at once (in `replayed`). */
            requeued?: number;
        };
        /**
         * SubscriptionResend
         * @description What a reconcile re-sent to the front-end table.
         */
        SubscriptionResend: {
            /** @description Records the table lacked (or held at an older position) and now has. */
            resent: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    completeConsoleOidcSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in: back to the console */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleAuthConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How people sign in to the web console on this hub. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleAuthConfig"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listConsoleDevPrincipals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The demo principals one can sign in as in dev mode. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleDevPrincipalList"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signInConsoleDev: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsoleDevSignIn"];
            };
        };
        responses: {
            /** @description The web console's signed-in session (cookie `hub_session`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSession"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The web console's signed-in session (cookie `hub_session`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSession"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signInConsoleOidc: {
        parameters: {
            query?: {
                /** @description Where to go after signing in (a path on this hub; default /console/). */
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the identity provider */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOutConsole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session has ended at the hub. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleSignOut"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Liveness or readiness of the hub and the services it depends on. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Liveness or readiness of the hub and the services it depends on. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
            /** @description Liveness or readiness of the hub and the services it depends on. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatus"];
                };
            };
        };
    };
    listAccessRequests: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Most requests returned. */
                limit?: number;
                /** @description Only requests for this resource. */
                resourceCode?: string;
                /** @description Only this status. */
                status?: "pending" | "granted" | "refused" | "withdrawn";
                /** @description mine: my department's requests; to-decide: pending requests my department must decide; overdue: pending past the deadline. */
                view?: "mine" | "to-decide" | "overdue";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of access requests, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequestList"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAccessRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body replay the first answer (header `idempotent-replayed: true`) and nothing is created twice; another body with the same key is 409 `idempotency-key-reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessRequestCreate"];
            };
        };
        responses: {
            /** @description An access request and where it stands. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequest"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An access request and where it stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequest"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessDecision"];
            };
        };
        responses: {
            /** @description An access request and where it stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequest"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccessRequestTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every state change of one access request, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTimeline"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawAccessRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessWithdrawal"];
            };
        };
        responses: {
            /** @description An access request and where it stands. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessRequest"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccessWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The department code. */
                department: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A department's access-event webhook (the secret is never shown). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessWebhook"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setAccessWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The department code. */
                department: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessWebhookSettings"];
            };
        };
        responses: {
            /** @description A department's access-event webhook (the secret is never shown). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessWebhook"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAccessWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The department code. */
                department: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAccessWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Most returned. */
                limit?: number;
                /** @description Only this state. */
                status?: "pending" | "delivered" | "dead";
            };
            header?: never;
            path: {
                /** @description The department code. */
                department: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries of a department's access webhook, in position order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessWebhookDeliveries"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayAccessWebhook: {
        parameters: {
            query: {
                /** @description Event id (`x-hub-event-id`) to replay from (inclusive). */
                fromEventId: string;
            };
            header?: never;
            path: {
                /** @description The department code. */
                department: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What a replay queued again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessWebhookReplay"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAdapters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The department adapters configured on this hub. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdapterList"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeadLetterJobs: {
        parameters: {
            query?: {
                /** @description Most jobs returned. */
                limit?: number;
                /** @description Only this queue (job name); all queues when omitted. */
                queue?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Dead-lettered background jobs, newest failure first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterList"];
                };
            };
            /** @description An RFC 9457 problem document. Every error the hub returns has this shape, with media type application/problem+json; clients branch on `code`, never on `detail`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem document. Every error the hub returns has this shape, with media type application/problem+json; clients branch on `code`, never on `detail`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem document. Every error the hub returns has this shape, with media type application/problem+json; clients branch on `code`, never on `detail`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryDeadLetterJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The job id. */
                id: string;
                /** @description The queue (job name) of the dead letter. */
                queue: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job is queued again. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem document. Every error the hub returns has this shape, with media type application/problem+json; clients branch on `code`, never on `detail`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem document. Every error the hub returns has this shape, with media type application/problem+json; clients branch on `code`, never on `detail`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            /** @description An RFC 9457 problem document. Every error the hub returns has this shape, with media type application/problem+json; clients branch on `code`, never on `detail`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    aggregateAuditRecords: {
        parameters: {
            query?: {
                /** @description Count only data accesses (exchange.fetch, certificates.fetch, cases.read). */
                accessesOnly?: boolean;
                /** @description Start of the range (default: 30 days before `to`). */
                from?: string;
                /** @description The grouping key (default `department`); two-key groupings put the second in `subKey`. */
                groupBy?: "principal" | "department" | "action" | "outcome" | "reason" | "day" | "department-day" | "weekday-hour";
                /** @description End of the range, exclusive (default: now). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Record counts over a time range, grouped by one key (at most 1,000 groups) or by two (`department-day`, `weekday-hour`: at most 10,000 pairs). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAggregateReport"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditAnomalies: {
        parameters: {
            query?: {
                /** @description Start of the range (default: 30 days before `to`). */
                from?: string;
                /** @description The rule to apply; omitted: every rule. */
                kind?: "access-without-case" | "after-grant-end" | "volume-spike" | "off-hours-bulk" | "repeated-denials" | "failed-authentications";
                /** @description The rule threshold (see the description); default per rule. Needs `kind`. */
                threshold?: number;
                /** @description End of the range, exclusive (default: now). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Findings of one anomaly rule (or of every rule, `kind` = `all`) over a time range, largest first (at most 500 per rule). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAnomalyReport"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditCheckpointKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The public keys (JWKS) that verify audit checkpoint signatures. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpointKeys"];
                };
            };
        };
    };
    listAuditCheckpoints: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed checkpoints, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpointList"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAuditCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A signed statement of the audit chain's state: the chain up to record `lastId` ends in `lastHash`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpoint"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyDataAccesses: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Page size. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A citizen's view: who accessed records about them, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditAccessPage"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMySubscriptionRecipients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Which departments received a person's records through dataset subscriptions, and when (from the delivery log, keyed by the audit trail's subject HMAC). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionRecipients"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchAuditRecords: {
        parameters: {
            query?: {
                /** @description Only accesses serving this case (办件). */
                caseNumber?: string;
                /** @description `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Only records of this caller's department. */
                department?: string;
                /** @description Recorded at or after this instant. */
                from?: string;
                /** @description Page size. */
                limit?: number;
                /** @description Only allowed or only denied. */
                outcome?: "allowed" | "denied";
                /** @description Only records of this caller subject. */
                principal?: string;
                /** @description Only this resource identifier. */
                resourceId?: string;
                /** @description Only this kind of thing, e.g. `resource`. */
                resourceType?: string;
                /** @description Refused with 400 `subject-in-query`: send the subject in the body of `POST /v1/audit/records/search` instead. */
                subjectId?: string;
                /** @description Recorded before this instant. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit records, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditRecordPage"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportAuditRecords: {
        parameters: {
            query?: {
                /** @description Only accesses serving this case (办件). */
                caseNumber?: string;
                /** @description Only records of this caller's department. */
                department?: string;
                /** @description NDJSON (one AuditRecord per line) or CSV (arrays joined by `;`). */
                format?: "ndjson" | "csv";
                /** @description Recorded at or after this instant. */
                from?: string;
                /** @description Only allowed or only denied. */
                outcome?: "allowed" | "denied";
                /** @description Only records of this caller subject. */
                principal?: string;
                /** @description Only this resource identifier. */
                resourceId?: string;
                /** @description Only this kind of thing, e.g. `resource`. */
                resourceType?: string;
                /** @description Refused with 400 `subject-in-query`: send the subject in the body of `POST /v1/audit/records/export` instead. */
                subjectId?: string;
                /** @description Recorded before this instant. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The records, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportAuditRecordsBySubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Only accesses serving this case (办件). */
                    caseNumber?: string;
                    /** @description Only records of this caller's department. */
                    department?: string;
                    /**
                     * @description NDJSON (one AuditRecord per line) or CSV (arrays joined by `;`).
                     * @default ndjson
                     * @enum {string}
                     */
                    format?: "ndjson" | "csv";
                    /**
                     * Format: date-time
                     * @description Recorded at or after this instant.
                     */
                    from?: string;
                    /**
                     * @description Only allowed or only denied.
                     * @enum {string}
                     */
                    outcome?: "allowed" | "denied";
                    /** @description Only records of this caller subject. */
                    principal?: string;
                    /** @description Only this resource identifier. */
                    resourceId?: string;
                    /** @description Only this kind of thing, e.g. `resource`. */
                    resourceType?: string;
                    /** @description The data subject identifier (e.g. resident ID); matched through its keyed hash. */
                    subjectId?: string;
                    /**
                     * Format: date-time
                     * @description Recorded before this instant.
                     */
                    to?: string;
                };
            };
        };
        responses: {
            /** @description The records, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchAuditRecordsBySubject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Only accesses serving this case (办件). */
                    caseNumber?: string;
                    /** @description `nextCursor` of the previous page. */
                    cursor?: string;
                    /** @description Only records of this caller's department. */
                    department?: string;
                    /**
                     * Format: date-time
                     * @description Recorded at or after this instant.
                     */
                    from?: string;
                    /**
                     * @description Page size.
                     * @default 100
                     */
                    limit?: number;
                    /**
                     * @description Only allowed or only denied.
                     * @enum {string}
                     */
                    outcome?: "allowed" | "denied";
                    /** @description Only records of this caller subject. */
                    principal?: string;
                    /** @description Only this resource identifier. */
                    resourceId?: string;
                    /** @description Only this kind of thing, e.g. `resource`. */
                    resourceType?: string;
                    /** @description The data subject identifier (e.g. resident ID); matched through its keyed hash. */
                    subjectId?: string;
                    /**
                     * Format: date-time
                     * @description Recorded before this instant.
                     */
                    to?: string;
                };
            };
        };
        responses: {
            /** @description A page of audit records, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditRecordPage"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubscriptionRecipients: {
        parameters: {
            query?: {
                /** @description Refused with 400 `subject-in-query`: send the subject in the body of `POST /v1/audit/subscription-recipients/search` instead. */
                subjectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchSubscriptionRecipients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The data subject’s identifier. */
                    subjectId: string;
                };
            };
        };
        responses: {
            /** @description Which departments received a person's records through dataset subscriptions, and when (from the delivery log, keyed by the audit trail's subject HMAC). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionRecipients"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAuditTrail: {
        parameters: {
            query?: {
                /** @description First record id to check (default: oldest). */
                fromId?: number;
                /** @description Last record id to check (default: the head). */
                toId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The outcome of re-walking the audit hash chain and checking its signed checkpoints. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyResult"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCases: {
        parameters: {
            query?: {
                /** @description Accepted at or after this time. */
                acceptedFrom?: string;
                /** @description Accepted before this time. */
                acceptedTo?: string;
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Handling department; default your own. */
                department?: string;
                /** @description Most cases returned. */
                limit?: number;
                /** @description Only cases past their promised time (open) or completed late; false for the others. */
                overdue?: boolean;
                /** @description Only cases in this status. */
                status?: "accepted" | "in-review" | "decided" | "completed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cases, newest accepted first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseList"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case number (办件编号). */
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A case (办件) with its basic info, status, result and timeline, as the caller may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    fetchCaseCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case number. */
                caseNumber: string;
                /** @description The material code. */
                materialCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateFetchRequest"];
            };
        };
        responses: {
            /** @description The typed outcome of a clerk's fetch. Only `found` carries a certificate and marks the material obtained by sharing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateFetchResult"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listShareableMaterials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case number. */
                caseNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The required materials of a case's service item and which of them can be obtained by sharing. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateShareableMaterials"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    searchCasesByApplicant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseApplicantSearch"];
            };
        };
        responses: {
            /** @description A page of cases, newest accepted first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseList"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    backfillCaseEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseBackfillRequest"];
            };
        };
        responses: {
            /** @description What a back-fill queued: copies marked `backfilled`, on the department's topic and its webhooks (a webhook gets no second delivery of an event it already has queued or delivered). */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseBackfillResult"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordCaseChange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseChange"];
            };
        };
        responses: {
            /** @description The hub's answer to an accepted case change; a replay of the same change gets the same receipt. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseChangeReceipt"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordCaseChangeBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseChangeBatch"];
            };
        };
        responses: {
            /** @description Receipts of an accepted batch, in the order of the changes. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseBatchReceipt"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCaseStatistics: {
        parameters: {
            query?: {
                /** @description Cases accepted at or after this time; default 30 days before `to`. */
                from?: string;
                /** @description Cases accepted before this time; default now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Case statistics per handling department for cases accepted in a period. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStatistics"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCaseWebhookKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JWKS with the public keys that sign webhook deliveries: ES256 (P-256) and/or SM2-SM3 (crv SM2, ADR 0007). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseWebhookKeys"];
                };
            };
        };
    };
    listCaseWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Webhook subscriptions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseWebhookList"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCaseWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseWebhookCreate"];
            };
        };
        responses: {
            /** @description A webhook subscription and its delivery state. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseWebhook"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCaseWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCaseWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Most returned. */
                limit?: number;
                /** @description Only this state. */
                status?: "pending" | "delivered" | "dead";
            };
            header?: never;
            path: {
                /** @description The webhook id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries of one webhook, in position order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseWebhookDeliveries"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayCaseWebhook: {
        parameters: {
            query: {
                /** @description Event id to replay from (inclusive). */
                fromEventId: string;
            };
            header?: never;
            path: {
                /** @description The webhook id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What a replay queued again. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseWebhookReplay"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCertificates: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description The issuing department; the caller's own by default. */
                issuer?: string;
                /** @description Page size. */
                limit?: number;
                /** @description Only certificates with this status today. */
                status?: "valid" | "suspended" | "revoked" | "expired";
                /** @description Only certificates of this type code. */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of one issuer's certificates, newest issue date first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateList"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueCertificate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body replay the first answer (header `idempotent-replayed: true`) and nothing is created twice; another body with the same key is 409 `idempotency-key-reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateIssue"];
            };
        };
        responses: {
            /** @description A certificate and its signed document. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateSigned"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The certificate identifier (1.2.156.3005.2.…). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A certificate and its signed document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateSigned"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeCertificateStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The certificate identifier (1.2.156.3005.2.…). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateStatusChange"];
            };
        };
        responses: {
            /** @description An electronic certificate (电子证照) as the hub holds it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Certificate"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCertificateIssuerJwks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuing department code. */
                department: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The public keys (RFC 7517 JWK Set) a department signs certificates with, current and retired. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateJwks"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateCertificateSigningKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The issuing department code. */
                department: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A department's certificate signing key (public part only). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateSigningKey"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMaterialsAvoided: {
        parameters: {
            query?: {
                /** @description Cases accepted at or after this instant; default 30 days before `to`. */
                from?: string;
                /** @description Cases accepted before this instant; default now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paper materials replaced by sharing, per service item and department, against the plan's goals. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateMaterialsAvoided"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCertificateTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All certificate types, in code order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateTypeList"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerCertificateType: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateTypeCreate"];
            };
        };
        responses: {
            /** @description A certificate type (证照类型) with its issuing department and face-data schema. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateType"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateVerifyRequest"];
            };
        };
        responses: {
            /** @description The result of verifying a signed certificate document: signature, key and current status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CertificateVerification"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDashboardIndicators: {
        parameters: {
            query?: {
                /** @description Start of the period (inclusive); default 365 days before `to`. */
                from?: string;
                /** @description End of the period (exclusive); default now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The leaders' dashboard (一网一门一次): month by month case, materials and exchange figures, overdue access requests and adapter health. Aggregates only, no personal data. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardIndicators"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDepartments: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Only departments of this GB/T 2260 division. */
                divisionCode?: string;
                /** @description Only departments of this kind. */
                kind?: "government" | "external";
                /** @description Only departments of this level. */
                level?: "province" | "city" | "county" | "township" | "village";
                /** @description Most departments returned. */
                limit?: number;
                /** @description Only departments directly below this one. */
                parent?: string;
                /** @description Part of the name, case-insensitive. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of departments in code order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentList"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDepartment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body replay the first answer (header `idempotent-replayed: true`) and nothing is created twice; another body with the same key is 409 `idempotency-key-reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentCreate"];
            };
        };
        responses: {
            /** @description A department (部门) that provides or consumes data through the hub. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The department code, e.g. `lf-hrss`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A department (部门) that provides or consumes data through the hub. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The department code, e.g. `lf-hrss`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DepartmentUpdate"];
            };
        };
        responses: {
            /** @description A department (部门) that provides or consumes data through the hub. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Department"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    fetchRecords: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FetchRequest"];
            };
        };
        responses: {
            /** @description Records returned by an authorized fetch, limited to the granted items and masked as the grant says, with provenance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FetchResult"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream department system answered badly */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An upstream department system timed out */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listGrants: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Most grants returned. */
                limit?: number;
                /** @description Only grants on this resource. */
                resourceCode?: string;
                /** @description Only this status. */
                status?: "active" | "revoked" | "expired";
                /** @description held: grants my department holds; given: grants my department gave. */
                view?: "held" | "given";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of grants, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrantList"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What a consumer department may fetch from a resource: items, records, masking, validity and limits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    renewGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantRenewal"];
            };
        };
        responses: {
            /** @description What a consumer department may fetch from a resource: items, records, masking, validity and limits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantRevocation"];
            };
        };
        responses: {
            /** @description What a consumer department may fetch from a resource: items, records, masking, validity and limits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Grant"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listObjections: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Most objections returned. */
                limit?: number;
                /** @description Only this status. */
                status?: "open" | "corrected" | "rejected" | "escalated" | "upheld" | "closed" | "dismissed";
                /** @description raised: my department's objections; to-answer: those my department must answer now; escalated: awaiting the reviewers. */
                view?: "raised" | "to-answer" | "escalated";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of objections, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionList"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    raiseObjection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body replay the first answer (header `idempotent-replayed: true`) and nothing is created twice; another body with the same key is 409 `idempotency-key-reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionCreate"];
            };
        };
        responses: {
            /** @description A data objection and where it stands. Status: open (provider checks) → corrected | rejected → closed (objector accepts) or escalated (objector, or automatically when overdue) → upheld (provider must correct) | dismissed. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getObjection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The objection. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A data objection and where it stands. Status: open (provider checks) → corrected | rejected → closed (objector accepts) or escalated (objector, or automatically when overdue) → upheld (provider must correct) | dismissed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    answerObjection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The objection. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionAnswer"];
            };
        };
        responses: {
            /** @description A data objection and where it stands. Status: open (provider checks) → corrected | rejected → closed (objector accepts) or escalated (objector, or automatically when overdue) → upheld (provider must correct) | dismissed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getObjectionAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The attachment. */
                attachmentId: string;
                /** @description The objection. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its declared media type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    respondToObjectionAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The objection. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionResponse"];
            };
        };
        responses: {
            /** @description A data objection and where it stands. Status: open (provider checks) → corrected | rejected → closed (objector accepts) or escalated (objector, or automatically when overdue) → upheld (provider must correct) | dismissed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ruleOnObjection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The objection. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionRuling"];
            };
        };
        responses: {
            /** @description A data objection and where it stands. Status: open (provider checks) → corrected | rejected → closed (objector accepts) or escalated (objector, or automatically when overdue) → upheld (provider must correct) | dismissed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getObjectionTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The objection. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every step of one objection, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionTimeline"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getObjectionQuality: {
        parameters: {
            query?: {
                /** @description Objections raised from (default: a year before `to`). */
                from?: string;
                /** @description Raised before (default: now). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Data-quality figures per provider department for objections raised in a window, for dashboards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionQuality"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listResources: {
        parameters: {
            query?: {
                /** @description Only this catalog class. */
                class?: "basic" | "thematic" | "departmental";
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Only resources whose provider is in this GB/T 2260 division. */
                division?: string;
                /** @description Only this format category. */
                format?: "file" | "spreadsheet" | "database" | "image" | "streaming" | "self-describing";
                /** @description Most resources returned. */
                limit?: number;
                /** @description Only resources of this department. */
                provider?: string;
                /** @description Keywords (Chinese or English); every word must match name, summary, items, provider or code. */
                q?: string;
                /** @description Only this share type. */
                shareType?: "unconditional" | "conditional" | "not-shared";
                /** @description Order: `relevance` (default with `q`), `name` (default without), `published` (newest first). */
                sort?: "relevance" | "name" | "published";
                /** @description Only this status (drafts, submissions and withdrawn entries only where the caller may see them). */
                status?: "draft" | "submitted" | "published" | "deprecated" | "withdrawn";
                /** @description Only this update cycle. */
                updateCycle?: "realtime" | "daily" | "weekly" | "monthly" | "quarterly" | "half-yearly" | "yearly" | "other";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of search results with facet counts over every match. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceList"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createResource: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body replay the first answer (header `idempotent-replayed: true`) and nothing is created twice; another body with the same key is 409 `idempotency-key-reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceDraft"];
            };
        };
        responses: {
            /** @description One version of an information resource with its full metadata, as the caller may see it. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResource: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier read: 304 when unchanged. */
                "if-none-match"?: string;
            };
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One version of an information resource with its full metadata, as the caller may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Not modified since the ETag given in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceDraft"];
            };
        };
        responses: {
            /** @description One version of an information resource with its full metadata, as the caller may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deprecateResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceStatusReason"];
            };
        };
        responses: {
            /** @description One version of an information resource with its full metadata, as the caller may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One version of an information resource with its full metadata, as the caller may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    returnResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceReviewComment"];
            };
        };
        responses: {
            /** @description One version of an information resource with its full metadata, as the caller may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResourceSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How the exchange serves a resource: which department adapter and canonical record kind it reads, and whether it answers from the hub-held copy or live from the department system. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceSource"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setResourceSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceSourcePut"];
            };
        };
        responses: {
            /** @description How the exchange serves a resource: which department adapter and canonical record kind it reads, and whether it answers from the hub-held copy or live from the department system. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceSource"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One version of an information resource with its full metadata, as the caller may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listResourceVersions: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier read: 304 when unchanged. */
                "if-none-match"?: string;
            };
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version history of a resource, newest first, as the caller may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceVersionList"];
                };
            };
            /** @description Not modified since the ETag given in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResourceVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier read: 304 when unchanged. */
                "if-none-match"?: string;
            };
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
                /** @description Version number. */
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One version of an information resource with its full metadata, as the caller may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Not modified since the ETag given in If-None-Match */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawResource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The rendered resource code, e.g. `301001001/00001` (slash percent-encoded) or `301001001-00001`. */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceStatusReason"];
            };
        };
        responses: {
            /** @description One version of an information resource with its full metadata, as the caller may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportResources: {
        parameters: {
            query?: {
                /** @description `json`: `{exportedAt, resources: [Resource…]}`; `dcat`: a `dcat:Catalog` with share type as `dct:accessRights`. */
                format?: "json" | "dcat";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalog (streamed) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                    "application/ld+json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importResources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceImport"];
            };
        };
        responses: {
            /** @description What a bulk import registered. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceImportResult"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listServiceItems: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: string;
                /** @description Only items of this handling department. */
                department?: string;
                /** @description Most items returned. */
                limit?: number;
                /** @description Only items maintained in the hub (`local`) or synced from the province (`province`). */
                origin?: "local" | "province";
                /** @description Keywords (e.g. `登记`, `公积金 贷款`); every word must match code, name, department or a material. */
                q?: string;
                /** @description Only items with this status. */
                status?: "active" | "retired";
                type?: components["schemas"]["ServiceItemType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of service items. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemList"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createServiceItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body replay the first answer (header `idempotent-replayed: true`) and nothing is created twice; another body with the same key is 409 `idempotency-key-reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceItemDraft"];
            };
        };
        responses: {
            /** @description A government service item (政务服务事项) in one version, with its materials. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItem"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getServiceItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service item code (基本编码). */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A government service item (政务服务事项) in one version, with its materials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateServiceItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service item code (基本编码). */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceItemUpdate"];
            };
        };
        responses: {
            /** @description A government service item (政务服务事项) in one version, with its materials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItem"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listServiceItemMaterials: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service item code (基本编码). */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The materials of one service item, in code order. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemMaterialList"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putServiceItemMaterial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service item code (基本编码). */
                code: string;
                /** @description The material code. */
                materialCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceItemMaterialPut"];
            };
        };
        responses: {
            /** @description A material (材料) a service item asks for, and what can replace the paper. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemMaterial"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteServiceItemMaterial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service item code (基本编码). */
                code: string;
                /** @description The material code. */
                materialCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retireServiceItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service item code (基本编码). */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceItemRetire"];
            };
        };
        responses: {
            /** @description A government service item (政务服务事项) in one version, with its materials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItem"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getServiceItemVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The service item code (基本编码). */
                code: string;
                /** @description Version number. */
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A government service item (政务服务事项) in one version, with its materials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importServiceItems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceItemImport"];
                "text/csv": string;
            };
        };
        responses: {
            /** @description What a bulk import created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemImportResult"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    syncServiceItems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One pull of the provincial service items (事项动态同步). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceItemSyncResult"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller department's subscriptions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionList"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the POST safe to retry: the same key and body replay the first answer (header `idempotent-replayed: true`) and nothing is created twice; another body with the same key is 409 `idempotency-key-reused`. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionCreate"];
            };
        };
        responses: {
            /** @description A dataset subscription and its delivery state. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Invalid input: the problem lists every failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A dataset subscription and its delivery state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubscriptionDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Records of a subscription its target refused on their own, set aside so the stream moved on. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionDeadLetters"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaySubscriptionDeadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Outcome of replaying a subscription's dead letters. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionReplay"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubscriptionFiles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file snapshots of a `file` subscription, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionFileList"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSubscriptionFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One file snapshot: its manifest and the manifest's signature (compact JWS, ES256, verifiable with the keys at /v1/audit/checkpoint-keys). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionFile"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadSubscriptionFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Snapshot id. */
                fileId: string;
                /** @description Subscription id. */
                id: string;
                /** @description Which file. */
                name: "data.ndjson" | "data.csv";
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
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pauseSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A dataset subscription and its delivery state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendMissingSubscriptionRecords: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What a reconcile re-sent to the front-end table. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResend"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reconcileSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delivered vs eligible at the subscription's position, and a checksum the consumer can recompute over its copy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionReconciliation"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resnapshotSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A dataset subscription and its delivery state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resumeSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Subscription id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A dataset subscription and its delivery state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found (or not visible to the caller) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCurrentPrincipal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The authenticated caller, as established from a verified bearer token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Principal"];
                };
            };
            /** @description Missing, expired or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not allowed to do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit exceeded for this caller */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
