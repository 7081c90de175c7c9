import { parseArgs } from 'node:util';
import { findAccount } from '../accounts/account.repository.js';
import type { Caller } from '../accounts/account.service.js';
import type { AppContext } from '../context.js';
import { ProblemError } from '../http/problems.js';
import { looksLikeId } from '../lib/ids.js';
import { deleteWebhook, findWebhookById, webhooksOfAccount } from '../webhooks/webhook.repository.js';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhooks/webhook.schemas.js';
import { createWebhook, toWebhook } from '../webhooks/webhook.service.js';
import { WebhookCommandError } from './errors.js';

async function callerFor(ctx: AppContext, accountId: string | undefined, command: string): Promise<Caller> {
  if (!accountId) throw new WebhookCommandError(`webhooks ${command} needs --account <id>`);
  const account = looksLikeId('acc', accountId) ? await findAccount(ctx.db, accountId) : undefined;
  if (!account) throw new WebhookCommandError(`no account ${accountId}`);
  return { accountId: account.id, accountName: account.name, timeZone: account.time_zone };
}

function eventType(raw: string | undefined): WebhookEventType {
  const type = (raw ?? '').trim();
  const known: readonly string[] = WEBHOOK_EVENT_TYPES;
  if (!known.includes(type)) {
    throw new WebhookCommandError(`--type takes one of ${WEBHOOK_EVENT_TYPES.join(', ')}${type ? `; unknown: ${type}` : ''}`);
  }
  return type as WebhookEventType;
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
    options: { account: { type: 'string' }, url: { type: 'string' }, type: { type: 'string' }, json: { type: 'boolean' } },
  });
  const json = values.json ?? false;
  switch (sub) {
    case 'create': {
      const caller = await callerFor(ctx, values.account, 'create');
      if (!values.url) throw new WebhookCommandError('webhooks create needs --url <http(s) URL>');
      try {
        const created = await createWebhook(ctx, caller, { url: values.url, type: eventType(values.type) });
        const text = `Created webhook ${created.id} for ${caller.accountId}: ${created.type} → ${created.url}\nSecret (X-Webhook-Signature, HMAC key): ${created.secret}`;
        return render(created, json, text);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        const fields = (error.errors ?? []).map((e) => `${e.field} ${e.message}`).join('; ');
        throw new WebhookCommandError(fields || error.detail);
      }
    }
    case 'list': {
      const caller = await callerFor(ctx, values.account, 'list');
      const webhooks = (await webhooksOfAccount(ctx.db, caller.accountId)).map((row) => toWebhook(row, caller.timeZone, ctx.config.publicBaseUrl));
      // The secret is in --json (as GET /v1/webhooks returns it), not on a terminal line that anyone may see.
      const text = webhooks.map((w) => `${w.id}  ${w.type}  ${w.url}  created ${w.createdAt}`).join('\n') || 'No webhooks.';
      return render({ data: webhooks }, json, text);
    }
    case 'delete': {
      const id = positionals[0];
      if (!id) throw new WebhookCommandError('webhooks delete needs a webhook id (wbh_…)');
      const row = looksLikeId('wbh', id) ? await findWebhookById(ctx.db, id) : undefined;
      if (!row || !(await deleteWebhook(ctx.db, row.account_id, row.id))) throw new WebhookCommandError(`no webhook ${id}`);
      return render({ id: row.id, deleted: true }, json, `Deleted ${row.id}.`);
    }
    default:
      throw new WebhookCommandError(`unknown webhooks command "${sub ?? ''}"; use create, list or delete`);
  }
}
