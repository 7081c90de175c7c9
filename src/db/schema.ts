import type { Generated } from 'kysely';

/** Row types of every table. Timestamps are UTC ISO strings (`2024-05-11T10:59:00.000Z`), dates `YYYY-MM-DD`. */
export interface AccountsTable {
  id: string;
  name: string;
  time_zone: string;
  created_at: string;
  /** `test`: the test twin of the live account `live_account_id`, reached only with `kp_test_` keys. */
  mode: AccountMode;
  live_account_id: string | null;
  /** The business's details (GET/PATCH /v1/account, migration 0017); null = not given. */
  address: string | null;
  zip_code: string | null;
  city: string | null;
  country_code: Generated<string>;
  kvk_number: string | null;
  vat_number: string | null;
  /** Without spaces, in capitals. */
  iban: string | null;
  bic: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** `#rrggbb`, lower case. */
  brand_color: string | null;
  payment_term_days: Generated<number>;
  invoice_footer: string | null;
}

/** An account's logo (PNG or JPEG, at most 1 MiB), one row per account, gone with the account. */
export interface AccountLogosTable {
  account_id: string;
  /** What the bytes are (sniffed), never what the upload claimed: `image/png` or `image/jpeg`. */
  content_type: string;
  bytes: Uint8Array;
  size: number;
  sha256: string;
  updated_at: string;
}

export type AccountMode = 'live' | 'test';

export interface ApiKeysTable {
  id: string;
  account_id: string;
  /** The first characters of the key, shown in listings so people can tell keys apart. */
  display_prefix: string;
  /** SHA-256 (hex) of the whole key; the key itself is never stored. */
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** The key's scopes, space-separated (http/scopes.ts); what the key may do. */
  scopes: string;
}

export interface CustomersTable {
  id: string;
  account_id: string;
  /** `companyName` in the API. */
  name: string;
  /** `primaryEmail` in the API. */
  email: string;
  locale: string;
  /** Street and number, zip code and city: empty strings on rows made before customers had addresses. */
  address: string;
  zip_code: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country_code: string;
  phone: string | null;
  /** The bookkeeping integration that owns `integration_id` (null: the business's own numbering). */
  integration: string | null;
  integration_id: string | null;
  created_at: string;
}

export interface CustomerGroupsTable {
  id: string;
  account_id: string;
  name: string;
  created_at: string;
}

export interface CustomerGroupMembersTable {
  group_id: string;
  customer_id: string;
  account_id: string;
  /** The customer's `created_at`, so a group's customers page newest first from this table's index. */
  customer_created_at: string;
  added_at: string;
}

export interface CustomerInvoicesTable {
  id: string;
  account_id: string;
  customer_id: string;
  invoice_number: string;
  issued_at: string;
  currency: string;
  amount_cents: number;
  pdf_sha256: string;
  pdf_size: number;
  paid_at: string | null;
  created_at: string;
  /** The first time the customer opened it in the portal (never an API call or a prefetch); null until then. */
  viewed_at: string | null;
  /** `upload`: its PDF came with the request; `manual`: we rendered it from lines (migration 0018). */
  source: InvoiceSource;
  /** Manual invoices only (null for uploads): the totals and dates the rendered PDF shows. */
  subtotal_cents: number | null;
  vat_cents: number | null;
  due_at: string | null;
  delivered_at: string | null;
  /** The payment reference printed (and in the EPC QR code). */
  reference: string | null;
  /** A credit note's credited invoice (same account and customer); null when that invoice was deleted. */
  credited_invoice_id: string | null;
}

export type InvoiceSource = 'upload' | 'manual';

/**
 * One line of a document made from lines, in its order (`position` from 0). `customer_invoice_lines` has this shape
 * with `invoice_id` as the parent; offers' lines take the same shape (see invoices/document-lines.repository.ts).
 * The computed amounts are stored as they were charged, so a later change of the rounding never rewrites an invoice.
 */
export interface DocumentLineColumns {
  position: number;
  description: string;
  quantity_hundredths: number;
  unit_price_cents: number;
  vat_rate: number;
  total_excl_vat_cents: number;
  vat_cents: number;
  total_incl_vat_cents: number;
}

export interface CustomerInvoiceLinesTable extends DocumentLineColumns {
  invoice_id: string;
}

/** A manual offer's lines (migration 0020), the same shape as an invoice's. */
export interface CustomerOfferLinesTable extends DocumentLineColumns {
  offer_id: string;
}

export interface IdempotencyKeysTable {
  account_id: string;
  idempotency_key: string;
  /** SHA-256 over method, path, account and the request's fields (the PDF by its hash). */
  fingerprint: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_body: string | null;
  response_location: string | null;
  created_at: string;
  /** An in-flight claim older than this was abandoned (its process died) and may be taken over. */
  locked_until: string;
}

export type NotificationStatus = 'queued' | 'sent' | 'failed';

/** One email to send; written in the transaction that creates what it is about (transactional outbox). */
export interface NotificationOutboxTable {
  id: string;
  /** What the message is about: `invoice-created` or `portal-sign-in`. */
  kind: string;
  account_id: string;
  /** The invoice of an `invoice-created` message; null for a sign-in email. */
  invoice_id: string | null;
  /** The offer of an `offer-created` message; null for every other kind. */
  offer_id: string | null;
  /** The address a `portal-sign-in` email was asked for (lower case); null for invoice messages. */
  recipient: string | null;
  /** `<id@domain>`, fixed when queued, so a resend after a crash carries the same Message-ID. */
  message_id: string;
  status: NotificationStatus;
  /** Sends started, the one in progress included. */
  attempts: number;
  /** Due when this is past: the next retry, or the end of the lease of the worker sending it. */
  available_at: string;
  /** Set by the claim that holds the lease, so only that worker records a failure. */
  lease_id: string | null;
  /** The invoice link's raw token, kept only until the message is sent or given up; then null. */
  access_token: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  /** Test mode: the email as it would have gone out (JSON `{ to, subject, text }`); it was never sent. */
  recorded_email: string | null;
}

