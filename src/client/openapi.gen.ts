/**
 * Generated from GET /v1/openapi.json by openapi-typescript; do not edit.
 * Regenerate with `npm run client:types`; test/client/drift.test.ts fails when this file and the document differ.
 */
/* eslint-disable */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["getHealth"];
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
        /** The database and the PDF storage answer */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the business’s details
         * @description Needs an API key with the scope `account.read`.
         */
        get: operations["getAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the business’s details
         * @description Needs an API key with the scope `account.write`.
         */
        patch: operations["updateAccount"];
        trace?: never;
    };
    "/v1/account/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the logo image
         * @description The image as stored, `image/png` or `image/jpeg` by its bytes, never cached by shared caches; 404 without a logo.
         *
         *     Needs an API key with the scope `account.read`.
         */
        get: operations["getAccountLogo"];
        /**
         * Upload the logo (PNG or JPEG, at most 1 MiB)
         * @description The body is the image itself (`Content-Type: image/png` or `image/jpeg`), at most 1,048,576 bytes (413 above). Its type is read from its bytes: a PNG sent as `image/jpeg` is stored and served as `image/png`; anything but PNG or JPEG is 422. Replaces the logo.
         *
         *     Needs an API key with the scope `account.write`.
         */
        put: operations["putAccountLogo"];
        post?: never;
        /**
         * Remove the logo
         * @description Answers 204 also when there was none.
         *
         *     Needs an API key with the scope `account.write`.
         */
        delete: operations["deleteAccountLogo"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customer groups, newest first
         * @description Needs an API key with the scope `customers.read`.
         */
        get: operations["listCustomerGroups"];
        put?: never;
        /**
         * Create a customer group
         * @description Needs an API key with the scope `customers.write`.
         */
        post: operations["createCustomerGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer group
         * @description Needs an API key with the scope `customers.read`.
         */
        get: operations["getCustomerGroup"];
        put?: never;
        post?: never;
        /**
         * Delete a customer group (its customers stay)
         * @description Needs an API key with the scope `customers.write`.
         */
        delete: operations["deleteCustomerGroup"];
        options?: never;
        head?: never;
        /**
         * Rename a customer group
         * @description Needs an API key with the scope `customers.write`.
         */
        patch: operations["updateCustomerGroup"];
        trace?: never;
    };
    "/v1/customer-groups/{id}/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add customers to a group; answers the group's customers
         * @description Needs an API key with the scope `customers.write`.
         */
        post: operations["addCustomersToGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-groups/{id}/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a customer from a group
         * @description Needs an API key with the scope `customers.write`.
         */
        delete: operations["removeCustomerFromGroup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customer invoices, newest first
         * @description Needs an API key with the scope `invoices.read`.
         */
        get: operations["listCustomerInvoices"];
        put?: never;
        /**
         * Create a customer invoice (multipart, with its PDF)
         * @description Needs an API key with the scope `invoices.write`.
         */
        post: operations["createCustomerInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer invoice
         * @description Needs an API key with the scope `invoices.read`.
         */
        get: operations["getCustomerInvoice"];
        put?: never;
        post?: never;
        /**
         * Delete a customer invoice
         * @description Needs an API key with the scope `invoices.write`.
         */
        delete: operations["deleteCustomerInvoice"];
        options?: never;
        head?: never;
        /**
         * Mark a customer invoice paid or unpaid
         * @description Needs an API key with the scope `invoices.write`.
         */
        patch: operations["updateCustomerInvoice"];
        trace?: never;
    };
    "/v1/customer-invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the invoice PDF as a cloud-file link
         * @description Answers the published cloud-file response: `link` downloads the PDF without an API key until `expiresAt` (5 minutes). Extension: with `Accept: application/pdf` the PDF itself is streamed instead, with the same headers as the link’s download.
         *
         *     Needs an API key with the scope `invoices.read`.
         */
        get: operations["getCustomerInvoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-invoices/manual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a customer invoice from lines (we render its PDF)
         * @description JSON, as published, plus extensions (quantity, paidAt, dueAt, deliveredAt, reference, creditedInvoiceId). The PDF is rendered in the customer's language with everything a Dutch invoice must show, and stored like an uploaded one before the 201. The account needs its legal details first (name, address, zipCode, city, kvkNumber, vatNumber: `PATCH /v1/account`); what is missing is a 422 on `account.<field>`.
         *
         *     Needs an API key with the scope `invoices.write`.
         */
        post: operations["createManualCustomerInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customer offers, newest first
         * @description Needs an API key with the scope `offers.read`.
         */
        get: operations["listCustomerOffers"];
        put?: never;
        /**
         * Create a customer offer (multipart, with its PDF)
         * @description Needs an API key with the scope `offers.write`.
         */
        post: operations["createCustomerOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-offers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer offer
         * @description Needs an API key with the scope `offers.read`.
         */
        get: operations["getCustomerOffer"];
        put?: never;
        post?: never;
        /**
         * Delete a customer offer
         * @description Needs an API key with the scope `offers.write`.
         */
        delete: operations["deleteCustomerOffer"];
        options?: never;
        head?: never;
        /**
         * Mark a customer offer accepted or rejected
         * @description Either `acceptedAt` (with the optional `acceptedViaIp` and `acceptedViaUserAgent`) or `rejectedAt`, as published. An offer is decided once: deciding a decided offer is 409. An expired offer may still be marked accepted or rejected here: the business records what happened (say, an acceptance on paper, or choosing to honour a late yes); the customer cannot decide an expired offer in the portal.
         *
         *     Needs an API key with the scope `offers.write`.
         */
        patch: operations["updateCustomerOffer"];
        trace?: never;
    };
    "/v1/customer-offers/{id}/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn an accepted manual offer into an invoice
         * @description Extension. Makes a manual invoice of the offer's customer with the offer's lines (so the same amounts), rendered and stored like `POST /v1/customer-invoices/manual`, with its email (`sendNotification`) and the `invoice-created` webhook. Answers 201 with the invoice and its Location. 409 when the offer is not accepted, was uploaded (no lines) or already became an invoice (named in the problem); of two concurrent conversions exactly one makes an invoice. Needs the scope `offers.write` only: a key that may create and accept offers may also invoice what was accepted.
         *
         *     Needs an API key with the scope `offers.write`.
         */
        post: operations["convertCustomerOfferToInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-offers/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the offer PDF as a cloud-file link
         * @description Answers the cloud-file response: `link` downloads the PDF without an API key until `expiresAt` (5 minutes). Extension: with `Accept: application/pdf` the PDF itself is streamed instead, with the same headers as the link’s download.
         *
         *     Needs an API key with the scope `offers.read`.
         */
        get: operations["getCustomerOfferPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customer-offers/manual": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a customer offer from lines (we render its PDF)
         * @description JSON, as published, plus `lines[].quantity` (as for manual invoices). The PDF is rendered as an offerte in the customer's language: the lines, the VAT per rate and the totals, and the expiry date as "geldig tot" / "valid until" (no payment block, no QR code); it is stored like an uploaded offer before the 201. `amount` is the total including VAT and must not be negative. The account needs its legal details first (`PATCH /v1/account`); what is missing is a 422 on `account.<field>`.
         *
         *     Needs an API key with the scope `offers.write`.
         */
        post: operations["createManualCustomerOffer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers, newest first
         * @description Needs an API key with the scope `customers.read`.
         */
        get: operations["listCustomers"];
        put?: never;
        /**
         * Create a customer
         * @description Needs an API key with the scope `customers.write`.
         */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a customer
         * @description Needs an API key with the scope `customers.read`.
         */
        get: operations["getCustomer"];
        put?: never;
        post?: never;
        /**
         * Delete a customer without invoices
         * @description Needs an API key with the scope `customers.write`.
         */
        delete: operations["deleteCustomer"];
        options?: never;
        head?: never;
        /**
         * Change a customer
         * @description Needs an API key with the scope `customers.write`.
         */
        patch: operations["updateCustomer"];
        trace?: never;
    };
    "/v1/downloads/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file through a cloud-file link
         * @description Where the `link` of every cloud-file response (`GET /v1/customer-invoices/{id}/pdf`, …) leads. Needs no API key: the link itself is the credential, so treat it as a secret. It serves that one file, as an attachment, until the response’s `expiresAt` (5 minutes); after that, or when any character of it is changed, it answers 404.
         */
        get: operations["downloadFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook records, newest first
         * @description Needs an API key with the scope `webhooks.read`.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Create a webhook record: one URL for one event type
         * @description Needs an API key with the scope `webhooks.write`.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook record
         * @description Needs an API key with the scope `webhooks.read`.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook record (its queued deliveries are dropped, its log goes)
         * @description Needs an API key with the scope `webhooks.write`.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log of a webhook record, newest first
         * @description Needs an API key with the scope `webhooks.read`.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queue a delivery again (due now, with a fresh retry window)
         * @description Needs an API key with the scope `webhooks.write`.
         */
        post: operations["redeliverWebhook"];
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
        Problem: {
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            status: number;
            title: string;
            /** Format: uri */
            type: string;
        };
    };
    responses: never;
    parameters: {
        /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description `true` when this is the stored response of an earlier request with the same Idempotency-Key. */
        IdempotentReplayed: "true";
        /** @description URL of the created resource. */
        Location: string;
        /** @description What is left of it (IETF draft), e.g. `"api-key";r=599;t=42`: r requests left, t seconds until the window resets. */
        RateLimit: string;
        /** @description The rate limit of this API key (IETF draft-ietf-httpapi-ratelimit-headers), e.g. `"api-key";q=600;w=60`: q requests per w seconds. */
        RateLimitPolicy: string;
        /** @description Identifies this request in our logs; a sane X-Request-Id sent by the client is kept. */
        RequestId: string;
        /** @description Seconds to wait before retrying. */
        RetryAfter: string;
        /** @description The authentication scheme: `Bearer realm="klantportaal"`. */
        WwwAuthenticate: string;
        /** @description RFC 6750: `Bearer realm="klantportaal", error="insufficient_scope", scope="<the scope this operation needs>"`. */
        WwwAuthenticateScope: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
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
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        database: "ok";
                        /** @enum {string} */
                        status: "ok";
                        /** @enum {string} */
                        storage: "ok";
                    };
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccount: {
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Street and number. */
                        address: string | null;
                        /** @description BIC, like ABNANL2A. */
                        bic: string | null;
                        /** @description `#rrggbb`, lower case. */
                        brandColor: string | null;
                        /** @description City. */
                        city: string | null;
                        /** @example NL */
                        countryCode: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @description Email address. */
                        email: string | null;
                        /** @description IBAN without spaces, like NL91ABNA0417164300. */
                        iban: string | null;
                        /** @example acc_abc12345def678 */
                        id: string;
                        /** @description Text at the foot of every invoice. */
                        invoiceFooter: string | null;
                        /** @description KvK number, 8 digits. */
                        kvkNumber: string | null;
                        links: {
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @description The logo (`GET /v1/account/logo`, with its media type), or null without one. */
                        logo: {
                            /** Format: uri */
                            href: string;
                            /** @example application/json */
                            type: string;
                        } | null;
                        /**
                         * @description `test` for the account a `kp_test_` key works in (its own copy of these details).
                         * @enum {string}
                         */
                        mode: "live" | "test";
                        name: string;
                        paymentTermDays: number;
                        /** @description Phone number. */
                        phone: string | null;
                        /** @example Europe/Amsterdam */
                        timeZone: string;
                        /** @description VAT number (btw-id), like NL123456789B01. */
                        vatNumber: string | null;
                        /** @description Website. */
                        website: string | null;
                        /** @description Zip code. */
                        zipCode: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The fields to change; `null` clears an optional one. `id`, `createdAt`, `mode` and `logo` cannot be set. */
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    bic?: string | null;
                    brandColor?: string | null;
                    city?: string | null;
                    /**
                     * an ISO 3166-1 alpha-2 country code, like NL
                     * @description ISO 3166-1 alpha-2 country code, in capitals; `NL` when not given.
                     * @example NL
                     * @enum {string}
                     */
                    countryCode?: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
                    email?: string | null;
                    iban?: string | null;
                    invoiceFooter?: string | null;
                    kvkNumber?: string | null;
                    /**
                     * @description Legal name of the business, as invoices show it.
                     * @example Bakkerij de Vries B.V.
                     */
                    name?: string;
                    /**
                     * @description Default payment term of invoices in days (0–365); 30 until changed.
                     * @example 30
                     */
                    paymentTermDays?: number;
                    phone?: string | null;
                    /**
                     * @description IANA time zone of timestamps and dates.
                     * @example Europe/Amsterdam
                     */
                    timeZone?: string;
                    vatNumber?: string | null;
                    website?: string | null;
                    zipCode?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Street and number. */
                        address: string | null;
                        /** @description BIC, like ABNANL2A. */
                        bic: string | null;
                        /** @description `#rrggbb`, lower case. */
                        brandColor: string | null;
                        /** @description City. */
                        city: string | null;
                        /** @example NL */
                        countryCode: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @description Email address. */
                        email: string | null;
                        /** @description IBAN without spaces, like NL91ABNA0417164300. */
                        iban: string | null;
                        /** @example acc_abc12345def678 */
                        id: string;
                        /** @description Text at the foot of every invoice. */
                        invoiceFooter: string | null;
                        /** @description KvK number, 8 digits. */
                        kvkNumber: string | null;
                        links: {
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @description The logo (`GET /v1/account/logo`, with its media type), or null without one. */
                        logo: {
                            /** Format: uri */
                            href: string;
                            /** @example application/json */
                            type: string;
                        } | null;
                        /**
                         * @description `test` for the account a `kp_test_` key works in (its own copy of these details).
                         * @enum {string}
                         */
                        mode: "live" | "test";
                        name: string;
                        paymentTermDays: number;
                        /** @description Phone number. */
                        phone: string | null;
                        /** @example Europe/Amsterdam */
                        timeZone: string;
                        /** @description VAT number (btw-id), like NL123456789B01. */
                        vatNumber: string | null;
                        /** @description Website. */
                        website: string | null;
                        /** @description Zip code. */
                        zipCode: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAccountLogo: {
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putAccountLogo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Street and number. */
                        address: string | null;
                        /** @description BIC, like ABNANL2A. */
                        bic: string | null;
                        /** @description `#rrggbb`, lower case. */
                        brandColor: string | null;
                        /** @description City. */
                        city: string | null;
                        /** @example NL */
                        countryCode: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @description Email address. */
                        email: string | null;
                        /** @description IBAN without spaces, like NL91ABNA0417164300. */
                        iban: string | null;
                        /** @example acc_abc12345def678 */
                        id: string;
                        /** @description Text at the foot of every invoice. */
                        invoiceFooter: string | null;
                        /** @description KvK number, 8 digits. */
                        kvkNumber: string | null;
                        links: {
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @description The logo (`GET /v1/account/logo`, with its media type), or null without one. */
                        logo: {
                            /** Format: uri */
                            href: string;
                            /** @example application/json */
                            type: string;
                        } | null;
                        /**
                         * @description `test` for the account a `kp_test_` key works in (its own copy of these details).
                         * @enum {string}
                         */
                        mode: "live" | "test";
                        name: string;
                        paymentTermDays: number;
                        /** @description Phone number. */
                        phone: string | null;
                        /** @example Europe/Amsterdam */
                        timeZone: string;
                        /** @description VAT number (btw-id), like NL123456789B01. */
                        vatNumber: string | null;
                        /** @description Website. */
                        website: string | null;
                        /** @description Zip code. */
                        zipCode: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request or the PDF is larger than allowed. */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAccountLogo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomerGroups: {
        parameters: {
            query?: {
                /** @description Opaque keyset cursor that `next_page_url` carries; valid only with the page, per_page and filters it was issued for. Do not build it yourself. */
                after?: string;
                /**
                 * @description Page number, 1-based (default 1). Alone it counts from the top (an offset); follow `next_page_url` to walk a list.
                 * @example 1
                 */
                page?: string;
                /**
                 * @description Items per page, 1–250 (default 15).
                 * @example 15
                 */
                per_page?: string;
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The number of this page, 1-based.
                         * @example 1
                         */
                        current_page: number;
                        data: {
                            /**
                             * Format: date-time
                             * @example 2024-05-28T21:00:00+02:00
                             */
                            createdAt: string;
                            /** @example cug_abc12345def678 */
                            id: string;
                            links: {
                                customers: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                                self: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                            };
                            name: string;
                        }[];
                        /**
                         * Format: uri
                         * @description The first page, with the same filters and per_page.
                         */
                        first_page_url: string;
                        /** @description 1-based position of the first item; null on an empty page. */
                        from: number | null;
                        /** @description The next page (with an `after` cursor: following it costs the same at any list size and neither skips nor repeats items when new ones arrive); null on the last page. */
                        next_page_url: string | null;
                        /**
                         * Format: uri
                         * @description The URL of this list without a query.
                         */
                        path: string;
                        /** @example 15 */
                        per_page: number;
                        /** @description The previous page by number (`?page=N-1`, no cursor); null on page 1. */
                        prev_page_url: string | null;
                        /** @description 1-based position of the last item; null on an empty page. */
                        to: number | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCustomerGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Customer ids to add (at most 1000); unknown, malformed or other accounts' ids are ignored without an error, as published. */
                    customers?: string[];
                    /**
                     * @description Name of the group.
                     * @example Hosting customers
                     */
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @example cug_abc12345def678 */
                        id: string;
                        links: {
                            customers: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        name: string;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomerGroup: {
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @example cug_abc12345def678 */
                        id: string;
                        links: {
                            customers: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        name: string;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCustomerGroup: {
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
            /** @description No content */
            204: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCustomerGroup: {
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
                "application/json": {
                    /**
                     * @description Name of the group.
                     * @example Hosting customers
                     */
                    name: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @example cug_abc12345def678 */
                        id: string;
                        links: {
                            customers: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        name: string;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addCustomersToGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Customer ids to add (at most 1000); unknown, malformed or other accounts' ids are ignored without an error, as published. */
                    customers: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The group's customers after the change, newest first, at most 1000; walk `GET /v1/customers?customerGroupId=` for all of a larger group. */
                        data: {
                            /** @description Empty on customers made before klantportaal stored addresses, until changed. */
                            address: string;
                            city: string;
                            companyName: string;
                            /** @example NL */
                            countryCode: string;
                            /**
                             * Format: date-time
                             * @example 2024-05-28T21:00:00+02:00
                             */
                            createdAt: string;
                            /** @description Ids of the groups the customer is in, oldest membership first. */
                            customerGroups: string[];
                            /** @example cst_abc12345def678 */
                            id: string;
                            integration: string | null;
                            integrationId: string | null;
                            links: {
                                invoices: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                                self: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                            };
                            /**
                             * @description Language of emails and portal pages (ours).
                             * @enum {string}
                             */
                            locale: "nl" | "en";
                            phone: string | null;
                            primaryEmail: string;
                            zipCode: string;
                        }[];
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeCustomerFromGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomerInvoices: {
        parameters: {
            query?: {
                /** @description Opaque keyset cursor that `next_page_url` carries; valid only with the page, per_page and filters it was issued for. Do not build it yourself. */
                after?: string;
                /**
                 * @description Only this customer’s invoices.
                 * @example cst_abc12345def678
                 */
                customerId?: string;
                /** @description Exactly this invoice number. */
                invoiceNumber?: string;
                /** @description Issued on or after this date (YYYY-MM-DD). */
                issuedFrom?: string;
                /** @description Issued on or before this date (YYYY-MM-DD). */
                issuedTo?: string;
                /**
                 * @description Page number, 1-based (default 1). Alone it counts from the top (an offset); follow `next_page_url` to walk a list.
                 * @example 1
                 */
                page?: string;
                /** @description Only paid (`true`) or open (`false`) invoices. */
                paid?: "true" | "false";
                /**
                 * @description Items per page, 1–250 (default 15).
                 * @example 15
                 */
                per_page?: string;
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The number of this page, 1-based.
                         * @example 1
                         */
                        current_page: number;
                        data: {
                            /** @example 12.95 */
                            amount: string;
                            /**
                             * Format: date-time
                             * @example 2024-05-28T21:00:00+02:00
                             */
                            createdAt: string;
                            /**
                             * @description Extension. A manual credit note: the invoice it credits (its number is printed). Null otherwise, and when that invoice was deleted since.
                             * @example inv_abc12345def678
                             */
                            creditedInvoiceId: string | null;
                            /** @enum {string} */
                            currency: "EUR";
                            /** @example cst_abc12345def678 */
                            customerId: string;
                            /**
                             * @description Extension. Manual invoices: the date of delivery printed on the invoice (the issue date unless given). Null for an uploaded invoice.
                             * @example 2025-04-14
                             */
                            deliveredAt: string | null;
                            /**
                             * @description Extension. Manual invoices: the due date. Null for an uploaded invoice.
                             * @example 2025-05-14
                             */
                            dueAt: string | null;
                            /**
                             * @description Always starts with inv_.
                             * @example inv_abc12345def678
                             */
                            id: string;
                            /** @example 2024-001 */
                            invoiceNumber: string;
                            /**
                             * Format: date
                             * @example 2024-04-29
                             */
                            issuedAt: string;
                            /** @description Extension. The lines of an invoice made with `POST /v1/customer-invoices/manual`, in their order; an empty array for an uploaded invoice (its PDF holds whatever it holds). */
                            lines: {
                                /**
                                 * @description The price of one unit excluding VAT, as sent.
                                 * @example 12.95
                                 */
                                amountExclVat: string;
                                /**
                                 * @description totalExclVat + vatAmount.
                                 * @example 15.67
                                 */
                                amountInclVat: string;
                                /** @example Website template */
                                description: string;
                                /**
                                 * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                                 * @example 1
                                 * @example 2.5
                                 */
                                quantity: string;
                                /**
                                 * @description quantity × amountExclVat, rounded half away from zero to the cent.
                                 * @example 12.95
                                 */
                                totalExclVat: string;
                                /**
                                 * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                                 * @example 2.72
                                 */
                                vatAmount: string;
                                /**
                                 * @description VAT percentage.
                                 * @example 21
                                 */
                                vatRate: 0 | 9 | 21;
                            }[];
                            links: {
                                customer: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                                pdf: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                                self: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                            };
                            /** @description State of the email to the customer about this invoice; null when none was asked for (`sendNotification` false). */
                            notification: {
                                /**
                                 * @description Delivery attempts so far, the one in progress included.
                                 * @example 1
                                 */
                                attempts: number;
                                /**
                                 * @description The most recent failure (e.g. the mail server's reply) or reason for waiting (`account email cap reached`, `email cap for this address reached`), also kept after a later attempt succeeded; null if none.
                                 * @example 550 5.1.1 Mailbox unavailable
                                 */
                                lastError: string | null;
                                /** @description Test mode only: the email as it would have been sent. It was not sent. */
                                recordedEmail?: {
                                    subject: string;
                                    /** @description The plain-text part. */
                                    text: string;
                                    /** @example administratie@jansen.example */
                                    to: string;
                                };
                                /** @description When the mail server accepted the email; null until then. */
                                sentAt: string | null;
                                /** @description queued: waiting to be sent, to be retried after a temporary failure, or for the next hour when an email cap of the account is reached (`lastError` says which); sent: accepted by the mail server (in test mode: recorded in `recordedEmail` instead); failed: given up (a permanent refusal, or no attempts left). */
                                status: "queued" | "sent" | "failed";
                            } | null;
                            paidAt: string | null;
                            /**
                             * @description Extension. Manual invoices: the payment reference printed on the invoice and put in its QR code (the invoice number unless given). Null for an uploaded invoice.
                             * @example 2015-001
                             */
                            reference: string | null;
                            /**
                             * @description Extension. Manual invoices: the total excluding VAT. Null for an uploaded invoice.
                             * @example 12.95
                             */
                            subtotalAmount: string | null;
                            /**
                             * @description Extension. Manual invoices: the VAT owed, computed per rate over that rate's line totals and rounded once per rate (half away from zero); `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded invoice.
                             * @example 2.72
                             */
                            vatAmount: string | null;
                            /** @description The first time the customer opened this invoice in the portal (its page or its PDF); null until then. Your own API calls never count, nor does a link prefetch that announces itself. */
                            viewedAt: string | null;
                        }[];
                        /**
                         * Format: uri
                         * @description The first page, with the same filters and per_page.
                         */
                        first_page_url: string;
                        /** @description 1-based position of the first item; null on an empty page. */
                        from: number | null;
                        /** @description The next page (with an `after` cursor: following it costs the same at any list size and neither skips nor repeats items when new ones arrive); null on the last page. */
                        next_page_url: string | null;
                        /**
                         * Format: uri
                         * @description The URL of this list without a query.
                         */
                        path: string;
                        /** @example 15 */
                        per_page: number;
                        /** @description The previous page by number (`?page=N-1`, no cursor); null on page 1. */
                        prev_page_url: string | null;
                        /** @description 1-based position of the last item; null on an empty page. */
                        to: number | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCustomerInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * @description Amount in euros with at most two decimals; negative for a credit invoice.
                     * @example 12.95
                     */
                    amount: string;
                    /** @constant */
                    currency?: "EUR";
                    /**
                     * @description ID of the customer this invoice is meant for.
                     * @example cst_abc12345def678
                     */
                    customerId: string;
                    /**
                     * @description Number of the invoice; unique within the account.
                     * @example 2024-001
                     */
                    invoiceNumber: string;
                    /**
                     * Format: date
                     * @description Issue date, YYYY-MM-DD.
                     * @example 2024-04-30
                     */
                    issuedAt: string;
                    /**
                     * @description When paid: "YYYY-MM-DD HH:mm:ss" in the account's time zone, or ISO 8601 with an offset. Empty: unpaid.
                     * @example 2024-05-11 12:59:00
                     */
                    paidAt?: string;
                    /** @description The PDF file (must start with %PDF-). */
                    pdf: string;
                    /**
                     * @description true/false/1/0: email the customer about the invoice.
                     * @example true
                     */
                    sendNotification?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 12.95 */
                        amount: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /**
                         * @description Extension. A manual credit note: the invoice it credits (its number is printed). Null otherwise, and when that invoice was deleted since.
                         * @example inv_abc12345def678
                         */
                        creditedInvoiceId: string | null;
                        /** @enum {string} */
                        currency: "EUR";
                        /** @example cst_abc12345def678 */
                        customerId: string;
                        /**
                         * @description Extension. Manual invoices: the date of delivery printed on the invoice (the issue date unless given). Null for an uploaded invoice.
                         * @example 2025-04-14
                         */
                        deliveredAt: string | null;
                        /**
                         * @description Extension. Manual invoices: the due date. Null for an uploaded invoice.
                         * @example 2025-05-14
                         */
                        dueAt: string | null;
                        /**
                         * @description Always starts with inv_.
                         * @example inv_abc12345def678
                         */
                        id: string;
                        /** @example 2024-001 */
                        invoiceNumber: string;
                        /**
                         * Format: date
                         * @example 2024-04-29
                         */
                        issuedAt: string;
                        /** @description Extension. The lines of an invoice made with `POST /v1/customer-invoices/manual`, in their order; an empty array for an uploaded invoice (its PDF holds whatever it holds). */
                        lines: {
                            /**
                             * @description The price of one unit excluding VAT, as sent.
                             * @example 12.95
                             */
                            amountExclVat: string;
                            /**
                             * @description totalExclVat + vatAmount.
                             * @example 15.67
                             */
                            amountInclVat: string;
                            /** @example Website template */
                            description: string;
                            /**
                             * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                             * @example 1
                             * @example 2.5
                             */
                            quantity: string;
                            /**
                             * @description quantity × amountExclVat, rounded half away from zero to the cent.
                             * @example 12.95
                             */
                            totalExclVat: string;
                            /**
                             * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                             * @example 2.72
                             */
                            vatAmount: string;
                            /**
                             * @description VAT percentage.
                             * @example 21
                             */
                            vatRate: 0 | 9 | 21;
                        }[];
                        links: {
                            customer: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            pdf: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @description State of the email to the customer about this invoice; null when none was asked for (`sendNotification` false). */
                        notification: {
                            /**
                             * @description Delivery attempts so far, the one in progress included.
                             * @example 1
                             */
                            attempts: number;
                            /**
                             * @description The most recent failure (e.g. the mail server's reply) or reason for waiting (`account email cap reached`, `email cap for this address reached`), also kept after a later attempt succeeded; null if none.
                             * @example 550 5.1.1 Mailbox unavailable
                             */
                            lastError: string | null;
                            /** @description Test mode only: the email as it would have been sent. It was not sent. */
                            recordedEmail?: {
                                subject: string;
                                /** @description The plain-text part. */
                                text: string;
                                /** @example administratie@jansen.example */
                                to: string;
                            };
                            /** @description When the mail server accepted the email; null until then. */
                            sentAt: string | null;
                            /** @description queued: waiting to be sent, to be retried after a temporary failure, or for the next hour when an email cap of the account is reached (`lastError` says which); sent: accepted by the mail server (in test mode: recorded in `recordedEmail` instead); failed: given up (a permanent refusal, or no attempts left). */
                            status: "queued" | "sent" | "failed";
                        } | null;
                        paidAt: string | null;
                        /**
                         * @description Extension. Manual invoices: the payment reference printed on the invoice and put in its QR code (the invoice number unless given). Null for an uploaded invoice.
                         * @example 2015-001
                         */
                        reference: string | null;
                        /**
                         * @description Extension. Manual invoices: the total excluding VAT. Null for an uploaded invoice.
                         * @example 12.95
                         */
                        subtotalAmount: string | null;
                        /**
                         * @description Extension. Manual invoices: the VAT owed, computed per rate over that rate's line totals and rounded once per rate (half away from zero); `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded invoice.
                         * @example 2.72
                         */
                        vatAmount: string | null;
                        /** @description The first time the customer opened this invoice in the portal (its page or its PDF); null until then. Your own API calls never count, nor does a link prefetch that announces itself. */
                        viewedAt: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request or the PDF is larger than allowed. */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomerInvoice: {
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 12.95 */
                        amount: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /**
                         * @description Extension. A manual credit note: the invoice it credits (its number is printed). Null otherwise, and when that invoice was deleted since.
                         * @example inv_abc12345def678
                         */
                        creditedInvoiceId: string | null;
                        /** @enum {string} */
                        currency: "EUR";
                        /** @example cst_abc12345def678 */
                        customerId: string;
                        /**
                         * @description Extension. Manual invoices: the date of delivery printed on the invoice (the issue date unless given). Null for an uploaded invoice.
                         * @example 2025-04-14
                         */
                        deliveredAt: string | null;
                        /**
                         * @description Extension. Manual invoices: the due date. Null for an uploaded invoice.
                         * @example 2025-05-14
                         */
                        dueAt: string | null;
                        /**
                         * @description Always starts with inv_.
                         * @example inv_abc12345def678
                         */
                        id: string;
                        /** @example 2024-001 */
                        invoiceNumber: string;
                        /**
                         * Format: date
                         * @example 2024-04-29
                         */
                        issuedAt: string;
                        /** @description Extension. The lines of an invoice made with `POST /v1/customer-invoices/manual`, in their order; an empty array for an uploaded invoice (its PDF holds whatever it holds). */
                        lines: {
                            /**
                             * @description The price of one unit excluding VAT, as sent.
                             * @example 12.95
                             */
                            amountExclVat: string;
                            /**
                             * @description totalExclVat + vatAmount.
                             * @example 15.67
                             */
                            amountInclVat: string;
                            /** @example Website template */
                            description: string;
                            /**
                             * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                             * @example 1
                             * @example 2.5
                             */
                            quantity: string;
                            /**
                             * @description quantity × amountExclVat, rounded half away from zero to the cent.
                             * @example 12.95
                             */
                            totalExclVat: string;
                            /**
                             * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                             * @example 2.72
                             */
                            vatAmount: string;
                            /**
                             * @description VAT percentage.
                             * @example 21
                             */
                            vatRate: 0 | 9 | 21;
                        }[];
                        links: {
                            customer: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            pdf: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @description State of the email to the customer about this invoice; null when none was asked for (`sendNotification` false). */
                        notification: {
                            /**
                             * @description Delivery attempts so far, the one in progress included.
                             * @example 1
                             */
                            attempts: number;
                            /**
                             * @description The most recent failure (e.g. the mail server's reply) or reason for waiting (`account email cap reached`, `email cap for this address reached`), also kept after a later attempt succeeded; null if none.
                             * @example 550 5.1.1 Mailbox unavailable
                             */
                            lastError: string | null;
                            /** @description Test mode only: the email as it would have been sent. It was not sent. */
                            recordedEmail?: {
                                subject: string;
                                /** @description The plain-text part. */
                                text: string;
                                /** @example administratie@jansen.example */
                                to: string;
                            };
                            /** @description When the mail server accepted the email; null until then. */
                            sentAt: string | null;
                            /** @description queued: waiting to be sent, to be retried after a temporary failure, or for the next hour when an email cap of the account is reached (`lastError` says which); sent: accepted by the mail server (in test mode: recorded in `recordedEmail` instead); failed: given up (a permanent refusal, or no attempts left). */
                            status: "queued" | "sent" | "failed";
                        } | null;
                        paidAt: string | null;
                        /**
                         * @description Extension. Manual invoices: the payment reference printed on the invoice and put in its QR code (the invoice number unless given). Null for an uploaded invoice.
                         * @example 2015-001
                         */
                        reference: string | null;
                        /**
                         * @description Extension. Manual invoices: the total excluding VAT. Null for an uploaded invoice.
                         * @example 12.95
                         */
                        subtotalAmount: string | null;
                        /**
                         * @description Extension. Manual invoices: the VAT owed, computed per rate over that rate's line totals and rounded once per rate (half away from zero); `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded invoice.
                         * @example 2.72
                         */
                        vatAmount: string | null;
                        /** @description The first time the customer opened this invoice in the portal (its page or its PDF); null until then. Your own API calls never count, nor does a link prefetch that announces itself. */
                        viewedAt: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCustomerInvoice: {
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
            /** @description No content */
            204: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCustomerInvoice: {
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
                "application/json": {
                    /** @description When paid: "YYYY-MM-DD HH:mm:ss" in the account’s time zone or ISO 8601 with an offset; null (or "") marks it unpaid. */
                    paidAt: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 12.95 */
                        amount: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /**
                         * @description Extension. A manual credit note: the invoice it credits (its number is printed). Null otherwise, and when that invoice was deleted since.
                         * @example inv_abc12345def678
                         */
                        creditedInvoiceId: string | null;
                        /** @enum {string} */
                        currency: "EUR";
                        /** @example cst_abc12345def678 */
                        customerId: string;
                        /**
                         * @description Extension. Manual invoices: the date of delivery printed on the invoice (the issue date unless given). Null for an uploaded invoice.
                         * @example 2025-04-14
                         */
                        deliveredAt: string | null;
                        /**
                         * @description Extension. Manual invoices: the due date. Null for an uploaded invoice.
                         * @example 2025-05-14
                         */
                        dueAt: string | null;
                        /**
                         * @description Always starts with inv_.
                         * @example inv_abc12345def678
                         */
                        id: string;
                        /** @example 2024-001 */
                        invoiceNumber: string;
                        /**
                         * Format: date
                         * @example 2024-04-29
                         */
                        issuedAt: string;
                        /** @description Extension. The lines of an invoice made with `POST /v1/customer-invoices/manual`, in their order; an empty array for an uploaded invoice (its PDF holds whatever it holds). */
                        lines: {
                            /**
                             * @description The price of one unit excluding VAT, as sent.
                             * @example 12.95
                             */
                            amountExclVat: string;
                            /**
                             * @description totalExclVat + vatAmount.
                             * @example 15.67
                             */
                            amountInclVat: string;
                            /** @example Website template */
                            description: string;
                            /**
                             * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                             * @example 1
                             * @example 2.5
                             */
                            quantity: string;
                            /**
                             * @description quantity × amountExclVat, rounded half away from zero to the cent.
                             * @example 12.95
                             */
                            totalExclVat: string;
                            /**
                             * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                             * @example 2.72
                             */
                            vatAmount: string;
                            /**
                             * @description VAT percentage.
                             * @example 21
                             */
                            vatRate: 0 | 9 | 21;
                        }[];
                        links: {
                            customer: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            pdf: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @description State of the email to the customer about this invoice; null when none was asked for (`sendNotification` false). */
                        notification: {
                            /**
                             * @description Delivery attempts so far, the one in progress included.
                             * @example 1
                             */
                            attempts: number;
                            /**
                             * @description The most recent failure (e.g. the mail server's reply) or reason for waiting (`account email cap reached`, `email cap for this address reached`), also kept after a later attempt succeeded; null if none.
                             * @example 550 5.1.1 Mailbox unavailable
                             */
                            lastError: string | null;
                            /** @description Test mode only: the email as it would have been sent. It was not sent. */
                            recordedEmail?: {
                                subject: string;
                                /** @description The plain-text part. */
                                text: string;
                                /** @example administratie@jansen.example */
                                to: string;
                            };
                            /** @description When the mail server accepted the email; null until then. */
                            sentAt: string | null;
                            /** @description queued: waiting to be sent, to be retried after a temporary failure, or for the next hour when an email cap of the account is reached (`lastError` says which); sent: accepted by the mail server (in test mode: recorded in `recordedEmail` instead); failed: given up (a permanent refusal, or no attempts left). */
                            status: "queued" | "sent" | "failed";
                        } | null;
                        paidAt: string | null;
                        /**
                         * @description Extension. Manual invoices: the payment reference printed on the invoice and put in its QR code (the invoice number unless given). Null for an uploaded invoice.
                         * @example 2015-001
                         */
                        reference: string | null;
                        /**
                         * @description Extension. Manual invoices: the total excluding VAT. Null for an uploaded invoice.
                         * @example 12.95
                         */
                        subtotalAmount: string | null;
                        /**
                         * @description Extension. Manual invoices: the VAT owed, computed per rate over that rate's line totals and rounded once per rate (half away from zero); `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded invoice.
                         * @example 2.72
                         */
                        vatAmount: string | null;
                        /** @description The first time the customer opened this invoice in the portal (its page or its PDF); null until then. Your own API calls never count, nor does a link prefetch that announces itself. */
                        viewedAt: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomerInvoicePdf: {
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the link stops working (5 minutes after it was issued), ATOM in the account’s time zone.
                         * @example 2025-04-29T21:00:00+02:00
                         */
                        expiresAt: string;
                        /**
                         * Format: uri
                         * @description Absolute URL of the file: no API key needed; it works until `expiresAt`, then answers 404.
                         */
                        link: string;
                    };
                    "application/pdf": string;
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createManualCustomerInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Extension. Makes this a credit note (creditfactuur) of that invoice of the same customer, whose number it prints; the total must then be negative. A negative total without it is a credit note naming no invoice.
                     * @example inv_abc12345def678
                     */
                    creditedInvoiceId?: string;
                    /**
                     * @description The customer the invoice is for.
                     * @example cst_abc12345def678
                     */
                    customerId: string;
                    /**
                     * Format: date
                     * @description Extension. Date of delivery printed on the invoice; default the issue date.
                     * @example 2025-04-11
                     */
                    deliveredAt?: string;
                    /**
                     * Format: date
                     * @description Extension. Due date; default the issue date plus the account's `paymentTermDays` (none for a credit note).
                     * @example 2025-05-14
                     */
                    dueAt?: string;
                    /**
                     * @description Number of the invoice; unique within the account.
                     * @example 2015-001
                     */
                    invoiceNumber: string;
                    /**
                     * Format: date
                     * @description Issue date, YYYY-MM-DD.
                     * @example 2025-04-14
                     */
                    issuedAt: string;
                    /** @description The lines, 1 to 100. A line's total is quantity × amountExclVat rounded half away from zero to the cent; VAT is computed per rate over the sum of that rate's line totals and rounded once per rate; `amount` is the total including VAT. */
                    lines: {
                        /**
                         * @description The price of one unit excluding VAT; negative for a discount or a credit.
                         * @example 12.95
                         */
                        amountExclVat: string;
                        /** @example Website template */
                        description: string;
                        /**
                         * @description Extension. How many units, 0.01 to 99999.99 with at most two decimals, as a string ("2.5") or a number; default 1.
                         * @example 2.5
                         */
                        quantity?: string | number;
                        /**
                         * @description VAT percentage: 0, 9 or 21.
                         * @example 21
                         */
                        vatRate: 0 | 9 | 21;
                    }[];
                    /** @description Extension. When paid: "YYYY-MM-DD HH:mm:ss" in the account's time zone, or ISO 8601 with an offset. Absent, null or "": unpaid (the PDF then carries the QR code to pay). */
                    paidAt?: string | null;
                    /**
                     * @description Extension. Payment reference printed and put in the QR code; default the invoice number.
                     * @example Bestelling 981-A
                     */
                    reference?: string;
                    /**
                     * @description Email the customer about the new invoice.
                     * @example true
                     */
                    sendNotification?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 12.95 */
                        amount: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /**
                         * @description Extension. A manual credit note: the invoice it credits (its number is printed). Null otherwise, and when that invoice was deleted since.
                         * @example inv_abc12345def678
                         */
                        creditedInvoiceId: string | null;
                        /** @enum {string} */
                        currency: "EUR";
                        /** @example cst_abc12345def678 */
                        customerId: string;
                        /**
                         * @description Extension. Manual invoices: the date of delivery printed on the invoice (the issue date unless given). Null for an uploaded invoice.
                         * @example 2025-04-14
                         */
                        deliveredAt: string | null;
                        /**
                         * @description Extension. Manual invoices: the due date. Null for an uploaded invoice.
                         * @example 2025-05-14
                         */
                        dueAt: string | null;
                        /**
                         * @description Always starts with inv_.
                         * @example inv_abc12345def678
                         */
                        id: string;
                        /** @example 2024-001 */
                        invoiceNumber: string;
                        /**
                         * Format: date
                         * @example 2024-04-29
                         */
                        issuedAt: string;
                        /** @description Extension. The lines of an invoice made with `POST /v1/customer-invoices/manual`, in their order; an empty array for an uploaded invoice (its PDF holds whatever it holds). */
                        lines: {
                            /**
                             * @description The price of one unit excluding VAT, as sent.
                             * @example 12.95
                             */
                            amountExclVat: string;
                            /**
                             * @description totalExclVat + vatAmount.
                             * @example 15.67
                             */
                            amountInclVat: string;
                            /** @example Website template */
                            description: string;
                            /**
                             * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                             * @example 1
                             * @example 2.5
                             */
                            quantity: string;
                            /**
                             * @description quantity × amountExclVat, rounded half away from zero to the cent.
                             * @example 12.95
                             */
                            totalExclVat: string;
                            /**
                             * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                             * @example 2.72
                             */
                            vatAmount: string;
                            /**
                             * @description VAT percentage.
                             * @example 21
                             */
                            vatRate: 0 | 9 | 21;
                        }[];
                        links: {
                            customer: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            pdf: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @description State of the email to the customer about this invoice; null when none was asked for (`sendNotification` false). */
                        notification: {
                            /**
                             * @description Delivery attempts so far, the one in progress included.
                             * @example 1
                             */
                            attempts: number;
                            /**
                             * @description The most recent failure (e.g. the mail server's reply) or reason for waiting (`account email cap reached`, `email cap for this address reached`), also kept after a later attempt succeeded; null if none.
                             * @example 550 5.1.1 Mailbox unavailable
                             */
                            lastError: string | null;
                            /** @description Test mode only: the email as it would have been sent. It was not sent. */
                            recordedEmail?: {
                                subject: string;
                                /** @description The plain-text part. */
                                text: string;
                                /** @example administratie@jansen.example */
                                to: string;
                            };
                            /** @description When the mail server accepted the email; null until then. */
                            sentAt: string | null;
                            /** @description queued: waiting to be sent, to be retried after a temporary failure, or for the next hour when an email cap of the account is reached (`lastError` says which); sent: accepted by the mail server (in test mode: recorded in `recordedEmail` instead); failed: given up (a permanent refusal, or no attempts left). */
                            status: "queued" | "sent" | "failed";
                        } | null;
                        paidAt: string | null;
                        /**
                         * @description Extension. Manual invoices: the payment reference printed on the invoice and put in its QR code (the invoice number unless given). Null for an uploaded invoice.
                         * @example 2015-001
                         */
                        reference: string | null;
                        /**
                         * @description Extension. Manual invoices: the total excluding VAT. Null for an uploaded invoice.
                         * @example 12.95
                         */
                        subtotalAmount: string | null;
                        /**
                         * @description Extension. Manual invoices: the VAT owed, computed per rate over that rate's line totals and rounded once per rate (half away from zero); `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded invoice.
                         * @example 2.72
                         */
                        vatAmount: string | null;
                        /** @description The first time the customer opened this invoice in the portal (its page or its PDF); null until then. Your own API calls never count, nor does a link prefetch that announces itself. */
                        viewedAt: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request or the PDF is larger than allowed. */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomerOffers: {
        parameters: {
            query?: {
                /** @description Opaque keyset cursor that `next_page_url` carries; valid only with the page, per_page and filters it was issued for. Do not build it yourself. */
                after?: string;
                /**
                 * @description Only this customer’s offers.
                 * @example cst_abc12345def678
                 */
                customerId?: string;
                /**
                 * @description Page number, 1-based (default 1). Alone it counts from the top (an offset); follow `next_page_url` to walk a list.
                 * @example 1
                 */
                page?: string;
                /**
                 * @description Items per page, 1–250 (default 15).
                 * @example 15
                 */
                per_page?: string;
                /** @description Only offers with this status. */
                status?: "open" | "accepted" | "rejected" | "expired";
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The number of this page, 1-based.
                         * @example 1
                         */
                        current_page: number;
                        data: {
                            /** @description The signature drawn when the customer accepted in the portal, as a PNG data URL; null until signed there, and null for an acceptance by typed name. */
                            acceptanceSignature: string | null;
                            /** @description Extension: how the customer signed in the portal: `drawn` (acceptanceSignature holds the drawing) or `typed` (acceptedByName is the signature); null when not accepted in the portal (e.g. marked accepted through the API). */
                            acceptanceSignatureType: "drawn" | "typed" | null;
                            /** @description When it was accepted; null until then. */
                            acceptedAt: string | null;
                            /** @description Extension: the name the customer signed with in the portal (typed, or given beside a drawing); null otherwise. */
                            acceptedByName: string | null;
                            /** @description The IP address it was accepted from, as recorded; null if none. */
                            acceptedViaIp: string | null;
                            /** @description The User-Agent it was accepted with, as recorded; null if none. */
                            acceptedViaUserAgent: string | null;
                            /** @example 12.95 */
                            amount: string;
                            /**
                             * Format: date-time
                             * @example 2024-05-28T21:00:00+02:00
                             */
                            createdAt: string;
                            /** @enum {string} */
                            currency: "EUR";
                            /** @example cst_abc12345def678 */
                            customerId: string;
                            /**
                             * Format: date
                             * @description The last day the offer stands.
                             * @example 2024-05-29
                             */
                            expiresAt: string;
                            /**
                             * @description Always starts with off_.
                             * @example off_abc12345def678
                             */
                            id: string;
                            /**
                             * @description Extension. The invoice this accepted manual offer became (`POST /v1/customer-offers/{id}/invoice`); null until then, and again if that invoice is deleted.
                             * @example inv_abc12345def678
                             */
                            invoiceId: string | null;
                            /**
                             * Format: date
                             * @example 2024-04-29
                             */
                            issuedAt: string;
                            /** @description Extension. The lines of an offer made with `POST /v1/customer-offers/manual`, in their order (the same items as a manual invoice's); an empty array for an uploaded offer. */
                            lines: {
                                /**
                                 * @description The price of one unit excluding VAT, as sent.
                                 * @example 12.95
                                 */
                                amountExclVat: string;
                                /**
                                 * @description totalExclVat + vatAmount.
                                 * @example 15.67
                                 */
                                amountInclVat: string;
                                /** @example Website template */
                                description: string;
                                /**
                                 * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                                 * @example 1
                                 * @example 2.5
                                 */
                                quantity: string;
                                /**
                                 * @description quantity × amountExclVat, rounded half away from zero to the cent.
                                 * @example 12.95
                                 */
                                totalExclVat: string;
                                /**
                                 * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                                 * @example 2.72
                                 */
                                vatAmount: string;
                                /**
                                 * @description VAT percentage.
                                 * @example 21
                                 */
                                vatRate: 0 | 9 | 21;
                            }[];
                            /** @description `invoice` (extension): the invoice it became, once converted. */
                            links: {
                                customer: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                                invoice?: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                                pdf: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                                self: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                            };
                            /** @example 2024-001 */
                            offerNumber: string;
                            /** @description When it was rejected; null unless rejected. */
                            rejectedAt: string | null;
                            /** @description Extension: why it was rejected, when a reason was given; null otherwise. */
                            rejectionReason: string | null;
                            /** @description Extension. accepted / rejected once decided; otherwise `expired` after its last day (`expiresAt`) has passed in the account’s time zone, and `open` until then. */
                            status: "open" | "accepted" | "rejected" | "expired";
                            /**
                             * @description Extension. Manual offers: the total excluding VAT. Null for an uploaded offer.
                             * @example 12.95
                             */
                            subtotalAmount: string | null;
                            /**
                             * @description Extension. Manual offers: the VAT, per rate over that rate's line totals, rounded once per rate; `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded offer.
                             * @example 2.72
                             */
                            vatAmount: string | null;
                        }[];
                        /**
                         * Format: uri
                         * @description The first page, with the same filters and per_page.
                         */
                        first_page_url: string;
                        /** @description 1-based position of the first item; null on an empty page. */
                        from: number | null;
                        /** @description The next page (with an `after` cursor: following it costs the same at any list size and neither skips nor repeats items when new ones arrive); null on the last page. */
                        next_page_url: string | null;
                        /**
                         * Format: uri
                         * @description The URL of this list without a query.
                         */
                        path: string;
                        /** @example 15 */
                        per_page: number;
                        /** @description The previous page by number (`?page=N-1`, no cursor); null on page 1. */
                        prev_page_url: string | null;
                        /** @description 1-based position of the last item; null on an empty page. */
                        to: number | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCustomerOffer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * @description When it was accepted, if already: "YYYY-MM-DD HH:mm:ss" in the account’s time zone, or ISO 8601 with an offset. Empty: outstanding.
                     * @example 2024-05-11 12:59:00
                     */
                    acceptedAt?: string;
                    /**
                     * @description Only with acceptedAt: the IP address it was accepted from (at most 100 characters).
                     * @example 123.456.7.8.9
                     */
                    acceptedViaIp?: string;
                    /**
                     * @description Only with acceptedAt: the User-Agent it was accepted with (at most 1000 characters).
                     * @example Mozilla/5.0 (X11; Linux x86_64)
                     */
                    acceptedViaUserAgent?: string;
                    /**
                     * @description Amount in euros with at most two decimals; not negative.
                     * @example 12.95
                     */
                    amount: string;
                    /** @constant */
                    currency?: "EUR";
                    /**
                     * @description ID of the customer this offer is meant for.
                     * @example cst_abc12345def678
                     */
                    customerId: string;
                    /**
                     * Format: date
                     * @description The last day the offer stands, YYYY-MM-DD; not before issuedAt.
                     * @example 2024-05-30
                     */
                    expiresAt: string;
                    /**
                     * Format: date
                     * @description Issue date, YYYY-MM-DD.
                     * @example 2024-04-30
                     */
                    issuedAt: string;
                    /**
                     * @description Number of the offer; unique within the account.
                     * @example 2024-001
                     */
                    offerNumber: string;
                    /** @description The offer’s PDF file (must start with %PDF-). */
                    pdf: string;
                    /**
                     * @description When it was rejected, if already; same format as acceptedAt. Not together with acceptedAt.
                     * @example 2024-05-11 12:59:00
                     */
                    rejectedAt?: string;
                    /**
                     * @description true/false/1/0: email the customer a link to the offer.
                     * @example true
                     */
                    sendNotification?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The signature drawn when the customer accepted in the portal, as a PNG data URL; null until signed there, and null for an acceptance by typed name. */
                        acceptanceSignature: string | null;
                        /** @description Extension: how the customer signed in the portal: `drawn` (acceptanceSignature holds the drawing) or `typed` (acceptedByName is the signature); null when not accepted in the portal (e.g. marked accepted through the API). */
                        acceptanceSignatureType: "drawn" | "typed" | null;
                        /** @description When it was accepted; null until then. */
                        acceptedAt: string | null;
                        /** @description Extension: the name the customer signed with in the portal (typed, or given beside a drawing); null otherwise. */
                        acceptedByName: string | null;
                        /** @description The IP address it was accepted from, as recorded; null if none. */
                        acceptedViaIp: string | null;
                        /** @description The User-Agent it was accepted with, as recorded; null if none. */
                        acceptedViaUserAgent: string | null;
                        /** @example 12.95 */
                        amount: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @enum {string} */
                        currency: "EUR";
                        /** @example cst_abc12345def678 */
                        customerId: string;
                        /**
                         * Format: date
                         * @description The last day the offer stands.
                         * @example 2024-05-29
                         */
                        expiresAt: string;
                        /**
                         * @description Always starts with off_.
                         * @example off_abc12345def678
                         */
                        id: string;
                        /**
                         * @description Extension. The invoice this accepted manual offer became (`POST /v1/customer-offers/{id}/invoice`); null until then, and again if that invoice is deleted.
                         * @example inv_abc12345def678
                         */
                        invoiceId: string | null;
                        /**
                         * Format: date
                         * @example 2024-04-29
                         */
                        issuedAt: string;
                        /** @description Extension. The lines of an offer made with `POST /v1/customer-offers/manual`, in their order (the same items as a manual invoice's); an empty array for an uploaded offer. */
                        lines: {
                            /**
                             * @description The price of one unit excluding VAT, as sent.
                             * @example 12.95
                             */
                            amountExclVat: string;
                            /**
                             * @description totalExclVat + vatAmount.
                             * @example 15.67
                             */
                            amountInclVat: string;
                            /** @example Website template */
                            description: string;
                            /**
                             * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                             * @example 1
                             * @example 2.5
                             */
                            quantity: string;
                            /**
                             * @description quantity × amountExclVat, rounded half away from zero to the cent.
                             * @example 12.95
                             */
                            totalExclVat: string;
                            /**
                             * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                             * @example 2.72
                             */
                            vatAmount: string;
                            /**
                             * @description VAT percentage.
                             * @example 21
                             */
                            vatRate: 0 | 9 | 21;
                        }[];
                        /** @description `invoice` (extension): the invoice it became, once converted. */
                        links: {
                            customer: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            invoice?: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            pdf: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @example 2024-001 */
                        offerNumber: string;
                        /** @description When it was rejected; null unless rejected. */
                        rejectedAt: string | null;
                        /** @description Extension: why it was rejected, when a reason was given; null otherwise. */
                        rejectionReason: string | null;
                        /** @description Extension. accepted / rejected once decided; otherwise `expired` after its last day (`expiresAt`) has passed in the account’s time zone, and `open` until then. */
                        status: "open" | "accepted" | "rejected" | "expired";
                        /**
                         * @description Extension. Manual offers: the total excluding VAT. Null for an uploaded offer.
                         * @example 12.95
                         */
                        subtotalAmount: string | null;
                        /**
                         * @description Extension. Manual offers: the VAT, per rate over that rate's line totals, rounded once per rate; `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded offer.
                         * @example 2.72
                         */
                        vatAmount: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request or the PDF is larger than allowed. */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomerOffer: {
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The signature drawn when the customer accepted in the portal, as a PNG data URL; null until signed there, and null for an acceptance by typed name. */
                        acceptanceSignature: string | null;
                        /** @description Extension: how the customer signed in the portal: `drawn` (acceptanceSignature holds the drawing) or `typed` (acceptedByName is the signature); null when not accepted in the portal (e.g. marked accepted through the API). */
                        acceptanceSignatureType: "drawn" | "typed" | null;
                        /** @description When it was accepted; null until then. */
                        acceptedAt: string | null;
                        /** @description Extension: the name the customer signed with in the portal (typed, or given beside a drawing); null otherwise. */
                        acceptedByName: string | null;
                        /** @description The IP address it was accepted from, as recorded; null if none. */
                        acceptedViaIp: string | null;
                        /** @description The User-Agent it was accepted with, as recorded; null if none. */
                        acceptedViaUserAgent: string | null;
                        /** @example 12.95 */
                        amount: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @enum {string} */
                        currency: "EUR";
                        /** @example cst_abc12345def678 */
                        customerId: string;
                        /**
                         * Format: date
                         * @description The last day the offer stands.
                         * @example 2024-05-29
                         */
                        expiresAt: string;
                        /**
                         * @description Always starts with off_.
                         * @example off_abc12345def678
                         */
                        id: string;
                        /**
                         * @description Extension. The invoice this accepted manual offer became (`POST /v1/customer-offers/{id}/invoice`); null until then, and again if that invoice is deleted.
                         * @example inv_abc12345def678
                         */
                        invoiceId: string | null;
                        /**
                         * Format: date
                         * @example 2024-04-29
                         */
                        issuedAt: string;
                        /** @description Extension. The lines of an offer made with `POST /v1/customer-offers/manual`, in their order (the same items as a manual invoice's); an empty array for an uploaded offer. */
                        lines: {
                            /**
                             * @description The price of one unit excluding VAT, as sent.
                             * @example 12.95
                             */
                            amountExclVat: string;
                            /**
                             * @description totalExclVat + vatAmount.
                             * @example 15.67
                             */
                            amountInclVat: string;
                            /** @example Website template */
                            description: string;
                            /**
                             * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                             * @example 1
                             * @example 2.5
                             */
                            quantity: string;
                            /**
                             * @description quantity × amountExclVat, rounded half away from zero to the cent.
                             * @example 12.95
                             */
                            totalExclVat: string;
                            /**
                             * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                             * @example 2.72
                             */
                            vatAmount: string;
                            /**
                             * @description VAT percentage.
                             * @example 21
                             */
                            vatRate: 0 | 9 | 21;
                        }[];
                        /** @description `invoice` (extension): the invoice it became, once converted. */
                        links: {
                            customer: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            invoice?: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            pdf: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @example 2024-001 */
                        offerNumber: string;
                        /** @description When it was rejected; null unless rejected. */
                        rejectedAt: string | null;
                        /** @description Extension: why it was rejected, when a reason was given; null otherwise. */
                        rejectionReason: string | null;
                        /** @description Extension. accepted / rejected once decided; otherwise `expired` after its last day (`expiresAt`) has passed in the account’s time zone, and `open` until then. */
                        status: "open" | "accepted" | "rejected" | "expired";
                        /**
                         * @description Extension. Manual offers: the total excluding VAT. Null for an uploaded offer.
                         * @example 12.95
                         */
                        subtotalAmount: string | null;
                        /**
                         * @description Extension. Manual offers: the VAT, per rate over that rate's line totals, rounded once per rate; `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded offer.
                         * @example 2.72
                         */
                        vatAmount: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCustomerOffer: {
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
            /** @description No content */
            204: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCustomerOffer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description Either `acceptedAt` (with the optional `acceptedViaIp` and `acceptedViaUserAgent`) or `rejectedAt`, as published. An offer is decided once: deciding a decided offer is 409. An expired offer may still be marked accepted or rejected here: the business records what happened (say, an acceptance on paper, or choosing to honour a late yes); the customer cannot decide an expired offer in the portal. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Marks the offer accepted at this time: "YYYY-MM-DD HH:mm:ss" in the account’s time zone, or ISO 8601 with an offset. */
                    acceptedAt?: string | null;
                    /** @description Only with acceptedAt: the IP address it was accepted from. */
                    acceptedViaIp?: string | null;
                    /** @description Only with acceptedAt: the User-Agent it was accepted with. */
                    acceptedViaUserAgent?: string | null;
                    /** @description Marks the offer rejected at this time; same format as acceptedAt. */
                    rejectedAt?: string | null;
                    /** @description Extension, only with rejectedAt: why it was rejected (at most 2000 characters). */
                    rejectionReason?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The signature drawn when the customer accepted in the portal, as a PNG data URL; null until signed there, and null for an acceptance by typed name. */
                        acceptanceSignature: string | null;
                        /** @description Extension: how the customer signed in the portal: `drawn` (acceptanceSignature holds the drawing) or `typed` (acceptedByName is the signature); null when not accepted in the portal (e.g. marked accepted through the API). */
                        acceptanceSignatureType: "drawn" | "typed" | null;
                        /** @description When it was accepted; null until then. */
                        acceptedAt: string | null;
                        /** @description Extension: the name the customer signed with in the portal (typed, or given beside a drawing); null otherwise. */
                        acceptedByName: string | null;
                        /** @description The IP address it was accepted from, as recorded; null if none. */
                        acceptedViaIp: string | null;
                        /** @description The User-Agent it was accepted with, as recorded; null if none. */
                        acceptedViaUserAgent: string | null;
                        /** @example 12.95 */
                        amount: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @enum {string} */
                        currency: "EUR";
                        /** @example cst_abc12345def678 */
                        customerId: string;
                        /**
                         * Format: date
                         * @description The last day the offer stands.
                         * @example 2024-05-29
                         */
                        expiresAt: string;
                        /**
                         * @description Always starts with off_.
                         * @example off_abc12345def678
                         */
                        id: string;
                        /**
                         * @description Extension. The invoice this accepted manual offer became (`POST /v1/customer-offers/{id}/invoice`); null until then, and again if that invoice is deleted.
                         * @example inv_abc12345def678
                         */
                        invoiceId: string | null;
                        /**
                         * Format: date
                         * @example 2024-04-29
                         */
                        issuedAt: string;
                        /** @description Extension. The lines of an offer made with `POST /v1/customer-offers/manual`, in their order (the same items as a manual invoice's); an empty array for an uploaded offer. */
                        lines: {
                            /**
                             * @description The price of one unit excluding VAT, as sent.
                             * @example 12.95
                             */
                            amountExclVat: string;
                            /**
                             * @description totalExclVat + vatAmount.
                             * @example 15.67
                             */
                            amountInclVat: string;
                            /** @example Website template */
                            description: string;
                            /**
                             * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                             * @example 1
                             * @example 2.5
                             */
                            quantity: string;
                            /**
                             * @description quantity × amountExclVat, rounded half away from zero to the cent.
                             * @example 12.95
                             */
                            totalExclVat: string;
                            /**
                             * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                             * @example 2.72
                             */
                            vatAmount: string;
                            /**
                             * @description VAT percentage.
                             * @example 21
                             */
                            vatRate: 0 | 9 | 21;
                        }[];
                        /** @description `invoice` (extension): the invoice it became, once converted. */
                        links: {
                            customer: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            invoice?: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            pdf: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @example 2024-001 */
                        offerNumber: string;
                        /** @description When it was rejected; null unless rejected. */
                        rejectedAt: string | null;
                        /** @description Extension: why it was rejected, when a reason was given; null otherwise. */
                        rejectionReason: string | null;
                        /** @description Extension. accepted / rejected once decided; otherwise `expired` after its last day (`expiresAt`) has passed in the account’s time zone, and `open` until then. */
                        status: "open" | "accepted" | "rejected" | "expired";
                        /**
                         * @description Extension. Manual offers: the total excluding VAT. Null for an uploaded offer.
                         * @example 12.95
                         */
                        subtotalAmount: string | null;
                        /**
                         * @description Extension. Manual offers: the VAT, per rate over that rate's line totals, rounded once per rate; `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded offer.
                         * @example 2.72
                         */
                        vatAmount: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    convertCustomerOfferToInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description Date of delivery printed on the invoice; default the issue date.
                     * @example 2025-05-01
                     */
                    deliveredAt?: string;
                    /**
                     * Format: date
                     * @description Due date; default the issue date plus the account's `paymentTermDays`.
                     * @example 2025-05-16
                     */
                    dueAt?: string;
                    /**
                     * @description Number of the new invoice; unique within the account.
                     * @example 2025-001
                     */
                    invoiceNumber: string;
                    /**
                     * Format: date
                     * @description Issue date; default today in the account's time zone.
                     * @example 2025-05-02
                     */
                    issuedAt?: string;
                    /**
                     * @description Payment reference printed and put in the QR code; default the invoice number.
                     * @example Offerte 2014-001
                     */
                    reference?: string;
                    /**
                     * @description Email the customer about the new invoice.
                     * @example true
                     */
                    sendNotification?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 12.95 */
                        amount: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /**
                         * @description Extension. A manual credit note: the invoice it credits (its number is printed). Null otherwise, and when that invoice was deleted since.
                         * @example inv_abc12345def678
                         */
                        creditedInvoiceId: string | null;
                        /** @enum {string} */
                        currency: "EUR";
                        /** @example cst_abc12345def678 */
                        customerId: string;
                        /**
                         * @description Extension. Manual invoices: the date of delivery printed on the invoice (the issue date unless given). Null for an uploaded invoice.
                         * @example 2025-04-14
                         */
                        deliveredAt: string | null;
                        /**
                         * @description Extension. Manual invoices: the due date. Null for an uploaded invoice.
                         * @example 2025-05-14
                         */
                        dueAt: string | null;
                        /**
                         * @description Always starts with inv_.
                         * @example inv_abc12345def678
                         */
                        id: string;
                        /** @example 2024-001 */
                        invoiceNumber: string;
                        /**
                         * Format: date
                         * @example 2024-04-29
                         */
                        issuedAt: string;
                        /** @description Extension. The lines of an invoice made with `POST /v1/customer-invoices/manual`, in their order; an empty array for an uploaded invoice (its PDF holds whatever it holds). */
                        lines: {
                            /**
                             * @description The price of one unit excluding VAT, as sent.
                             * @example 12.95
                             */
                            amountExclVat: string;
                            /**
                             * @description totalExclVat + vatAmount.
                             * @example 15.67
                             */
                            amountInclVat: string;
                            /** @example Website template */
                            description: string;
                            /**
                             * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                             * @example 1
                             * @example 2.5
                             */
                            quantity: string;
                            /**
                             * @description quantity × amountExclVat, rounded half away from zero to the cent.
                             * @example 12.95
                             */
                            totalExclVat: string;
                            /**
                             * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                             * @example 2.72
                             */
                            vatAmount: string;
                            /**
                             * @description VAT percentage.
                             * @example 21
                             */
                            vatRate: 0 | 9 | 21;
                        }[];
                        links: {
                            customer: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            pdf: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @description State of the email to the customer about this invoice; null when none was asked for (`sendNotification` false). */
                        notification: {
                            /**
                             * @description Delivery attempts so far, the one in progress included.
                             * @example 1
                             */
                            attempts: number;
                            /**
                             * @description The most recent failure (e.g. the mail server's reply) or reason for waiting (`account email cap reached`, `email cap for this address reached`), also kept after a later attempt succeeded; null if none.
                             * @example 550 5.1.1 Mailbox unavailable
                             */
                            lastError: string | null;
                            /** @description Test mode only: the email as it would have been sent. It was not sent. */
                            recordedEmail?: {
                                subject: string;
                                /** @description The plain-text part. */
                                text: string;
                                /** @example administratie@jansen.example */
                                to: string;
                            };
                            /** @description When the mail server accepted the email; null until then. */
                            sentAt: string | null;
                            /** @description queued: waiting to be sent, to be retried after a temporary failure, or for the next hour when an email cap of the account is reached (`lastError` says which); sent: accepted by the mail server (in test mode: recorded in `recordedEmail` instead); failed: given up (a permanent refusal, or no attempts left). */
                            status: "queued" | "sent" | "failed";
                        } | null;
                        paidAt: string | null;
                        /**
                         * @description Extension. Manual invoices: the payment reference printed on the invoice and put in its QR code (the invoice number unless given). Null for an uploaded invoice.
                         * @example 2015-001
                         */
                        reference: string | null;
                        /**
                         * @description Extension. Manual invoices: the total excluding VAT. Null for an uploaded invoice.
                         * @example 12.95
                         */
                        subtotalAmount: string | null;
                        /**
                         * @description Extension. Manual invoices: the VAT owed, computed per rate over that rate's line totals and rounded once per rate (half away from zero); `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded invoice.
                         * @example 2.72
                         */
                        vatAmount: string | null;
                        /** @description The first time the customer opened this invoice in the portal (its page or its PDF); null until then. Your own API calls never count, nor does a link prefetch that announces itself. */
                        viewedAt: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request or the PDF is larger than allowed. */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomerOfferPdf: {
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the link stops working (5 minutes after it was issued), ATOM in the account’s time zone.
                         * @example 2025-04-29T21:00:00+02:00
                         */
                        expiresAt: string;
                        /**
                         * Format: uri
                         * @description Absolute URL of the file: no API key needed; it works until `expiresAt`, then answers 404.
                         */
                        link: string;
                    };
                    "application/pdf": string;
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createManualCustomerOffer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The customer the offer is for.
                     * @example cst_abc12345def678
                     */
                    customerId: string;
                    /**
                     * Format: date
                     * @description The last day the offer stands, YYYY-MM-DD; not before issuedAt. Printed as "geldig tot" / "valid until".
                     * @example 2025-04-30
                     */
                    expiresAt: string;
                    /**
                     * Format: date
                     * @description Issue date, YYYY-MM-DD.
                     * @example 2025-04-14
                     */
                    issuedAt: string;
                    /** @description The lines, 1 to 100, as for a manual invoice. A line's total is quantity × amountExclVat rounded half away from zero to the cent; VAT is computed per rate over the sum of that rate's line totals and rounded once per rate; `amount` is the total including VAT, which must not be negative. */
                    lines: {
                        /**
                         * @description The price of one unit excluding VAT; negative for a discount or a credit.
                         * @example 12.95
                         */
                        amountExclVat: string;
                        /** @example Website template */
                        description: string;
                        /**
                         * @description Extension. How many units, 0.01 to 99999.99 with at most two decimals, as a string ("2.5") or a number; default 1.
                         * @example 2.5
                         */
                        quantity?: string | number;
                        /**
                         * @description VAT percentage: 0, 9 or 21.
                         * @example 21
                         */
                        vatRate: 0 | 9 | 21;
                    }[];
                    /**
                     * @description Number of the offer; unique within the account.
                     * @example 2014-001
                     */
                    offerNumber: string;
                    /**
                     * @description Email the customer a link to the offer.
                     * @example true
                     */
                    sendNotification?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The signature drawn when the customer accepted in the portal, as a PNG data URL; null until signed there, and null for an acceptance by typed name. */
                        acceptanceSignature: string | null;
                        /** @description Extension: how the customer signed in the portal: `drawn` (acceptanceSignature holds the drawing) or `typed` (acceptedByName is the signature); null when not accepted in the portal (e.g. marked accepted through the API). */
                        acceptanceSignatureType: "drawn" | "typed" | null;
                        /** @description When it was accepted; null until then. */
                        acceptedAt: string | null;
                        /** @description Extension: the name the customer signed with in the portal (typed, or given beside a drawing); null otherwise. */
                        acceptedByName: string | null;
                        /** @description The IP address it was accepted from, as recorded; null if none. */
                        acceptedViaIp: string | null;
                        /** @description The User-Agent it was accepted with, as recorded; null if none. */
                        acceptedViaUserAgent: string | null;
                        /** @example 12.95 */
                        amount: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @enum {string} */
                        currency: "EUR";
                        /** @example cst_abc12345def678 */
                        customerId: string;
                        /**
                         * Format: date
                         * @description The last day the offer stands.
                         * @example 2024-05-29
                         */
                        expiresAt: string;
                        /**
                         * @description Always starts with off_.
                         * @example off_abc12345def678
                         */
                        id: string;
                        /**
                         * @description Extension. The invoice this accepted manual offer became (`POST /v1/customer-offers/{id}/invoice`); null until then, and again if that invoice is deleted.
                         * @example inv_abc12345def678
                         */
                        invoiceId: string | null;
                        /**
                         * Format: date
                         * @example 2024-04-29
                         */
                        issuedAt: string;
                        /** @description Extension. The lines of an offer made with `POST /v1/customer-offers/manual`, in their order (the same items as a manual invoice's); an empty array for an uploaded offer. */
                        lines: {
                            /**
                             * @description The price of one unit excluding VAT, as sent.
                             * @example 12.95
                             */
                            amountExclVat: string;
                            /**
                             * @description totalExclVat + vatAmount.
                             * @example 15.67
                             */
                            amountInclVat: string;
                            /** @example Website template */
                            description: string;
                            /**
                             * @description A decimal string without trailing zeros: "1", "2.5", "0.25" (at most two decimals).
                             * @example 1
                             * @example 2.5
                             */
                            quantity: string;
                            /**
                             * @description quantity × amountExclVat, rounded half away from zero to the cent.
                             * @example 12.95
                             */
                            totalExclVat: string;
                            /**
                             * @description This line's VAT (its total × rate, rounded), for display. The document's `vatAmount` is computed per rate over the line totals, so the lines' VAT can differ from it by a few cents.
                             * @example 2.72
                             */
                            vatAmount: string;
                            /**
                             * @description VAT percentage.
                             * @example 21
                             */
                            vatRate: 0 | 9 | 21;
                        }[];
                        /** @description `invoice` (extension): the invoice it became, once converted. */
                        links: {
                            customer: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            invoice?: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            pdf: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @example 2024-001 */
                        offerNumber: string;
                        /** @description When it was rejected; null unless rejected. */
                        rejectedAt: string | null;
                        /** @description Extension: why it was rejected, when a reason was given; null otherwise. */
                        rejectionReason: string | null;
                        /** @description Extension. accepted / rejected once decided; otherwise `expired` after its last day (`expiresAt`) has passed in the account’s time zone, and `open` until then. */
                        status: "open" | "accepted" | "rejected" | "expired";
                        /**
                         * @description Extension. Manual offers: the total excluding VAT. Null for an uploaded offer.
                         * @example 12.95
                         */
                        subtotalAmount: string | null;
                        /**
                         * @description Extension. Manual offers: the VAT, per rate over that rate's line totals, rounded once per rate; `amount` = `subtotalAmount` + `vatAmount`. Null for an uploaded offer.
                         * @example 2.72
                         */
                        vatAmount: string | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request or the PDF is larger than allowed. */
            413: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomers: {
        parameters: {
            query?: {
                /** @description Opaque keyset cursor that `next_page_url` carries; valid only with the page, per_page and filters it was issued for. Do not build it yourself. */
                after?: string;
                /** @description Only customers in this group. */
                customerGroupId?: string;
                /** @description Only customers of this integration. */
                integration?: string;
                /** @description Only customers with this integration id (with `integration`: of that integration). */
                integrationId?: string;
                /**
                 * @description Page number, 1-based (default 1). Alone it counts from the top (an offset); follow `next_page_url` to walk a list.
                 * @example 1
                 */
                page?: string;
                /**
                 * @description Items per page, 1–250 (default 15).
                 * @example 15
                 */
                per_page?: string;
                /** @description Only customers with this primary email (exact). */
                primaryEmail?: string;
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The number of this page, 1-based.
                         * @example 1
                         */
                        current_page: number;
                        data: {
                            /** @description Empty on customers made before klantportaal stored addresses, until changed. */
                            address: string;
                            city: string;
                            companyName: string;
                            /** @example NL */
                            countryCode: string;
                            /**
                             * Format: date-time
                             * @example 2024-05-28T21:00:00+02:00
                             */
                            createdAt: string;
                            /** @description Ids of the groups the customer is in, oldest membership first. */
                            customerGroups: string[];
                            /** @example cst_abc12345def678 */
                            id: string;
                            integration: string | null;
                            integrationId: string | null;
                            links: {
                                invoices: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                                self: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                            };
                            /**
                             * @description Language of emails and portal pages (ours).
                             * @enum {string}
                             */
                            locale: "nl" | "en";
                            phone: string | null;
                            primaryEmail: string;
                            zipCode: string;
                        }[];
                        /**
                         * Format: uri
                         * @description The first page, with the same filters and per_page.
                         */
                        first_page_url: string;
                        /** @description 1-based position of the first item; null on an empty page. */
                        from: number | null;
                        /** @description The next page (with an `after` cursor: following it costs the same at any list size and neither skips nor repeats items when new ones arrive); null on the last page. */
                        next_page_url: string | null;
                        /**
                         * Format: uri
                         * @description The URL of this list without a query.
                         */
                        path: string;
                        /** @example 15 */
                        per_page: number;
                        /** @description The previous page by number (`?page=N-1`, no cursor); null on page 1. */
                        prev_page_url: string | null;
                        /** @description 1-based position of the last item; null on an empty page. */
                        to: number | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Street and number.
                     * @example Teststreet 123
                     */
                    address: string;
                    /** @example Amsterdam */
                    city: string;
                    /**
                     * @description Name of the customer.
                     * @example Test Company BV
                     */
                    companyName: string;
                    /**
                     * an ISO 3166-1 alpha-2 country code, like NL
                     * @description ISO 3166-1 alpha-2 country code, in capitals; `NL` when not given.
                     * @example NL
                     * @enum {string}
                     */
                    countryCode?: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
                    integration?: string | null;
                    integrationId?: string | null;
                    /**
                     * @description Language of emails and portal pages (ours).
                     * @enum {string}
                     */
                    locale?: "nl" | "en";
                    phone?: string | null;
                    /**
                     * Format: email
                     * @description Notifications go here.
                     * @example john.doe@test.com
                     */
                    primaryEmail: string;
                    /** @example 1234AB */
                    zipCode: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Empty on customers made before klantportaal stored addresses, until changed. */
                        address: string;
                        city: string;
                        companyName: string;
                        /** @example NL */
                        countryCode: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @description Ids of the groups the customer is in, oldest membership first. */
                        customerGroups: string[];
                        /** @example cst_abc12345def678 */
                        id: string;
                        integration: string | null;
                        integrationId: string | null;
                        links: {
                            invoices: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /**
                         * @description Language of emails and portal pages (ours).
                         * @enum {string}
                         */
                        locale: "nl" | "en";
                        phone: string | null;
                        primaryEmail: string;
                        zipCode: string;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomer: {
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Empty on customers made before klantportaal stored addresses, until changed. */
                        address: string;
                        city: string;
                        companyName: string;
                        /** @example NL */
                        countryCode: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @description Ids of the groups the customer is in, oldest membership first. */
                        customerGroups: string[];
                        /** @example cst_abc12345def678 */
                        id: string;
                        integration: string | null;
                        integrationId: string | null;
                        links: {
                            invoices: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /**
                         * @description Language of emails and portal pages (ours).
                         * @enum {string}
                         */
                        locale: "nl" | "en";
                        phone: string | null;
                        primaryEmail: string;
                        zipCode: string;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCustomer: {
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
            /** @description No content */
            204: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCustomer: {
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
                "application/json": {
                    /**
                     * @description Street and number.
                     * @example Teststreet 123
                     */
                    address?: string;
                    /** @example Amsterdam */
                    city?: string;
                    /**
                     * @description Name of the customer.
                     * @example Test Company BV
                     */
                    companyName?: string;
                    /**
                     * an ISO 3166-1 alpha-2 country code, like NL
                     * @description ISO 3166-1 alpha-2 country code, in capitals; `NL` when not given.
                     * @example NL
                     * @enum {string}
                     */
                    countryCode?: "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XK" | "YE" | "YT" | "ZA" | "ZM" | "ZW";
                    integration?: string | null;
                    integrationId?: string | null;
                    /**
                     * @description Language of emails and portal pages (ours).
                     * @enum {string}
                     */
                    locale?: "nl" | "en";
                    phone?: string | null;
                    /**
                     * Format: email
                     * @description Notifications go here.
                     * @example john.doe@test.com
                     */
                    primaryEmail?: string;
                    /** @example 1234AB */
                    zipCode?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Empty on customers made before klantportaal stored addresses, until changed. */
                        address: string;
                        city: string;
                        companyName: string;
                        /** @example NL */
                        countryCode: string;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /** @description Ids of the groups the customer is in, oldest membership first. */
                        customerGroups: string[];
                        /** @example cst_abc12345def678 */
                        id: string;
                        integration: string | null;
                        integrationId: string | null;
                        links: {
                            invoices: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /**
                         * @description Language of emails and portal pages (ours).
                         * @enum {string}
                         */
                        locale: "nl" | "en";
                        phone: string | null;
                        primaryEmail: string;
                        zipCode: string;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Unknown, changed or expired link (all answer alike), or its file was deleted. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApiDocument: {
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
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Opaque keyset cursor that `next_page_url` carries; valid only with the page, per_page and filters it was issued for. Do not build it yourself. */
                after?: string;
                /**
                 * @description Page number, 1-based (default 1). Alone it counts from the top (an offset); follow `next_page_url` to walk a list.
                 * @example 1
                 */
                page?: string;
                /**
                 * @description Items per page, 1–250 (default 15).
                 * @example 15
                 */
                per_page?: string;
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The number of this page, 1-based.
                         * @example 1
                         */
                        current_page: number;
                        data: {
                            /**
                             * Format: date-time
                             * @example 2024-05-28T21:00:00+02:00
                             */
                            createdAt: string;
                            /**
                             * @description Always starts with wbh_.
                             * @example wbh_abc12345def678
                             */
                            id: string;
                            links: {
                                deliveries: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                                self: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                            };
                            /**
                             * @description Sent as is in `X-Webhook-Signature` on every call (as MijnKlantportaal does), and the key of the `Klantportaal-Signature` HMAC. 32 letters and digits (190 bits); records registered before 2026-12 keep their `whsec_…` secret.
                             * @example OUJX2prdBbJxR77BZlGzq1w8Tn3k5Yc0
                             */
                            secret: string;
                            /**
                             * @description The event this record receives (one per record). Fired today: `invoice-created`; `invoice-paid` (paidAt set from empty, by PATCH or on a create that is already paid); `invoice-deleted` (data: the invoice as it was); `customer-created`; `customer-deleted` (data: the customer as it was); ours: `invoice-viewed` (the customer first opened it in the portal) and `notification-failed` (its email was given up). The other published types are accepted and fire once their section exists.
                             * @enum {string}
                             */
                            type: "appointment-created" | "appointment-canceled" | "customer-created" | "customer-deleted" | "offer-created" | "offer-deleted" | "offer-accepted" | "offer-rejected" | "invoice-created" | "invoice-chargeback" | "invoice-paid" | "invoice-deleted" | "payment-link-created" | "payment-link-expired" | "payment-link-paid" | "ticket-created" | "ticket-reply-customer" | "ticket-reply-employee" | "subscription-created" | "subscription-updated" | "subscription-deleted" | "subscription-payment-created" | "subscription-payment-updated" | "invoice-viewed" | "notification-failed";
                            /** Format: uri */
                            url: string;
                        }[];
                        /**
                         * Format: uri
                         * @description The first page, with the same filters and per_page.
                         */
                        first_page_url: string;
                        /** @description 1-based position of the first item; null on an empty page. */
                        from: number | null;
                        /** @description The next page (with an `after` cursor: following it costs the same at any list size and neither skips nor repeats items when new ones arrive); null on the last page. */
                        next_page_url: string | null;
                        /**
                         * Format: uri
                         * @description The URL of this list without a query.
                         */
                        path: string;
                        /** @example 15 */
                        per_page: number;
                        /** @description The previous page by number (`?page=N-1`, no cursor); null on page 1. */
                        prev_page_url: string | null;
                        /** @description 1-based position of the last item; null on an empty page. */
                        to: number | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://mijnklantportaal.nl/webhook-incoming",
                 *       "type": "customer-created"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description The event this record receives (one per record). Fired today: `invoice-created`; `invoice-paid` (paidAt set from empty, by PATCH or on a create that is already paid); `invoice-deleted` (data: the invoice as it was); `customer-created`; `customer-deleted` (data: the customer as it was); ours: `invoice-viewed` (the customer first opened it in the portal) and `notification-failed` (its email was given up). The other published types are accepted and fire once their section exists.
                     * @enum {string}
                     */
                    type: "appointment-created" | "appointment-canceled" | "customer-created" | "customer-deleted" | "offer-created" | "offer-deleted" | "offer-accepted" | "offer-rejected" | "invoice-created" | "invoice-chargeback" | "invoice-paid" | "invoice-deleted" | "payment-link-created" | "payment-link-expired" | "payment-link-paid" | "ticket-created" | "ticket-reply-customer" | "ticket-reply-employee" | "subscription-created" | "subscription-updated" | "subscription-deleted" | "subscription-payment-created" | "subscription-payment-updated" | "invoice-viewed" | "notification-failed";
                    /**
                     * @description http:// or https:// URL that receives the events; not on loopback or private networks.
                     * @example https://mijnklantportaal.nl/webhook-incoming
                     */
                    url: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    Location: components["headers"]["Location"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /**
                         * @description Always starts with wbh_.
                         * @example wbh_abc12345def678
                         */
                        id: string;
                        links: {
                            deliveries: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /**
                         * @description Sent as is in `X-Webhook-Signature` on every call (as MijnKlantportaal does), and the key of the `Klantportaal-Signature` HMAC. 32 letters and digits (190 bits); records registered before 2026-12 keep their `whsec_…` secret.
                         * @example OUJX2prdBbJxR77BZlGzq1w8Tn3k5Yc0
                         */
                        secret: string;
                        /**
                         * @description The event this record receives (one per record). Fired today: `invoice-created`; `invoice-paid` (paidAt set from empty, by PATCH or on a create that is already paid); `invoice-deleted` (data: the invoice as it was); `customer-created`; `customer-deleted` (data: the customer as it was); ours: `invoice-viewed` (the customer first opened it in the portal) and `notification-failed` (its email was given up). The other published types are accepted and fire once their section exists.
                         * @enum {string}
                         */
                        type: "appointment-created" | "appointment-canceled" | "customer-created" | "customer-deleted" | "offer-created" | "offer-deleted" | "offer-accepted" | "offer-rejected" | "invoice-created" | "invoice-chargeback" | "invoice-paid" | "invoice-deleted" | "payment-link-created" | "payment-link-expired" | "payment-link-paid" | "ticket-created" | "ticket-reply-customer" | "ticket-reply-employee" | "subscription-created" | "subscription-updated" | "subscription-deleted" | "subscription-payment-created" | "subscription-payment-updated" | "invoice-viewed" | "notification-failed";
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong Content-Type for this endpoint. */
            415: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        /**
                         * @description Always starts with wbh_.
                         * @example wbh_abc12345def678
                         */
                        id: string;
                        links: {
                            deliveries: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                            self: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /**
                         * @description Sent as is in `X-Webhook-Signature` on every call (as MijnKlantportaal does), and the key of the `Klantportaal-Signature` HMAC. 32 letters and digits (190 bits); records registered before 2026-12 keep their `whsec_…` secret.
                         * @example OUJX2prdBbJxR77BZlGzq1w8Tn3k5Yc0
                         */
                        secret: string;
                        /**
                         * @description The event this record receives (one per record). Fired today: `invoice-created`; `invoice-paid` (paidAt set from empty, by PATCH or on a create that is already paid); `invoice-deleted` (data: the invoice as it was); `customer-created`; `customer-deleted` (data: the customer as it was); ours: `invoice-viewed` (the customer first opened it in the portal) and `notification-failed` (its email was given up). The other published types are accepted and fire once their section exists.
                         * @enum {string}
                         */
                        type: "appointment-created" | "appointment-canceled" | "customer-created" | "customer-deleted" | "offer-created" | "offer-deleted" | "offer-accepted" | "offer-rejected" | "invoice-created" | "invoice-chargeback" | "invoice-paid" | "invoice-deleted" | "payment-link-created" | "payment-link-expired" | "payment-link-paid" | "ticket-created" | "ticket-reply-customer" | "ticket-reply-employee" | "subscription-created" | "subscription-updated" | "subscription-deleted" | "subscription-payment-created" | "subscription-payment-updated" | "invoice-viewed" | "notification-failed";
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
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
            /** @description No content */
            204: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Opaque keyset cursor that `next_page_url` carries; valid only with the page, per_page and filters it was issued for. Do not build it yourself. */
                after?: string;
                /**
                 * @description Page number, 1-based (default 1). Alone it counts from the top (an offset); follow `next_page_url` to walk a list.
                 * @example 1
                 */
                page?: string;
                /**
                 * @description Items per page, 1–250 (default 15).
                 * @example 15
                 */
                per_page?: string;
            };
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
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The number of this page, 1-based.
                         * @example 1
                         */
                        current_page: number;
                        data: {
                            /** @description Attempts so far, the one in progress and manual redeliveries included. */
                            attempts: number;
                            /**
                             * Format: date-time
                             * @example 2024-05-28T21:00:00+02:00
                             */
                            createdAt: string;
                            deliveredAt: string | null;
                            /**
                             * @description Also sent as `Klantportaal-Event-Id`; the same on every attempt.
                             * @example evt_abc12345def678
                             */
                            eventId: string;
                            /**
                             * @description The event this record receives (one per record). Fired today: `invoice-created`; `invoice-paid` (paidAt set from empty, by PATCH or on a create that is already paid); `invoice-deleted` (data: the invoice as it was); `customer-created`; `customer-deleted` (data: the customer as it was); ours: `invoice-viewed` (the customer first opened it in the portal) and `notification-failed` (its email was given up). The other published types are accepted and fire once their section exists.
                             * @enum {string}
                             */
                            eventType: "appointment-created" | "appointment-canceled" | "customer-created" | "customer-deleted" | "offer-created" | "offer-deleted" | "offer-accepted" | "offer-rejected" | "invoice-created" | "invoice-chargeback" | "invoice-paid" | "invoice-deleted" | "payment-link-created" | "payment-link-expired" | "payment-link-paid" | "ticket-created" | "ticket-reply-customer" | "ticket-reply-employee" | "subscription-created" | "subscription-updated" | "subscription-deleted" | "subscription-payment-created" | "subscription-payment-updated" | "invoice-viewed" | "notification-failed";
                            /**
                             * @description Always starts with whd_.
                             * @example whd_abc12345def678
                             */
                            id: string;
                            lastAttemptAt: string | null;
                            /**
                             * @description Why the latest failed attempt failed; null if none failed.
                             * @example the endpoint answered 500
                             */
                            lastError: string | null;
                            /** @description HTTP status of the latest answer; null before the first or when there was none. */
                            lastStatusCode: number | null;
                            links: {
                                webhook: {
                                    /** Format: uri */
                                    href: string;
                                    /** @example application/json */
                                    type: string;
                                };
                            };
                            /** @description When a pending delivery is tried next; null otherwise. */
                            nextAttemptAt: string | null;
                            /**
                             * @description pending: queued or waiting for a retry; delivered: the receiver answered 2xx; failed: no 2xx within the retry window (three days).
                             * @enum {string}
                             */
                            status: "pending" | "delivered" | "failed";
                            /** @example wbh_abc12345def678 */
                            webhookId: string;
                        }[];
                        /**
                         * Format: uri
                         * @description The first page, with the same filters and per_page.
                         */
                        first_page_url: string;
                        /** @description 1-based position of the first item; null on an empty page. */
                        from: number | null;
                        /** @description The next page (with an `after` cursor: following it costs the same at any list size and neither skips nor repeats items when new ones arrive); null on the last page. */
                        next_page_url: string | null;
                        /**
                         * Format: uri
                         * @description The URL of this list without a query.
                         */
                        path: string;
                        /** @example 15 */
                        per_page: number;
                        /** @description The previous page by number (`?page=N-1`, no cursor); null on page 1. */
                        prev_page_url: string | null;
                        /** @description 1-based position of the last item; null on an empty page. */
                        to: number | null;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request within 24 hours replays the first response (with `Idempotent-Replayed: true`) and creates nothing; the same key with a different request is 422; while the first request runs, 409. Scoped to the account. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: queued; the outcome shows up later. */
            202: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Attempts so far, the one in progress and manual redeliveries included. */
                        attempts: number;
                        /**
                         * Format: date-time
                         * @example 2024-05-28T21:00:00+02:00
                         */
                        createdAt: string;
                        deliveredAt: string | null;
                        /**
                         * @description Also sent as `Klantportaal-Event-Id`; the same on every attempt.
                         * @example evt_abc12345def678
                         */
                        eventId: string;
                        /**
                         * @description The event this record receives (one per record). Fired today: `invoice-created`; `invoice-paid` (paidAt set from empty, by PATCH or on a create that is already paid); `invoice-deleted` (data: the invoice as it was); `customer-created`; `customer-deleted` (data: the customer as it was); ours: `invoice-viewed` (the customer first opened it in the portal) and `notification-failed` (its email was given up). The other published types are accepted and fire once their section exists.
                         * @enum {string}
                         */
                        eventType: "appointment-created" | "appointment-canceled" | "customer-created" | "customer-deleted" | "offer-created" | "offer-deleted" | "offer-accepted" | "offer-rejected" | "invoice-created" | "invoice-chargeback" | "invoice-paid" | "invoice-deleted" | "payment-link-created" | "payment-link-expired" | "payment-link-paid" | "ticket-created" | "ticket-reply-customer" | "ticket-reply-employee" | "subscription-created" | "subscription-updated" | "subscription-deleted" | "subscription-payment-created" | "subscription-payment-updated" | "invoice-viewed" | "notification-failed";
                        /**
                         * @description Always starts with whd_.
                         * @example whd_abc12345def678
                         */
                        id: string;
                        lastAttemptAt: string | null;
                        /**
                         * @description Why the latest failed attempt failed; null if none failed.
                         * @example the endpoint answered 500
                         */
                        lastError: string | null;
                        /** @description HTTP status of the latest answer; null before the first or when there was none. */
                        lastStatusCode: number | null;
                        links: {
                            webhook: {
                                /** Format: uri */
                                href: string;
                                /** @example application/json */
                                type: string;
                            };
                        };
                        /** @description When a pending delivery is tried next; null otherwise. */
                        nextAttemptAt: string | null;
                        /**
                         * @description pending: queued or waiting for a retry; delivered: the receiver answered 2xx; failed: no 2xx within the retry window (three days).
                         * @enum {string}
                         */
                        status: "pending" | "delivered" | "failed";
                        /** @example wbh_abc12345def678 */
                        webhookId: string;
                    };
                };
            };
            /** @description Malformed request: the body, URL or a header could not be read. */
            400: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key. */
            401: {
                headers: {
                    "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key lacks the scope this operation needs (`x-scope`; the problem’s `detail` names it). */
            403: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "WWW-Authenticate": components["headers"]["WwwAuthenticateScope"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this account (another account’s id looks the same as an unknown one). */
            404: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state, or the first request with this Idempotency-Key is still running. */
            409: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` names every failing field. */
            422: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests with this API key in this window (see `RateLimit-Policy`); retry after `Retry-After` seconds. */
            429: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Something went wrong on our side; quote X-Request-Id. */
            500: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The database or the PDF storage cannot be reached right now; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimitPolicy"];
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
