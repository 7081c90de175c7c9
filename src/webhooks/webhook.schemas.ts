import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Link, ListOf, PageQuery, Timestamp } from '../http/schemas.js';

/** The 23 event types MijnKlantportaal publishes (reference 2.10), in its order. */
export const PUBLISHED_EVENT_TYPES = [
  'appointment-created',
  'appointment-canceled',
  'customer-created',
  'customer-deleted',
  'offer-created',
  'offer-deleted',
  'offer-accepted',
  'offer-rejected',
  'invoice-created',
  'invoice-chargeback',
  'invoice-paid',
  'invoice-deleted',
  'payment-link-created',
  'payment-link-expired',
  'payment-link-paid',
  'ticket-created',
  'ticket-reply-customer',
  'ticket-reply-employee',
  'subscription-created',
  'subscription-updated',
  'subscription-deleted',
  'subscription-payment-created',
  'subscription-payment-updated',
] as const;

/** Ours, in the same style. */
export const OWN_EVENT_TYPES = ['invoice-viewed', 'notification-failed'] as const;

/**
 * Every type a record may name. A record of a section that does not exist yet is accepted now and starts
 * receiving events once that section fires them.
 */
export const WEBHOOK_EVENT_TYPES = [...PUBLISHED_EVENT_TYPES, ...OWN_EVENT_TYPES] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

// An enum rather than a union of literals, so a wrong value is answered "must be one of: …".
const EventType = Type.Unsafe<WebhookEventType>({
  type: 'string',
  enum: [...WEBHOOK_EVENT_TYPES],
  description:
    'The event this record receives (one per record). Fired today: `invoice-created`; `invoice-paid` (paidAt set from empty, by PATCH ' +
    'or on a create that is already paid); `invoice-deleted` (data: the invoice as it was); `customer-created`; `customer-deleted` (data: ' +
    'the customer as it was); ours: `invoice-viewed` (the customer first opened it in the portal) and `notification-failed` (its email ' +
    'was given up). The other published types are accepted and fire once their section exists.',
});

export const CreateWebhookBody = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'http:// or https:// URL that receives the events; not on loopback or private networks.',
      examples: ['https://mijnklantportaal.nl/webhook-incoming'],
    }),
    type: EventType,
  },
  { additionalProperties: false, examples: [{ url: 'https://mijnklantportaal.nl/webhook-incoming', type: 'customer-created' }] },
);
export type CreateWebhookInput = Static<typeof CreateWebhookBody>;

export const WebhookResource = Type.Object(
  {
    id: Type.String({ description: 'Always starts with wbh_.', examples: ['wbh_abc12345def678'] }),
    type: EventType,
    url: Type.String({ format: 'uri' }),
    secret: Type.String({
      // Records carried over from /v1/webhook-endpoints keep their whsec_ secret, so their receivers keep verifying.
      pattern: '^([A-Za-z0-9]{32}|whsec_[A-Za-z0-9_-]{43,})$',
      description:
        'Sent as is in `X-Webhook-Signature` on every call (as MijnKlantportaal does), and the key of the `Klantportaal-Signature` ' +
        'HMAC. 32 letters and digits (190 bits); records registered before 2026-12 keep their `whsec_…` secret.',
      examples: ['OUJX2prdBbJxR77BZlGzq1w8Tn3k5Yc0'],
    }),
    createdAt: Timestamp,
    links: Type.Object({ self: Link, deliveries: Link }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type Webhook = Static<typeof WebhookResource>;

export const WebhookList = ListOf(WebhookResource);

export const DeliveryStatus = Type.Unsafe<'pending' | 'delivered' | 'failed'>({
  type: 'string',
  enum: ['pending', 'delivered', 'failed'],
  description: 'pending: queued or waiting for a retry; delivered: the receiver answered 2xx; failed: no 2xx within the retry window (three days).',
});

export const WebhookDeliveryResource = Type.Object(
  {
    id: Type.String({ description: 'Always starts with whd_.', examples: ['whd_abc12345def678'] }),
    webhookId: Type.String({ examples: ['wbh_abc12345def678'] }),
    eventId: Type.String({ description: 'Also sent as `Klantportaal-Event-Id`; the same on every attempt.', examples: ['evt_abc12345def678'] }),
    eventType: EventType,
    status: DeliveryStatus,
    attempts: Type.Integer({ minimum: 0, description: 'Attempts so far, the one in progress and manual redeliveries included.' }),
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()], { description: 'HTTP status of the latest answer; null before the first or when there was none.' }),
    lastError: Type.Union([Type.String(), Type.Null()], { description: 'Why the latest failed attempt failed; null if none failed.', examples: ['the endpoint answered 500'] }),
    lastAttemptAt: Type.Union([Timestamp, Type.Null()]),
    nextAttemptAt: Type.Union([Timestamp, Type.Null()], { description: 'When a pending delivery is tried next; null otherwise.' }),
    deliveredAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
    links: Type.Object({ webhook: Link }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type WebhookDelivery = Static<typeof WebhookDeliveryResource>;

export const WebhookDeliveryList = ListOf(WebhookDeliveryResource);

export const WebhookIdParams = IdParams;
export const DeliveryParams = Type.Object({ id: Type.String(), deliveryId: Type.String() });
export const WebhookListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type WebhookListQueryInput = Static<typeof WebhookListQuery>;
