import { parseArgs } from 'node:util';
import { findAccount } from '../accounts/account.repository.js';
import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { ProblemError } from '../http/problems.js';
import { looksLikeId } from '../lib/ids.js';
import { endpointsOfAccount, findEndpointById, deleteEndpoint } from '../webhooks/webhook.repository.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhooks/webhook.schemas.js';
import { createEndpoint, toEndpoint } from '../webhooks/webhook.service.js';
import { WebhookCommandError } from './errors.js';

async function callerFor(ctx: AppContext, accountId: string | undefined, command: string): Promise<Caller> {
  if (!accountId) throw new WebhookCommandError(`webhooks ${command} needs --account <id>`);
  const account = looksLikeId('acc', accountId) ? await findAccount(ctx.db, accountId) : undefined;
  if (!account) throw new WebhookCommandError(`no account ${accountId}`);
  return { accountId: account.id, accountName: account.name, timeZone: account.time_zone };
}

function eventList(raw: string | undefined): WebhookEventType[] {
  const events = (raw ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const known: readonly string[] = WEBHOOK_EVENT_TYPES;
  const unknown = events.filter((e) => !known.includes(e));
  if (events.length === 0 || unknown.length > 0) {
    throw new WebhookCommandError(`--events takes a comma-separated list of ${WEBHOOK_EVENT_TYPES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  }
  return events as WebhookEventType[];
}

const render = (value: unknown, json: boolean, text: string) => (json ? JSON.stringify(value, null, 2) : text);

/**
 * `klantportaal webhooks create|list|delete`: straight on the database like `api-keys`, through the same service
 * as the API (so the same URL rules apply). Returns what to print.
 */
export async function runWebhooksCommand(ctx: AppContext, sub: string | undefined, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { account: { type: 'string' }, url: { type: 'string' }, events: { type: 'string' }, json: { type: 'boolean' } },
  });
  const json = values.json ?? false;
  switch (sub) {
    case 'create': {
      const caller = await callerFor(ctx, values.account, 'create');
      if (!values.url) throw new WebhookCommandError('webhooks create needs --url <http(s) URL>');
      try {
        const created = await createEndpoint(ctx, caller, { url: values.url, events: eventList(values.events) });
        const text = `Created webhook endpoint ${created.id} for ${caller.accountId}: ${created.url} (${created.events.join(', ')}).\nSigning secret (shown once): ${created.secret}`;
        return render(created, json, text);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        const fields = (error.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ');
        throw new WebhookCommandError(fields || error.detail);
      }
    }
    case 'list': {
      const caller = await callerFor(ctx, values.account, 'list');
      const endpoints = (await endpointsOfAccount(ctx.db, caller.accountId)).map((row) => toEndpoint(row, caller.timeZone, ctx.config.publicBaseUrl));
      const text = endpoints.map((e) => `${e.id}  ${e.url}  ${e.events.join(',')}  created ${e.createdAt}`).join('\n') || 'No webhook endpoints.';
      return render({ data: endpoints }, json, text);
    }
    case 'delete': {
      const id = positionals[0];
      if (!id) throw new WebhookCommandError('webhooks delete needs an endpoint id');
      const row = looksLikeId('whe', id) ? await findEndpointById(ctx.db, id) : undefined;
      if (!row || !(await deleteEndpoint(ctx.db, row.account_id, row.id))) throw new WebhookCommandError(`no webhook endpoint ${id}`);
      return render({ id: row.id, deleted: true }, json, `Deleted ${row.id}.`);
    }
    default:
      throw new WebhookCommandError(`unknown webhooks command "${sub ?? ''}"; use create, list or delete`);
  }
}
