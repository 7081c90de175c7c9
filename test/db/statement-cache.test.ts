import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { cachingStatements } from '../../src/db/sqlite.js';

test('the same SQL text reuses its prepared statement; the least recently used one leaves a full cache', () => {
  const db = cachingStatements(new SQLite(':memory:'), 2);
  const a = db.prepare('select 1');
  assert.equal(db.prepare('select 1'), a);
  const b = db.prepare('select 2');
  db.prepare('select 1'); // a is now the most recently used
  db.prepare('select 3'); // evicts b
  assert.equal(db.prepare('select 1'), a);
  assert.notEqual(db.prepare('select 2'), b);
  db.close();
});

test('a statement still being iterated is not handed out again', () => {
  const db = cachingStatements(new SQLite(':memory:'));
  const text = 'select value from json_each(?)';
  const first = db.prepare(text);
  const rows = first.iterate(['[1,2,3]']);
  rows.next();
  const second = db.prepare(text);
  assert.notEqual(second, first);
  assert.deepEqual(second.all(['[4]']), [{ value: 4 }]);
  rows.return?.();
  assert.equal(db.prepare(text), first);
  db.close();
});
