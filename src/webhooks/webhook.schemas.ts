import { Type, type Static } from '@sinclair/typebox';
import { IdParams, Link, ListOf, PageQuery, Timestamp } from '../http/schemas.js';

export const WEBHOOK_EVENT_TYPES = ['customer-invoice.created', 'customer-invoice.paid', 'customer-invoice.viewed', 'notification.failed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

// An enum rather than a union of literals, so a wrong value is answered "must be one of: …".
const EventType = Type.Unsafe<WebhookEventType>({
  type: 'string',
  enum: [...WEBHOOK_EVENT_TYPES],
  description:
    '`customer-invoice.created`; `customer-invoice.paid` (paidAt set from empty, by PATCH or on a create that is already paid); ' +
    '`customer-invoice.viewed` (the customer first opened it in the portal); `notification.failed` (its email was given up).',
});

export const CreateWebhookEndpointBody = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2048,
      description: 'http:// or https:// URL that receives the events; not on loopback or private networks.',
      examples: ['https://boekhouding.example.nl/hooks/klantportaal'],
    }),
    events: Type.Array(EventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true, examples: [['customer-invoice.created', 'customer-invoice.paid']] }),
  },
  { additionalProperties: false },
);
export type CreateWebhookEndpointInput = Static<typeof CreateWebhookEndpointBody>;

const endpointProperties = {
  id: Type.String({ description: 'Always starts with whe_.', examples: ['whe_abc12345def678'] }),
  url: Type.String({ format: 'uri' }),
  events: Type.Array(EventType),
  createdAt: Timestamp,
  links: Type.Object({ self: Link, deliveries: Link }, { additionalProperties: false }),
};

export const WebhookEndpointResource = Type.Object(endpointProperties, { additionalProperties: false });
export type WebhookEndpoint = Static<typeof WebhookEndpointResource>;

export const CreatedWebhookEndpoint = Type.Object(
  {
    ...endpointProperties,
    secret: Type.String({
      pattern: '^whsec_[A-Za-z0-9_-]{43,}$',
      description: 'Signing secret for `Klantportaal-Signature`. Shown only in this response: store it now.',
    }),
  },
  { additionalProperties: false },
);
export type CreatedEndpoint = Static<typeof CreatedWebhookEndpoint>;

export const WebhookEndpointList = ListOf(WebhookEndpointResource);

export const DeliveryStatus = Type.Unsafe<'pending' | 'delivered' | 'failed'>({
  type: 'string',
  enum: ['pending', 'delivered', 'failed'],
  description: 'pending: queued or waiting for a retry; delivered: the endpoint answered 2xx; failed: no 2xx within the retry window (three days).',
});

export const WebhookDeliveryResource = Type.Object(
  {
    id: Type.String({ description: 'Always starts with whd_.', examples: ['whd_abc12345def678'] }),
    endpointId: Type.String({ examples: ['whe_abc12345def678'] }),
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
    links: Type.Object({ endpoint: Link }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type WebhookDelivery = Static<typeof WebhookDeliveryResource>;

export const WebhookDeliveryList = ListOf(WebhookDeliveryResource);

export const EndpointIdParams = IdParams;
export const DeliveryParams = Type.Object({ id: Type.String(), deliveryId: Type.String() });
export const WebhookListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type WebhookListQueryInput = Static<typeof WebhookListQuery>;