/** Links that open one invoice without signing in; only the token's SHA-256 is kept. */
export interface InvoiceAccessTokensTable {
  token_hash: string;
  invoice_id: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

/** A customer offer (reference 3.7); one decision at most: accepted or rejected. */
export interface CustomerOffersTable {
  id: string;
  account_id: string;
  customer_id: string;
  offer_number: string;
  issued_at: string;
  /** The last day the offer stands (`YYYY-MM-DD`, in the account's time zone). */
  expires_at: string;
  currency: string;
  amount_cents: number;
  /** Manual offers (lines) only: total excluding VAT and the VAT; null for an uploaded PDF (what tells them apart). */
  subtotal_cents: number | null;
  vat_cents: number | null;
  pdf_sha256: string;
  pdf_size: number;
  accepted_at: string | null;
  accepted_via_ip: string | null;
  accepted_via_user_agent: string | null;
  /** The signature drawn in the portal, as a PNG data URL; null otherwise (a typed name, or the API's decision). */
  acceptance_signature: string | null;
  /** Accepted in the portal: the typed name, or the name given beside a drawing; null otherwise. */
  accepted_by_name: string | null;
  /** Accepted in the portal: `drawn` or `typed`; null for the API's decision. */
  acceptance_signature_type: 'drawn' | 'typed' | null;
  rejected_at: string | null;
  rejection_reason: string | null;
  /** The invoice this accepted manual offer became (`POST …/{id}/invoice`); null otherwise or once that invoice is deleted. */
  invoice_id: string | null;
  created_at: string;
}

/** A link in an offer email: opens that one offer without signing in; only the SHA-256 kept. */
export interface OfferAccessTokensTable {
  token_hash: string;
  offer_id: string;
  account_id: string;
  created_at: string;
  expires_at: string;
}

/** A magic sign-in link for one customer of one business: one use, short-lived, only the SHA-256 kept. */
export interface PortalSignInTokensTable {
  token_hash: string;
  account_id: string;
  customer_id: string;
  created_at: string;
  expires_at: string;
}

/** A signed-in customer; the cookie holds the id, the row only its SHA-256. */
export interface PortalSessionsTable {
  id_hash: string;
  account_id: string;
  customer_id: string;
  /** Synchronizer token for the session's forms. */
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
}

export interface PortalSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

/**
 * A webhook record (`wbh_`): one URL for one event type. The table keeps its first name (it held multi-event
 * endpoints until migration 0012). The secret is kept as is: it is sent and signing needs it (see webhooks/).
 */
export interface WebhookEndpointsTable {
  id: string;
  account_id: string;
  url: string;
  /** The one event type this record receives. */
  type: string;
  secret: string;
  created_at: string;
}

/** One event, with the exact JSON body every delivery of it sends (so a signature always covers the same bytes). */
export interface WebhookEventsTable {
  id: string;
  account_id: string;
  type: string;
  payload: string;
  created_at: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event to one endpoint: the delivery outbox and its log. */
export interface WebhookDeliveriesTable {
  id: string;
  account_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  /** Attempts started, the one in progress included. */
  attempts: number;
  /** Due when this is past: the next retry, or the end of the lease of the worker sending it. */
  available_at: string;
  lease_id: string | null;
  /** When it was queued (or re-queued by a redeliver); retries stop WEBHOOK_RETRY_WINDOW_MS (three days) later. */
  queued_at: string;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  delivered_at: string | null;
  created_at: string;
}

export interface Database {
  accounts: AccountsTable;
  account_logos: AccountLogosTable;
  api_keys: ApiKeysTable;
  customers: CustomersTable;
  customer_groups: CustomerGroupsTable;
  customer_group_members: CustomerGroupMembersTable;
  customer_invoices: CustomerInvoicesTable;
  customer_invoice_lines: CustomerInvoiceLinesTable;
  idempotency_keys: IdempotencyKeysTable;
  notification_outbox: NotificationOutboxTable;
  invoice_access_tokens: InvoiceAccessTokensTable;
  customer_offers: CustomerOffersTable;
  customer_offer_lines: CustomerOfferLinesTable;
  offer_access_tokens: OfferAccessTokensTable;
  rate_limit_windows: RateLimitWindowsTable;
  mail_cap_windows: MailCapWindowsTable;
  portal_sign_in_tokens: PortalSignInTokensTable;
  portal_sessions: PortalSessionsTable;
  portal_secrets: PortalSecretsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

/** Requests per API key (by `bucket`, a hash prefix of the key) in one fixed one-minute window. */
export interface RateLimitWindowsTable {
  bucket: string;
  /** Minutes since the Unix epoch. */
  window_start: number;
  count: number;
}

/** Emails sent in one fixed window for one bucket: `account:<id>` or `address:<account id>:<sha256 of the address>`. */
export interface MailCapWindowsTable {
  bucket: string;
  /** The window's first instant (UTC ISO); windows are counted from the Unix epoch, so every process agrees. */
  window_start: string;
  count: number;
}

export type { Generated };
