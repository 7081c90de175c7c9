import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * DESIGN.md "Layout": the plumbing never imports a section. A section registers its parts (routes, email kinds,
 * webhook events, pages) through the composition root (`app.ts`, `server.ts`, `workers.ts`, `main.ts`), so
 * `outbox/`, `mail/`, `webhooks/` and the rest stay usable by every section to come. Type-only and dynamic
 * imports count too: each one ties the plumbing to a section's code.
 */
const SHARED = ['http', 'db', 'storage', 'outbox', 'mail', 'webhooks', 'lib', 'pdf', 'pages'];
const SECTIONS = ['customers', 'groups', 'invoices', 'portal', 'offers', 'payments', 'files', 'agreements', 'manage'];

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path.join(dir, entry.name)] : []));
}

/** Every module a file names: `import … from`, `export … from`, `import '…'`, `import('…')`. */
function specifiersOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*(['"])([^'"\n]+)\1/g)) found.push(match[2] as string);
  return found;
}

/** The top folder under src/ a relative import lands in ('' for a file at the top, null for a package). */
function folderOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.relative(src, path.resolve(path.dirname(file), specifier));
  if (target.startsWith('..')) return null;
  const parts = target.split(path.sep);
  return parts.length > 1 ? (parts[0] as string) : '';
}

interface Import {
  file: string;
  specifier: string;
  folder: string;
}

function importsOf(file: string): Import[] {
  return specifiersOf(fs.readFileSync(file, 'utf8')).flatMap((specifier) => {
    const folder = folderOf(file, specifier);
    return folder === null ? [] : [{ file: path.relative(src, file), specifier, folder }];
  });
}

const topFolder = (file: string) => path.relative(src, file).split(path.sep)[0] as string;

describe('layout: the plumbing imports no section', () => {
  const files = sourceFiles(src);

  it('reads imports the way the code writes them', () => {
    // The composition root does import sections: if the scan saw none there, it would be blind everywhere.
    const root = ['app.ts', 'workers.ts'].flatMap((name) => importsOf(path.join(src, name)));
    assert.ok(root.some((i) => i.folder === 'invoices'), 'app.ts / workers.ts import invoices/');
    assert.ok(root.some((i) => i.folder === 'portal'), 'app.ts / workers.ts import portal/');
    assert.deepEqual(
      specifiersOf(`import type { A } from '../invoices/a.js';\nexport { b } from "../portal/b.js";\nimport '../offers/c.js';\nconst d = await import('../files/d.js');\nimport {\n  e,\n} from '../groups/e.js';`),
      ['../invoices/a.js', '../portal/b.js', '../offers/c.js', '../files/d.js', '../groups/e.js'],
    );
  });

  it(`no file in ${SHARED.join('/, ')}/ imports from ${SECTIONS.join('/, ')}/`, () => {
    const shared = files.filter((file) => SHARED.includes(topFolder(file)));
    assert.ok(shared.length > 20, `found the shared folders' files (${shared.length})`);
    const offending = shared.flatMap(importsOf).filter((i) => SECTIONS.includes(i.folder));
    assert.deepEqual(
      offending.map((i) => `src/${i.file} imports '${i.specifier}'`),
      [],
      'shared folders must not import a section: let the section register its part through the composition root',
    );
  });
});
