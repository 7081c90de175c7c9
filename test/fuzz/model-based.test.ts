import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { report, size } from '../helpers/hostile.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { commandArbitraries } from './api-command-arbitraries.js';
import { ACCOUNTS } from './api-commands.js';
import { auditAll, emptyModel, seedCustomer, newStats, type Model, type Real } from './api-model.js';

// RELIABILITY.md F3: random sequences of API calls over three accounts — create, replay, pay, unpay, delete,
// list with filters and small pages, get, and reach into another account — against a model of what each account
// should hold. After every list (and in a closing audit of every account) the items and their order equal the
// model, and no account sees another's data.
const runs = size('MODEL_RUNS', 12, 200);
const maxCommands = size('MODEL_COMMANDS', 50, 50);

describe('model-based API sequences over three accounts (F3)', () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it(`${runs} runs of up to ${maxCommands} commands: every list equals the model; no account sees another's data`, async () => {
    const stats = newStats();
    await fc.assert(
      fc.asyncProperty(fc.commands(commandArbitraries, { maxCommands, size: 'max' }), fc.integer({ min: 1, max: 4 }), async (commands, auditLimit) => {
        stats.runs += 1;
        let state: { model: Model; real: Real } | undefined;
        // Fresh accounts per run: runs share the server, never data.
        const setup = async () => {
          const clients = [];
          for (let i = 0; i < ACCOUNTS; i++) clients.push(await server.account(`Model ${stats.runs}.${i}`));
          state = { model: emptyModel(ACCOUNTS), real: { server, clients, owner: new Map(), stats, keyCounter: 0 } };
          for (let i = 0; i < ACCOUNTS; i++) await seedCustomer(state.model, state.real, i);
          return state;
        };
        await fc.asyncModelRun(setup, commands);
        assert.ok(state);
        await auditAll(state.model, state.real, auditLimit);
      }),
      { numRuns: runs, includeErrorInReport: true },
    );
    report('model-based', {
      runs,
      maxCommands,
      commandsExecuted: stats.commands,
      listsCompared: stats.lists,
      pagesWalked: stats.pages,
      itemsCompared: stats.itemsCompared,
      crossAccountProbes: stats.crossAccountProbes,
      replays: stats.replays,
      statuses: stats.statuses,
      failures: 0,
    });
  });
});
