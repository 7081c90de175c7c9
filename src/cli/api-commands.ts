import { KlantportaalApiError, KlantportaalNetworkError } from '../client/index.js';
import { customersCommand } from './customers.js';
import { CommandFailed } from './errors.js';
import { importCommand } from './import/import.command.js';
import { invoicesCommand } from './invoices.js';

/**
 * `customers …`, `invoices …` and `import …`: the commands that talk to a running server through the client.
 * An API error is one line on stderr and exit status 1 (with --json, the problem+json goes to stdout as well).
 */
export async function runApiCommand(command: 'customers' | 'invoices' | 'import', sub: string | undefined, rest: string[]): Promise<void> {
  try {
    if (command === 'customers') return await customersCommand(sub, rest);
    if (command === 'invoices') return await invoicesCommand(sub, rest);
    return await importCommand(sub, rest);
  } catch (error) {
    if (error instanceof KlantportaalApiError) {
      if (rest.includes('--json')) process.stdout.write(`${JSON.stringify(error.problem, null, 2)}\n`);
      throw new CommandFailed(`${error.status} ${error.message}`);
    }
    if (error instanceof KlantportaalNetworkError) throw new CommandFailed(error.message);
    throw error;
  }
}
